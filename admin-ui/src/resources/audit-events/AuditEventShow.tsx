import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { Box } from '@mui/material';
import { CodeField } from '../../fields/CodeField';
import { JsonField } from '../../fields/JsonField';
import { UtcDateField } from '../../fields/UtcDateField';
import { AuditActionField, OutcomeField, TargetField } from './fields';
import { EnumField } from '../../fields/EnumField';

/** The two masked snapshots side by side; `label={false}` tells the layout not to add a label of its own. */
const BeforeAfter = (_props: { label: false }) => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, width: '100%' }}>
    <Labeled source="before">
      <JsonField source="before" />
    </Labeled>
    <Labeled source="after">
      <JsonField source="after" />
    </Labeled>
  </Box>
);

export const AuditEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <CodeField source="id" />
      <UtcDateField source="at" />
      <TextField source="actorEmail" emptyText="—" />
      <CodeField source="actorId" emptyText="—" />
      <EnumField source="actorRoles" prefix="rd.roles" emptyText="—" />
      <AuditActionField source="action" />
      <OutcomeField source="outcome" />
      <TargetField label="resources.audit-events.fields.target" emptyText="—" />
      <CodeField source="caseId" emptyText="—" />
      <TextField source="reason" emptyText="—" />
      <CodeField source="ip" emptyText="—" />
      <CodeField source="requestId" emptyText="—" />
      <BeforeAfter label={false} />
      <CodeField source="prevHash" emptyText="—" />
      <CodeField source="hash" />
    </SimpleShowLayout>
  </Show>
);
