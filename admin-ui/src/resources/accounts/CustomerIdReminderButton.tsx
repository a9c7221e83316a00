import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useStore, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { apiErrorOf } from '../../providers/http';
import { CALL_REFERENCE_KEY } from './AccountSearchForm';
import { useCall } from './CallContext';
import { CallScript } from './CallScript';
import type { AccountDetail } from './types';

/**
 * "I don't know my customer ID": the ID goes to the primary email on file, never to the caller, so it needs no
 * verification. For those whose rules allow `notify` on `Account`.
 */
export const CustomerIdReminderButton = () => {
  const { canAccess, isPending } = useCanAccess({ action: 'notify', resource: 'accounts' });
  if (isPending || !canAccess) return null;
  return <Reminder />;
};

const Reminder = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const account = useRecordContext<AccountDetail>();
  const call = useCall();
  const [storedReference] = useStore<string>(CALL_REFERENCE_KEY, '');
  const [typed, setTyped] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!account) return null;
  // The call's reference once the call is verified, else the one typed at the search; the agent may change it.
  const reference = typed ?? call.verification?.callReference ?? storedReference ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reference.trim().length < 3) {
      setErrors({ callReference: translate('rd.accounts.verification.call_ref_required') });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      const { destination } = await dataProvider.sendCustomerIdReminder(account.id, reference.trim());
      setSentTo(destination);
      notify('rd.accounts.reminder.sent', { type: 'info', messageArgs: { destination } });
      call.touchTimeline();
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(problem.errors);
      notify(problem.message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="reminder-title">
      <CardContent>
        <Typography id="reminder-title" variant="h6" component="h2">
          {translate('rd.accounts.sections.reminder')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {translate('rd.accounts.reminder.description', { destination: account.primaryEmail ?? '—' })}
        </Typography>
        <CallScript step="customer_id.reminder" values={{ maskedAddress: account.primaryEmail }} />
        <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField
            name="reminderCallReference"
            size="small"
            value={reference}
            onChange={event => setTyped(event.target.value)}
            label={translate('rd.accounts.verification.call_ref')}
            error={Boolean(errors.callReference)}
            helperText={errors.callReference ?? ' '}
            autoComplete="off"
            required
            sx={{ flex: '1 1 160px' }}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <Button
            type="submit"
            variant="outlined"
            disabled={pending}
            startIcon={pending ? <CircularProgress size={16} /> : <SendIcon />}
          >
            {translate('rd.accounts.reminder.button')}
          </Button>
        </Box>
        <Box role="status" aria-live="polite">
          {sentTo && (
            <Alert severity="success" sx={{ mt: 1 }}>
              {translate('rd.accounts.reminder.sent', { destination: sentTo })}
            </Alert>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
