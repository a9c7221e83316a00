import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { UtcDateField } from '../../fields/UtcDateField';
import { StaffAdminPanels } from './StaffAdminPanels';
import { EnumField } from '../../fields/EnumField';

export const StaffShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="email" />
      <EnumField source="roles" prefix="rd.roles" />
      <BooleanField source="active" />
      <UtcDateField source="createdAt" />
    </SimpleShowLayout>
    <StaffAdminPanels />
  </Show>
);
