import { Alert, Link } from '@mui/material';
import { LinkBase, useCanAccess, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { RecoveryStatusChips } from '../recovery-cases/fields';
import type { RecoveryCase } from '../recovery-cases/types';
import type { CaseDetail } from './types';

/**
 * On a verified documents case: the recovery action it led to, with its true state and a link, for those who may
 * read recovery cases (supervisors; the agent who owns it). Reviewers are told the case is verified and no more.
 */
export const NextStep = ({ record }: { record: CaseDetail }) => {
  const { canAccess } = useCanAccess({ action: 'list', resource: 'recovery-cases' });
  if (record.status !== 'verified' || !canAccess) return null;
  return <Opened identityCaseId={record.id} />;
};

const Opened = ({ identityCaseId }: { identityCaseId: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data } = useGetList<RecoveryCase>('recovery-cases', {
    filter: { identityCaseId },
    pagination: { page: 1, perPage: 10 },
  });
  if (!data?.length) return null;
  return (
    <>
      {data.map((c) => (
        <Alert key={c.id} severity="info" data-testid="case-next-step">
          {translate('cases.show.next_step', { action: translate(`recovery.action.${c.action}`, { _: c.action }) })}{' '}
          <RecoveryStatusChips record={c} />{' '}
          <Link component={LinkBase} to={createPath({ resource: 'recovery-cases', type: 'show', id: c.id })}>
            {translate('cases.show.next_step_open')}
          </Link>
        </Alert>
      ))}
    </>
  );
};
