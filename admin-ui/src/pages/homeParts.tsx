import { type ReactNode } from 'react';
import { Alert, Box, CircularProgress, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { apiErrorOf } from '../providers/http';
import { useHome } from './homeApi';
import { Panel } from '../common/Panel';

export const Block = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Panel id={`home-${id}`} data-home={id} title={title}>
    {children}
  </Panel>
);

export const Loading = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  if (error) return <Alert severity="error">{translate('calls.home.failed', { message: apiErrorOf(error).message })}</Alert>;
  return <CircularProgress size={24} />;
};

/** A number with its label, linking to the screen where the items are. */
export const Count = ({ value, label, to, tone }: { value: number; label: string; to: string; tone?: 'warning' | 'error' }) => (
  <MuiLink component={Link} to={to} underline="hover" sx={{ display: 'block', minWidth: 140 }} data-count={label}>
    <Typography variant="h4" component="span" color={value > 0 && tone ? `${tone}.main` : 'text.primary'} sx={{ display: 'block' }}>
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary" component="span">
      {label}
    </Typography>
  </MuiLink>
);

export const Counts = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mb: 1 }}>{children}</Box>
);

export const listFilter = (filter: Record<string, string>) => `?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A role's block that shows its answer once loaded (or why it could not load). */
export function HomeBlock<T>({ role, children }: { role: 'reviewer' | 'supervisor' | 'admin'; children(data: T): ReactNode }) {
  const translate = useTranslate();
  const { data, error } = useHome<T>(role, true);
  return (
    <Block id={role} title={translate(`calls.home.${role}.title`)}>
      {data ? children(data) : <Loading error={error} />}
    </Block>
  );
}
