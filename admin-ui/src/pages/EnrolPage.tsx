import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, AlertTitle, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { LocalesMenuButton, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { useDocumentLanguage } from '../layout/Layout';
import { monospace } from '../theme';
import { Note } from '../common/Note';

/**
 * The page of a staff invitation or re-enrolment mail: `/#/enrol/<token>`, outside authentication (a react-admin
 * custom route without layout). The member sees their TOTP secret (QR code drawn by the server, a data: URL the
 * CSP allows), sets their password and proves the enrolment with a first code. Nobody else sees either secret.
 */

interface EnrolmentView {
  purpose: 'invite' | 'mfa_reset';
  email: string;
  name: string;
  language: string;
  expiresAt: string;
  totpSecret: string;
  totpUri: string;
  qrCode: string;
}

type State =
  | { name: 'loading' }
  | { name: 'failed'; key: 'invalid' | 'gone' | 'unreachable' }
  | { name: 'ready'; view: EnrolmentView }
  | { name: 'done' };

const TOKEN_KEY = 'recovery-desk.enrol-token';

class CallError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Record<string, string> = {},
  ) {
    super(String(status));
  }
}

async function call<T>(path: string, body: object, locale: string): Promise<T> {
  let res: Response;
  try {
    // `omit`: the member has no session yet, and a staff cookie in this browser must not go along.
    res = await fetch(`/api/public/staff-enrolment${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': locale },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new CallError(0);
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new CallError(res.status, (json as { errors?: Record<string, string> } | null)?.errors ?? {});
  return json as T;
}

const failureKey = (e: unknown): 'invalid' | 'gone' | 'unreachable' =>
  e instanceof CallError && e.status === 410
    ? 'gone'
    : e instanceof CallError && e.status >= 400 && e.status < 500
      ? 'invalid'
      : 'unreachable';

/** The token leaves the address bar (and the history) at once; the tab keeps it so a reload still works. */
function useToken(): string | null {
  const { token } = useParams();
  const navigate = useNavigate();
  const [kept] = useState(() => {
    if (token) {
      try {
        sessionStorage.setItem(TOKEN_KEY, token);
      } catch {
        // Storage refused: the token lives in this page's memory only.
      }
      return token;
    }
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (token) void navigate('/enrol', { replace: true });
  }, [token, navigate]);
  return kept;
}

export const EnrolPage = () => {
  useDocumentLanguage();
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  const token = useToken();
  const [loaded, setState] = useState<State>({ name: 'loading' });
  // Without a token there is nothing to load: derived here rather than set by the effect.
  const state: State = token ? loaded : { name: 'failed', key: 'invalid' };
  const languageSet = useRef(false);

  useEffect(() => {
    if (!token) return;
    let live = true;
    call<EnrolmentView>('/view', { token }, locale).then(
      (view) => {
        if (!live) return;
        // The mail was in the member's language: the page starts in it too (the switcher still works).
        if (!languageSet.current && view.language !== locale) setLocale(view.language);
        languageSet.current = true;
        setState({ name: 'ready', view });
      },
      (e) => live && setState({ name: 'failed', key: failureKey(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded once per token: a language switch must not fetch again.
  }, [token]);

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', bgcolor: 'background.default', p: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 640, mt: 4 }}>
        <CardContent sx={{ display: 'grid', gap: 2 }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography component="h1" variant="h5" sx={{ fontWeight: 600 }}>
              {translate(state.name === 'ready' ? `enrol.title_${state.view.purpose}` : 'enrol.title_invite')}
            </Typography>
            <LocalesMenuButton />
          </Box>
          {state.name === 'loading' && (
            <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <CircularProgress size={18} /> {translate('enrol.loading')}
            </Box>
          )}
          {state.name === 'failed' && <Alert severity="error">{translate(`enrol.${state.key}`)}</Alert>}
          {state.name === 'ready' && token && (
            <EnrolForm
              token={token}
              view={state.view}
              onDone={() => setState({ name: 'done' })}
              onGone={() => setState({ name: 'failed', key: 'gone' })}
            />
          )}
          {state.name === 'done' && (
            <Alert severity="success" role="status">
              <AlertTitle>{translate('enrol.done_title')}</AlertTitle>
              {translate('enrol.done')}
              <Box sx={{ mt: 2 }}>
                <Button variant="contained" href="#/login">
                  {translate('enrol.sign_in')}
                </Button>
              </Box>
            </Alert>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

const EnrolForm = ({ token, view, onDone, onGone }: { token: string; view: EnrolmentView; onDone: () => void; onGone: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const invite = view.purpose === 'invite';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [otp, setOtp] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const local = {
    password: password.length >= (invite ? 12 : 1) ? null : translate('enrol.password_short'),
    again: !invite || again === password ? null : translate('enrol.password_mismatch'),
    otp: /^\d{6}$/.test(otp) ? null : translate('enrol.otp_format'),
  };
  const errorOf = (field: keyof typeof local) => (submitted ? local[field] : null) ?? serverErrors[field] ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(local).some(Boolean)) return;
    setBusy(true);
    setProblem(null);
    setServerErrors({});
    try {
      await call('', { token, password, otp }, locale);
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch {
        // Nothing kept: nothing to forget.
      }
      onDone();
    } catch (e) {
      if (e instanceof CallError && e.status === 410) return onGone();
      if (e instanceof CallError && Object.keys(e.errors).length) setServerErrors(e.errors);
      else setProblem(translate(`enrol.${failureKey(e)}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2 }}>
      <Typography>{translate('enrol.hello', { name: view.name, email: view.email })}</Typography>
      <Note>{translate('enrol.expires', { date: new Date(view.expiresAt).toLocaleString(locale) })}</Note>
      <Typography>{translate('enrol.step_app')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Box component="img" src={view.qrCode} alt={translate('enrol.qr_alt')} sx={{ width: 192, height: 192, bgcolor: '#fff' }} />
        <Box sx={{ display: 'grid', gap: 0.5, flex: 1, minWidth: 220 }}>
          <Typography variant="body2" color="text.secondary" id="enrol-secret-label">
            {translate('enrol.secret')}
          </Typography>
          <Box
            component="code"
            data-testid="totp-secret"
            aria-labelledby="enrol-secret-label"
            sx={{
              fontFamily: monospace,
              fontSize: '1rem',
              p: 1,
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              overflowWrap: 'anywhere',
              userSelect: 'all',
            }}
          >
            {view.totpSecret}
          </Box>
        </Box>
      </Box>
      <Typography>{translate(invite ? 'enrol.step_password_invite' : 'enrol.step_password_mfa_reset')}</Typography>
      <TextField
        name="password"
        type="password"
        required
        label={translate('enrol.password')}
        autoComplete={invite ? 'new-password' : 'current-password'}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={!!errorOf('password')}
        helperText={errorOf('password') ?? ' '}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      {invite && (
        <TextField
          name="passwordAgain"
          type="password"
          required
          label={translate('enrol.password_confirm')}
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          error={!!errorOf('again')}
          helperText={errorOf('again') ?? ' '}
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
      )}
      <Typography>{translate('enrol.step_code')}</Typography>
      <TextField
        name="otp"
        required
        label={translate('enrol.otp')}
        autoComplete="one-time-code"
        value={otp}
        onChange={(e) => setOtp(e.target.value.replace(/\s+/g, ''))}
        error={!!errorOf('otp')}
        helperText={errorOf('otp') ?? ' '}
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
        sx={{ maxWidth: 200 }}
      />
      <Box role="alert">{problem && <Alert severity="error">{problem}</Alert>}</Box>
      <Box>
        <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
          {translate(busy ? 'enrol.sending' : invite ? 'enrol.submit_invite' : 'enrol.submit_mfa_reset')}
        </Button>
      </Box>
    </Box>
  );
};
