import { Alert, Link, Table, TableBody, TableCell, TableRow } from '@mui/material';
import {
  LinkBase,
  useCanAccess,
  useCreatePath,
  useGetIdentity,
  useGetList,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiErrorOf } from '../../providers/http';
import { CallScript } from '../accounts/CallScript';
import type { AccountDetail } from '../accounts/types';
import { useCanAccessKind } from './access';
import { RecoveryStatusChips } from './fields';
import type { RecoveryCase } from './types';
import { Panel } from '../../common/Panel';
import { TableHeader } from '../../common/TableHeader';
import { Note } from '../../common/Note';

/**
 * The recovery cases of the account on its page, newest first: all of them for supervisors, their own for agents
 * (the API filters). Renders nothing for those who may not read recovery cases.
 */
export const AccountRecoveryCases = () => {
  const { canAccess, isPending } = useCanAccessKind('list', 'recovery-cases');
  const account = useRecordContext<AccountDetail>();
  if (isPending || !canAccess || !account) return null;
  return <Cases accountId={String(account.id)} />;
};

const Cases = ({ accountId }: { accountId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { data: identity } = useGetIdentity();
  const { canAccess: canReadAll } = useCanAccess({ action: 'show', resource: 'recovery-cases', record: { openedBy: null } });
  const { data, error, isPending } = useGetList<RecoveryCase>('recovery-cases', {
    filter: { accountId },
    pagination: { page: 1, perPage: 100 },
  });
  // An agent sees every case of the account (where the caller's request stands) but opens only their own.
  const canOpen = (row: RecoveryCase) => canReadAll || (identity !== undefined && row.openedBy === String(identity.id));
  if (isPending) return null;
  const rows = [...(data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Panel id="account-recovery-cases-title" title={translate('recovery.workspace.cases')}>
      {error ? (
        <Alert severity="error">{translate('recovery.workspace.cases_failed', { message: apiErrorOf(error).message })}</Alert>
      ) : rows.length === 0 ? (
        <Note>{translate('recovery.workspace.cases_empty')}</Note>
      ) : (
        <Table size="small" aria-labelledby="account-recovery-cases-title">
          <TableHeader
            columns={[translate('recovery.fields.createdAt'), translate('recovery.fields.action'), translate('recovery.fields.status')]}
          />
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {canOpen(row) ? (
                    <Link component={LinkBase} to={createPath({ resource: 'recovery-cases', type: 'show', id: row.id })}>
                      <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, locale)}</time>
                    </Link>
                  ) : (
                    <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, locale)}</time>
                  )}
                </TableCell>
                <TableCell>{translate(`recovery.action.${row.action}`, { _: row.action })}</TableCell>
                <TableCell>
                  <RecoveryStatusChips record={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {/* A caller asking where their documents case stands: verified, the change waits for a second person. */}
      {rows.some((row) => row.status === 'pending_approval' && row.identityCaseId) && <CallScript step="case.verified" />}
    </Panel>
  );
};
