import { Alert, CircularProgress } from '@mui/material';
import { DataTable, useCanAccess, useListContext, useTranslate } from 'react-admin';
import { StatusFilter } from '../../common/StatusFilter';
import { CodeField } from '../../fields/CodeField';
import { UtcDateField } from '../../fields/UtcDateField';
import { AccountField, OpenedByField, RecoveryActionField, RecoveryStatusField } from './fields';
import { RECOVERY_STATUSES, type RecoveryCase } from './types';
import { PagedList } from '../../common/PagedList';

const filters = [
  <StatusFilter
    key="status"
    source="status"
    alwaysOn
    statuses={RECOVERY_STATUSES}
    prefix="recovery.status"
    label="recovery.filter.status"
    emptyText="recovery.filter.all"
    minWidth={240}
  />,
];

const Column = DataTable.Col<RecoveryCase>;

/** "Approvals inbox" while a supervisor looks at what waits for them; "Recovery cases" otherwise. */
const ListTitle = ({ approver }: { approver: boolean }) => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return (
    <>
      {approver && filterValues?.status === 'pending_approval'
        ? translate('recovery.inbox')
        : translate('recovery.menu', { smart_count: 2 })}
    </>
  );
};

const Hint = ({ approver }: { approver: boolean }) => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  if (approver && filterValues?.status !== 'pending_approval') return null;
  return (
    <Alert severity="info" sx={{ m: 1 }}>
      {translate(approver ? 'recovery.inbox_hint' : 'recovery.mine_hint')}
    </Alert>
  );
};

/**
 * Recovery cases, oldest first (the API's order: the longest-waiting approval on top). For supervisors the page
 * opens on the approvals inbox (waiting for approval); agents see the cases they opened.
 */
export const RecoveryCaseList = () => {
  const { canAccess, isPending } = useCanAccess({ action: 'approve', resource: 'recovery-cases' });
  if (isPending) return <CircularProgress sx={{ m: 4 }} />;
  const approver = Boolean(canAccess);
  return (
    <PagedList
      title={<ListTitle approver={approver} />}
      filters={filters}
      filterDefaultValues={approver ? { status: 'pending_approval' } : undefined}
      perPage={50}
    >
      <Hint approver={approver} />
      <DataTable bulkActionButtons={false} rowClick="show" size="small">
        <Column label="recovery.fields.createdAt" disableSort>
          <UtcDateField source="createdAt" stacked />
        </Column>
        <Column label="recovery.fields.action" disableSort>
          <RecoveryActionField />
        </Column>
        <Column label="recovery.fields.status" disableSort>
          <RecoveryStatusField />
        </Column>
        <Column label="recovery.fields.account" disableSort>
          <AccountField />
        </Column>
        <Column label="recovery.fields.callReference" disableSort>
          <CodeField source="callReference" />
        </Column>
        <Column label="recovery.fields.openedBy" disableSort>
          <OpenedByField />
        </Column>
        <Column label="recovery.fields.holdUntil" disableSort>
          <UtcDateField source="holdUntil" stacked />
        </Column>
      </DataTable>
    </PagedList>
  );
};
