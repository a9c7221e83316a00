import { DataTable, SelectInput, TextField } from 'react-admin';
import { CodeField } from '../../fields/CodeField';
import { UtcDateField } from '../../fields/UtcDateField';
import { AccountLinkField, LastErrorField, OutboxStatusField, TemplateField } from './fields';
import type { OutboxMessage } from './types';
import { EnumField } from '../../fields/EnumField';
import { PagedList } from '../../common/PagedList';

const statusChoices = (['pending', 'sent', 'failed'] as const).map((status) => ({
  id: status,
  name: `rd.outbox.status.${status}`,
}));

const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn emptyText="rd.outbox.all" />];

const Column = DataTable.Col<OutboxMessage>;

// Failed mails stand out: a red edge and a tinted row, the error in full in its own column.
const rowSx = (record: OutboxMessage) =>
  record.status === 'failed' ? { bgcolor: 'rgba(211, 47, 47, 0.06)', '& td:first-of-type': { boxShadow: 'inset 4px 0 0 #d32f2f' } } : {};

/**
 * The customer mails (codes, reminders) and their delivery, newest first, for supervisors. The content is never
 * shown (codes are erased once sent); the address is masked.
 */
export const OutboxList = () => (
  <PagedList filters={filters}>
    <DataTable bulkActionButtons={false} rowClick={false} size="small" rowSx={rowSx}>
      <Column source="createdAt" disableSort>
        <UtcDateField source="createdAt" stacked />
      </Column>
      <Column source="template" field={TemplateField} disableSort />
      <Column source="language" disableSort>
        <EnumField source="language" prefix="rd.languages" />
      </Column>
      <Column source="to" field={CodeField} disableSort />
      <Column source="status" field={OutboxStatusField} disableSort />
      <Column source="attempts" field={TextField} disableSort />
      <Column source="lastError" field={LastErrorField} disableSort sx={{ minWidth: 220 }} />
      <Column source="sentAt" disableSort>
        <UtcDateField source="sentAt" stacked />
      </Column>
      <Column source="accountId" field={AccountLinkField} disableSort />
    </DataTable>
  </PagedList>
);
