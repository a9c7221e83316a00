import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCall } from '../accounts/CallContext';
import type { AccountDetail } from '../accounts/types';
import { OpenCaseButton } from '../identity-cases/OpenCaseButton';
import { ConditionList, type Condition } from './fields';
import { ActionBlock } from './ActionBlock';

/**
 * "2FA is on and my phone was stolen", whatever the account has: the agent opens a "Disable 2FA" documents case
 * (link to an address on file or a confirmed new one, the methods to remove ticked). Once a reviewer verifies
 * the documents, the disablement goes to the supervisors' approvals inbox by itself.
 */
export const TwoFactorLostAction = ({ account }: { account: AccountDetail }) => {
  const translate = useTranslate();
  const call = useCall();
  const conditions: Condition[] = [
    { key: 'has_2fa', label: translate('recovery.workspace.twofa_lost.conditions.has_2fa'), met: account.twoFactorEnabled },
    { key: 'not_locked', label: translate('recovery.workspace.twofa_lost.conditions.not_locked'), met: account.status !== 'locked' },
  ];
  return (
    <ActionBlock id="twofa-lost-title" title={translate('recovery.workspace.twofa_lost.title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="twofa-lost-steps">
        {translate('recovery.workspace.twofa_lost.steps')}
      </Typography>
      <ConditionList id="twofa-lost-conditions" labelledBy="twofa-lost-title" conditions={conditions} />
      <Box sx={{ mt: 1 }}>
        <OpenCaseButton
          account={account}
          purpose="disable_2fa"
          callReference={call.verification?.callReference}
          disabled={!conditions.every((c) => c.met)}
          describedBy="twofa-lost-conditions"
        />
      </Box>
    </ActionBlock>
  );
};
