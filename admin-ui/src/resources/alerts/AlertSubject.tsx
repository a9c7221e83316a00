import { Box, Link } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import { type AlertRecord } from '../../supervision/api';
import { subjectText } from './alertLabels';

/** Where the console shows the subject: the account, the identity case, the member's audit trail, the entry. */
const useSubjectPath = (subject: AlertRecord['subject']) => {
  const createPath = useCreatePath();
  switch (subject.type) {
    case 'account':
      return subject.id ? createPath({ resource: 'accounts', type: 'show', id: subject.id }) : null;
    case 'document':
    case 'identity_case':
      return subject.caseId ? createPath({ resource: 'identity-cases', type: 'show', id: subject.caseId }) : null;
    case 'staff':
      return subject.staffEmail
        ? `${createPath({ resource: 'audit-events', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ actor: subject.staffEmail }))}`
        : null;
    case 'audit_entry':
      return subject.id ? createPath({ resource: 'audit-events', type: 'show', id: subject.id }) : null;
    default:
      return null;
  }
};

/** "Account xx11111-ovh", "Staff member a@b", "Identity document (front), case 1a2b3c4d…" with a link to it. */
export const AlertSubject = ({ alert }: { alert: AlertRecord }) => {
  const translate = useTranslate();
  const path = useSubjectPath(alert.subject);
  const text = subjectText(translate, alert.subject);
  if (!text) return null;
  return (
    <Box component="span" data-alert-subject={alert.subject.type} sx={{ typography: 'body2' }}>
      {translate('sup.alerts.subject_label')}{' '}
      {path ? (
        <Link component={LinkBase} to={path} sx={{ fontWeight: 600 }}>
          {text}
        </Link>
      ) : (
        <b>{text}</b>
      )}
    </Box>
  );
};
