import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, CircularProgress, IconButton, TableBody, TableCell, TableRow, Tooltip } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { apiErrorOf } from '../../providers/http';
import { formatDate, formatTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { useCall } from './CallContext';
import { RecentMailsNotice } from './RecentMailsNotice';
import type { AccountDetail, SecurityEvent } from './types';
import { TableHeader } from '../../common/TableHeader';
import { Panel } from '../../common/Panel';
import { Note } from '../../common/Note';
import { ScrollTable } from '../../common/ScrollTable';

const PAGE_SIZE = 25;

/** Kinds worth the agent's eye: a failed sign-in, a removed factor, a changed address. */
const NOTABLE = new Set(['login_failed', '2fa_disabled', '2fa_method_removed', 'contact_email_changed', 'backup_email_changed']);

/**
 * What happened to the account, newest first ("was a reset email sent, and where?"), 25 at a time with "load
 * more". Reloads after the agent's own actions that add to it (a code sent, a reminder).
 */
export const SecurityTimeline = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const account = useRecordContext<AccountDetail>();
  const { timelineVersion } = useCall();
  const accountId = account?.id;
  const [events, setEvents] = useState<SecurityEvent[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  // A first page is loading until the answer for this account and timeline version has come (derived, so the
  // effect sets no state itself); `busy` covers the refresh and next-page buttons.
  const [settled, setSettled] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wanted = `${accountId}:${timelineVersion}`;
  const loading = busy || (Boolean(accountId) && settled !== wanted);
  const [error, setError] = useState<string | null>(null);
  // Answers to an older request (another account, an earlier refresh) are dropped.
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | null, key: string) => {
      if (!accountId) return;
      const asked = ++generation.current;
      await dataProvider
        .getAccountEvents(accountId, { cursor, limit: PAGE_SIZE })
        .then(
          (page) => {
            if (asked !== generation.current) return;
            setEvents((previous) => (cursor ? [...previous, ...page.data] : page.data));
            setNextCursor(page.nextCursor);
            setError(null);
          },
          (failure: unknown) => {
            if (asked === generation.current) setError(apiErrorOf(failure).message);
          },
        )
        .finally(() => {
          if (asked !== generation.current) return;
          setSettled(key);
          setBusy(false);
        });
    },
    [accountId, dataProvider],
  );

  useEffect(() => {
    void fetchPage(null, wanted);
  }, [fetchPage, wanted]);

  const load = (cursor: string | null) => {
    if (!accountId) return;
    setBusy(true);
    void fetchPage(cursor, wanted);
  };

  return (
    <Panel
      id="timeline-title"
      title={translate('rd.accounts.sections.timeline')}
      action={
        <Tooltip title={translate('rd.accounts.timeline.refresh')}>
          <span>
            <IconButton size="small" onClick={() => load(null)} disabled={loading} aria-label={translate('rd.accounts.timeline.refresh')}>
              <RefreshIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      }
    >
      {error && (
        <Alert severity="error" sx={{ my: 1 }}>
          {translate('rd.accounts.timeline.failed', { message: error })}
        </Alert>
      )}
      <RecentMailsNotice events={events} />
      {events.length === 0 && !loading && !error && <Note>{translate('rd.accounts.timeline.empty')}</Note>}
      {events.length > 0 && (
        <ScrollTable aria-labelledby="timeline-title">
          <TableHeader
            columns={[
              translate('rd.accounts.timeline.columns.at'),
              translate('rd.accounts.timeline.columns.event'),
              translate('rd.accounts.timeline.columns.channel'),
              translate('rd.accounts.timeline.columns.detail'),
            ]}
          />
          <TableBody>
            {events.map((event) => (
              <TableRow key={event.id} data-kind={event.kind}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title={translate('rd.utc', { iso: event.at })}>
                    <time dateTime={event.at}>
                      {formatDate(event.at, locale)}
                      <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
                        {formatTime(event.at, locale)}
                      </Box>
                    </time>
                  </Tooltip>
                </TableCell>
                <TableCell sx={{ minWidth: 160, ...(NOTABLE.has(event.kind) ? { fontWeight: 600, color: 'warning.dark' } : {}) }}>
                  {translate(`rd.accounts.timeline.kind.${event.kind}`, { _: event.kind })}
                </TableCell>
                <TableCell>
                  {translate(`rd.accounts.timeline.channel.${event.channel}`, { _: event.channel })}
                  {event.destination && (
                    <Box
                      component="span"
                      sx={{ display: 'block', fontFamily: monospace, fontSize: '0.8125rem', whiteSpace: 'nowrap' }}
                      aria-label={translate('rd.accounts.timeline.columns.destination')}
                    >
                      {`→ ${event.destination}`}
                    </Box>
                  )}
                </TableCell>
                <TableCell>{event.detail ? translate(`rd.accounts.timeline.detail.${event.detail}`, { _: event.detail }) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {(loading || nextCursor) && (
        <Box sx={{ mt: 1.5, display: 'flex', justifyContent: 'center' }}>
          {loading ? (
            <CircularProgress size={24} />
          ) : (
            <Button variant="text" onClick={() => load(nextCursor)}>
              {translate('rd.accounts.timeline.load_more')}
            </Button>
          )}
        </Box>
      )}
    </Panel>
  );
};
