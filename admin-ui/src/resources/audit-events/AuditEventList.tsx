import { ColumnsButton, DataTable, DateTimeInput, FilterButton, SelectInput, TextInput, TopToolbar } from 'react-admin';
import { VerifyChainPanel } from './VerifyChainPanel';
import { EvidenceButton } from './EvidenceButton';
import { ExportCsvButton } from './ExportCsvButton';
import { CodeField } from '../../fields/CodeField';
import { UtcDateField } from '../../fields/UtcDateField';
import { AuditActionField, OutcomeField, TargetField } from './fields';
import { EnumField } from '../../fields/EnumField';

const RoleListField = (props: { source: string }) => <EnumField {...props} prefix="rd.roles" />;
import type { AuditEvent } from './types';
import { PagedList } from '../../common/PagedList';

// The API wants ISO instants; the browser's datetime input gives local wall-clock time.
const toIso = (value: string) => {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
};

const outcomeChoices = (['success', 'failure', 'denied'] as const).map((outcome) => ({
  id: outcome,
  name: `rd.audit.outcome.${outcome}`,
}));

const roleChoices = (['agent', 'reviewer', 'supervisor', 'admin'] as const).map((role) => ({
  id: role,
  name: `rd.roles.${role}`,
}));

const filters = [
  <TextInput key="actor" source="actor" alwaysOn />,
  <TextInput key="action" source="action" alwaysOn />,
  <SelectInput key="role" source="role" label="sup.audit.role" choices={roleChoices} alwaysOn />,
  <TextInput key="targetType" source="targetType" />,
  <TextInput key="targetId" source="targetId" />,
  <TextInput key="caseId" source="caseId" />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} alwaysOn />,
  <DateTimeInput key="from" source="from" parse={toIso} />,
  <DateTimeInput key="to" source="to" parse={toIso} />,
];

const Column = DataTable.Col<AuditEvent>;

// Filters, and a column chooser for small screens (hiding the IP or request id, say).
const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    <ExportCsvButton />
    <EvidenceButton />
  </TopToolbar>
);

/**
 * Newest first, as the API returns it. No column sorts and nothing is exported from the browser:
 * evidence exports go through the server, which audits them.
 */
export const AuditEventList = () => (
  <PagedList filters={filters} actions={<ListActions />}>
    <VerifyChainPanel />
    <DataTable bulkActionButtons={false} rowClick="show" size="small">
      <Column source="at" disableSort>
        <UtcDateField source="at" stacked />
      </Column>
      <Column source="actorEmail" disableSort />
      <Column source="actorRoles" field={RoleListField} disableSort />
      <Column source="action" field={AuditActionField} disableSort />
      <Column source="outcome" field={OutcomeField} disableSort />
      <Column label="resources.audit-events.fields.target" disableSort>
        <TargetField truncate={8} />
      </Column>
      <Column source="reason" disableSort sx={{ minWidth: 160 }} />
      <Column source="ip" field={CodeField} disableSort />
      <Column source="requestId" disableSort>
        <CodeField source="requestId" truncate={8} />
      </Column>
    </DataTable>
  </PagedList>
);
