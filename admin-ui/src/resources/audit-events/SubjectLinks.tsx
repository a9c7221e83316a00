import { Button, Stack } from '@mui/material';
import OpenIcon from '@mui/icons-material/OpenInNew';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import type { AuditEvent } from './types';

/** One click from an entry to what it is about: the account, the case, the staff member. */
export const SubjectLinks = ({ entry }: { entry: AuditEvent }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const d = entry.display;
  const show = (resource: string, id: string) => createPath({ resource, type: 'show', id });
  const caseId = entry.caseId ?? (entry.targetType === 'identity_case' ? entry.targetId : null);
  const links = [
    d.accountId && d.customerId
      ? { to: show('accounts', d.accountId), label: translate('audit_ex.drawer.open_account', { customerId: d.customerId }) }
      : null,
    d.caseKind && caseId && d.caseRef
      ? {
          to: show(d.caseKind === 'recovery' ? 'recovery-cases' : 'identity-cases', caseId),
          label: translate('audit_ex.drawer.open_case', { ref: d.caseRef }),
        }
      : null,
    d.staffId && d.staffEmail
      ? { to: show('staff', d.staffId), label: translate('audit_ex.drawer.open_staff', { email: d.staffEmail }) }
      : null,
  ].filter((l) => l !== null);
  if (!links.length) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
      {links.map((l) => (
        <Button key={l.to} component={LinkBase} to={l.to} size="small" variant="outlined" startIcon={<OpenIcon />}>
          {l.label}
        </Button>
      ))}
    </Stack>
  );
};
