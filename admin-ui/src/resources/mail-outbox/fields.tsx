import { Chip, Link, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import type { OutboxMessage, OutboxStatus } from './types';

const statusColors: Record<OutboxStatus, 'default' | 'success' | 'error'> = {
  pending: 'default',
  sent: 'success',
  failed: 'error',
};

export const OutboxStatusField = (_props: { source: 'status'; label?: string }) => {
  const record = useRecordContext<OutboxMessage>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant={record.status === 'failed' ? 'filled' : 'outlined'}
      color={statusColors[record.status] ?? 'default'}
      label={translate(`rd.outbox.status.${record.status}`, { _: record.status })}
    />
  );
};

export const TemplateField = (_props: { source: 'template'; label?: string }) => {
  const record = useRecordContext<OutboxMessage>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {translate(`rd.outbox.template.${record.template}`, { _: record.template })}
    </Typography>
  );
};

/** The last error in full (a wrapped line, not a tooltip): it is what the supervisor came for. */
export const LastErrorField = (_props: { source: 'lastError'; label?: string }) => {
  const record = useRecordContext<OutboxMessage>();
  if (!record?.lastError) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      color={record.status === 'failed' ? 'error' : 'text.secondary'}
      sx={{ fontFamily: monospace, fontSize: '0.8125rem', overflowWrap: 'anywhere' }}
    >
      {record.lastError}
    </Typography>
  );
};

/** The account the mail went to, opened in the account page (masked there too). */
export const AccountLinkField = (_props: { source: 'accountId'; label?: string }) => {
  const record = useRecordContext<OutboxMessage>();
  const createPath = useCreatePath();
  if (!record?.accountId) return null;
  return (
    <Link
      component={LinkBase}
      to={createPath({ resource: 'accounts', type: 'show', id: record.accountId })}
      sx={{ fontFamily: monospace, fontSize: '0.8125rem' }}
      title={record.accountId}
    >
      {`${record.accountId.slice(0, 8)}…`}
    </Link>
  );
};
