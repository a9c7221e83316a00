import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface Props {
  source: string;
  /** Each value reads as the message `<prefix>.<value>` (the value itself when no message has it). */
  prefix: string;
  label?: string;
  emptyText?: string;
}

/** A stored code (status, role, language…) or a list of them, in the reader's language: never the raw code. */
export const EnumField = ({ source, prefix, emptyText }: Props) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value: unknown = record?.[source];
  const values = (Array.isArray(value) ? value : value === null || value === undefined || value === '' ? [] : [value]).map(String);
  return (
    <Typography component="span" variant="body2" color={values.length ? undefined : 'text.secondary'}>
      {values.length ? values.map((v) => translate(`${prefix}.${v}`, { _: v })).join(', ') : emptyText}
    </Typography>
  );
};
