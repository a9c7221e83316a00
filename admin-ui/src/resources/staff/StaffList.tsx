import { BooleanField, CreateButton, DataTable, List, TopToolbar, useCanAccess } from 'react-admin';
import { PendingRequests } from './PendingRequests';
import { EnumField } from '../../fields/EnumField';

const StaffActions = () => {
  const { canAccess } = useCanAccess({ action: 'create', resource: 'staff' });
  return <TopToolbar>{canAccess && <CreateButton label="sup.staff.create" />}</TopToolbar>;
};

export const StaffList = () => (
  <>
    <PendingRequests />
    <List perPage={25} exporter={false} actions={<StaffActions />}>
      <DataTable bulkActionButtons={false} rowClick="show" size="small">
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="email" disableSort />
        <DataTable.Col source="roles" disableSort>
          <EnumField source="roles" prefix="rd.roles" />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} disableSort />
      </DataTable>
    </List>
  </>
);
