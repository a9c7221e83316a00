import { type ReactNode } from 'react';
import { Box, Link, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import { monospace } from '../../theme';

export const ActionBlock = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Box component="section" aria-labelledby={id}>
    <Typography id={id} variant="subtitle2" component="h3" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

export const CaseLink = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Link component={LinkBase} to={createPath({ resource: 'recovery-cases', type: 'show', id })}>
      {translate('recovery.workspace.open_case')} <span style={{ fontFamily: monospace }}>{id.slice(0, 8)}</span>
    </Link>
  );
};
