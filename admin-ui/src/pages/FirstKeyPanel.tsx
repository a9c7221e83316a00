import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { apiErrorOf } from '../providers/http';

const OTP = /^\d{6}$/;

interface Props {
  email: string;
  password: string;
  otp: string;
  onEnrolled: () => void;
}

/**
 * On the sign-in page, for a member whose role must use a security key and who has none yet (new in the role, or
 * after a key reset): the password and code typed above, spent once, enrol a first key; then they sign in with it.
 * The WebAuthn helpers load only when the button is pressed.
 */
export const FirstKeyPanel = ({ email, password, otp, onEnrolled }: Props) => {
  const translate = useTranslate();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const enrol = async () => {
    if (!OTP.test(otp)) return setError(translate('rd.login.otp_format'));
    if (!name.trim()) return setError(translate('security_keys.login.first_key_name_missing'));
    setBusy(true);
    setError(null);
    const helpers = await import('../providers/securityKeys');
    try {
      await helpers.enrolFirstSecurityKey(email.trim(), password, otp, name.trim());
      onEnrolled();
    } catch (e) {
      const problem = helpers.ceremonyProblem(e);
      setError(problem ? translate(`security_keys.login.${problem}`) : apiErrorOf(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="section" aria-label={translate('security_keys.login.first_key_title')} sx={{ mt: 2, display: 'grid', gap: 1 }}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <TextField
        name="keyName"
        label={translate('security_keys.page.name')}
        helperText={translate('security_keys.page.name_help')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 60 } }}
        size="small"
        fullWidth
      />
      <Button variant="contained" type="button" disabled={busy} onClick={() => void enrol()} fullWidth>
        {busy ? <CircularProgress size={19} thickness={3} color="inherit" /> : translate('security_keys.login.first_key_submit')}
      </Button>
    </Box>
  );
};
