import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, DialogContentText, FormControlLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import EvidenceIcon from '@mui/icons-material/Inventory2Outlined';
import DownloadIcon from '@mui/icons-material/Download';
import { useCanAccess, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { downloadJson, supervisionApi, type EvidenceBundle, type EvidenceKind } from '../../supervision/api';
import { evidenceUrl } from '../case-story/api';

/** What the screens show: a case's 8-character reference or full id, or the customer ID of its account. */
const CASE_REF = /^([0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?|[a-z]{1,4}\d{2,9}(-ovh)?)$/i;
import { FormDialog } from '../../common/FormDialog';

/** "Case evidence": for those allowed to `export` the audit trail; the server audits each export. */
export const EvidenceButton = () => {
  const { canAccess } = useCanAccess({ action: 'export', resource: 'audit-events' });
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button size="small" startIcon={<EvidenceIcon />} onClick={() => setOpen(true)}>
        {translate('sup.evidence.button')}
      </Button>
      {open && <EvidenceDialog onClose={() => setOpen(false)} />}
    </>
  );
};

type Result = { bundle: EvidenceBundle; fileName: string };

const EvidenceDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const [kind, setKind] = useState<EvidenceKind>('identity-cases');
  const [caseId, setCaseId] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const id = caseId.trim();
  const invalid = !CASE_REF.test(id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const bundle = await supervisionApi.evidence(kind, id);
      const fileName = `evidence-${kind === 'identity-cases' ? 'identity-case' : 'recovery-case'}-${id}.json`;
      downloadJson(bundle, fileName);
      setResult({ bundle, fileName });
    } catch (e) {
      setError(apiErrorOf(e).message);
    } finally {
      setBusy(false);
    }
  };

  const integrity = result?.bundle.integrity;

  return (
    <FormDialog
      id="evidence-title"
      title={translate('sup.evidence.title')}
      pending={busy}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={translate('sup.evidence.submit')}
      submitIcon={<DownloadIcon />}
      cancelLabel={translate('sup.evidence.close')}
      contentSx={{ display: 'grid', gap: 2 }}
    >
      <DialogContentText variant="body2">{translate('sup.evidence.description')}</DialogContentText>
      <Box>
        <Typography variant="body2" id="evidence-kind" color="text.secondary">
          {translate('sup.evidence.kind')}
        </Typography>
        <RadioGroup row aria-labelledby="evidence-kind" value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
          <FormControlLabel value="identity-cases" control={<Radio />} label={translate('sup.evidence.kind_identity')} />
          <FormControlLabel value="recovery-cases" control={<Radio />} label={translate('sup.evidence.kind_recovery')} />
        </RadioGroup>
      </Box>
      <TextField
        autoFocus
        required
        name="caseId"
        label={translate('sup.evidence.case_id')}
        value={caseId}
        onChange={(e) => setCaseId(e.target.value)}
        onBlur={() => setTouched(true)}
        error={touched && invalid}
        helperText={touched && invalid ? translate('story.evidence.ref_invalid') : translate('story.evidence.ref_help')}
        slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', style: { fontFamily: 'monospace' } } }}
      />
      <Box role="status" aria-live="polite">
        {error && <Alert severity="error">{error}</Alert>}
        {result && integrity && (
          <Alert severity={integrity.hashesRecomputed ? 'success' : 'error'} data-testid="evidence-integrity">
            <div>{translate('sup.evidence.done', { file: result.fileName })}</div>
            <div>
              {translate('sup.evidence.integrity', {
                smart_count: integrity.entries,
                ok: translate(integrity.hashesRecomputed ? 'sup.evidence.integrity_ok' : 'sup.evidence.integrity_broken'),
              })}
            </div>
            <Button size="small" startIcon={<DownloadIcon />} onClick={() => downloadJson(result.bundle, result.fileName)} sx={{ mt: 0.5 }}>
              {translate('sup.evidence.download_again')}
            </Button>
            <Button
              size="small"
              component="a"
              href={evidenceUrl({ kind: kind === 'identity-cases' ? 'identity_case' : 'recovery_case', id }, 'zip')}
              download
              startIcon={<DownloadIcon />}
              sx={{ mt: 0.5 }}
            >
              {translate('story.evidence.zip')}
            </Button>
          </Alert>
        )}
      </Box>
    </FormDialog>
  );
};
