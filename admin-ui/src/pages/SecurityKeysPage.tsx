import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Schemas } from '../api/types';
import { apiErrorOf, apiFetch } from '../providers/http';
import { ceremonyProblem, enrolSecurityKey } from '../providers/securityKeys';

type KeyList = Schemas['SecurityKeyListResponse'];
type SecurityKey = Schemas['SecurityKeyResponse'];

/**
 * The signed-in member's security keys (`/api/my-security-keys`, audited): enrol one with a name of their own,
 * see when each was last used, remove one. Loaded on first visit with the WebAuthn helpers it needs.
 */
export const SecurityKeysPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [list, setList] = useState<KeyList | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  // 'add' while enrolling, a key's id while removing it.
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(
    () =>
      apiFetch('/my-security-keys')
        .then(({ json }) => setList(json as KeyList))
        .catch((e) => setError(apiErrorOf(e).message)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : translate('security_keys.page.never');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    setNameError(trimmed ? null : translate('ra.validation.required'));
    setPasswordError(password ? null : translate('ra.validation.required'));
    if (!trimmed || !password) return;
    setBusy('add');
    setError(null);
    try {
      await enrolSecurityKey(trimmed, password);
      notify('security_keys.page.added', { type: 'info', messageArgs: { name: trimmed } });
      setName('');
      setPassword('');
      await load();
    } catch (e) {
      const problem = ceremonyProblem(e);
      if (problem) setError(translate(`security_keys.page.${problem}`));
      else {
        const failure = apiErrorOf(e);
        if (failure.errors.name) setNameError(failure.errors.name);
        else if (failure.errors.password) setPasswordError(failure.message);
        else setError(failure.message);
      }
    } finally {
      setBusy(null);
    }
  };

  const remove = async (key: SecurityKey) => {
    if (!window.confirm(translate('security_keys.page.confirm_remove', { name: key.name }))) return;
    setBusy(key.id);
    setError(null);
    try {
      await apiFetch(`/my-security-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
      notify('security_keys.page.removed', { type: 'info' });
      await load();
    } catch (e) {
      setError(apiErrorOf(e).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }} component="section" aria-labelledby="security-keys-title">
      <Title title={translate('security_keys.page.title')} />
      <CardContent sx={{ display: 'grid', gap: 2 }}>
        <Typography id="security-keys-title" variant="h6" component="h1">
          {translate('security_keys.page.title')}
        </Typography>
        <Typography variant="body2">{translate('security_keys.page.intro')}</Typography>
        {list?.required && <Alert severity="info">{translate('security_keys.page.required')}</Alert>}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {!list && !error && <CircularProgress />}
        {list && list.data.length === 0 && <Typography color="text.secondary">{translate('security_keys.page.none')}</Typography>}
        {list && list.data.length > 0 && (
          <Table size="small" aria-label={translate('security_keys.page.table')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('security_keys.page.col_name')}</TableCell>
                <TableCell>{translate('security_keys.page.col_added')}</TableCell>
                <TableCell>{translate('security_keys.page.col_used')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((key) => (
                <TableRow key={key.id}>
                  <TableCell>{key.name}</TableCell>
                  <TableCell>{when(key.createdAt)}</TableCell>
                  <TableCell>{when(key.lastUsedAt)}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      color="error"
                      disabled={busy !== null}
                      aria-label={translate('security_keys.page.remove_label', { name: key.name })}
                      onClick={() => void remove(key)}
                    >
                      {translate('security_keys.page.remove')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {list && (
          <Box component="form" onSubmit={(event) => void add(event)} noValidate sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
            <TextField
              name="keyName"
              label={translate('security_keys.page.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(nameError)}
              helperText={nameError ?? translate('security_keys.page.name_help')}
              slotProps={{ htmlInput: { maxLength: 60 } }}
              size="small"
              sx={{ flex: 1 }}
            />
            <TextField
              name="password"
              type="password"
              autoComplete="current-password"
              label={translate('security_keys.page.password')}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={Boolean(passwordError)}
              helperText={passwordError ?? translate('security_keys.page.password_help')}
              size="small"
              sx={{ flex: 1 }}
            />
            <Button
              type="submit"
              variant="contained"
              disabled={busy !== null}
              startIcon={busy === 'add' ? <CircularProgress size={16} color="inherit" /> : <KeyIcon />}
            >
              {busy === 'add' ? translate('security_keys.page.touch') : translate('security_keys.page.add')}
            </Button>
          </Box>
        )}
        <Box>
          <Button component={Link} to="/my-settings" size="small">
            {translate('security_keys.page.back')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
