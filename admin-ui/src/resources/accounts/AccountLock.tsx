import { useState, type FormEvent } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useCanAccess, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiErrorOf, apiFetch } from '../../providers/http';
import { useCall } from './CallContext';
import type { AccountDetail } from './types';
import { CallScript } from './CallScript';

const MIN = 3;

/** A reason, then the call; refusals stay in the dialog, in the console's language (by their code). */
const ReasonDialog = ({
  open, onClose, id, title, text, confirmLabel, color, onConfirm,
}: {
  open: boolean;
  onClose(): void;
  id: string;
  title: string;
  text: string;
  confirmLabel: string;
  color: 'error' | 'success';
  onConfirm(reason: string): Promise<void>;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    if (reason.trim().length < MIN) {
      setError(translate('desk.lock.reason_required'));
      return;
    }
    setError(null);
    setPending(true);
    try {
      await onConfirm(reason.trim());
      setReason('');
    } catch (e) {
      const problem = apiErrorOf(e);
      setError(problem.errors.reason ?? null);
      setRefusal(problem.message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onClose={() => !pending && onClose()} aria-labelledby={id} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={id}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{text}</DialogContentText>
          {refusal && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {refusal}
            </Alert>
          )}
          <TextField
            autoFocus
            name="lockReason"
            label={translate('desk.lock.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={Boolean(error)}
            helperText={error ?? translate('desk.lock.reason_help')}
            required
            fullWidth
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={color} disabled={pending} startIcon={pending ? <CircularProgress size={16} color="inherit" /> : undefined}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

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
    action: 'lock', resource: 'accounts', record: { id: `${id}#${verifiedCall ? 'verified' : 'unverified'}`, callerVerified: Boolean(verifiedCall) },
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
        <ReasonDialog
          open={dialog === 'unlock'}
          onClose={() => setDialog(null)}
          id="unlock-dialog-title"
          title={translate('desk.lock.unblock_title')}
          text={translate('desk.lock.unblock_text')}
          confirmLabel={translate('desk.lock.unblock_confirm')}
          color="success"
          onConfirm={async (reason) => {
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
      <ReasonDialog
        open={dialog === 'lock'}
        onClose={() => setDialog(null)}
        id="lock-dialog-title"
        title={translate('desk.lock.block_title')}
        text={translate('desk.lock.block_text')}
        confirmLabel={translate('desk.lock.block_confirm')}
        color="error"
        onConfirm={async (reason) => {
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
