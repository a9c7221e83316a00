import { Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

interface Props {
  source: string;
  label?: string;
  /** Date above time: narrower, for table columns. */
  stacked?: boolean;
}

const toDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

export const formatDateTime = (iso: string, locale: string) =>
  toDate(iso)?.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' }) ?? iso;

/** The server speaks UTC; staff read their local time in the console's language, the exact UTC value on hover. */
export const UtcDateField = ({ source, stacked }: Props) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const iso = record?.[source];
  if (typeof iso !== 'string') return null;
  const date = toDate(iso);
  return (
    <Tooltip title={translate('rd.utc', { iso })}>
      <Typography component="time" variant="body2" dateTime={iso} sx={{ whiteSpace: 'nowrap', display: 'block' }}>
        {stacked && date ? (
          <>
            {date.toLocaleDateString(locale, { dateStyle: 'medium' })}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
              {date.toLocaleTimeString(locale, { timeStyle: 'medium' })}
            </Typography>
          </>
        ) : (
          formatDateTime(iso, locale)
        )}
      </Typography>
    </Tooltip>
  );
};

/** Time of day only (the date is today's on a call screen), in the console's language. */
export const formatTime = (iso: string, locale: string) => toDate(iso)?.toLocaleTimeString(locale, { timeStyle: 'medium' }) ?? iso;

/** Date only, in the console's language. */
export const formatDate = (iso: string, locale: string) => toDate(iso)?.toLocaleDateString(locale, { dateStyle: 'medium' }) ?? iso;
