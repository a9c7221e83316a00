import { useState } from 'react';
import PhoneIcon from '@mui/icons-material/PhoneInTalk';
import { useStore, useTranslate } from 'react-admin';
import { CALL_REFERENCE_KEY } from './AccountSearchForm';
import { useCall } from './CallContext';
import { CallReferenceForm } from './CallReferenceForm';

/** The call reference, then "start": opens the checks of this call (or resumes the open one of the same call). */
export const StartVerificationForm = ({ defaultReference }: { defaultReference?: string }) => {
  const translate = useTranslate();
  const call = useCall();
  const [storedReference] = useStore<string>(CALL_REFERENCE_KEY, '');
  const [reference, setReference] = useState(defaultReference ?? storedReference ?? '');
  return (
    <CallReferenceForm
      name="callReference"
      value={reference}
      onChange={setReference}
      onSubmit={(value) => call.start(value)}
      submitLabel={translate('rd.accounts.verification.start')}
      icon={<PhoneIcon />}
      variant="contained"
      fieldWidth="180px"
    />
  );
};
