import { useState } from 'react';
import { DataTable, FilterButton, SelectInput, TextInput, TopToolbar, useListContext } from 'react-admin';
import { VerifyChainPanel } from './VerifyChainPanel';
import { EvidenceButton } from './EvidenceButton';
import { ExportCsvButton } from './ExportCsvButton';
import { UtcDateField } from '../../fields/UtcDateField';
import { AuditActionField, OutcomeField } from './fields';
import { TargetField } from './TargetField';
import { ActionFilterInput } from './ActionFilterInput';
import { LocaleDateTimeInput } from './LocaleDateTimeInput';
import { AuditEventDrawer } from './AuditEventDrawer';
import { SavedSearchesMenu } from './SavedSearchesMenu';
import type { AuditEvent } from './types';
import { PagedList } from '../../common/PagedList';

const outcomeChoices = (['success', 'failure', 'denied'] as const).map((outcome) => ({
  id: outcome,
  name: `rd.audit.outcome.${outcome}`,
}));

const roleChoices = (['agent', 'reviewer', 'supervisor', 'admin'] as const).map((role) => ({
  id: role,
  name: `rd.roles.${role}`,
}));

// Every filter is a list filter, so the URL holds them all: a link to the page is the investigation.
const filters = [
  <TextInput key="customerId" source="customerId" label="audit_ex.filters.customerId" alwaysOn />,
  <ActionFilterInput key="action" source="action" alwaysOn />,
  <TextInput key="actor" source="actor" label="audit_ex.filters.actor" alwaysOn />,
  <TextInput key="target" source="target" label="audit_ex.filters.target" alwaysOn sx={{ minWidth: 300 }} />,
  <LocaleDateTimeInput key="from" source="from" alwaysOn />,
  <LocaleDateTimeInput key="to" source="to" alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
  <SelectInput key="role" source="role" label="sup.audit.role" choices={roleChoices} />,
];

const Column = DataTable.Col<AuditEvent>;

const ListActions = () => (
  <TopToolbar>
    <SavedSearchesMenu />
    <FilterButton />
    <ExportCsvButton />
    <EvidenceButton />
  </TopToolbar>
);

/** Five columns that fit 1440 px; a click opens the entry beside the list. */
const AuditTable = () => {
  const { data } = useListContext<AuditEvent>();
  const [selected, setSelected] = useState<string | null>(null);
  const entry = data?.find((e) => e.id === selected) ?? null;
  return (
    <>
      <DataTable
        bulkActionButtons={false}
        size="small"
        rowClick={(id) => {
          setSelected(String(id));
          return false;
        }}
        rowSx={(record) => (record.id === selected ? { bgcolor: 'action.selected' } : {})}
      >
        <Column source="at" label="audit_ex.columns.at" disableSort>
          <UtcDateField source="at" stacked />
        </Column>
        <Column source="actorEmail" label="audit_ex.columns.actor" disableSort />
        <Column source="action" label="audit_ex.columns.action" field={AuditActionField} disableSort />
        <Column label="audit_ex.columns.target" disableSort>
          <TargetField />
        </Column>
        <Column source="outcome" label="audit_ex.columns.outcome" field={OutcomeField} disableSort />
      </DataTable>
      <AuditEventDrawer entry={entry} onClose={() => setSelected(null)} />
    </>
  );
};

/**
 * The audit explorer: newest first, as the API returns it. No column sorts and nothing is exported from the browser:
 * evidence exports go through the server, which audits them.
 */
export const AuditEventList = () => (
  <PagedList filters={filters} actions={<ListActions />}>
    <VerifyChainPanel />
    <AuditTable />
  </PagedList>
);
