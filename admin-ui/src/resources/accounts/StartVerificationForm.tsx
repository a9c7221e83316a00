import { useState, type FormEvent } from 'react';
import { Box, Button, CircularProgress, TextField } from '@mui/material';
import PhoneIcon from '@mui/icons-material/PhoneInTalk';
import { useNotify, useStore, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { CALL_REFERENCE_KEY } from './AccountSearchForm';
import { useCall } from './CallContext';

/** The call reference, then "start": opens the checks of this call (or resumes the open one of the same call). */
export const StartVerificationForm = ({ defaultReference }: { defaultReference?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const call = useCall();
  const [storedReference] = useStore<string>(CALL_REFERENCE_KEY, '');
  const [reference, setReference] = useState(defaultReference ?? storedReference ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = reference.trim();
    if (value.length < 3) {
      setErrors({ callReference: translate('rd.accounts.verification.call_ref_required') });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await call.start(value);
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
      <TextField
        name="callReference"
        size="small"
        value={reference}
        onChange={event => setReference(event.target.value)}
        label={translate('rd.accounts.verification.call_ref')}
        error={Boolean(errors.callReference)}
        helperText={errors.callReference ?? ' '}
        autoComplete="off"
        required
        sx={{ flex: '1 1 180px' }}
        slotProps={{ htmlInput: { maxLength: 100 } }}
      />
      <Button
        type="submit"
        variant="contained"
        disabled={pending}
        startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <PhoneIcon />}
      >
        {translate('rd.accounts.verification.start')}
      </Button>
    </Box>
  );
};
