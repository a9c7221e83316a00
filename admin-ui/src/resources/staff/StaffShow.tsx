import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { CodeField } from '../../fields/CodeField';
import { UtcDateField } from '../../fields/UtcDateField';
import { StaffAdminPanels } from './StaffAdminPanels';

export const StaffShow = () => (
  <Show>
    <SimpleShowLayout>
      <CodeField source="id" />
      <TextField source="name" />
      <TextField source="email" />
      <CodeField source="roles" />
      <BooleanField source="active" />
      <UtcDateField source="createdAt" />
    </SimpleShowLayout>
    <StaffAdminPanels />
  </Show>
);
