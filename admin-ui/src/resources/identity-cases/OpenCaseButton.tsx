import { useState, type FormEvent } from 'react';
import { Button, Checkbox, FormControlLabel, FormGroup, FormHelperText, FormLabel, Radio, RadioGroup } from '@mui/material';
import OpenCaseIcon from '@mui/icons-material/NoteAdd';
import { useCanAccess, useCreatePath, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { AccountDetail } from '../accounts/types';
import { casesApi } from './api';
import { apiErrorOf } from '../../providers/http';
import { CASE_PURPOSES, type CasePurpose } from './types';
import { CallScript } from '../accounts/CallScript';
import { FormDialog } from '../../common/FormDialog';
import { TextInput } from '../../common/TextInput';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Methods a stolen phone carries, ticked by default; a security key or printed codes are not on the phone. */
const ON_PHONE = ['totp', 'sms'];

type Contact = 'primary' | 'backup' | 'new';

/**
 * For the account page: an agent (`create` on `Case`) opens an identity-documents case for the caller. The form
 * link and a code go to an address on file (primary or backup, shown masked: the server reads the real one) or to
 * a new address the agent types (the customer confirms it with the code). For a 2FA disablement the agent ticks
 * the methods to remove (the stolen phone's, not the security key). The console then shows the new case.
 * `purpose` fixes the request (the button of one action); without it the agent picks. Renders nothing for others.
 */
export const OpenCaseButton = ({
  account,
  callReference,
  purpose,
  disabled,
  describedBy,
}: {
  account: AccountDetail;
  callReference?: string;
  purpose?: CasePurpose;
  disabled?: boolean;
  describedBy?: string;
}) => {
  const { canAccess, isPending } = useCanAccess({ action: 'create', resource: 'identity-cases' });
  if (isPending || !canAccess) return null;
  return (
    <OpenCase
      account={account}
      initialCallReference={callReference ?? ''}
      fixedPurpose={purpose}
      disabled={disabled}
      describedBy={describedBy}
    />
  );
};

const OpenCase = ({
  account,
  initialCallReference,
  fixedPurpose,
  disabled,
  describedBy,
}: {
  account: AccountDetail;
  initialCallReference: string;
  fixedPurpose?: CasePurpose;
  disabled?: boolean;
  describedBy?: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState<CasePurpose>(fixedPurpose ?? 'replace_email');
  const [contact, setContact] = useState<Contact>('new');
  const [contactEmail, setContactEmail] = useState('');
  const methods = account.twoFactorMethods ?? [];
  const [chosen, setChosen] = useState<string[]>([]);
  const [callReference, setCallReference] = useState(initialCallReference);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const isTwoFa = purpose === 'disable_2fa';
  // A replacement needs the new address the customer wants: the ones on file are what they lost.
  const contactChoices: Contact[] = isTwoFa ? [...(account.hasBackupEmail ? (['backup'] as const) : []), 'primary', 'new'] : ['new'];

  const pickPurpose = (value: CasePurpose) => {
    setPurpose(value);
    setContact(value === 'disable_2fa' ? (account.hasBackupEmail ? 'backup' : 'primary') : 'new');
    setChosen(value === 'disable_2fa' ? methods.filter((m) => ON_PHONE.includes(m.kind)).map((m) => m.id) : []);
  };

  const show = () => {
    setCallReference((current) => current || initialCallReference);
    pickPurpose(purpose);
    setErrors({});
    setRefusal(null);
    setOpen(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (contact === 'new' && !EMAIL.test(contactEmail.trim())) found.contactEmail = translate('cases.open.invalid_email');
    if (isTwoFa && chosen.length === 0) found.twoFactorMethodIds = translate('cases.open.methods_required');
    if (callReference.trim().length < 3) found.callReference = translate('cases.open.call_ref_required');
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      const opened = await casesApi.open({
        accountId: String(account.id),
        purpose,
        ...(contact === 'new' ? { contactEmail: contactEmail.trim() } : { contactOnFile: contact }),
        ...(isTwoFa ? { twoFactorMethodIds: chosen } : {}),
        callReference: callReference.trim(),
      });
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
      <Button variant="outlined" startIcon={<OpenCaseIcon />} onClick={show} disabled={disabled} aria-describedby={describedBy}>
        {translate(fixedPurpose ? `cases.open.button_${fixedPurpose}` : 'cases.open.button')}
      </Button>
      <FormDialog
        open={open}
        id="open-case-title"
        title={translate(fixedPurpose ? `cases.open.button_${fixedPurpose}` : 'cases.open.title')}
        intro={translate(isTwoFa ? 'cases.open.description_disable_2fa' : 'cases.open.description')}
        refusal={refusal}
        pending={pending}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        submitLabel={translate('cases.open.submit')}
        submitIcon={<OpenCaseIcon />}
      >
        {!fixedPurpose && (
          <>
            <FormLabel id="open-case-purpose">{translate('cases.open.purpose')}</FormLabel>
            <RadioGroup
              aria-labelledby="open-case-purpose"
              name="purpose"
              value={purpose}
              onChange={(event) => pickPurpose(event.target.value as CasePurpose)}
              sx={{ mb: 2 }}
            >
              {CASE_PURPOSES.map((value) => (
                <FormControlLabel key={value} value={value} control={<Radio />} label={translate(`cases.purpose.${value}`)} />
              ))}
            </RadioGroup>
          </>
        )}
        {isTwoFa && (
          <>
            <FormLabel id="open-case-methods">{translate('cases.open.methods')}</FormLabel>
            <FormGroup aria-labelledby="open-case-methods" sx={{ mb: errors.twoFactorMethodIds ? 0 : 2 }}>
              {methods.map((method) => (
                <FormControlLabel
                  key={method.id}
                  control={
                    <Checkbox
                      name="twoFactorMethodIds"
                      value={method.id}
                      checked={chosen.includes(method.id)}
                      onChange={(event) =>
                        setChosen((current) => (event.target.checked ? [...current, method.id] : current.filter((id) => id !== method.id)))
                      }
                    />
                  }
                  label={`${translate(`rd.accounts.two_factor.kind.${method.kind}`, { _: method.kind })} — ${method.label}`}
                />
              ))}
            </FormGroup>
            {errors.twoFactorMethodIds && (
              <FormHelperText error sx={{ mb: 2 }}>
                {errors.twoFactorMethodIds}
              </FormHelperText>
            )}
          </>
        )}
        {contactChoices.length > 1 && (
          <>
            <FormLabel id="open-case-contact">{translate('cases.open.send_to')}</FormLabel>
            <RadioGroup
              aria-labelledby="open-case-contact"
              name="contact"
              value={contact}
              onChange={(event) => setContact(event.target.value as Contact)}
              sx={{ mb: 2 }}
            >
              {contactChoices.map((value) => (
                <FormControlLabel
                  key={value}
                  value={value}
                  control={<Radio />}
                  label={translate(`cases.open.send_to_${value}`, {
                    address: value === 'backup' ? (account.backupEmail ?? '') : (account.primaryEmail ?? ''),
                  })}
                />
              ))}
            </RadioGroup>
          </>
        )}
        {contact === 'new' && (
          <TextInput
            name="contactEmail"
            type="email"
            label={translate('cases.open.contact_email')}
            value={contactEmail}
            onValueChange={setContactEmail}
            error={errors.contactEmail}
            help={translate('cases.open.contact_email_help')}
            required
            maxLength={254}
            sx={{ mb: 2 }}
          />
        )}
        <TextInput
          name="callReference"
          label={translate('cases.open.call_ref')}
          value={callReference}
          onValueChange={setCallReference}
          error={errors.callReference}
          help={translate('cases.open.call_ref_help')}
          required
          maxLength={100}
        />
        {isTwoFa && (
          <CallScript
            step="case_2fa.opened"
            values={{
              maskedAddress: contact === 'new' ? contactEmail.trim() : contact === 'backup' ? account.backupEmail : account.primaryEmail,
            }}
          />
        )}
      </FormDialog>
    </>
  );
};
