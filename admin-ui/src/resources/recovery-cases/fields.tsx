import { Box, Chip, Link, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import MetIcon from '@mui/icons-material/CheckCircle';
import UnmetIcon from '@mui/icons-material/RadioButtonUnchecked';
import { LinkBase, useCreatePath, useGetIdentity, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { useCanAccessKind } from './access';
import type { RecoveryCase } from './types';

type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

const STATUS_COLORS: Record<string, ChipColor> = {
  draft: 'default',
  checks_passed: 'default',
  pending_approval: 'warning',
  approved: 'info',
  on_hold: 'info',
  executed: 'success',
  rejected: 'error',
  cancelled: 'default',
  expired: 'default',
};

/** The status as a chip, and the marks a status alone does not say: reported by the customer, reverted. */
export const RecoveryStatusChips = ({
  record,
}: {
  record: Pick<RecoveryCase, 'status' | 'reportedAt' | 'revertedAt'> & Partial<Pick<RecoveryCase, 'holdUntil' | 'executedAt'>>;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The true state in words: waiting for whom, effective when, done when — never a vague "in progress".
  const label =
    record.status === 'on_hold' && record.holdUntil
      ? translate('recovery.state.on_hold', { time: formatDateTime(record.holdUntil, locale) })
      : record.status === 'executed' && record.executedAt
        ? translate('recovery.state.executed', { time: formatDateTime(record.executedAt, locale) })
        : record.status === 'pending_approval'
          ? translate('recovery.state.pending_approval')
          : translate(`recovery.status.${record.status}`, { _: record.status });
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      <Chip
        size="small"
        color={STATUS_COLORS[record.status] ?? 'default'}
        variant={record.status === 'pending_approval' || record.status === 'executed' ? 'filled' : 'outlined'}
        label={label}
        data-testid="recovery-state"
      />
      {record.reportedAt && <Chip size="small" color="error" label={translate('recovery.marks.reported')} />}
      {record.revertedAt && <Chip size="small" variant="outlined" label={translate('recovery.marks.reverted')} />}
    </Stack>
  );
};

export const RecoveryStatusField = (_props: { label?: string }) => {
  const record = useRecordContext<RecoveryCase>();
  return record ? <RecoveryStatusChips record={record} /> : null;
};

export const RecoveryActionField = (_props: { label?: string }) => {
  const record = useRecordContext<RecoveryCase>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`recovery.action.${record.action}`, { _: record.action })}
    </Typography>
  );
};

/** A staff member by name where the rules allow reading staff, else by the start of their id; "you" for oneself. */
export const StaffName = ({ id }: { id: string | null | undefined }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccessKind('show', 'staff');
  const mine = Boolean(id && identity && String(identity.id) === id);
  const { data } = useGetOne<{ id: string; name: string; email: string }>(
    'staff',
    { id: id ?? '' },
    { enabled: Boolean(id && canAccess && !mine) },
  );
  if (!id) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('recovery.show.none')}
      </Typography>
    );
  }
  if (mine) {
    return (
      <Typography component="span" variant="body2">
        {identity?.fullName ?? identity?.email ?? id} ({translate('recovery.show.you')})
      </Typography>
    );
  }
  if (data) {
    return (
      <Typography component="span" variant="body2" title={data.email}>
        {data.name}
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: monospace }} title={id}>
      {`${id.slice(0, 8)}…`}
    </Typography>
  );
};

export const OpenedByField = (_props: { label?: string }) => {
  const record = useRecordContext<RecoveryCase>();
  return record ? <StaffName id={record.openedBy} /> : null;
};

/** The account's customer ID, linked to the account page. */
export const AccountCustomerId = ({ accountId }: { accountId: string }) => {
  const createPath = useCreatePath();
  const { data } = useGetOne<{ id: string; customerId: string }>('accounts', { id: accountId });
  return (
    <Link
      component={LinkBase}
      to={createPath({ resource: 'accounts', type: 'show', id: accountId })}
      sx={{ fontFamily: monospace }}
      title={accountId}
      onClick={(event: { stopPropagation(): void }) => event.stopPropagation()}
    >
      {data?.customerId ?? `${accountId.slice(0, 8)}…`}
    </Link>
  );
};

export const AccountField = (_props: { label?: string }) => {
  const record = useRecordContext<RecoveryCase>();
  return record ? <AccountCustomerId accountId={record.accountId} /> : null;
};

/** "2 h 14 min", "3 d 4 h": the time until (or since) an instant, for holds. */
export function useDuration() {
  const translate = useTranslate();
  return (ms: number) => {
    const abs = Math.abs(ms);
    const minutes = Math.floor(abs / 60_000);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    if (days > 0) return translate('recovery.show.time.days', { d: days, h: hours % 24 });
    if (hours > 0) return translate('recovery.show.time.hours', { h: hours, m: minutes % 60 });
    if (minutes > 0) return translate('recovery.show.time.minutes', { m: minutes });
    return translate('recovery.show.time.seconds');
  };
}

export interface Condition {
  key: string;
  label: string;
  met: boolean;
}

/**
 * What an action needs, each line met or not: a disabled button says why through this list (the button is
 * described by it).
 */
export const ConditionList = ({ id, labelledBy, conditions }: { id: string; labelledBy: string; conditions: Condition[] }) => {
  const translate = useTranslate();
  return (
    <List dense disablePadding id={id} aria-labelledby={labelledBy}>
      {conditions.map((condition) => (
        <ListItem key={condition.key} disableGutters sx={{ py: 0 }} data-condition={condition.key} data-met={condition.met}>
          <ListItemIcon sx={{ minWidth: 30 }}>
            {condition.met ? (
              <MetIcon fontSize="small" color="success" aria-hidden />
            ) : (
              <UnmetIcon fontSize="small" color="disabled" aria-hidden />
            )}
          </ListItemIcon>
          <ListItemText
            primary={
              <>
                {condition.label}
                <Box component="span" sx={visuallyHidden}>
                  {` (${translate(condition.met ? 'recovery.workspace.met' : 'recovery.workspace.unmet')})`}
                </Box>
              </>
            }
            slotProps={{ primary: { variant: 'body2', color: condition.met ? 'text.primary' : 'text.secondary' } }}
          />
        </ListItem>
      ))}
    </List>
  );
};

export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
