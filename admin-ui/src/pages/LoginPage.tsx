import { useState } from 'react';
import { Alert, Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/LockOutlined';
import {
  Form,
  LocalesMenuButton,
  Login,
  PasswordInput,
  TextInput,
  email as isEmail,
  regex,
  required,
  useLogin,
  useTranslate,
} from 'react-admin';
import { loginNotice, type LoginParams } from '../providers/authProvider';
import { isHttpError } from '../providers/http';
import { useDocumentLanguage } from '../layout/Layout';

const validateEmail = [required(), isEmail()];
const validatePassword = [required()];
const validateOtp = [required(), regex(/^\d{6}$/, 'rd.login.otp_format')];
const withoutSpaces = (value: string) => (value ?? '').replace(/\s+/g, '');

const LoginForm = () => {
  const login = useLogin();
  const translate = useTranslate();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notice = error ? null : loginNotice();

  const submit = async (values: Partial<LoginParams>) => {
    setSubmitting(true);
    setError(null);
    try {
      await login({ email: values.email?.trim(), password: values.password, otp: values.otp });
    } catch (failure) {
      if (isHttpError(failure, 400)) {
        setError(failure.message || translate('rd.login.errors.invalid'));
        // Returned errors land on the matching fields (react-admin's submission errors).
        return (failure.body?.errors as Record<string, string> | undefined) ?? undefined;
      }
      if (isHttpError(failure, 401)) setError(failure.message || translate('rd.login.errors.unauthorized'));
      else if (isHttpError(failure, 429)) setError(failure.message || translate('rd.login.errors.too_many'));
      else setError(translate('rd.login.errors.unavailable'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
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
        {notice && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate(notice)}
          </Alert>
        )}
        <TextInput
          autoFocus
          source="email"
          type="email"
          label={translate('rd.login.email')}
          autoComplete="username"
          validate={validateEmail}
        />
        <PasswordInput
          source="password"
          label={translate('rd.login.password')}
          autoComplete="current-password"
          validate={validatePassword}
        />
        <TextInput
          source="otp"
          label={translate('rd.login.otp')}
          helperText={translate('rd.login.otp_help')}
          autoComplete="one-time-code"
          parse={withoutSpaces}
          validate={validateOtp}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6, pattern: '[0-9]{6}' } }}
        />
        <Button variant="contained" type="submit" color="primary" disabled={submitting} fullWidth sx={{ mt: 2 }}>
          {submitting ? <CircularProgress size={19} thickness={3} color="inherit" /> : translate('rd.login.submit')}
        </Button>
      </CardContent>
    </Form>
  );
};

export const LoginPage = () => {
  useDocumentLanguage();
  return (
    <Box sx={{ position: 'relative' }}>
      <Box sx={{ position: 'absolute', top: 8, right: 16, zIndex: 1 }}>
        <LocalesMenuButton />
      </Box>
      <Login
        avatarIcon={<LockIcon />}
        sx={{
          backgroundImage: 'none',
          backgroundColor: 'background.default',
          '& .RaLogin-card': { marginTop: '8em' },
          '& .RaLogin-icon': { backgroundColor: 'primary.main' },
        }}
      >
        <LoginForm />
      </Login>
    </Box>
  );
};
