import { TableCell, TableHead, TableRow } from '@mui/material';

type Column = string | { label: string; align: 'right' };

/** A table's header row from its (translated) column labels; numbers align right. */
export const TableHeader = ({ columns }: { columns: Column[] }) => (
  <TableHead>
    <TableRow>
      {columns.map((column, index) =>
        typeof column === 'string' ? (
          <TableCell key={index}>{column}</TableCell>
        ) : (
          <TableCell key={index} align={column.align}>
            {column.label}
          </TableCell>
        ),
      )}
    </TableRow>
  </TableHead>
);
