import { useState } from 'react';
import { Alert, Button, FormControlLabel, FormLabel, Radio, RadioGroup, Typography } from '@mui/material';
import TwoFactorIcon from '@mui/icons-material/PhonelinkErase';
import ReplaceIcon from '@mui/icons-material/AlternateEmail';
import { useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatDate } from '../../fields/UtcDateField';
import { useCall } from '../accounts/CallContext';
import type { AccountDetail } from '../accounts/types';
import type { CaseSummary } from '../identity-cases/types';
import { recoveryApi } from './api';
import { ConditionList, type Condition } from './fields';
import { ConfirmDialog } from './ConfirmDialog';
import type { RecoveryCase } from './types';
import { ActionBlock, CaseLink } from './ActionBlock';

const PURPOSE = { replace_contact_email: 'replace_email', disable_2fa: 'disable_2fa' } as const;

const KEY = { replace_contact_email: 'replace', disable_2fa: 'twofa' } as const;

/** A documents-based action, opened for a supervisor's approval on a verified identity-documents case. */
export const DocumentsAction = ({
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
  const candidates = identityCases.filter((c) => c.purpose === PURPOSE[action]);

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
  const ready = conditions.every((c) => c.met);
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
            onChange={(event) => setPicked(event.target.value)}
            sx={{ mb: 2 }}
          >
            {candidates.map((c) => (
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
