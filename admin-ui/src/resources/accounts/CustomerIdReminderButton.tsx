import { useState } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useStore, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { CALL_REFERENCE_KEY } from './AccountSearchForm';
import { useCall } from './CallContext';
import { CallReferenceForm } from './CallReferenceForm';
import { CallScript } from './CallScript';
import type { AccountDetail } from './types';
import { Panel } from '../../common/Panel';

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
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (!account) return null;
  // The call's reference once the call is verified, else the one typed at the search; the agent may change it.
  const reference = typed ?? call.verification?.callReference ?? storedReference ?? '';

  const send = async (callReference: string) => {
    const { destination } = await dataProvider.sendCustomerIdReminder(account.id, callReference);
    setSentTo(destination);
    notify('rd.accounts.reminder.sent', { type: 'info', messageArgs: { destination } });
    call.touchTimeline();
  };

  return (
    <Panel id="reminder-title" title={translate('rd.accounts.sections.reminder')}>
      <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
        {translate('rd.accounts.reminder.description', { destination: account.primaryEmail ?? '—' })}
      </Typography>
      <CallScript step="customer_id.reminder" values={{ maskedAddress: account.primaryEmail }} />
      <CallReferenceForm
        name="reminderCallReference"
        value={reference}
        onChange={setTyped}
        onSubmit={send}
        submitLabel={translate('rd.accounts.reminder.button')}
        icon={<SendIcon />}
        variant="outlined"
        fieldWidth="160px"
      />
      <Box role="status" aria-live="polite">
        {sentTo && (
          <Alert severity="success" sx={{ mt: 1 }}>
            {translate('rd.accounts.reminder.sent', { destination: sentTo })}
          </Alert>
        )}
      </Box>
    </Panel>
  );
};
