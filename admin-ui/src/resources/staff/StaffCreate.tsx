import { useState, type FormEvent } from 'react';
import { Alert, AlertTitle, Box, Button, Card, CardContent, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import { Title, useCreatePath, useLocaleState, useRedirect, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { supervisionApi } from '../../supervision/api';
import { RoleChecks } from './RoleChecks';

type Created = Awaited<ReturnType<typeof supervisionApi.createStaff>>;

/**
 * `POST /api/staff`: the server mails the new member an invitation link where they set their own password and
 * authenticator; the answer holds no secret. Supervisor and administrator roles wait for a second admin.
 */
export const StaffCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [locale] = useLocaleState();
  const [language, setLanguage] = useState(locale === 'fr' ? 'fr' : 'en');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);

  const local = {
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? null : translate('cases.open.invalid_email'),
    name: name.trim().length >= 2 ? null : translate('ra.validation.minLength', { min: 2 }),
    roles: roles.length > 0 ? null : translate('sup.staff.roles_required'),
    reason: reason.trim().length >= 3 ? null : translate('sup.staff.reason_required'),
  };
  const errorOf = (field: keyof typeof local) => (submitted ? local[field] : null) ?? fieldErrors[field] ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(local).some(Boolean)) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      setCreated(await supervisionApi.createStaff({ email: email.trim(), name: name.trim(), roles, reason: reason.trim(), language }));
    } catch (e) {
      const { message, errors } = apiErrorOf(e);
      setError(message);
      setFieldErrors(errors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={translate('sup.staff.create_title')} />
      <Card>
        <CardContent sx={{ display: 'grid', gap: 2 }}>
          <Typography variant="h5" component="h1">
            {translate('sup.staff.create_title')}
          </Typography>
          {created ? (
            <Alert severity="success" role="status" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
              <AlertTitle>{translate('sup.staff.created_title', { email: created.user.email })}</AlertTitle>
              <Typography variant="body2">{translate('sup.staff.invited')}</Typography>
              {created.pendingRoleRequestId && (
                <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
                  {translate('sup.staff.role_pending_created')}
                </Typography>
              )}
              <Button
                variant="contained"
                sx={{ mt: 2 }}
                onClick={() => redirect(createPath({ resource: 'staff', type: 'show', id: created.user.id }))}
              >
                {translate('sup.staff.open_member')}
              </Button>
            </Alert>
          ) : (
            <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2 }}>
              <TextField
                name="email"
                type="email"
                required
                label={translate('resources.staff.fields.email')}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={!!errorOf('email')}
                helperText={errorOf('email') ?? ' '}
              />
              <TextField
                name="name"
                required
                label={translate('resources.staff.fields.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={!!errorOf('name')}
                helperText={errorOf('name') ?? ' '}
              />
              <RoleChecks value={roles} onChange={setRoles} error={errorOf('roles')} />
              <TextField
                select
                name="language"
                label={translate('sup.staff.language')}
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
                sx={{ maxWidth: 320 }}
              >
                <MenuItem value="fr">Français</MenuItem>
                <MenuItem value="en">English</MenuItem>
              </TextField>
              <TextField
                name="reason"
                required
                multiline
                minRows={2}
                label={translate('sup.staff.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={!!errorOf('reason')}
                helperText={errorOf('reason') ?? translate('sup.staff.reason_help')}
                slotProps={{ htmlInput: { maxLength: 500 } }}
              />
              {error && <Alert severity="error">{error}</Alert>}
              <Box>
                <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
                  {translate('sup.staff.submit_create')}
                </Button>
              </Box>
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
