import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Avatar,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Divider,
  IconButton,
  InputAdornment,
  TextField,
  Typography,
  type TextFieldProps,
} from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import LockIcon from '@mui/icons-material/LockOutlined';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { LocalesMenuButton, useCheckAuth, useLogin, useNavigate, useTranslate } from 'react-admin';
import {
  finishOidcSignIn,
  loginNotice,
  OIDC_CALLBACK_PATH,
  signInMethods,
  startOidcSignIn,
  type LoginParams,
  type SecurityKeyLoginParams,
  type SignInMethods,
} from '../providers/authProvider';
import { isHttpError } from '../providers/http';
import { useDocumentLanguage } from '../layout/Layout';
import { FirstKeyPanel } from './FirstKeyPanel';

/*
 * The sign-in page is on the path of every session, before anything else: it is built from plain MUI fields and
 * React state rather than react-admin's <Login>/<Form>/<TextInput>, which bring react-hook-form and the form
 * machinery (≈ 20 kB gzipped) into the first download. It behaves as they did: fields named email/password/otp,
 * messages under each field once submitted (react-admin's own `ra.validation.*` texts), the server's 400 field
 * errors on their fields, a failed sign-in in a role="alert", and an already signed-in visitor sent home.
 * "Sign in with a security key" takes the same email and password, and the key instead of the code.
 */

type Field = keyof LoginParams;
type Values = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;

const EMAIL = /^\S+@((\S+\.)+\S+)$/;
const OTP = /^\d{6}$/;

/**
 * Message keys (translated when shown), as react-admin's `required()`, `email()` and our `regex()` gave them. A
 * sign-in with a security key (`withCode` false) asks no code.
 */
function validate(values: Values, withCode = true): Errors {
  const errors: Errors = {};
  if (!values.email.trim()) errors.email = 'ra.validation.required';
  else if (!EMAIL.test(values.email.trim())) errors.email = 'ra.validation.email';
  if (!values.password) errors.password = 'ra.validation.required';
  if (!withCode) return errors;
  if (!values.otp) errors.otp = 'ra.validation.required';
  else if (!OTP.test(values.otp)) errors.otp = 'rd.login.otp_format';
  return errors;
}

const withoutSpaces = (value: string) => value.replace(/\s+/g, '');

/**
 * The OpenID Connect provider's answer (code and state, or an error) when the console was opened on its callback
 * page; taken out of the address bar and the history at once. Null once handed to the API: a re-render, a remount
 * or React's development double effects never send the single-use code twice.
 */
let oidcAnswer: string | null | undefined;
function pendingOidcAnswer(): string | null {
  if (oidcAnswer === undefined) {
    const { pathname, search } = window.location;
    const params = new URLSearchParams(search);
    const isAnswer = pathname.endsWith(OIDC_CALLBACK_PATH) && params.has('state') && (params.has('code') || params.has('error'));
    oidcAnswer = isAnswer ? search : null;
    // The console lives at / (hash routes).
    if (isAnswer) window.history.replaceState(null, '', '/#/login');
  }
  return oidcAnswer;
}

/** Until the server says otherwise: password + TOTP, no provider (the desk's default). */
const LOCAL_ONLY: SignInMethods = { local: true, oidc: null };

/** "Sign in with <provider>", and the return from the provider (a spinner, then home or the refusal). */
const OidcSignIn = ({ name, onError }: { name: string; onError: (message: string) => void }) => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      window.location.assign(await startOidcSignIn());
    } catch (failure) {
      setBusy(false);
      onError(isHttpError(failure) && failure.message ? failure.message : translate('rd.login.errors.unavailable'));
    }
  };
  return (
    <Button variant="outlined" color="primary" fullWidth disabled={busy} onClick={() => void go()} sx={{ mt: 1 }}>
      {busy ? <CircularProgress size={19} thickness={3} color="inherit" /> : translate('rd.login.oidc', { provider: name })}
    </Button>
  );
};

const LoginForm = ({ methods }: { methods: SignInMethods }) => {
  const login = useLogin();
  const translate = useTranslate();
  const navigate = useNavigate();
  // Read at the first render, so that the spinner shows at once instead of the password form.
  const [answer] = useState(pendingOidcAnswer);
  const [finishing, setFinishing] = useState(answer !== null);
  const [values, setValues] = useState<Values>({ email: '', password: '', otp: '' });
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);
  const [withKey, setWithKey] = useState(false);
  // The server said: this role must use a security key, and this member has none yet (enrolled here, with the code).
  const [firstKeyDue, setFirstKeyDue] = useState(false);
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passwordVisible, setPasswordVisible] = useState(false);
  const notice = error ? null : loginNotice();
  const errors: Errors = submitted ? { ...validate(values, !withKey), ...serverErrors } : serverErrors;

  useEffect(() => {
    if (answer === null || oidcAnswer === null) return;
    oidcAnswer = null;
    finishOidcSignIn(answer)
      .then(() => navigate('/'))
      .catch((failure: unknown) => {
        setFinishing(false);
        setError(isHttpError(failure) && failure.message ? failure.message : translate('rd.login.errors.unavailable'));
      });
  }, [answer, navigate, translate]);

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors(({ [field]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent | null, key = false) => {
    event?.preventDefault();
    setSubmitted(true);
    setWithKey(key);
    setServerErrors({});
    if (Object.keys(validate(values, !key)).length > 0) return;
    setSubmitting(true);
    setError(null);
    setInfo(null);
    try {
      await login(
        key
          ? ({ email: values.email.trim(), password: values.password, securityKey: true } satisfies SecurityKeyLoginParams)
          : { email: values.email.trim(), password: values.password, otp: values.otp },
      );
    } catch (failure) {
      // The browser's own refusal (cancelled, timed out, no WebAuthn): its helpers are loaded by then.
      const ceremony = key && !isHttpError(failure) ? (await import('../providers/securityKeys')).ceremonyProblem(failure) : null;
      setFirstKeyDue(isHttpError(failure) && failure.body?.code === 'webauthn.key_enrolment_required');
      if (ceremony) setError(translate(`security_keys.login.${ceremony}`));
      else if (isHttpError(failure, 400)) {
        setError(failure.message || translate('rd.login.errors.invalid'));
        // The API's field errors land on the matching fields.
        setServerErrors((failure.body?.errors as Errors | undefined) ?? {});
      } else if (isHttpError(failure, 401)) setError(failure.message || translate('rd.login.errors.unauthorized'));
      else if (isHttpError(failure, 429)) setError(failure.message || translate('rd.login.errors.too_many'));
      // A refusal with its own code (a role that must use a security key, a key request that expired): its message.
      else if (isHttpError(failure) && failure.status < 500 && failure.message) setError(failure.message);
      else setError(translate('rd.login.errors.unavailable'));
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: Field, props: TextFieldProps) => {
    const message = errors[name];
    return (
      <TextField
        name={name}
        value={values[name]}
        onChange={(event) => change(name, name === 'otp' ? withoutSpaces(event.target.value) : event.target.value)}
        error={Boolean(message)}
        helperText={message ? translate(message, { _: message }) : (props.helperText ?? ' ')}
        required
        fullWidth
        size="small"
        margin="dense"
        {...props}
      />
    );
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <CardContent sx={{ width: 320, pt: 0 }}>
        <Typography component="h1" variant="h5" align="center" sx={{ fontWeight: 600 }}>
          {translate('rd.app_title')}
        </Typography>
        <Typography component="p" variant="subtitle1" align="center" color="text.secondary" gutterBottom>
          {translate('rd.login.title')}
        </Typography>
        {error && (
          <Alert severity="error" role="alert" sx={{ my: 1 }}>
            {error}
          </Alert>
        )}
        {info && (
          <Alert severity="success" role="status" sx={{ my: 1 }}>
            {info}
          </Alert>
        )}
        {notice && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate(notice)}
          </Alert>
        )}
        {finishing && (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 2 }}>
            <CircularProgress size={19} thickness={3} />
            <Typography variant="body2">{translate('rd.login.oidc_finishing')}</Typography>
          </Box>
        )}
        {methods.local && !finishing && (
          <>
            {field('email', { autoFocus: true, type: 'email', label: translate('rd.login.email'), autoComplete: 'username' })}
            {field('password', {
              type: passwordVisible ? 'text' : 'password',
              label: translate('rd.login.password'),
              autoComplete: 'current-password',
              slotProps: {
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        aria-label={translate(passwordVisible ? 'ra.input.password.toggle_visible' : 'ra.input.password.toggle_hidden')}
                        onClick={() => setPasswordVisible((visible) => !visible)}
                        size="small"
                      >
                        {passwordVisible ? <Visibility fontSize="small" /> : <VisibilityOff fontSize="small" />}
                      </IconButton>
                    </InputAdornment>
                  ),
                },
              },
            })}
            {field('otp', {
              label: translate('rd.login.otp'),
              helperText: translate('rd.login.otp_help'),
              autoComplete: 'one-time-code',
              slotProps: { htmlInput: { inputMode: 'numeric', maxLength: 6, pattern: '[0-9]{6}' } },
            })}
            <Button variant="contained" type="submit" color="primary" disabled={submitting} fullWidth sx={{ mt: 2 }}>
              {submitting && !withKey ? <CircularProgress size={19} thickness={3} color="inherit" /> : translate('rd.login.submit')}
            </Button>
            <Typography variant="body2" align="center" color="text.secondary" sx={{ mt: 1 }}>
              {translate('security_keys.login.or')}
            </Typography>
            <Button
              variant="outlined"
              type="button"
              color="primary"
              disabled={submitting}
              fullWidth
              sx={{ mt: 1 }}
              startIcon={<KeyIcon />}
              onClick={() => void submit(null, true)}
            >
              {submitting && withKey ? translate('security_keys.login.touch') : translate('security_keys.login.submit')}
            </Button>
            {firstKeyDue && (
              <FirstKeyPanel
                email={values.email}
                password={values.password}
                otp={values.otp}
                onEnrolled={() => {
                  setFirstKeyDue(false);
                  setError(null);
                  change('otp', '');
                  setInfo(translate('security_keys.login.first_key_done'));
                }}
              />
            )}
          </>
        )}
        {methods.oidc && !finishing && (
          <>
            {methods.local && <Divider sx={{ my: 2 }}>{translate('rd.login.or')}</Divider>}
            <OidcSignIn name={methods.oidc.name} onError={setError} />
          </>
        )}
      </CardContent>
    </form>
  );
};

export const LoginPage = () => {
  useDocumentLanguage();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [methods, setMethods] = useState<SignInMethods>(LOCAL_ONLY);
  useEffect(() => {
    signInMethods()
      .then(setMethods)
      .catch(() => {
        // Unreachable server: the password form stays; its own submit says the service is down.
      });
  }, []);
  // Already signed in (e.g. a second tab): straight to the home page, as react-admin's <Login> does.
  useEffect(() => {
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => {
        // not signed in: stay here
      });
  }, [checkAuth, navigate]);
  return (
    <Box sx={{ position: 'relative' }}>
      <Box sx={{ position: 'absolute', top: 8, right: 16, zIndex: 1 }}>
        <LocalesMenuButton />
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', minHeight: '100vh', bgcolor: 'background.default' }}>
        <Card sx={{ minWidth: 300, mt: '8em' }}>
          <Box sx={{ m: '1em', display: 'flex', justifyContent: 'center' }}>
            <Avatar sx={{ bgcolor: 'primary.main' }}>
              <LockIcon />
            </Avatar>
          </Box>
          <LoginForm methods={methods} />
        </Card>
      </Box>
    </Box>
  );
};
