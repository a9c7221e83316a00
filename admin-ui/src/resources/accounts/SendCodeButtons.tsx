import { useState } from 'react';
import { Box, Button, CircularProgress, Tooltip, Typography } from '@mui/material';
import MailIcon from '@mui/icons-material/ForwardToInbox';
import { useDataProvider, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { apiErrorOf } from '../../providers/http';
import { formatTime } from '../../fields/UtcDateField';
import { useCall } from './CallContext';
import { CallScript } from './CallScript';
import type { AccountDetail, CodeChannel } from './types';

/**
 * Mails a one-time code to an address on file; the caller reads it back. Never to an address the caller gives:
 * possession of a known mailbox is what the code proves.
 */
export const SendCodeButtons = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const account = useRecordContext<AccountDetail>();
  const call = useCall();
  const [pending, setPending] = useState<CodeChannel | null>(null);
  const verification = call.verification;
  if (!account || !verification) return null;

  const closed = call.expired || verification.locked;
  const send = async (channel: CodeChannel) => {
    setPending(channel);
    try {
      const sent = await dataProvider.sendVerificationCode(verification.id, channel);
      call.setLastCode(sent);
      notify('rd.accounts.verification.code_sent', {
        type: 'info',
        messageArgs: { destination: sent.destination, time: formatTime(sent.expiresAt, locale) },
      });
      call.touchTimeline();
      await call.refresh();
    } catch (error) {
      notify(apiErrorOf(error).message, { type: 'error' });
    } finally {
      setPending(null);
    }
  };

  const button = (channel: CodeChannel, disabled: boolean) => (
    <Button
      variant="outlined"
      onClick={() => send(channel)}
      disabled={disabled || closed || pending !== null}
      startIcon={pending === channel ? <CircularProgress size={16} /> : <MailIcon />}
    >
      {translate(`rd.accounts.verification.to_${channel}`)}
    </Button>
  );

  // The code waiting for the caller: the one just sent, or the server's (after a reload).
  const waiting = call.lastCode ?? verification.activeCode;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        {account.hasBackupEmail ? (
          button('backup_email', false)
        ) : (
          <Tooltip title={translate('rd.accounts.verification.no_backup_reason')}>
            {/* A disabled button gets no hover: the span carries the tooltip. */}
            <span>{button('backup_email', true)}</span>
          </Tooltip>
        )}
        {button('primary_email', false)}
      </Box>
      {!account.hasBackupEmail && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('rd.accounts.verification.no_backup_reason')}
        </Typography>
      )}
      {waiting && !closed && (
        <>
          <Typography role="status" variant="body2" sx={{ mt: 1 }}>
            {translate('rd.accounts.verification.code_sent', {
              destination: waiting.destination,
              time: formatTime(waiting.expiresAt, locale),
            })}
          </Typography>
          <CallScript step={`code.send_${waiting.channel}`} values={{ maskedAddress: waiting.destination }} />
          <CallScript step="code.spam" />
        </>
      )}
    </Box>
  );
};
