import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Divider,
  FormControlLabel,
  FormLabel,
  Link,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import SwapIcon from '@mui/icons-material/SwapVert';
import TwoFactorIcon from '@mui/icons-material/PhonelinkErase';
import ReplaceIcon from '@mui/icons-material/AlternateEmail';
import {
  LinkBase,
  useCreatePath,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatDate } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { useCall } from '../accounts/CallContext';
import { CallScript } from '../accounts/CallScript';
import type { AccountDetail } from '../accounts/types';
import { OpenCaseButton } from '../identity-cases/OpenCaseButton';
import type { CaseSummary } from '../identity-cases/types';
import { useCanAccessKind } from './access';
import { recoveryApi } from './api';
import { ConditionList, type Condition } from './fields';
import { ConfirmDialog } from './ConfirmDialog';
import type { RecoveryCase } from './types';
import { Panel } from '../../common/Panel';

/**
 * The recovery actions of the call workspace, for those whose rules allow `create` on `RecoveryCase` (phone
 * agents): the backup→primary swap done on the call, and the documents-based actions opened for approval. Each
 * button is enabled only when what it needs is there, and says what is missing otherwise; the server checks all
 * of it again.
 */
export const AccountRecoveryPanel = () => {
  const { canAccess, isPending } = useCanAccessKind('create', 'recovery-cases');
  const account = useRecordContext<AccountDetail>();
  if (isPending || !canAccess || !account) return null;
  return <RecoveryActions account={account} />;
};

const RecoveryActions = ({ account }: { account: AccountDetail }) => {
  const translate = useTranslate();
  const accountId = String(account.id);
  // The evidence documents-based actions rest on; the list follows react-admin's refresh.
  const verified = useGetList<CaseSummary>('identity-cases', {
    filter: { status: 'verified', accountId },
    pagination: { page: 1, perPage: 100 },
  });
  const identityCases = verified.data ?? [];

  return (
    <Panel id="recovery-actions-title" title={translate('recovery.workspace.title')} data-testid="recovery-actions">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('recovery.workspace.intro')}
      </Typography>
      <SwapAction account={account} />
      <Divider sx={{ my: 2 }} />
      <TwoFactorLostAction account={account} />
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {translate('recovery.workspace.by_hand.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {translate('recovery.workspace.by_hand.intro')}
      </Typography>
      <DocumentsAction account={account} action="replace_contact_email" identityCases={identityCases} />
      <Divider sx={{ my: 2 }} />
      <DocumentsAction account={account} action="disable_2fa" identityCases={identityCases} />
    </Panel>
  );
};

const ActionBlock = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Box component="section" aria-labelledby={id}>
    <Typography id={id} variant="subtitle2" component="h3" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const CaseLink = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Link component={LinkBase} to={createPath({ resource: 'recovery-cases', type: 'show', id })}>
      {translate('recovery.workspace.open_case')} <span style={{ fontFamily: monospace }}>{id.slice(0, 8)}</span>
    </Link>
  );
};

/** "Primary email lost": the backup email becomes the primary one, at once, when the caller proved they hold it. */
const SwapAction = ({ account }: { account: AccountDetail }) => {
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
  const ready = conditions.every(c => c.met);

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

/**
 * "2FA is on and my phone was stolen", whatever the account has: the agent opens a "Disable 2FA" documents case
 * (link to an address on file or a confirmed new one, the methods to remove ticked). Once a reviewer verifies
 * the documents, the disablement goes to the supervisors' approvals inbox by itself.
 */
const TwoFactorLostAction = ({ account }: { account: AccountDetail }) => {
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
          disabled={!conditions.every(c => c.met)}
          describedBy="twofa-lost-conditions"
        />
      </Box>
    </ActionBlock>
  );
};

const PURPOSE = { replace_contact_email: 'replace_email', disable_2fa: 'disable_2fa' } as const;
const KEY = { replace_contact_email: 'replace', disable_2fa: 'twofa' } as const;

/** A documents-based action, opened for a supervisor's approval on a verified identity-documents case. */
const DocumentsAction = ({
  account,
  action,
  identityCases,
}: {
  account: AccountDetail;
  action: 'replace_contact_email' | 'disable_2fa';
  identityCases: CaseSummary[];
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const call = useCall();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState('');
  const [opened, setOpened] = useState<RecoveryCase | null>(null);
  const key = KEY[action];
  const t = (name: string, args?: Record<string, unknown>) => translate(`recovery.workspace.${key}.${name}`, args);
  const verification = call.verification;
  const callOpen = Boolean(verification && !call.expired);
  const candidates = identityCases.filter(c => c.purpose === PURPOSE[action]);

  const conditions: Condition[] =
    action === 'disable_2fa'
      ? [
          { key: 'has_2fa', label: t('conditions.has_2fa'), met: account.twoFactorEnabled },
          { key: 'not_locked', label: t('conditions.not_locked'), met: account.status !== 'locked' },
          { key: 'documents', label: t('conditions.documents'), met: candidates.length > 0 },
        ]
      : [
          { key: 'not_locked', label: t('conditions.not_locked'), met: account.status !== 'locked' },
          { key: 'documents', label: t('conditions.documents'), met: candidates.length > 0 },
        ];
  const ready = conditions.every(c => c.met);
  const Icon = action === 'disable_2fa' ? TwoFactorIcon : ReplaceIcon;

  const show = () => {
    setPicked(candidates.length === 1 ? candidates[0].id : '');
    setOpen(true);
  };

  const confirm = async ({ reason, callReference }: { reason: string; callReference: string }) => {
    const result = await recoveryApi.open({
      accountId: String(account.id),
      action,
      identityCaseId: picked,
      // The documents prove identity; the call's verification, when open, is recorded with the case.
      ...(callOpen && verification ? { verificationId: verification.id } : {}),
      callReference,
      reason,
    });
    setOpen(false);
    setOpened(result);
    notify('recovery.workspace.opened', { type: 'success' });
    refresh();
  };

  return (
    <ActionBlock id={`${key}-title`} title={t('title')}>
      <ConditionList id={`${key}-conditions`} labelledBy={`${key}-title`} conditions={conditions} />
      <Button
        variant="outlined"
        startIcon={<Icon />}
        disabled={!ready}
        onClick={show}
        aria-describedby={`${key}-conditions`}
        sx={{ mt: 1 }}
      >
        {t('button')}
      </Button>
      {opened && (
        <Alert severity="success" role="status" sx={{ mt: 1.5 }}>
          {translate('recovery.workspace.opened')} <CaseLink id={opened.id} />
        </Alert>
      )}
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        id={`${key}-dialog-title`}
        title={t('dialog_title')}
        text={t('dialog_text')}
        confirmLabel={t('confirm')}
        confirmIcon={<Icon />}
        withReason
        callReference={verification?.callReference ?? ''}
        incomplete={!picked}
        onConfirm={confirm}
      >
        <FormLabel id={`${key}-pick`}>{translate('recovery.workspace.pick_case')}</FormLabel>
        {candidates.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('recovery.workspace.no_verified_case')}
          </Typography>
        ) : (
          <RadioGroup
            aria-labelledby={`${key}-pick`}
            name={`${key}IdentityCase`}
            value={picked}
            onChange={event => setPicked(event.target.value)}
            sx={{ mb: 2 }}
          >
            {candidates.map(c => (
              <FormControlLabel
                key={c.id}
                value={c.id}
                control={<Radio />}
                label={
                  <>
                    {translate('recovery.workspace.case_option', {
                      ref: c.id.slice(0, 8),
                      date: c.decidedAt ? formatDate(c.decidedAt, locale) : '—',
                    })}
                    <Typography component="span" variant="body2" color="text.secondary">
                      {' · '}
                      {translate(`cases.channel.${c.channel}`, { _: c.channel })}
                    </Typography>
                  </>
                }
              />
            ))}
          </RadioGroup>
        )}
      </ConfirmDialog>
    </ActionBlock>
  );
};
