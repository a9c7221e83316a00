import { useState } from 'react';
import { Alert, Button } from '@mui/material';
import SwapIcon from '@mui/icons-material/SwapVert';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { useCall } from '../accounts/CallContext';
import { CallScript } from '../accounts/CallScript';
import type { AccountDetail } from '../accounts/types';
import { OpenCaseButton } from '../identity-cases/OpenCaseButton';
import { recoveryApi } from './api';
import { ConditionList, type Condition } from './fields';
import { ConfirmDialog } from './ConfirmDialog';
import type { RecoveryCase } from './types';
import { ActionBlock, CaseLink } from './ActionBlock';

/** "Primary email lost": the backup email becomes the primary one, at once, when the caller proved they hold it. */
export const SwapAction = ({ account }: { account: AccountDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const call = useCall();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<RecoveryCase | null>(null);
  const verification = call.verification;
  const callOpen = Boolean(verification && !call.expired);
  const title = translate('recovery.workspace.swap.title');

  // Just done on this page: the account has no backup email any more, and that is the expected outcome.
  if (done) {
    return (
      <ActionBlock id="swap-title" title={title}>
        <Alert severity="success" role="status" data-testid="swap-done">
          {translate('recovery.workspace.swap.done', { value: done.newValue ?? '' })} <CaseLink id={done.id} />
        </Alert>
        <CallScript step="swap.done" values={{ maskedAddress: done.newValue, customerId: account.customerId }} />
      </ActionBlock>
    );
  }

  if (!account.hasBackupEmail) {
    return (
      <ActionBlock id="swap-title" title={title}>
        <Alert severity="warning" data-testid="swap-impossible" sx={{ mb: 1.5 }}>
          {translate('recovery.workspace.swap.no_backup')}
        </Alert>
        <OpenCaseButton account={account} purpose="replace_email" callReference={verification?.callReference} />
      </ActionBlock>
    );
  }

  const conditions: Condition[] = [
    { key: 'backup_email', label: translate('recovery.workspace.swap.conditions.backup_email'), met: account.hasBackupEmail },
    { key: 'not_locked', label: translate('recovery.workspace.swap.conditions.not_locked'), met: account.status !== 'locked' },
    { key: 'call', label: translate('recovery.workspace.swap.conditions.call'), met: callOpen },
    {
      key: 'possession',
      label: translate('recovery.workspace.swap.conditions.possession'),
      met: callOpen && Boolean(verification?.possessionProven.includes('backup_email')),
    },
  ];
  const ready = conditions.every((c) => c.met);

  const confirm = async ({ reason, callReference }: { reason: string; callReference: string }) => {
    if (!verification) return;
    const result = await recoveryApi.swap({ accountId: String(account.id), verificationId: verification.id, callReference, reason });
    setOpen(false);
    setDone(result);
    // The full contact data shown on this page is the old one: mask it again.
    call.setUnmasked(null);
    call.touchTimeline();
    notify('recovery.workspace.swap.done', { type: 'success', messageArgs: { value: result.newValue ?? '' } });
    refresh();
  };

  return (
    <ActionBlock id="swap-title" title={title}>
      <ConditionList id="swap-conditions" labelledBy="swap-title" conditions={conditions} />
      <Button
        variant="contained"
        color="warning"
        startIcon={<SwapIcon />}
        disabled={!ready}
        onClick={() => setOpen(true)}
        aria-describedby="swap-conditions"
        sx={{ mt: 1 }}
      >
        {translate('recovery.workspace.swap.button')}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        id="swap-dialog-title"
        title={translate('recovery.workspace.swap.dialog_title')}
        text={translate('recovery.workspace.swap.dialog_text', {
          backup: account.backupEmail ?? '—',
          primary: account.primaryEmail ?? '—',
        })}
        confirmLabel={translate('recovery.workspace.swap.confirm')}
        confirmIcon={<SwapIcon />}
        color="warning"
        withReason
        callReference={verification?.callReference ?? ''}
        onConfirm={confirm}
      />
    </ActionBlock>
  );
};
