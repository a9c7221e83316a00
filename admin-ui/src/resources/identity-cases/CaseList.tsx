import { DataTable } from 'react-admin';
import { StatusFilter } from '../../common/StatusFilter';
import { UtcDateField } from '../../fields/UtcDateField';
import { CodeField } from '../../fields/CodeField';
import { FlagsField, ReviewerField, StatusField, TimeLeftField, TranslatedField } from './fields';
import { CASE_STATUSES, type CaseSummary } from './types';
import { PagedList } from '../../common/PagedList';

// The empty choice is the API's default (submitted + in review).
const filters = [
  <StatusFilter
    key="status"
    source="status"
    alwaysOn
    statuses={CASE_STATUSES}
    prefix="cases.status"
    label="cases.filter.status"
    emptyText="cases.filter.waiting"
    minWidth={220}
  />,
];

const Column = DataTable.Col<CaseSummary>;

/**
 * The review queue: submitted and in-review cases, oldest first (the API's order: the 72-hour clock runs from
 * submission). The status filter shows the other cases. Nothing sorts client-side, nothing is exported.
 */
export const CaseList = () => (
  <PagedList
    filters={filters}
    // One filter, always shown; no creation here (agents open cases from the account page), no export.
    actions={false}
  >
    <DataTable bulkActionButtons={false} rowClick="show" size="small">
      <Column label="cases.fields.customerId" disableSort sx={{ whiteSpace: 'nowrap' }}>
        <CodeField source="customerId" />
      </Column>
      <Column label="cases.fields.purpose" disableSort>
        <TranslatedField source="purpose" prefix="cases.purpose" />
      </Column>
      <Column label="cases.fields.accountType" disableSort>
        <TranslatedField source="accountType" prefix="cases.account_type" />
      </Column>
      <Column label="cases.fields.status" disableSort>
        <StatusField />
      </Column>
      <Column label="cases.fields.flags" disableSort>
        <FlagsField />
      </Column>
      <Column label="cases.fields.submittedAt" disableSort>
        <UtcDateField source="submittedAt" stacked />
      </Column>
      <Column label="cases.fields.timeLeft" disableSort>
        <TimeLeftField />
      </Column>
      <Column label="cases.fields.reviewer" disableSort>
        <ReviewerField />
      </Column>
      <Column label="cases.fields.channel" disableSort>
        <TranslatedField source="channel" prefix="cases.channel" />
      </Column>
    </DataTable>
  </PagedList>
);
