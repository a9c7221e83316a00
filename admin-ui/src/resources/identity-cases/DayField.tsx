import { TextField } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { parseDay } from './dayInput';
import { formatDay } from './formatDay';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  help: string;
  autoFocus?: boolean;
}

/**
 * A date typed as the reviewer reads it on the paper (JJ/MM/AAAA, DD/MM/YYYY), with what the console understood
 * written out beside it so a swapped day and month shows before sending. The form sends ISO.
 */
export const DayField = ({ name, label, value, onChange, error, help, autoFocus }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const day = parseDay(value);
  return (
    <TextField
      name={name}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      placeholder={translate('cases.day.placeholder')}
      error={Boolean(error)}
      helperText={
        error ??
        (day ? translate('cases.day.read_as', { date: formatDay(day, locale) }) : `${help} — ${translate('cases.day.placeholder')}`)
      }
      required
      fullWidth
      autoFocus={autoFocus}
      autoComplete="off"
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10, 'data-day': day ?? '' }, inputLabel: { shrink: true } }}
      sx={{ mb: 2 }}
    />
  );
};
