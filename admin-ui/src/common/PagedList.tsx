import { List, Pagination, type ListProps } from 'react-admin';

/**
 * The console's server-paged lists share these: no export button, the filters stay shown when nothing matches,
 * 25/50/100 rows, and a wide table scrolls inside its card rather than the whole page under the menu.
 */
export const PagedList = ({ children, ...props }: ListProps) => (
  <List
    perPage={25}
    exporter={false}
    empty={false}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } }}
    {...props}
  >
    {children}
  </List>
);
