import { useEffect, useState } from 'react';
import { Alert, Box } from '@mui/material';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { formatDate, formatTime } from '../../fields/UtcDateField';
import { useCall } from './CallContext';
import { CallScript } from './CallScript';
import { useCallLanguage } from './callScripts';
import type { AccountDetail, SecurityEvent } from './types';

/** Older mails than this are history, not what the caller is asking about now. */
const RECENT_MS = 7 * 86_400_000;

/** The time as said on the phone: hours and minutes, in the call's language. */
const spokenTime = (iso: string, language: string) => new Date(iso).toLocaleTimeString(language, { timeStyle: 'short' });

const latest = (events: SecurityEvent[], kind: string) =>
  events.find((e) => e.kind === kind && Date.now() - new Date(e.at).getTime() < RECENT_MS);

/**
 * What the customer's own sign-in side mailed lately, said as what it is: the security code a sign-in sent to
 * the primary address (situation 5, "I never turned on 2FA but I am asked for a code"), a password reset mail
 * (situation 2), each with the sentence to read. Never a call code: those are the agent's, in the call panel.
 */
export const RecentMailsNotice = ({ events }: { events: SecurityEvent[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [callLanguage] = useCallLanguage();
  const signIn = latest(events, 'login_code_sent');
  const reset = latest(events, 'password_reset_sent');
  if (!signIn && !reset) return null;
  const when = (e: SecurityEvent) => ({
    date: formatDate(e.at, locale),
    time: formatTime(e.at, locale),
    destination: e.destination ?? '—',
  });
  return (
    <Box sx={{ my: 1 }}>
      {signIn && (
        <Alert severity="info" sx={{ mb: 1 }} data-notice="signin_code">
          {translate('calls.notice.signin_code', when(signIn))}
          <CallScript
            step="signin_code.explain"
            values={{ time: spokenTime(signIn.at, callLanguage), maskedAddress: signIn.destination }}
          />
        </Alert>
      )}
      {reset && (
        <Alert severity="info" sx={{ mb: 1 }} data-notice="password_reset">
          {translate('calls.notice.password_reset', when(reset))}
          <CallScript step="password.reset_sent" values={{ time: spokenTime(reset.at, callLanguage), maskedAddress: reset.destination }} />
        </Alert>
      )}
    </Box>
  );
};

/** The same notice in the call panel, from the timeline's first page (reloaded when the timeline is). */
export const RecentMailsForCall = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const account = useRecordContext<AccountDetail>();
  const { timelineVersion } = useCall();
  const [events, setEvents] = useState<SecurityEvent[]>([]);
  const accountId = account?.id;
  useEffect(() => {
    if (!accountId) return;
    let current = true;
    dataProvider.getAccountEvents(accountId, { cursor: null, limit: 25 }).then(
      (page) => current && setEvents(page.data),
      () => current && setEvents([]),
    );
    return () => {
      current = false;
    };
  }, [accountId, dataProvider, timelineVersion]);
  return (
    <>
      <RecentMailsNotice events={events} />
      {/* "I lost my password" with no reset mail lately: the desk does not reset it, the sentence says where to. */}
      {!latest(events, 'password_reset_sent') && <CallScript step="password.self_service" />}
    </>
  );
};
