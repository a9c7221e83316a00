import { DateTimeInput, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';

// The API wants ISO instants; the browser's datetime input gives local wall-clock time.
const toIso = (value: string) => {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
};

/**
 * A time-range bound: the browser's picker, with the chosen instant repeated below it in the console's language
 * (the picker itself follows the browser's settings). The URL holds the ISO instant.
 */
export const LocaleDateTimeInput = ({ source }: { source: 'from' | 'to'; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value: unknown = useListContext().filterValues?.[source];
  const chosen = typeof value === 'string' && value ? formatDateTime(value, locale) : null;
  return (
    <DateTimeInput
      source={source}
      label={`audit_ex.filters.${source}`}
      parse={toIso}
      helperText={chosen ? translate('audit_ex.filters.time_in_locale', { date: chosen }) : false}
    />
  );
};
