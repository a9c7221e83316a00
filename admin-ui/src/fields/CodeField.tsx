import { Tooltip, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { monospace } from '../theme';

interface Props {
  source: string;
  label?: string;
  emptyText?: string;
  /** Show only the first characters (the full value on hover), for long ids in narrow columns. */
  truncate?: number;
}

/** Codes shown exactly as recorded (ids, action names, role codes, hashes), never reworded. */
export const CodeField = ({ source, emptyText, truncate }: Props) => {
  const record = useRecordContext();
  const value = record?.[source];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return emptyText ? (
      <Typography component="span" variant="body2" color="text.secondary">
        {emptyText}
      </Typography>
    ) : null;
  }
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  const code = (shown: string) => (
    <Typography component="span" variant="body2" sx={{ fontFamily: monospace, overflowWrap: 'break-word' }}>
      {shown}
    </Typography>
  );
  if (truncate && text.length > truncate + 1) {
    return <Tooltip title={text}>{code(`${text.slice(0, truncate)}…`)}</Tooltip>;
  }
  return code(text);
};
