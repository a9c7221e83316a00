import { Alert } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { useNow } from '../accounts/CallContext';
import { useDuration } from './fields';

export const HoldNotice = ({ holdUntil }: { holdUntil: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useNow(1000);
  const duration = useDuration();
  const end = new Date(holdUntil).getTime();
  const time = formatDateTime(holdUntil, locale);
  return end > now ? (
    <Alert severity="info" role="status">
      {translate('recovery.show.hold.waiting', { time, left: duration(end - now) })}
    </Alert>
  ) : (
    <Alert severity="success" role="status">
      {translate('recovery.show.hold.over', { time })}
    </Alert>
  );
};
