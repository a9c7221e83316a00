import { Box, CircularProgress } from '@mui/material';
import { Show, useCanAccess, useRecordContext, useShowContext } from 'react-admin';
import { AccountHeader } from './AccountHeader';
import { CallProvider } from './CallContext';
import { ContactSection } from './ContactSection';
import { CustomerIdReminderButton } from './CustomerIdReminderButton';
import { SecurityTimeline } from './SecurityTimeline';
import { TwoFactorSection } from './TwoFactorSection';
import type { AccountDetail } from './types';
import { VerificationPanel } from './VerificationPanel';
import { AccountRecoveryCases } from '../recovery-cases/AccountRecoveryCases';
import { AccountRecoveryPanel } from '../recovery-cases/AccountRecoveryPanel';

const AccountTitle = () => {
  const record = useRecordContext<AccountDetail>();
  return <>{record ? `${record.customerId} — ${record.companyName ?? record.name}` : ''}</>;
};

/**
 * The agent's call workspace: the account on the left (masked), the call on the right (verification, then what
 * a verified caller may get). Supervisors and reviewers see the left side only: the right side follows the rules.
 */
const Workspace = () => {
  const { record, isPending } = useShowContext<AccountDetail>();
  const verify = useCanAccess({ action: 'create', resource: 'verifications' });
  const notify = useCanAccess({ action: 'notify', resource: 'accounts' });
  if (isPending || !record || verify.isPending || notify.isPending) return <CircularProgress sx={{ m: 4 }} />;
  const onCall = Boolean(verify.canAccess || notify.canAccess);
  return (
    <CallProvider accountId={String(record.id)}>
      <Box
        sx={{
          mt: 2,
          display: 'grid',
          gap: 2,
          alignItems: 'start',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: onCall ? 'minmax(0, 6fr) minmax(0, 5fr)' : 'minmax(0, 1fr)' },
        }}
      >
        <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
          <AccountHeader />
          <ContactSection />
          <TwoFactorSection />
          <AccountRecoveryCases />
          <SecurityTimeline />
        </Box>
        {onCall && (
          <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
            <VerificationPanel />
            <AccountRecoveryPanel />
            <CustomerIdReminderButton />
          </Box>
        )}
      </Box>
    </CallProvider>
  );
};

export const AccountShow = () => (
  <Show title={<AccountTitle />} actions={false} component="div" emptyWhileLoading={false}>
    <Workspace />
  </Show>
);
