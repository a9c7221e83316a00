import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { monospace } from '../theme';

interface Props {
  source: string;
  label?: string;
}

/** A JSON value as the server sent it (already masked where it must be). */
export const JsonField = ({ source }: Props) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (value === null || value === undefined) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('rd.none')}
      </Typography>
    );
  }
  return (
    <Box
      component="pre"
      sx={{
        m: 0,
        p: 1.5,
        fontFamily: monospace,
        fontSize: '0.8125rem',
        bgcolor: 'action.hover',
        borderRadius: 1,
        overflowX: 'auto',
        maxWidth: '100%',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
