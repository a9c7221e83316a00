import type { ReactNode } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import type { AccountDetail, AccountSummary, CheckResult } from './types';

/** The account's state as chips: status, missing backup email, pending requirements (flags), 2FA where known. */
export const AccountChips = ({ withTwoFactor = false }: { label?: string; withTwoFactor?: boolean }) => {
  const record = useRecordContext<AccountSummary & Partial<AccountDetail>>();
  const translate = useTranslate();
  if (!record) return null;
  const chips: ReactNode[] = [];
  if (record.status === 'locked') {
    chips.push(<Chip key="locked" size="small" color="error" label={translate('rd.accounts.status.locked')} />);
  }
  if (!record.hasBackupEmail) {
    chips.push(
      <Chip key="no-backup" size="small" color="warning" variant="outlined" label={translate('rd.accounts.flags.no_backup_email')} />,
    );
  }
  for (const flag of record.flags ?? []) {
    chips.push(
      <Chip key={flag} size="small" color="info" variant="outlined" label={translate(`rd.accounts.flags.${flag}`, { _: flag })} />,
    );
  }
  if (withTwoFactor && record.twoFactorEnabled !== undefined) {
    chips.push(
      <Chip
        key="2fa"
        size="small"
        variant="outlined"
        color={record.twoFactorEnabled ? 'success' : 'default'}
        label={translate(record.twoFactorEnabled ? 'rd.accounts.flags.two_factor_on' : 'rd.accounts.flags.two_factor_off')}
      />,
    );
  }
  if (chips.length === 0) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {chips}
    </Stack>
  );
};

export const AccountTypeField = (_props: { source: 'accountType'; label?: string }) => {
  const record = useRecordContext<AccountSummary>();
  const translate = useTranslate();
  if (!record?.accountType) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`rd.accounts.type.${record.accountType}`, { _: record.accountType })}
    </Typography>
  );
};

/** The holder's name, and the company under it for organisations. */
export const HolderField = (_props: { label?: string }) => {
  const record = useRecordContext<AccountSummary>();
  if (!record) return null;
  return (
    <Box>
      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
        {record.name}
      </Typography>
      {record.companyName && (
        <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
          {record.companyName}
        </Typography>
      )}
    </Box>
  );
};

/** A masked value as the server sent it, in monospace so the stars line up; a dash when there is none. */
export const MaskedText = ({ value, full = false }: { value: string | null | undefined; full?: boolean }) => {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('rd.accounts.contact.none')}
      </Typography>
    );
  }
  return (
    <Typography
      component="span"
      variant="body2"
      // Masked values are short and unreadable once broken; full ones may be long and wrap anywhere.
      sx={full ? { fontFamily: monospace, overflowWrap: 'anywhere', fontWeight: 600 } : { fontFamily: monospace, whiteSpace: 'nowrap' }}
      color={full ? 'text.primary' : 'text.secondary'}
    >
      {value}
    </Typography>
  );
};

export const MaskedField = ({ source }: { source: keyof AccountSummary; label?: string }) => {
  const record = useRecordContext<AccountSummary>();
  const value = record?.[source];
  return <MaskedText value={typeof value === 'string' ? value : null} />;
};

export const resultColors: Record<CheckResult, 'success' | 'error' | 'warning' | 'default'> = {
  match: 'success',
  no_match: 'error',
  expired: 'warning',
  locked: 'error',
  no_value_on_file: 'default',
};

// `string`: a result this console does not know yet still shows, as its key in the default colour.
export const CheckResultChip = ({ result }: { result: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={result === 'match' ? 'filled' : 'outlined'}
      color={resultColors[result as CheckResult] ?? 'default'}
      label={translate(`rd.accounts.verification.result.${result}`, { _: result })}
    />
  );
};

/** A label above its value, as react-admin's `Labeled` lays it out, for values that are not record fields. */
export const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ minWidth: 0 }}>
    <Typography component="div" variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Box sx={{ minHeight: 24 }}>{children}</Box>
  </Box>
);
