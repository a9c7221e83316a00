import { DataTable, List, Pagination, SelectInput, useTranslate } from 'react-admin';
import { UtcDateField } from '../../fields/UtcDateField';
import { CodeField } from '../../fields/CodeField';
import { FlagsField, ReviewerField, StatusField, TimeLeftField, TranslatedField } from './fields';
import { CASE_STATUSES, type CaseSummary } from './types';

const statusChoices = CASE_STATUSES.map(status => ({ id: status, name: `cases.status.${status}` }));

const StatusFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return (
    <SelectInput
      {...props}
      label="cases.filter.status"
      choices={statusChoices}
      emptyText={translate('cases.filter.waiting')}
      // The empty choice is the API's default (submitted + in review): show its name rather than a blank field.
      slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
      sx={{ minWidth: 220 }}
    />
  );
};

const filters = [<StatusFilter key="status" source="status" alwaysOn />];

const Column = DataTable.Col<CaseSummary>;

/**
 * The review queue: submitted and in-review cases, oldest first (the API's order: the 72-hour clock runs from
 * submission). The status filter shows the other cases. Nothing sorts client-side, nothing is exported.
 */
export const CaseList = () => (
  <List
    filters={filters}
    // One filter, always shown; no creation here (agents open cases from the account page), no export.
    actions={false}
    perPage={25}
    exporter={false}
    empty={false}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } }}
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
  </List>
);

