import { Alert, Box, Chip, CircularProgress, Link, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiErrorOf } from '../../providers/http';
import { monospace } from '../../theme';
import type { AuditEvent } from '../audit-events/types';
import type { RecoveryCase } from './types';
import { Panel } from '../../common/Panel';
import { Note } from '../../common/Note';

/** `recovery.backup_to_primary.execute` → "Executed". */
const actionLabel = (translate: ReturnType<typeof useTranslate>, action: string) => {
  const verb = action.split('.').pop() ?? action;
  return translate(`recovery.audit_action.${verb}`, { _: action });
};

const compact = (value: Record<string, unknown> | null) =>
  value
    ? Object.entries(value)
        .map(([key, v]) => `${key}: ${v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' · ')
    : '';

/** The case's audit entries, oldest first: who did what, when, why, with the masked before/after. */
export const CaseAuditTrail = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { data, error, isPending } = useGetList<AuditEvent>('audit-events', {
    filter: { caseId: record.id },
    pagination: { page: 1, perPage: 100 },
  });
  const entries = [...(data ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Panel id="recovery-timeline-title" title={translate('recovery.show.timeline')}>
      {isPending ? (
        <CircularProgress size={24} />
      ) : error ? (
        <Alert severity="error">{translate('recovery.show.timeline_failed', { message: apiErrorOf(error).message })}</Alert>
      ) : entries.length === 0 ? (
        <Note>{translate('recovery.show.timeline_empty')}</Note>
      ) : (
        <Box
          component="ol"
          aria-labelledby="recovery-timeline-title"
          sx={{ listStyle: 'none', m: 0, p: 0 }}
          data-testid="recovery-timeline"
        >
          {entries.map((entry) => (
            <Box
              component="li"
              key={entry.id}
              sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: 2, borderColor: 'divider', ml: 1, '&:last-of-type': { pb: 0 } }}
            >
              <Box
                aria-hidden
                sx={{
                  position: 'absolute',
                  left: -7,
                  top: 4,
                  width: 12,
                  height: 12,
                  borderRadius: '50%',
                  bgcolor: entry.outcome === 'success' ? 'primary.main' : 'error.main',
                }}
              />
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Typography variant="subtitle2" component="span">
                  {actionLabel(translate, entry.action)}
                </Typography>
                {entry.outcome !== 'success' && (
                  <Chip
                    size="small"
                    color="error"
                    variant="outlined"
                    label={translate(`rd.audit.outcome.${entry.outcome}`, { _: entry.outcome })}
                  />
                )}
                <Typography component="time" variant="body2" color="text.secondary" dateTime={entry.at}>
                  {formatDateTime(entry.at, locale)}
                </Typography>
              </Box>
              <Typography variant="body2">
                {entry.actorEmail ?? translate('recovery.system')}
                {entry.ip ? ` · ${entry.ip}` : ''}
                {' · '}
                <Link
                  component={LinkBase}
                  to={createPath({ resource: 'audit-events', type: 'show', id: entry.id })}
                  sx={{ fontFamily: monospace, fontSize: '0.8rem' }}
                >
                  {entry.action}
                </Link>
              </Typography>
              {entry.reason && (
                <Note>
                  {translate('recovery.fields.reason')}: {entry.reason}
                </Note>
              )}
              {(entry.before || entry.after) && (
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ fontFamily: monospace, fontSize: '0.78rem', overflowWrap: 'anywhere' }}
                >
                  {entry.before ? `${compact(entry.before)} → ` : ''}
                  {compact(entry.after)}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
    </Panel>
  );
};
