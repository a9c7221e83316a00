import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Mode } from './decisionModes';
import type { DecisionFormState } from './useDecisionForm';

/** Rejecting or asking again: the reason, from the list the server knows. */
export const ReasonField = ({ mode, form }: { mode: Mode; form: DecisionFormState }) => {
  const translate = useTranslate();
  const { values, set, shown, fields } = form;
  return (
    <TextField
      select
      autoFocus
      name="reasonCode"
      label={translate('cases.decision.reason')}
      value={values.reasonCode}
      onChange={(event) => set('reasonCode', event.target.value)}
      error={Boolean(shown.reasonCode)}
      helperText={shown.reasonCode ?? ' '}
      required
      fullWidth
      sx={{ mb: 1 }}
    >
      {fields.reasons.map((code) => (
        <MenuItem key={code} value={code}>
          {translate(`cases.${mode === 'reupload' ? 'reupload_reasons' : 'reasons'}.${code}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** The decision's note: optional, required with the reason "other" (and then mailed when asking again). */
export const NoteField = ({ mode, form, autoFocus }: { mode: Mode; form: DecisionFormState; autoFocus: boolean }) => {
  const translate = useTranslate();
  const { values, set, shown } = form;
  const other = values.reasonCode === 'other';
  return (
    <TextField
      autoFocus={autoFocus}
      name="note"
      label={translate('cases.decision.note')}
      value={values.note}
      onChange={(event) => set('note', event.target.value)}
      error={Boolean(shown.note)}
      helperText={
        shown.note ??
        (other
          ? translate(mode === 'reupload' ? 'cases.decision.note_mailed' : 'cases.decision.note_required')
          : translate('cases.decision.note_help'))
      }
      required={other}
      fullWidth
      multiline
      minRows={2}
      slotProps={{ htmlInput: { maxLength: 1000 } }}
      sx={{ mb: 1 }}
    />
  );
};
