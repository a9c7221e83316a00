import { Chip, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent, AuditOutcome } from './types';

const outcomeColors: Record<AuditOutcome, 'success' | 'warning' | 'error'> = {
  success: 'success',
  failure: 'warning',
  denied: 'error',
};

export const OutcomeField = (_props: { source: 'outcome'; label?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const outcome = record?.outcome;
  if (!outcome) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={outcomeColors[outcome] ?? 'default'}
      label={translate(`rd.audit.outcome.${outcome}`, { _: outcome })}
    />
  );
};

/** An audit action in the reader's language; `recovery.<action>.<verb>` is composed from its two parts. */
export const auditActionLabel = (translate: ReturnType<typeof useTranslate>, action: string) => {
  const recovery = /^recovery\.(\w+)\.(\w+)$/.exec(action);
  if (recovery) {
    return translate('rd.audit.recovery', {
      action: translate(`recovery.action.${recovery[1]}`, { _: recovery[1] }),
      verb: translate(`recovery.audit_action.${recovery[2]}`, { _: recovery[2] }),
    });
  }
  return translate(`rd.audit.action.${action}`, { _: action });
};

/** The action, translated; its code (what the action filter takes) shows on hover. */
export const AuditActionField = (_props: { source: 'action'; label?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record?.action) return null;
  return (
    <Tooltip title={record.action}>
      <Typography component="span" variant="body2">
        {auditActionLabel(translate, record.action)}
      </Typography>
    </Tooltip>
  );
};
