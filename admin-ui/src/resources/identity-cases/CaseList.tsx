import type { ReactNode } from 'react';
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

// The queue's columns after the customer id, by field (the label is `cases.fields.<field>`); none sorts.
const columns: [string, ReactNode][] = [
  ['purpose', <TranslatedField source="purpose" prefix="cases.purpose" />],
  ['accountType', <TranslatedField source="accountType" prefix="cases.account_type" />],
  ['status', <StatusField />],
  ['flags', <FlagsField />],
  ['submittedAt', <UtcDateField source="submittedAt" stacked />],
  ['timeLeft', <TimeLeftField />],
  ['reviewer', <ReviewerField />],
  ['channel', <TranslatedField source="channel" prefix="cases.channel" />],
];

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
      {columns.map(([field, cell]) => (
        <Column key={field} label={`cases.fields.${field}`} disableSort>
          {cell}
        </Column>
      ))}
    </DataTable>
  </PagedList>
);
