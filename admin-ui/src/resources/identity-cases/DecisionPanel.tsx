import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import AcceptIcon from '@mui/icons-material/CheckCircleOutlined';
import RejectIcon from '@mui/icons-material/HighlightOff';
import { useLocaleState, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { formatDateTime } from '../../fields/UtcDateField';
import { casesApi } from './api';
import { IDENTITY_KINDS, REJECTION_CODES, type CaseDocument, type DecisionInput, type DecisionResult, type RejectionCode } from './types';

/** A calendar date (YYYY-MM-DD) in the console's language, never shifted by the time zone. */
const formatDay = (day: string, locale: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
};

interface Props {
  caseId: string;
  accountType: string;
  doc: CaseDocument;
  kindLabel: string;
  /** Claimed by the signed-in reviewer and still in review. */
  canDecide: boolean;
  /** Why the buttons are not offered, when the user reviews but cannot decide yet. */
  waitingReason: string | null;
  onDecided(result: DecisionResult): void;
}

/** A document's decision: what was decided, or the accept / reject actions for the reviewer holding the case. */
export const DecisionPanel = ({ caseId, accountType, doc, kindLabel, canDecide, waitingReason, onDecided }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [dialog, setDialog] = useState<'accept' | 'reject' | null>(null);

  if (doc.decision) {
    return (
      <Box data-testid="document-decision">
        <Chip
          color={doc.decision === 'accepted' ? 'success' : 'error'}
          icon={doc.decision === 'accepted' ? <AcceptIcon /> : <RejectIcon />}
          label={
            doc.decision === 'accepted'
              ? translate('cases.decision.accepted')
              : `${translate('cases.decision.rejected')}${doc.decisionReason ? ` — ${translate(`cases.reasons.${doc.decisionReason}`, { _: doc.decisionReason })}` : ''}`
          }
        />
        {doc.holderName && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('cases.decision.read', {
              name: doc.holderName,
              expiry: doc.documentExpiry ? formatDay(doc.documentExpiry, locale) : '—',
            })}
            {doc.nameMatches !== null && ` (${translate(doc.nameMatches ? 'cases.decision.name_matches' : 'cases.decision.name_differs')})`}
          </Typography>
        )}
        {doc.decisionNote && (
          <Typography variant="body2" sx={{ mt: 0.5, fontStyle: 'italic' }}>
            “{doc.decisionNote}”
          </Typography>
        )}
        {doc.decidedAt && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
            {translate('cases.decision.decided', { date: formatDateTime(doc.decidedAt, locale) })}
          </Typography>
        )}
      </Box>
    );
  }

  if (!canDecide) {
    return waitingReason ? (
      <Typography variant="body2" color="text.secondary">
        {waitingReason}
      </Typography>
    ) : null;
  }

  const processed = doc.state === 'processed';
  const failed = doc.state === 'failed';
  const unusable = doc.state === 'rejected' || doc.state === 'quarantined' || failed;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          color="success"
          startIcon={<AcceptIcon />}
          disabled={!processed}
          onClick={() => setDialog('accept')}
        >
          {translate('cases.decision.accept')}
        </Button>
        <Button variant="outlined" color="error" startIcon={<RejectIcon />} onClick={() => setDialog('reject')} disabled={!processed && !unusable}>
          {translate('cases.decision.reject')}
        </Button>
      </Box>
      {!processed && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {translate(failed ? 'cases.decision.failed_file' : unusable ? 'cases.decision.unusable_file' : 'cases.decision.not_processed')}
        </Typography>
      )}
      {dialog === 'accept' && (
        <AcceptDialog
          caseId={caseId}
          accountType={accountType}
          doc={doc}
          kindLabel={kindLabel}
          onClose={() => setDialog(null)}
          onDecided={onDecided}
        />
      )}
      {dialog === 'reject' && (
        <RejectDialog caseId={caseId} doc={doc} kindLabel={kindLabel} onClose={() => setDialog(null)} onDecided={onDecided} />
      )}
    </Box>
  );
};

interface DialogProps {
  caseId: string;
  doc: CaseDocument;
  kindLabel: string;
  onClose(): void;
  onDecided(result: DecisionResult): void;
}

/** Sends a decision; the server's refusal lands on the dialog (message) and on its fields (`errors`). */
function useDecision({ caseId, doc, onClose, onDecided }: DialogProps) {
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const send = async (input: DecisionInput) => {
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
  /** A field the user changes no longer carries the server's objection to its old value. */
  const edited = (field: string) =>
    setServerErrors(current => {
      if (!(field in current)) return current;
      const { [field]: _gone, ...rest } = current;
      return rest;
    });
  return { pending, refusal, serverErrors, send, edited };
}

const AcceptDialog = (props: DialogProps & { accountType: string }) => {
  const { doc, kindLabel, onClose, accountType } = props;
  const translate = useTranslate();
  const { pending, refusal, serverErrors, send, edited } = useDecision(props);
  const identity = IDENTITY_KINDS.includes(doc.kind);
  const [holderName, setHolderName] = useState('');
  const [expiry, setExpiry] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...errors, ...serverErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (identity && holderName.trim().length < 2) found.holderName = translate('cases.decision.holder_required');
    if (identity && !/^\d{4}-\d{2}-\d{2}$/.test(expiry)) found.expiry = translate('cases.decision.expiry_required');
    setErrors(found);
    if (Object.keys(found).length) return;
    void send({
      decision: 'accepted',
      ...(identity ? { holderName: holderName.trim(), expiry } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  const check = identity
    ? 'cases.decision.check_identity'
    : ['proof_of_address', 'host_proof_of_address', 'company_registration'].includes(doc.kind)
      ? 'cases.decision.check_proof'
      : 'cases.decision.check_other';

  return (
    <Dialog open onClose={() => !pending && onClose()} aria-labelledby={`accept-${doc.id}`} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`accept-${doc.id}`}>{translate('cases.decision.accept_title', { kind: kindLabel })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(check)}</DialogContentText>
          {refusal && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {refusal}
            </Alert>
          )}
          {identity && (
            <>
              <TextField
                autoFocus
                name="holderName"
                label={translate('cases.decision.holder_name')}
                value={holderName}
                onChange={event => {
                  setHolderName(event.target.value);
                  edited('holderName');
                }}
                error={Boolean(shown.holderName)}
                helperText={shown.holderName ?? translate('cases.decision.holder_help', { holder: translate(`cases.holder.${accountType}`, { _: accountType }) })}
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
                onChange={event => {
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
          <TextField
            autoFocus={!identity}
            name="note"
            label={translate('cases.decision.note')}
            value={note}
            onChange={event => setNote(event.target.value)}
            helperText={translate('cases.decision.note_help')}
            fullWidth
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="success"
            disabled={pending}
            startIcon={pending ? <CircularProgress size={16} /> : <AcceptIcon />}
          >
            {translate('cases.decision.confirm_accept')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

const RejectDialog = (props: DialogProps) => {
  const { doc, kindLabel, onClose } = props;
  const translate = useTranslate();
  const { pending, refusal, serverErrors, send } = useDecision(props);
  const [reasonCode, setReasonCode] = useState<RejectionCode | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...errors, ...serverErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!reasonCode) found.reasonCode = translate('cases.decision.reason_required');
    if (reasonCode === 'other' && !note.trim()) found.note = translate('cases.decision.note_required');
    setErrors(found);
    if (Object.keys(found).length) return;
    void send({ decision: 'rejected', reasonCode: reasonCode as RejectionCode, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <Dialog open onClose={() => !pending && onClose()} aria-labelledby={`reject-${doc.id}`} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`reject-${doc.id}`}>{translate('cases.decision.reject_title', { kind: kindLabel })}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('cases.decision.reject_warning')}
          </Alert>
          {refusal && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {refusal}
            </Alert>
          )}
          <TextField
            select
            autoFocus
            name="reasonCode"
            label={translate('cases.decision.reason')}
            value={reasonCode}
            onChange={event => setReasonCode(event.target.value as RejectionCode)}
            error={Boolean(shown.reasonCode)}
            helperText={shown.reasonCode ?? ' '}
            required
            fullWidth
            sx={{ mb: 1 }}
          >
            {REJECTION_CODES.map(code => (
              <MenuItem key={code} value={code}>
                {translate(`cases.reasons.${code}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            name="note"
            label={translate('cases.decision.note')}
            value={note}
            onChange={event => setNote(event.target.value)}
            error={Boolean(shown.note)}
            helperText={shown.note ?? (reasonCode === 'other' ? translate('cases.decision.note_required') : translate('cases.decision.note_help'))}
            required={reasonCode === 'other'}
            fullWidth
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="error"
            disabled={pending}
            startIcon={pending ? <CircularProgress size={16} /> : <RejectIcon />}
          >
            {translate('cases.decision.confirm_reject')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
