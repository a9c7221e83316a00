import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, Tooltip } from '@mui/material';
import ApproveIcon from '@mui/icons-material/HowToReg';
import RejectIcon from '@mui/icons-material/Block';
import ExecuteIcon from '@mui/icons-material/PlayArrow';
import CancelIcon from '@mui/icons-material/Cancel';
import RevertIcon from '@mui/icons-material/Undo';
import { useCanAccess, useGetIdentity, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiErrorOf } from '../../providers/http';
import { useNow } from '../accounts/CallContext';
import { recoveryApi } from './api';
import { ConfirmDialog, type ConfirmValues } from './ConfirmDialog';
import { OPEN_STATUSES, REJECTABLE_STATUSES, type RecoveryCase } from './types';

type Kind = 'approve' | 'reject' | 'execute' | 'cancel' | 'revert';

const ICONS: Record<Kind, ReactNode> = {
  approve: <ApproveIcon />,
  reject: <RejectIcon />,
  execute: <ExecuteIcon />,
  cancel: <CancelIcon />,
  revert: <RevertIcon />,
};
const COLORS: Record<Kind, 'primary' | 'warning' | 'error' | 'success'> = {
  approve: 'success',
  reject: 'error',
  execute: 'warning',
  cancel: 'error',
  revert: 'warning',
};
const WITH_REASON: Record<Kind, boolean> = { approve: false, reject: true, execute: false, cancel: true, revert: true };

/**
 * The buttons the permission rules (CASL, asked with the case) and the case's status allow. The server decides
 * in the end: a refusal (someone else moved the case, four eyes, hold not over) is shown in the dialog.
 */
export const CaseButtons = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const now = useNow(5000);
  const [open, setOpen] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const subject = { ...record };
  const approve = useCanAccess({ action: 'approve', resource: 'recovery-cases', record: subject });
  const execute = useCanAccess({ action: 'execute', resource: 'recovery-cases', record: subject });
  const update = useCanAccess({ action: 'edit', resource: 'recovery-cases', record: subject });

  const mine = Boolean(identity && String(identity.id) === record.openedBy);
  const holdOver = record.holdUntil ? new Date(record.holdUntil).getTime() <= now : false;
  const holdTime = record.holdUntil ? formatDateTime(record.holdUntil, locale) : '';

  const buttons: { kind: Kind; disabledReason: string | null }[] = [];
  if (approve.canAccess && record.status === 'pending_approval') {
    buttons.push({ kind: 'approve', disabledReason: mine ? translate('recovery.disabled.own_case') : null });
  }
  if (approve.canAccess && REJECTABLE_STATUSES.includes(record.status)) buttons.push({ kind: 'reject', disabledReason: null });
  if (execute.canAccess && record.status === 'on_hold') {
    buttons.push({ kind: 'execute', disabledReason: holdOver ? null : translate('recovery.disabled.hold', { time: holdTime }) });
  }
  if (update.canAccess && OPEN_STATUSES.includes(record.status)) buttons.push({ kind: 'cancel', disabledReason: null });
  if (
    execute.canAccess &&
    record.action === 'backup_to_primary' &&
    record.status === 'executed' &&
    record.reportedAt &&
    !record.revertedAt
  ) {
    buttons.push({ kind: 'revert', disabledReason: null });
  }

  const run = async (kind: Kind, { reason }: ConfirmValues) => {
    try {
      const next =
        kind === 'approve'
          ? await recoveryApi.approve(record.id)
          : kind === 'reject'
            ? await recoveryApi.reject(record.id, reason)
            : kind === 'execute'
              ? await recoveryApi.execute(record.id)
              : kind === 'cancel'
                ? await recoveryApi.cancel(record.id, reason)
                : await recoveryApi.revert(record.id, reason);
      setOpen(null);
      const message = translate(`recovery.done.${kind}`, { time: next.holdUntil ? formatDateTime(next.holdUntil, locale) : '' });
      setOutcome(message);
      notify(message, { type: 'success' });
      refresh();
    } catch (error) {
      // 409: the case moved meanwhile (or the hold is not over): what the page shows is stale, reload it.
      if (apiErrorOf(error).status === 409) refresh();
      throw error;
    }
  };

  if (buttons.length === 0 && !outcome) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} role="group" aria-label={translate('recovery.show.lifecycle')}>
        {buttons.map(({ kind, disabledReason }) => {
          const button = (
            <Button
              variant={kind === 'approve' || kind === 'execute' ? 'contained' : 'outlined'}
              color={COLORS[kind]}
              startIcon={ICONS[kind]}
              disabled={Boolean(disabledReason)}
              onClick={() => setOpen(kind)}
            >
              {translate(`recovery.buttons.${kind}`)}
            </Button>
          );
          return disabledReason ? (
            <Tooltip key={kind} title={disabledReason}>
              <span>{button}</span>
            </Tooltip>
          ) : (
            <Box key={kind} component="span">
              {button}
            </Box>
          );
        })}
      </Box>
      {buttons
        .filter((b) => b.disabledReason)
        .map((b) => (
          <Alert key={b.kind} severity="info" sx={{ mt: 1 }}>
            {b.disabledReason}
          </Alert>
        ))}
      {outcome && (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
          {outcome}
        </Alert>
      )}
      {buttons.map(({ kind }) => (
        <ConfirmDialog
          key={kind}
          open={open === kind}
          onClose={() => setOpen(null)}
          id={`recovery-${kind}-title`}
          title={translate(`recovery.dialog.${kind}_title`)}
          text={translate(`recovery.dialog.${kind}_text`)}
          confirmLabel={translate(`recovery.buttons.${kind}`)}
          confirmIcon={ICONS[kind]}
          color={COLORS[kind]}
          withReason={WITH_REASON[kind]}
          onConfirm={(values) => run(kind, values)}
        />
      ))}
    </Box>
  );
};
