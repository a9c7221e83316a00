import { useState, type FormEvent, type ReactNode } from 'react';
import { Box, Button, CircularProgress } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { TextInput } from '../../common/TextInput';

interface Props {
  name: string;
  value: string;
  onChange(value: string): void;
  /** Called with the trimmed reference once it is long enough; a refusal is shown on the field and notified. */
  onSubmit(reference: string): Promise<void>;
  submitLabel: string;
  icon: ReactNode;
  variant: 'contained' | 'outlined';
  fieldWidth: string;
}

/** A call reference and one action on it (start the checks, send a reminder): what every call action asks first. */
export const CallReferenceForm = ({ name, value, onChange, onSubmit, submitLabel, icon, variant, fieldWidth }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reference = value.trim();
    if (reference.length < 3) {
      setErrors({ callReference: translate('rd.accounts.verification.call_ref_required') });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await onSubmit(reference);
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(problem.errors);
      notify(problem.message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextInput
        fullWidth={false}
        name={name}
        size="small"
        value={value}
        onValueChange={onChange}
        label={translate('rd.accounts.verification.call_ref')}
        error={errors.callReference}
        help={' '}
        required
        sx={{ flex: `1 1 ${fieldWidth}` }}
        maxLength={100}
      />
      <Button
        type="submit"
        variant={variant}
        disabled={pending}
        startIcon={pending ? <CircularProgress size={16} color="inherit" /> : icon}
      >
        {submitLabel}
      </Button>
    </Box>
  );
};
