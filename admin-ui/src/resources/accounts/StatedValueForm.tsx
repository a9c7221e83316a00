import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import CompareIcon from '@mui/icons-material/CompareArrows';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { apiErrorOf } from '../../providers/http';
import { useCall } from './CallContext';
import { STATED_FIELDS, type StatedCheck, type StatedField } from './types';

/**
 * A value the caller states (backup email, phone, postal code), compared on the server. The answer is match or
 * no match; the value on file is never shown nor suggested, and the field is emptied after each try.
 */
export const StatedValueForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const call = useCall();
  const [field, setField] = useState<StatedField>('postal_code');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<StatedCheck | null>(null);
  const [pending, setPending] = useState(false);
  const verification = call.verification;
  if (!verification) return null;
  const triesLeft = verification.statedAttemptsLeft[field] ?? 0;
  const closed = call.expired;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') {
      setErrors({ value: translate('ra.validation.required') });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      setOutcome(await dataProvider.checkStatedValue(verification.id, field, value));
      setValue('');
      await call.refresh();
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(problem.errors);
      setOutcome(null);
      // 429: the account's daily limit, not this call's; the tries shown drop to what the day still allows.
      if (problem.status === 429) {
        notify('rd.accounts.verification.stated_account_limit', { type: 'error' });
        await call.refresh();
        return;
      }
      notify(problem.message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  const fieldLabel = (name: string) => translate(`rd.accounts.verification.subject.${name}`, { _: name });
  return (
    <Box>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          select
          name="field"
          size="small"
          value={field}
          onChange={(event) => {
            setField(event.target.value as StatedField);
            setOutcome(null);
          }}
          label={translate('rd.accounts.verification.stated_field')}
          error={Boolean(errors.field)}
          helperText={errors.field ?? translate('rd.accounts.verification.tries_left', { smart_count: triesLeft })}
          disabled={closed}
          sx={{ width: 160 }}
        >
          {STATED_FIELDS.map((name) => (
            <MenuItem key={name} value={name}>
              {fieldLabel(name)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          name="value"
          size="small"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          label={translate('rd.accounts.verification.stated_value')}
          error={Boolean(errors.value)}
          helperText={errors.value ?? ' '}
          disabled={closed || triesLeft <= 0}
          autoComplete="off"
          spellCheck={false}
          sx={{ flex: '1 1 150px' }}
          slotProps={{ htmlInput: { maxLength: 254 } }}
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={closed || pending || triesLeft <= 0 || value.trim() === ''}
          startIcon={pending ? <CircularProgress size={16} /> : <CompareIcon />}
        >
          {translate('rd.accounts.verification.stated_check')}
        </Button>
      </Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {translate('rd.accounts.verification.stated_help')}
      </Typography>
      <Box role="status" aria-live="polite">
        {outcome && (
          <Alert severity={outcome.result === 'match' ? 'success' : outcome.result === 'no_match' ? 'warning' : 'info'} sx={{ mt: 1 }}>
            {translate(`rd.accounts.verification.outcome.stated_${outcome.result}`, {
              field: fieldLabel(outcome.field),
              tries: translate('rd.accounts.verification.tries_left', { smart_count: outcome.attemptsLeft }),
            })}
          </Alert>
        )}
      </Box>
    </Box>
  );
};
