import { Alert, AlertTitle, Box, Checkbox, FormControlLabel, FormHelperText, Link } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AckFlag, CaseDocument, DuplicateEvidence } from './types';
import type { DecisionFormState } from './useDecisionForm';

const ACTIVE_PDF_FLAGS = ['active_content', 'attachment'];
const caseRef = (id: string) => id.slice(0, 8);

interface Props {
  doc: CaseDocument;
  duplicates: DuplicateEvidence[];
  form: DecisionFormState;
}

/**
 * Accepting a flagged case or file: one checkbox per flag, naming its evidence (the other case and customer ID
 * for a duplicate, what the PDF carries). The server refuses the accept without them (flags_not_acknowledged).
 */
export const FlagConfirmation = ({ doc, duplicates, form }: Props) => {
  const translate = useTranslate();
  const { fields, acknowledged, toggle, shown } = form;
  if (!fields.flags.length) return null;

  const label = (flag: AckFlag) => {
    if (flag === 'duplicate_document') {
      const cases = duplicates.length
        ? duplicates
            .map((d) =>
              translate('cases.confirm.duplicate_case', {
                ref: caseRef(d.caseId),
                customerId: d.customerId,
                kind: translate(`cases.kind.${d.kind}`, { _: d.kind }).toLowerCase(),
              }),
            )
            .join(' ; ')
        : translate('cases.confirm.duplicate_unknown');
      return translate('cases.confirm.duplicate_document', { cases });
    }
    const flags = doc.pdfFlags
      .filter((f) => ACTIVE_PDF_FLAGS.includes(f))
      .map((f) => translate(`cases.pdf_flags.${f}`, { _: f }).toLowerCase());
    return translate('cases.confirm.active_content', { flags: flags.join(', ') });
  };

  return (
    <Alert severity="warning" icon={false} sx={{ mb: 2 }} data-testid="flag-confirmation">
      <AlertTitle>{translate('cases.confirm.title')}</AlertTitle>
      {fields.flags.map((flag) => (
        <Box key={flag} sx={{ mb: 1 }}>
          <FormControlLabel
            control={
              <Checkbox
                name={`ack-${flag}`}
                checked={acknowledged.includes(flag)}
                onChange={(event) => toggle(flag, event.target.checked)}
                slotProps={{ input: { 'aria-invalid': Boolean(shown.acknowledgedFlags) && !acknowledged.includes(flag) } }}
              />
            }
            label={label(flag)}
            sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { pt: 0 } }}
          />
          {flag === 'duplicate_document' &&
            duplicates.map((d) => (
              <Link
                key={d.caseId}
                href={`#/identity-cases/${d.caseId}/show`}
                target="_blank"
                rel="noreferrer"
                sx={{ ml: 4, mr: 1, fontSize: '0.875rem' }}
              >
                {translate('cases.confirm.open_case', { ref: caseRef(d.caseId) })}
              </Link>
            ))}
        </Box>
      ))}
      {shown.acknowledgedFlags && <FormHelperText error>{translate('cases.confirm.required')}</FormHelperText>}
    </Alert>
  );
};
