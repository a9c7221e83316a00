import { Box, Chip, Tooltip, Typography } from '@mui/material';
import FlagIcon from '@mui/icons-material/OutlinedFlag';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { CaseSummary } from './types';

type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

const statusColors: Record<string, ChipColor> = {
  collecting: 'default',
  submitted: 'info',
  in_review: 'primary',
  awaiting_reupload: 'warning',
  verified: 'success',
  rejected: 'error',
  expired: 'default',
};

export const CaseStatusChip = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={status === 'verified' || status === 'rejected' ? 'filled' : 'outlined'}
      color={statusColors[status] ?? 'default'}
      label={translate(`cases.status.${status}`, { _: status })}
      data-testid="case-status"
    />
  );
};

export const StatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<CaseSummary>();
  return record ? <CaseStatusChip status={record.status} /> : null;
};

export const FlagChips = ({ flags }: { flags: string[] }) => {
  const translate = useTranslate();
  if (!flags.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {flags.map((flag) => (
        <Tooltip key={flag} title={translate(`cases.flag_help.${flag}`, { _: flag })}>
          <Chip size="small" color="warning" icon={<FlagIcon />} label={translate(`cases.flags.${flag}`, { _: flag })} />
        </Tooltip>
      ))}
    </Box>
  );
};

export const FlagsField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<CaseSummary>();
  return record ? <FlagChips flags={record.fraudFlags ?? []} /> : null;
};

/** "2 d 5 h", "3 h 12 min", "8 min": precise enough to sort one's work, short enough for a column. */
export function useFormatDuration() {
  const translate = useTranslate();
  return (ms: number) => {
    const minutes = Math.floor(Math.abs(ms) / 60_000);
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return translate('cases.time.days', { d, h });
    if (h > 0) return translate('cases.time.hours', { h, m });
    return translate('cases.time.minutes', { m });
  };
}

/** Time left to the 72-hour answer target; red when late. Measured at the decision once the case is decided. */
export const TimeLeft = ({ record }: { record: Pick<CaseSummary, 'msLeft' | 'late' | 'decidedAt' | 'dueAt'> }) => {
  const translate = useTranslate();
  const format = useFormatDuration();
  if (record.msLeft === null || record.msLeft === undefined) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  const text = record.decidedAt
    ? translate(record.late ? 'cases.time.answered_late' : 'cases.time.answered')
    : record.late
      ? translate('cases.time.late', { time: format(record.msLeft) })
      : translate('cases.time.left', { time: format(record.msLeft) });
  const soon = !record.late && !record.decidedAt && record.msLeft < 12 * 3600_000;
  return (
    <Typography
      component="span"
      variant="body2"
      data-testid="time-left"
      sx={{
        whiteSpace: 'nowrap',
        fontWeight: record.late || soon ? 600 : undefined,
        color: record.late ? 'error.main' : soon ? 'warning.dark' : undefined,
      }}
    >
      {text}
    </Typography>
  );
};

export const TimeLeftField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<CaseSummary>();
  return record ? <TimeLeft record={record} /> : null;
};

export const TranslatedField = ({ source, prefix }: { source: keyof CaseSummary; prefix: string; label?: string }) => {
  const record = useRecordContext<CaseSummary>();
  const translate = useTranslate();
  const value = record?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`${prefix}.${String(value)}`, { _: String(value) })}
    </Typography>
  );
};

/** Whose hands the case is in, from the signed-in reviewer's point of view. */
export const ReviewerText = ({ reviewerId }: { reviewerId: string | null }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const key = !reviewerId ? 'none' : identity && String(identity.id) === reviewerId ? 'you' : 'other';
  return (
    <Typography component="span" variant="body2" color={key === 'none' ? 'text.secondary' : undefined}>
      {translate(`cases.reviewer.${key}`)}
    </Typography>
  );
};

export const ReviewerField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<CaseSummary>();
  return record ? <ReviewerText reviewerId={record.reviewerId} /> : null;
};

export const formatBytes = (bytes: number, locale: string) => {
  const units = ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
};
