import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import OpenCaseIcon from '@mui/icons-material/NoteAdd';
import { useCanAccess, useCreatePath, useNotify, useRedirect, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { casesApi } from './api';
import { CASE_PURPOSES, type CasePurpose } from './types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * For the account page: an agent (`create` on `Case`) opens an identity-documents case for the caller. The
 * customer is mailed the form link and a code; the console then shows the new case. Renders nothing for others.
 */
export const OpenCaseButton = ({ accountId, callReference }: { accountId: string; callReference?: string }) => {
  const { canAccess, isPending } = useCanAccess({ action: 'create', resource: 'identity-cases' });
  if (isPending || !canAccess) return null;
  return <OpenCase accountId={accountId} initialCallReference={callReference ?? ''} />;
};

const OpenCase = ({ accountId, initialCallReference }: { accountId: string; initialCallReference: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState<CasePurpose>('replace_email');
  const [contactEmail, setContactEmail] = useState('');
  const [callReference, setCallReference] = useState(initialCallReference);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const show = () => {
    setCallReference(current => current || initialCallReference);
    setOpen(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!EMAIL.test(contactEmail.trim())) found.contactEmail = translate('cases.open.invalid_email');
    if (callReference.trim().length < 3) found.callReference = translate('cases.open.call_ref_required');
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      const opened = await casesApi.open({ accountId, purpose, contactEmail: contactEmail.trim(), callReference: callReference.trim() });
      notify('cases.open.done', { type: 'success' });
      setOpen(false);
      redirect(createPath({ resource: 'identity-cases', type: 'show', id: opened.id }));
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(problem.errors);
      setRefusal(problem.message);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button variant="outlined" startIcon={<OpenCaseIcon />} onClick={show}>
        {translate('cases.open.button')}
      </Button>
      <Dialog open={open} onClose={() => !pending && setOpen(false)} aria-labelledby="open-case-title" fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="open-case-title">{translate('cases.open.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('cases.open.description')}</DialogContentText>
            {refusal && (
              <Alert severity="error" sx={{ mb: 2 }} role="alert">
                {refusal}
              </Alert>
            )}
            <FormLabel id="open-case-purpose">{translate('cases.open.purpose')}</FormLabel>
            <RadioGroup
              aria-labelledby="open-case-purpose"
              name="purpose"
              value={purpose}
              onChange={event => setPurpose(event.target.value as CasePurpose)}
              sx={{ mb: 2 }}
            >
              {CASE_PURPOSES.map(value => (
                <FormControlLabel key={value} value={value} control={<Radio />} label={translate(`cases.purpose.${value}`)} />
              ))}
            </RadioGroup>
            <TextField
              name="contactEmail"
              type="email"
              label={translate('cases.open.contact_email')}
              value={contactEmail}
              onChange={event => setContactEmail(event.target.value)}
              error={Boolean(errors.contactEmail)}
              helperText={errors.contactEmail ?? translate('cases.open.contact_email_help')}
              required
              fullWidth
              autoComplete="off"
              slotProps={{ htmlInput: { maxLength: 254 } }}
              sx={{ mb: 2 }}
            />
            <TextField
              name="callReference"
              label={translate('cases.open.call_ref')}
              value={callReference}
              onChange={event => setCallReference(event.target.value)}
              error={Boolean(errors.callReference)}
              helperText={errors.callReference ?? translate('cases.open.call_ref_help')}
              required
              fullWidth
              autoComplete="off"
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              {translate('ra.action.cancel')}
            </Button>
            <Button
              type="submit"
              variant="contained"
              disabled={pending}
              startIcon={pending ? <CircularProgress size={16} /> : <OpenCaseIcon />}
            >
              {translate('cases.open.submit')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
