import type { ReactNode } from 'react';
import { Typography } from '@mui/material';

/** Secondary text in the body size: an empty state ("no cases yet"), a hint under a control. */
export const Note = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary">
    {children}
  </Typography>
);
