import { BooleanField, DataTable, List } from 'react-admin';
import { CodeField } from '../../fields/CodeField';

export const StaffList = () => (
  <List perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick="show" size="small">
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="roles" field={CodeField} disableSort />
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </DataTable>
  </List>
);
