import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, TextField } from '@mui/material';
import PinIcon from '@mui/icons-material/Pin';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { apiErrorOf } from '../../providers/http';
import { useCall } from './CallContext';
import { CallScript } from './CallScript';
import type { CodeCheck } from './types';

const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, 6);

/** The 6 digits the caller reads from the mail; the answer says match, no match, expired or locked. */
export const CodeCheckForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const call = useCall();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<CodeCheck | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const verification = call.verification;
  // A new code makes the last answer about the previous one stale.
  const waitingSince = verification?.activeCode?.expiresAt;
  // Adjusted during render (React's pattern for state following a prop), not in an effect.
  const [answeredSince, setAnsweredSince] = useState(waitingSince);
  if (answeredSince !== waitingSince) {
    setAnsweredSince(waitingSince);
    if (waitingSince) {
      setOutcome(null);
      setRefusal(null);
    }
  }
  if (!verification) return null;
  const closed = call.expired || verification.locked;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setErrors({ code: translate('rd.accounts.verification.code_format') });
      return;
    }
    setPending(true);
    setErrors({});
    setRefusal(null);
    try {
      const result = await dataProvider.checkVerificationCode(verification.id, code);
      setOutcome(result);
      setCode('');
      if (result.result === 'match') call.setLastCode(null);
      await call.refresh();
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(problem.errors);
      setOutcome(null);
      // 409: no code waiting, checks locked, call over. The message says which.
      setRefusal(problem.message);
      notify(problem.message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Box>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          name="code"
          size="small"
          value={code}
          onChange={(event) => setCode(digitsOnly(event.target.value))}
          label={translate('rd.accounts.verification.enter_code')}
          error={Boolean(errors.code)}
          helperText={errors.code ?? translate('rd.accounts.verification.code_attempts', { smart_count: verification.codeAttemptsLeft })}
          disabled={closed}
          autoComplete="off"
          sx={{ width: 200 }}
          slotProps={{
            htmlInput: { inputMode: 'numeric', maxLength: 6, pattern: '[0-9]{6}', style: { letterSpacing: '0.3em' } },
          }}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={closed || pending || code.length !== 6}
          startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <PinIcon />}
        >
          {translate('rd.accounts.verification.check_code')}
        </Button>
      </Box>
      <Box role="status" aria-live="polite">
        {/* "Locked" is already said above the form, for the whole call. */}
        {outcome && !(outcome.result === 'locked' && verification.locked) && <CodeOutcome outcome={outcome} />}
        {refusal && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {refusal}
          </Alert>
        )}
      </Box>
    </Box>
  );
};

const CodeOutcome = ({ outcome }: { outcome: CodeCheck }) => {
  const translate = useTranslate();
  const channels = outcome.possessionProven.map((c) => translate(`rd.accounts.verification.subject.${c}`)).join(', ');
  switch (outcome.result) {
    case 'match':
      return (
        <Alert severity="success" sx={{ mt: 1 }}>
          {translate('rd.accounts.verification.outcome.code_match', { channels })}
          <CallScript step="code.match" />
        </Alert>
      );
    case 'no_match':
      return (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('rd.accounts.verification.outcome.code_no_match', {
            attempts: translate('rd.accounts.verification.code_attempts', { smart_count: outcome.attemptsLeft }),
          })}
          <CallScript step="code.no_match" />
        </Alert>
      );
    case 'expired':
      return (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('rd.accounts.verification.outcome.code_expired')}
          <CallScript step="code.expired" />
        </Alert>
      );
    default:
      return (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate('rd.accounts.verification.outcome.code_locked')}
          <CallScript step="code.locked" />
        </Alert>
      );
  }
};
