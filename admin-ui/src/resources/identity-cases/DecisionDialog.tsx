import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, MenuItem, TextField } from '@mui/material';
import AcceptIcon from '@mui/icons-material/CheckCircleOutlined';
import RejectIcon from '@mui/icons-material/HighlightOff';
import ReuploadIcon from '@mui/icons-material/Replay';
import { useTranslate } from 'react-admin';
import { FormDialog } from '../../common/FormDialog';
import { casesApi } from './api';
import { apiErrorOf } from '../../providers/http';
import {
  DATED_KINDS,
  IDENTITY_KINDS,
  IDENTITY_TYPES,
  REJECTION_CODES,
  REUPLOAD_REASONS,
  type CaseDocument,
  type DecisionInput,
  type DecisionResult,
  type IdentityType,
} from './types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type Mode = 'accept' | 'reject' | 'reupload';

const MODE_LOOK: Record<Mode, { color: 'success' | 'error' | 'warning'; icon: ReactNode }> = {
  accept: { color: 'success', icon: <AcceptIcon /> },
  reject: { color: 'error', icon: <RejectIcon /> },
  reupload: { color: 'warning', icon: <ReuploadIcon /> },
};

/**
 * The three decisions share one dialog: accept (identity type, holder and expiry for an identity document; the
 * issue date for a dated proof), reject (a reason; it ends the case) and ask again (unreadable, cut, glare or
 * other; the customer is mailed a link to send that one document). It leaves the page usable (no backdrop, on the
 * right side) so the reviewer reads the preview while typing what it says.
 */
/** The document a decision is about, as the panel and its dialog both need it. */
export interface DecisionTarget {
  caseId: string;
  accountType: string;
  doc: CaseDocument;
  kindLabel: string;
  onDecided(result: DecisionResult): void;
}

export const DecisionDialog = ({
  mode,
  caseId,
  accountType,
  doc,
  kindLabel,
  onClose,
  onDecided,
}: DecisionTarget & { mode: Mode; onClose(): void }) => {
  const translate = useTranslate();
  const identity = mode === 'accept' && IDENTITY_KINDS.includes(doc.kind);
  const dated = mode === 'accept' && DATED_KINDS.includes(doc.kind);
  const reasons: readonly string[] = mode === 'reject' ? REJECTION_CODES : mode === 'reupload' ? REUPLOAD_REASONS : [];
  const [identityType, setIdentityType] = useState<IdentityType | ''>(doc.identityType ?? '');
  const [holderName, setHolderName] = useState('');
  const [expiry, setExpiry] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const shown = { ...errors, ...serverErrors };
  const titleId = `${mode}-${doc.id}`;

  /** A field the user changes no longer carries the server's objection to its old value. */
  const edited = (field: string) =>
    setServerErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _gone, ...rest } = current;
      return rest;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (identity && !identityType) found.identityType = translate('cases.decision.identity_type_required');
    if (identity && holderName.trim().length < 2) found.holderName = translate('cases.decision.holder_required');
    if (identity && !DAY.test(expiry)) found.expiry = translate('cases.decision.expiry_required');
    if (dated && !DAY.test(issuedOn)) found.issuedOn = translate('cases.decision.issued_on_required');
    if (reasons.length && !reasonCode) found.reasonCode = translate('cases.decision.reason_required');
    if (reasonCode === 'other' && !note.trim()) found.note = translate('cases.decision.note_required');
    setErrors(found);
    if (Object.keys(found).length) return;
    const input: DecisionInput = {
      decision: mode === 'accept' ? 'accepted' : mode === 'reject' ? 'rejected' : 'reupload',
      ...(reasons.length ? { reasonCode: reasonCode as DecisionInput['reasonCode'] } : {}),
      ...(identity ? { identityType: identityType as IdentityType, holderName: holderName.trim(), expiry } : {}),
      ...(dated ? { issuedOn } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setPending(true);
    setRefusal(null);
    setServerErrors({});
    try {
      const result = await casesApi.decide(caseId, doc.id, input);
      onClose();
      onDecided(result);
    } catch (error) {
      const problem = apiErrorOf(error);
      setRefusal(problem.message);
      setServerErrors(problem.errors);
    } finally {
      setPending(false);
    }
  };

  const check =
    mode === 'reject'
      ? null
      : mode === 'reupload'
        ? 'cases.decision.reupload_help'
        : identity
          ? 'cases.decision.check_identity'
          : dated
            ? 'cases.decision.check_proof'
            : 'cases.decision.check_other';
  const look = MODE_LOOK[mode];

  return (
    <FormDialog
      id={titleId}
      title={translate(`cases.decision.${mode}_title`, { kind: kindLabel })}
      intro={check && translate(check)}
      refusal={refusal}
      pending={pending}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={translate(`cases.decision.confirm_${mode}`)}
      submitIcon={look.icon}
      color={look.color}
      // Beside the preview, not over it: no backdrop, the page behind stays usable (zoom, rotate, scroll).
      dialogProps={{
        hideBackdrop: true,
        disableEnforceFocus: true,
        disableScrollLock: true,
        sx: { pointerEvents: 'none', '& .MuiDialog-container': { justifyContent: { md: 'flex-end' } } },
        slotProps: { paper: { sx: { pointerEvents: 'auto', boxShadow: 8 } } },
      }}
    >
      {mode === 'reject' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('cases.decision.reject_warning')}
        </Alert>
      )}
      {identity && (
        <>
          <TextField
            select
            autoFocus
            name="identityType"
            label={translate('cases.decision.identity_type')}
            value={identityType}
            onChange={(event) => {
              setIdentityType(event.target.value as IdentityType);
              edited('identityType');
            }}
            error={Boolean(shown.identityType)}
            helperText={
              shown.identityType ??
              (doc.identityType
                ? translate('cases.decision.identity_type_stated', {
                    type: translate(`cases.identity_type.${doc.identityType}`, { _: doc.identityType }),
                  })
                : translate('cases.decision.identity_type_help'))
            }
            required
            fullWidth
            sx={{ mb: 2 }}
          >
            {IDENTITY_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {translate(`cases.identity_type.${type}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            name="holderName"
            label={translate('cases.decision.holder_name')}
            value={holderName}
            onChange={(event) => {
              setHolderName(event.target.value);
              edited('holderName');
            }}
            error={Boolean(shown.holderName)}
            helperText={
              shown.holderName ??
              translate('cases.decision.holder_help', { holder: translate(`cases.holder.${accountType}`, { _: accountType }) })
            }
            required
            fullWidth
            autoComplete="off"
            slotProps={{ htmlInput: { maxLength: 200 } }}
            sx={{ mb: 2 }}
          />
          <TextField
            name="expiry"
            type="date"
            label={translate('cases.decision.expiry')}
            value={expiry}
            onChange={(event) => {
              setExpiry(event.target.value);
              edited('expiry');
            }}
            error={Boolean(shown.expiry)}
            helperText={shown.expiry ?? translate('cases.decision.expiry_help')}
            required
            fullWidth
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ mb: 2 }}
          />
        </>
      )}
      {dated && (
        <TextField
          autoFocus
          name="issuedOn"
          type="date"
          label={translate('cases.decision.issued_on')}
          value={issuedOn}
          onChange={(event) => {
            setIssuedOn(event.target.value);
            edited('issuedOn');
          }}
          error={Boolean(shown.issuedOn)}
          helperText={shown.issuedOn ?? translate('cases.decision.issued_on_help')}
          required
          fullWidth
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ mb: 2 }}
        />
      )}
      {reasons.length > 0 && (
        <TextField
          select
          autoFocus
          name="reasonCode"
          label={translate('cases.decision.reason')}
          value={reasonCode}
          onChange={(event) => {
            setReasonCode(event.target.value);
            edited('reasonCode');
          }}
          error={Boolean(shown.reasonCode)}
          helperText={shown.reasonCode ?? ' '}
          required
          fullWidth
          sx={{ mb: 1 }}
        >
          {reasons.map((code) => (
            <MenuItem key={code} value={code}>
              {translate(`cases.${mode === 'reupload' ? 'reupload_reasons' : 'reasons'}.${code}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        autoFocus={!identity && !dated && !reasons.length}
        name="note"
        label={translate('cases.decision.note')}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          edited('note');
        }}
        error={Boolean(shown.note)}
        helperText={
          shown.note ??
          (reasonCode === 'other'
            ? translate(mode === 'reupload' ? 'cases.decision.note_mailed' : 'cases.decision.note_required')
            : translate('cases.decision.note_help'))
        }
        required={reasonCode === 'other'}
        fullWidth
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 1000 } }}
      />
    </FormDialog>
  );
};
