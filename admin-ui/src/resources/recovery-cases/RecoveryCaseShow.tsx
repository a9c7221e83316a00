import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  LinkBase,
  Show,
  useCreatePath,
  useGetList,
  useGetOne,
  useLocaleState,
  useRecordContext,
  useRefresh,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiErrorOf } from '../../providers/http';
import { monospace } from '../../theme';
import { useNow } from '../accounts/CallContext';
import { Item } from '../accounts/fields';
import type { AccountDetail } from '../accounts/types';
import type { AuditEvent } from '../audit-events/types';
import type { OutboxMessage } from '../mail-outbox/types';
import { useCanAccessKind } from './access';
import { CaseButtons } from './CaseButtons';
import { AccountCustomerId, RecoveryStatusChips, StaffName, useDuration } from './fields';
import type { RecoveryCase } from './types';
import { Panel } from '../../common/Panel';

const CaseTitle = () => {
  const record = useRecordContext<RecoveryCase>();
  const translate = useTranslate();
  return <>{record ? translate('recovery.show.title', { ref: String(record.id).slice(0, 8) }) : ''}</>;
};

/**
 * One recovery case: the exact change it makes, the evidence it rests on, where it stands (approval, hold,
 * execution, report), the buttons the rules and the status allow, and — for supervisors — its audit entries and
 * the mails sent to the account.
 */
export const RecoveryCaseShow = () => (
  <Show title={<CaseTitle />} actions={false} component="div" emptyWhileLoading={false}>
    <CaseWorkspace />
  </Show>
);

const Code = ({ children, title }: { children: ReactNode; title?: string }) => (
  <Typography component="span" variant="body2" sx={{ fontFamily: monospace, overflowWrap: 'anywhere' }} title={title}>
    {children}
  </Typography>
);

const Dash = () => {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" color="text.secondary">
      {translate('recovery.show.none')}
    </Typography>
  );
};

const When = ({ iso }: { iso: string | null }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!iso) return <Dash />;
  return (
    <Typography component="time" variant="body2" dateTime={iso} title={translate('rd.utc', { iso })}>
      {formatDateTime(iso, locale)}
    </Typography>
  );
};

const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>{children}</Box>
);

const CaseWorkspace = () => {
  const { record, isPending } = useShowContext<RecoveryCase>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const audit = useCanAccessKind('list', 'audit-events');
  const mails = useCanAccessKind('list', 'mail-outbox');
  // Opened from the list, react-admin may first show the row; every field the page needs is in it anyway.
  if (isPending || !record) return <CircularProgress sx={{ m: 4 }} aria-label={translate('ra.page.loading')} />;

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <CaseHeader record={record} onRefresh={refresh} />
        <ChangeSection record={record} />
        <LifecycleSection record={record} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        {audit.canAccess && <AuditTimeline record={record} />}
        {mails.canAccess && <Mails record={record} />}
      </Box>
    </Box>
  );
};

const CaseHeader = ({ record, onRefresh }: { record: RecoveryCase; onRefresh(): void }) => {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="recovery-case-title">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography id="recovery-case-title" variant="h5" component="h1">
            {translate(`recovery.action.${record.action}`, { _: record.action })}
          </Typography>
          <RecoveryStatusChips record={record} />
          <Box sx={{ flex: 1 }} />
          <Button size="small" startIcon={<RefreshIcon />} onClick={onRefresh}>
            {translate('recovery.show.refresh')}
          </Button>
        </Box>
        <Box sx={{ mt: 1.5 }}>
          <Grid>
            <Item label={translate('recovery.fields.customerId')}>
              <AccountCustomerId accountId={record.accountId} />
            </Item>
            <Item label={translate('recovery.fields.createdAt')}>
              <When iso={record.createdAt} />
            </Item>
            <Item label={translate('recovery.fields.openedBy')}>
              <StaffName id={record.openedBy} />
            </Item>
            <Item label={translate('recovery.fields.callReference')}>
              <Code>{record.callReference}</Code>
            </Item>
          </Grid>
          <Box sx={{ mt: 1.5 }}>
            <Item label={translate('recovery.fields.reason')}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {record.reason}
              </Typography>
            </Item>
          </Box>
        </Box>
        <CaseButtons record={record} />
      </CardContent>
    </Card>
  );
};

/** A 2FA disablement: which methods go and which stay, by the account's current list (masked labels). */
const TwoFactorEffect = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const { data: account } = useGetOne<AccountDetail>('accounts', { id: record.accountId });
  const methods = account?.twoFactorMethods ?? [];
  const name = (m: { kind: string; label: string }) => `${translate(`rd.accounts.two_factor.kind.${m.kind}`, { _: m.kind })} “${m.label}”`;
  const ids = record.twoFactorMethodIds;
  const removed = ids ? methods.filter(m => ids.includes(m.id)) : methods;
  const kept = ids ? methods.filter(m => !ids.includes(m.id)) : [];
  const gone = ids ? ids.length - removed.length : 0;
  const list = [
    ...(ids ? removed.map(name) : [translate('recovery.show.effect.all_methods')]),
    ...(gone > 0 ? [translate('recovery.show.effect.methods_gone', { smart_count: gone })] : []),
  ];
  return (
    <>
      {translate('recovery.show.effect.disable_2fa', {
        methods: list.join(', ') || translate('recovery.show.none'),
        kept: kept.map(name).join(', ') || translate('recovery.show.none'),
      })}
    </>
  );
};

/** What the action does to the account, exactly: the approval hash binds this. */
const ChangeSection = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const identityCases = useCanAccessKind('show', 'identity-cases');
  return (
    <Panel id="recovery-change-title" title={translate('recovery.show.change')}>
      <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="recovery-effect">
        {record.action === 'disable_2fa' ? (
          <TwoFactorEffect record={record} />
        ) : (
          translate(`recovery.show.effect.${record.action}`, { value: record.newValue ?? '—', _: record.action })
        )}
      </Typography>
      <Grid>
        <Item label={translate('recovery.fields.action')}>
          <Code>{record.action}</Code>
        </Item>
        <Item label={translate('recovery.fields.customerId')}>
          <AccountCustomerId accountId={record.accountId} />
        </Item>
        <Item label={translate('recovery.fields.newValue')}>{record.newValue ? <Code>{record.newValue}</Code> : <Dash />}</Item>
        <Item label={translate('recovery.fields.id')}>
          <Code>{record.id}</Code>
        </Item>
      </Grid>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('recovery.show.evidence')}
      </Typography>
      <Grid>
        <Item label={translate('recovery.fields.verificationId')}>
          {record.verificationId ? <Code>{record.verificationId}</Code> : <Dash />}
        </Item>
        <Item label={translate('recovery.fields.identityCaseId')}>
          {record.identityCaseId ? (
            identityCases.canAccess ? (
              <Link
                component={LinkBase}
                to={createPath({ resource: 'identity-cases', type: 'show', id: record.identityCaseId })}
                sx={{ fontFamily: monospace, overflowWrap: 'anywhere' }}
                title={translate('recovery.show.open_documents')}
              >
                {record.identityCaseId}
              </Link>
            ) : (
              <Code>{record.identityCaseId}</Code>
            )
          ) : (
            <Dash />
          )}
        </Item>
      </Grid>
      <Box sx={{ mt: 1.5 }}>
        <Item label={translate('recovery.fields.approvalHash')}>
          {record.approvalHash ? (
            <Typography component="code" variant="body2" sx={{ fontFamily: monospace, overflowWrap: 'anywhere', fontSize: '0.8rem' }} data-testid="approval-hash">
              {record.approvalHash}
            </Typography>
          ) : (
            <Dash />
          )}
        </Item>
      </Box>
    </Panel>
  );
};

const HoldNotice = ({ holdUntil }: { holdUntil: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useNow(1000);
  const duration = useDuration();
  const end = new Date(holdUntil).getTime();
  const time = formatDateTime(holdUntil, locale);
  return end > now ? (
    <Alert severity="info" role="status">
      {translate('recovery.show.hold.waiting', { time, left: duration(end - now) })}
    </Alert>
  ) : (
    <Alert severity="success" role="status">
      {translate('recovery.show.hold.over', { time })}
    </Alert>
  );
};

const LifecycleSection = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Panel id="recovery-lifecycle-title" title={translate('recovery.show.lifecycle')}>
      <Box sx={{ display: 'grid', gap: 1, mb: 1.5 }}>
        {record.status === 'pending_approval' && <Alert severity="warning">{translate('recovery.show.pending')}</Alert>}
        {record.status === 'on_hold' && record.holdUntil && <HoldNotice holdUntil={record.holdUntil} />}
        {record.reportedAt && (
          <Alert severity="error">{translate('recovery.show.reported', { time: formatDateTime(record.reportedAt, locale) })}</Alert>
        )}
        {record.revertedAt && (
          <Alert severity="info">{translate('recovery.show.reverted', { time: formatDateTime(record.revertedAt, locale) })}</Alert>
        )}
        {record.closedReason && <Alert severity="info">{translate('recovery.show.closed', { reason: record.closedReason })}</Alert>}
      </Box>
      <Grid>
        <Item label={translate('recovery.fields.approvedBy')}>
          <StaffName id={record.approvedBy} />
        </Item>
        <Item label={translate('recovery.fields.approvedAt')}>
          <When iso={record.approvedAt} />
        </Item>
        <Item label={translate('recovery.fields.holdUntil')}>
          <When iso={record.holdUntil} />
        </Item>
        <Item label={translate('recovery.fields.executedAt')}>
          <When iso={record.executedAt} />
        </Item>
        <Item label={translate('recovery.fields.reportedAt')}>
          <When iso={record.reportedAt} />
        </Item>
        <Item label={translate('recovery.fields.revertedAt')}>
          <When iso={record.revertedAt} />
        </Item>
        <Item label={translate('recovery.fields.version')}>
          <Code>{record.version}</Code>
        </Item>
      </Grid>
    </Panel>
  );
};

/** `recovery.backup_to_primary.execute` → "Executed". */
const actionLabel = (translate: ReturnType<typeof useTranslate>, action: string) => {
  const verb = action.split('.').pop() ?? action;
  return translate(`recovery.audit_action.${verb}`, { _: action });
};

const compact = (value: Record<string, unknown> | null) =>
  value
    ? Object.entries(value)
        .map(([key, v]) => `${key}: ${v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' · ')
    : '';

/** The case's audit entries, oldest first: who did what, when, why, with the masked before/after. */
const AuditTimeline = ({ record }: { record: RecoveryCase }) => {
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
        <Typography variant="body2" color="text.secondary">
          {translate('recovery.show.timeline_empty')}
        </Typography>
      ) : (
        <Box component="ol" aria-labelledby="recovery-timeline-title" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="recovery-timeline">
          {entries.map(entry => (
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
                  <Chip size="small" color="error" variant="outlined" label={translate(`rd.audit.outcome.${entry.outcome}`, { _: entry.outcome })} />
                )}
                <Typography component="time" variant="body2" color="text.secondary" dateTime={entry.at}>
                  {formatDateTime(entry.at, locale)}
                </Typography>
              </Box>
              <Typography variant="body2">
                {entry.actorEmail ?? translate('recovery.system')}
                {entry.ip ? ` · ${entry.ip}` : ''}
                {' · '}
                <Link component={LinkBase} to={createPath({ resource: 'audit-events', type: 'show', id: entry.id })} sx={{ fontFamily: monospace, fontSize: '0.8rem' }}>
                  {entry.action}
                </Link>
              </Typography>
              {entry.reason && (
                <Typography variant="body2" color="text.secondary">
                  {translate('recovery.fields.reason')}: {entry.reason}
                </Typography>
              )}
              {(entry.before || entry.after) && (
                <Typography variant="body2" color="text.secondary" sx={{ fontFamily: monospace, fontSize: '0.78rem', overflowWrap: 'anywhere' }}>
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

/** The account's mails (state, never content), the ones since the case was opened marked. */
const Mails = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useGetList<OutboxMessage>('mail-outbox', {
    filter: { accountId: record.accountId },
    pagination: { page: 1, perPage: 25 },
  });
  const since = record.createdAt;
  return (
    <Panel id="recovery-mails-title" title={translate('recovery.show.mails')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('recovery.show.mails_hint')}
      </Typography>
      {isPending ? (
        <CircularProgress size={24} />
      ) : error ? (
        <Alert severity="error">{translate('recovery.show.mails_failed', { message: apiErrorOf(error).message })}</Alert>
      ) : !data || data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('recovery.show.mails_empty')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="recovery-mails-title" data-testid="recovery-mails">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.mail-outbox.fields.template')}</TableCell>
                <TableCell>{translate('resources.mail-outbox.fields.to')}</TableCell>
                <TableCell>{translate('resources.mail-outbox.fields.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map(mail => {
                const recent = mail.createdAt >= since;
                return (
                  <TableRow key={mail.id} sx={recent ? { '& td:first-of-type': { boxShadow: 'inset 3px 0 0 #2f4858' } } : undefined}>
                    <TableCell>
                      {translate(`recovery.mail_template.${mail.template}`, {
                        _: translate(`rd.outbox.template.${mail.template}`, { _: mail.template }),
                      })}
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt, locale)}</time>
                        {recent && ` · ${translate('recovery.show.since_case')}`}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ fontFamily: monospace, whiteSpace: 'nowrap' }}>{mail.to}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        variant={mail.status === 'failed' ? 'filled' : 'outlined'}
                        color={mail.status === 'sent' ? 'success' : mail.status === 'failed' ? 'error' : 'default'}
                        label={translate(`rd.outbox.status.${mail.status}`, { _: mail.status })}
                        title={mail.lastError ?? undefined}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
    </Panel>
  );
};
