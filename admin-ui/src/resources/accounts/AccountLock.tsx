import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useCanAccess, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiFetch } from '../../providers/http';
import { ConfirmDialog } from '../recovery-cases/ConfirmDialog';
import { useCall } from './CallContext';
import type { AccountDetail } from './types';
import { CallScript } from './CallScript';

/**
 * Block on request, at the top of the account page. A supervisor blocks any account; an agent blocks the account
 * of the caller verified on this call (the server checks the verification it is sent). Unblocking is the
 * supervisors'. While blocked, the reason and date stand at the top, and recovery actions say why they wait.
 */
export const AccountLock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const account = useRecordContext<AccountDetail>();
  const call = useCall();
  const notify = useNotify();
  const refresh = useRefresh();
  const v = call.verification;
  const verifiedCall = v && !call.expired && v.possessionProven.length > 0 ? v : null;
  // The server's own rule, asked with the fact it depends on: an agent may lock once the caller is verified on
  // this call (`callerVerified`), a supervisor always. The first check says whether to show the action at all.
  // react-admin caches an answer by record id only: each question gets an id of its own.
  const id = account?.id ?? '';
  const mayLock = useCanAccess({ action: 'lock', resource: 'accounts', record: { id: `${id}#verified`, callerVerified: true } });
  const lockNow = useCanAccess({
    action: 'lock',
    resource: 'accounts',
    record: { id: `${id}#${verifiedCall ? 'verified' : 'unverified'}`, callerVerified: Boolean(verifiedCall) },
  });
  const unlock = useCanAccess({ action: 'unlock', resource: 'accounts', record: { id } });
  const [dialog, setDialog] = useState<'lock' | 'unlock' | null>(null);
  if (!account) return null;

  const done = (message: string) => {
    setDialog(null);
    notify(message, { type: 'info' });
    call.touchTimeline();
    refresh();
  };

  if (account.status === 'locked') {
    const date = account.lockedAt ? formatDateTime(account.lockedAt, locale) : '—';
    return (
      <Alert
        severity="error"
        sx={{ mt: 2 }}
        data-testid="account-locked"
        action={
          unlock.canAccess ? (
            <Button color="inherit" size="small" startIcon={<LockOpenIcon />} onClick={() => setDialog('unlock')}>
              {translate('desk.lock.unblock')}
            </Button>
          ) : undefined
        }
      >
        <AlertTitle>{translate('desk.lock.banner_title')}</AlertTitle>
        <Typography variant="body2" data-testid="account-locked-reason">
          {account.lockReason
            ? translate('desk.lock.banner', { date, reason: account.lockReason })
            : account.lockedAt
              ? translate('desk.lock.banner_no_reason', { date })
              : translate('desk.lock.banner_unknown')}
        </Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {translate('desk.lock.recovery_refused')}
        </Typography>
        <CallScript step="account.blocked" />
        <ConfirmDialog
          open={dialog === 'unlock'}
          onClose={() => setDialog(null)}
          id="unlock-dialog-title"
          title={translate('desk.lock.unblock_title')}
          text={translate('desk.lock.unblock_text')}
          confirmLabel={translate('desk.lock.unblock_confirm')}
          color="success"
          withReason
          reasonHelp={translate('desk.lock.reason_help')}
          onConfirm={async ({ reason }) => {
            await apiFetch(`/accounts/${encodeURIComponent(account.id)}/unlock`, { method: 'POST', body: JSON.stringify({ reason }) });
            done(translate('desk.lock.unblocked'));
          }}
        />
      </Alert>
    );
  }

  if (!mayLock.canAccess) return null;
  const allowed = Boolean(lockNow.canAccess);
  return (
    <Box sx={{ mt: 2, display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
      <Button variant="outlined" color="error" startIcon={<BlockIcon />} disabled={!allowed} onClick={() => setDialog('lock')}>
        {translate('desk.lock.block')}
      </Button>
      {!allowed && (
        <Typography variant="body2" color="text.secondary" data-testid="block-needs-call">
          {translate('desk.lock.block_needs_call')}
        </Typography>
      )}
      <ConfirmDialog
        open={dialog === 'lock'}
        onClose={() => setDialog(null)}
        id="lock-dialog-title"
        title={translate('desk.lock.block_title')}
        text={translate('desk.lock.block_text')}
        confirmLabel={translate('desk.lock.block_confirm')}
        color="error"
        withReason
        reasonHelp={translate('desk.lock.reason_help')}
        onConfirm={async ({ reason }) => {
          await apiFetch(`/accounts/${encodeURIComponent(account.id)}/lock`, {
            method: 'POST',
            body: JSON.stringify({ reason, ...(verifiedCall ? { verificationId: verifiedCall.id } : {}) }),
          });
          done(translate('desk.lock.blocked'));
        }}
      />
    </Box>
  );
};
