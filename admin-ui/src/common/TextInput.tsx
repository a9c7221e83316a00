import type { ReactNode } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'error' | 'helperText'> & {
  value: string;
  onValueChange: (value: string) => void;
  /** The field's refusal: shown in red in place of the help. */
  error?: string | null;
  help?: ReactNode;
  maxLength?: number;
};

/**
 * The console's controlled text field: full width, no browser autocomplete (staff type case data, not their own),
 * its error in place of its help. One component so that every form field behaves the same.
 */
export const TextInput = ({ value, onValueChange, error, help, maxLength, slotProps, ...field }: Props) => (
  <TextField
    fullWidth
    autoComplete="off"
    {...field}
    value={value}
    onChange={(event) => onValueChange(event.target.value)}
    error={Boolean(error)}
    helperText={error ?? help}
    slotProps={maxLength === undefined ? slotProps : { ...slotProps, htmlInput: { ...slotProps?.htmlInput, maxLength } }}
  />
);
