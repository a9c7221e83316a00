import type { ReactNode } from 'react';
import { Box, Table, type TableProps } from '@mui/material';

/** A small table that scrolls sideways inside its card on a narrow screen, rather than widening the page. */
export const ScrollTable = ({ children, ...table }: TableProps & { children: ReactNode }) => (
  <Box sx={{ overflowX: 'auto' }}>
    <Table size="small" {...table}>
      {children}
    </Table>
  </Box>
);
