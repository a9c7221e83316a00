import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { monospace } from '../theme';
import { Note } from '../common/Note';

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
    return <Note>{translate('rd.none')}</Note>;
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
