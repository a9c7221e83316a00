import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';

export const Code = ({ children, title }: { children: ReactNode; title?: string }) => (
  <Typography component="span" variant="body2" sx={{ fontFamily: monospace, overflowWrap: 'anywhere' }} title={title}>
    {children}
  </Typography>
);

export const Dash = () => {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" color="text.secondary">
      {translate('recovery.show.none')}
    </Typography>
  );
};

export const When = ({ iso }: { iso: string | null }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!iso) return <Dash />;
  return (
    <Typography component="time" variant="body2" dateTime={iso} title={translate('rd.utc', { iso })}>
      {formatDateTime(iso, locale)}
    </Typography>
  );
};

export const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>{children}</Box>
);
