import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from './types';

/** What an entry is about, in words: a customer ID, a staff email, a case number; never a UUID. */
export const targetLabel = (translate: ReturnType<typeof useTranslate>, e: AuditEvent): string => {
  const d = e.display;
  const caseText = d.caseRef
    ? translate(d.caseKind ? `audit_ex.target.${d.caseKind}_case` : 'audit_ex.target.case', { ref: d.caseRef })
    : null;
  if (d.customerId) return caseText ? `${d.customerId} · ${caseText}` : d.customerId;
  if (caseText) return caseText;
  if (d.staffEmail) return d.staffEmail;
  if (e.targetType === 'staff_login' && e.targetId) return translate('audit_ex.target.staff_login', { email: e.targetId });
  if (e.targetType) return translate(`audit_ex.target.types.${e.targetType}`, { _: translate('audit_ex.drawer.nothing') });
  return translate('audit_ex.drawer.nothing');
};

export const TargetField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      {targetLabel(translate, record)}
    </Typography>
  );
};
