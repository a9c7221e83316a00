import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import AcceptIcon from '@mui/icons-material/CheckCircleOutlined';
import RejectIcon from '@mui/icons-material/HighlightOff';
import ReuploadIcon from '@mui/icons-material/Replay';
import { useTranslate } from 'react-admin';
import { DayField } from './DayField';
import type { DecisionTarget, Mode } from './decisionModes';
import { FlagConfirmation } from './FlagConfirmation';
import { IdentityFields } from './IdentityFields';
import { NoteField, ReasonField } from './ReasonFields';
import { useDecisionForm } from './useDecisionForm';

const LOOK: Record<Mode, { color: 'success' | 'error' | 'warning'; icon: ReactNode }> = {
  accept: { color: 'success', icon: <AcceptIcon /> },
  reject: { color: 'error', icon: <RejectIcon /> },
  reupload: { color: 'warning', icon: <ReuploadIcon /> },
};

/**
 * Accept, reject or ask again, in the column beside the preview (never over it): the fields the decision needs,
 * the flags to confirm, the server's refusal. Enter in a text field or Ctrl+Enter sends it, Escape closes it.
 */
export const DecisionForm = ({ mode, onClose, ...target }: DecisionTarget & { mode: Mode; onClose(): void }) => {
  const translate = useTranslate();
  const form = useDecisionForm(mode, target, onClose);
  const { fields, values, set, shown, pending, refusal, firstInvalid, submit } = form;
  const ref = useRef<HTMLFormElement>(null);
  const titleId = `${mode}-${target.doc.id}`;

  // A refused submission takes the focus to the first field to fix (the confirmations' first box included).
  useEffect(() => {
    if (!firstInvalid) return;
    const field = firstInvalid.field === 'acknowledgedFlags' ? '[name^="ack-"]:not(:checked)' : `[name="${firstInvalid.field}"]`;
    const element = ref.current?.querySelector<HTMLElement>(`input${field}, textarea${field}`);
    if (element && element.getAttribute('aria-hidden') !== 'true') element.focus();
  }, [firstInvalid]);

  const intro =
    mode === 'reject'
      ? null
      : mode === 'reupload'
        ? 'cases.decision.reupload_help'
        : fields.identity
          ? 'cases.decision.check_identity'
          : fields.dated
            ? 'cases.decision.check_proof'
            : 'cases.decision.check_other';
  const look = LOOK[mode];

  return (
    <Box
      component="form"
      ref={ref}
      aria-labelledby={titleId}
      noValidate
      data-testid="decision-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        // A select's menu is a portal: its keys bubble here through React, but are the menu's.
        if (!ref.current?.contains(event.target as Node)) return;
        if (event.key === 'Escape' && !pending) {
          event.preventDefault();
          onClose();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
      sx={{ border: 2, borderColor: `${look.color}.main`, borderRadius: 1, p: 2, bgcolor: 'background.paper' }}
    >
      <Typography id={titleId} variant="subtitle1" component="h4" sx={{ fontWeight: 600, mb: 1 }}>
        {translate(`cases.decision.${mode}_title`, { kind: target.kindLabel })}
      </Typography>
      {intro && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(intro)}
        </Typography>
      )}
      {refusal && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {refusal}
        </Alert>
      )}
      {mode === 'reject' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('cases.decision.reject_warning')}
        </Alert>
      )}
      {fields.identity && <IdentityFields caseId={target.caseId} accountType={target.accountType} doc={target.doc} form={form} />}
      {fields.dated && (
        <DayField
          autoFocus
          name="issuedOn"
          label={translate('cases.decision.issued_on')}
          value={values.issuedOn}
          onChange={(value) => set('issuedOn', value)}
          error={shown.issuedOn}
          help={translate('cases.decision.issued_on_help')}
        />
      )}
      {fields.reasons.length > 0 && <ReasonField mode={mode} form={form} />}
      <NoteField mode={mode} form={form} autoFocus={!fields.identity && !fields.dated && !fields.reasons.length} />
      <FlagConfirmation doc={target.doc} duplicates={target.duplicates} form={form} />
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
        <Button onClick={onClose} disabled={pending} aria-keyshortcuts="Escape">
          {translate('ra.action.cancel')}
        </Button>
        <Button
          type="submit"
          variant="contained"
          color={look.color}
          disabled={pending}
          aria-keyshortcuts="Control+Enter"
          startIcon={pending ? <CircularProgress size={16} color="inherit" /> : look.icon}
        >
          {translate(`cases.decision.confirm_${mode}`)}
        </Button>
      </Box>
    </Box>
  );
};
