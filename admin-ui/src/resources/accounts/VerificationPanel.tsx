import type { ReactNode } from 'react';
import { Alert, Box, Button, Chip, CircularProgress, Divider, LinearProgress, Typography } from '@mui/material';
import TimerIcon from '@mui/icons-material/Timer';
import CallEndIcon from '@mui/icons-material/CallEnd';
import { useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { formatTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { Panel } from '../../common/Panel';
import { useCall, useNow } from './CallContext';
import { CallLanguageSwitch, CallScript } from './CallScript';
import { CheckList } from './CheckList';
import { CodeCheckForm } from './CodeCheckForm';
import { SendCodeButtons } from './SendCodeButtons';
import { StartVerificationForm } from './StartVerificationForm';
import { RecentMailsForCall } from './RecentMailsNotice';
import { StatedValueForm } from './StatedValueForm';
import type { Verification } from './types';

/**
 * The checks of the call, for those whose rules allow `create` on `CallerVerification` (phone agents).
 * Before the call is verified, nothing about the account may be disclosed to the caller.
 */
export const VerificationPanel = () => {
  const { canAccess, isPending } = useCanAccess({ action: 'create', resource: 'verifications' });
  if (isPending || !canAccess) return null;
  return <Verifying />;
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" sx={{ mt: 2 }}>
    <Typography variant="subtitle2" component="h3" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const Verifying = () => {
  const translate = useTranslate();
  const call = useCall();
  const verification = call.verification;

  return (
    <Panel id="verification-title" title={translate('rd.accounts.sections.call')} action={<CallLanguageSwitch />}>
      <RecentMailsForCall />
      {verification && <CallLine verification={verification} onEnd={call.forget} />}
      {call.loadError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {call.loadError}
        </Alert>
      )}
      {!verification && call.loading && <CircularProgress size={24} sx={{ mt: 2 }} />}
      {!verification && !call.loading && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ my: 1.5 }}>
            {translate('rd.accounts.verification.intro')}
          </Typography>
          <CallScript step="verification.start" />
          <StartVerificationForm />
        </>
      )}
      {verification && call.expired && (
        <>
          <Alert severity="warning" sx={{ my: 1.5 }}>
            {translate('rd.accounts.verification.expired', {
              minutes: Math.round((new Date(verification.expiresAt).getTime() - new Date(verification.startedAt).getTime()) / 60_000),
            })}
          </Alert>
          <StartVerificationForm defaultReference={verification.callReference} />
        </>
      )}
      {verification && !call.expired && <OpenCall verification={verification} />}
    </Panel>
  );
};

/** "12:04 left", and a bar that empties over the call's 15 minutes. */
const CallClock = ({ verification }: { verification: Verification }) => {
  const translate = useTranslate();
  const now = useNow();
  const start = new Date(verification.startedAt).getTime();
  const end = new Date(verification.expiresAt).getTime();
  const left = Math.max(0, end - now);
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  const text = `${minutes}:${String(seconds).padStart(2, '0')}`;
  const share = end > start ? (left / (end - start)) * 100 : 0;
  return (
    <Box sx={{ minWidth: 120 }}>
      <Chip
        size="small"
        icon={<TimerIcon />}
        color={left === 0 ? 'default' : left < 3 * 60_000 ? 'warning' : 'primary'}
        variant="outlined"
        label={translate('rd.accounts.verification.time_left', { time: text })}
        role="timer"
        aria-live="off"
      />
      <LinearProgress variant="determinate" value={share} sx={{ mt: 0.5 }} aria-hidden />
    </Box>
  );
};

/** "Call TCK-4411 · started at 14:02", the time left, and the button that ends the call on this page. */
const CallLine = ({ verification, onEnd }: { verification: Verification; onEnd: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 auto' }}>
        {translate('rd.accounts.verification.call_label')}{' '}
        <Box component="span" sx={{ fontFamily: monospace, color: 'text.primary' }}>
          {verification.callReference}
        </Box>
        {' · '}
        {translate('rd.accounts.verification.started', { time: formatTime(verification.startedAt, locale) })}
      </Typography>
      <CallClock verification={verification} />
      <Button size="small" startIcon={<CallEndIcon />} onClick={onEnd}>
        {translate('rd.accounts.verification.new_call')}
      </Button>
    </Box>
  );
};

const OpenCall = ({ verification }: { verification: Verification }) => {
  const translate = useTranslate();
  const proven = verification.possessionProven;
  const channels = proven.map((c) => translate(`rd.accounts.verification.subject.${c}`)).join(', ');
  return (
    <Box>
      <Box role="status" aria-live="polite">
        {proven.length > 0 ? (
          <Alert severity="success" sx={{ mt: 1.5 }}>
            {translate('rd.accounts.verification.proven', { channels })}
          </Alert>
        ) : (
          <Alert severity="warning" sx={{ mt: 1.5 }}>
            {translate('rd.accounts.verification.not_proven')}
          </Alert>
        )}
        {verification.locked && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {translate('rd.accounts.verification.locked')}
          </Alert>
        )}
      </Box>
      <Section title={translate('rd.accounts.verification.send_code')}>
        <SendCodeButtons />
      </Section>
      <Section title={translate('rd.accounts.verification.code_section')}>
        <CodeCheckForm />
      </Section>
      <Section title={translate('rd.accounts.verification.stated')}>
        <CallScript step="stated.ask" />
        <StatedValueForm />
      </Section>
      <Divider sx={{ mt: 2 }} />
      <Section title={translate('rd.accounts.verification.checks')}>
        <CheckList checks={verification.checks} />
      </Section>
    </Box>
  );
};
