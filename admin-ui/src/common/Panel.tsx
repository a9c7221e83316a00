import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography, type SxProps, type Theme } from '@mui/material';

interface Props {
  /** The heading's id: the section is labelled by it. */
  id: string;
  title: ReactNode;
  /** A button beside the heading. */
  action?: ReactNode;
  sx?: SxProps<Theme>;
  children: ReactNode;
  [data: `data-${string}`]: string;
}

/** The console's card section: a level-2 heading (with an optional action beside it) over its content. */
export const Panel = ({ id, title, action, children, ...card }: Props) => (
  <Card component="section" aria-labelledby={id} {...card}>
    <CardContent>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        <Typography id={id} variant="h6" component="h2" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </CardContent>
  </Card>
);
