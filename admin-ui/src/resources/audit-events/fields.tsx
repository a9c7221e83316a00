import { Box, Chip, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
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

export const TargetField = ({ emptyText, truncate }: { label?: string; emptyText?: string; truncate?: number }) => {
  const record = useRecordContext<AuditEvent>();
  if (!record?.targetType && !record?.targetId) {
    return emptyText ? (
      <Typography component="span" variant="body2" color="text.secondary">
        {emptyText}
      </Typography>
    ) : null;
  }
  const id = record.targetId ?? '';
  const shortened = truncate !== undefined && id.length > truncate + 1;
  const idElement = (
    <Box component="span" sx={{ fontFamily: monospace, overflowWrap: 'break-word' }}>
      {shortened ? `${id.slice(0, truncate)}…` : id}
    </Box>
  );
  return (
    <Typography component="span" variant="body2">
      {record.targetType} {shortened ? <Tooltip title={id}>{idElement}</Tooltip> : idElement}
    </Typography>
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
