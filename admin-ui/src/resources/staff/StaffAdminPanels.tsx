import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import { useCanAccess, useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { apiErrorOf } from '../../providers/http';
import { supervisionApi, UUID, type StaffRecord } from '../../supervision/api';
import { OneTimeCredentials } from './Credentials';
import { RoleChecks } from './RoleChecks';

const sameRoles = (a: string[], b: string[]) => [...a].sort().join(',') === [...b].sort().join(',');

const PanelCard = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Card component="section" variant="outlined" aria-labelledby={id} sx={{ mx: 2, mb: 2 }}>
    <CardContent sx={{ display: 'grid', gap: 1.5 }}>
      <Typography id={id} variant="h6" component="h2">
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** The administrators' panels under a staff member's page: roles and status, second-factor reset. */
export const StaffAdminPanels = () => {
  // Asked against this record (react-admin passes the record in context): the rules deny it on oneself.
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'staff' });
  const { permissions } = usePermissions<string[]>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const record = useRecordContext<StaffRecord>();
  if (!record) return null;
  if (!canAccess) {
    // An administrator on their own page: say why there is nothing to change here.
    return permissions?.includes('admin') && identity?.id === record.id ? (
      <Alert severity="info" sx={{ mx: 2, mb: 2 }}>
        {translate('sup.staff.self_note')}
      </Alert>
    ) : null;
  }
  return (
    <>
      <ManagePanel record={record} />
      <MfaResetPanel record={record} />
    </>
  );
};

/** `PATCH /api/staff/:id` with only what changed and a reason; the server refuses changes to oneself (403). */
const ManagePanel = ({ record }: { record: StaffRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const [roles, setRoles] = useState(record.roles);
  const [active, setActive] = useState(record.active);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRoles(record.roles);
    setActive(record.active);
  }, [record.roles, record.active]);

  const changed = { roles: !sameRoles(roles, record.roles), active: active !== record.active };
  const reasonError = reason.trim().length >= 3 ? null : translate('sup.staff.reason_required');
  const rolesError = roles.length === 0 ? translate('sup.staff.roles_required') : null;
  const isSelf = identity?.id === record.id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!changed.roles && !changed.active) {
      notify('sup.staff.nothing_changed', { type: 'info' });
      return;
    }
    if (reasonError || rolesError) return;
    setBusy(true);
    try {
      await supervisionApi.updateStaff(record.id, {
        ...(changed.roles ? { roles } : {}),
        ...(changed.active ? { active } : {}),
        reason: reason.trim(),
      });
      notify('sup.staff.saved', { type: 'success' });
      setReason('');
      setSubmitted(false);
      refresh();
    } catch (e) {
      const { message, errors } = apiErrorOf(e);
      setError(Object.keys(errors).length ? Object.values(errors).join(' ') : message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PanelCard id="staff-manage" title={translate('sup.staff.manage')}>
      {isSelf && <Alert severity="info">{translate('sup.staff.self_note')}</Alert>}
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 1.5 }}>
        <RoleChecks value={roles} onChange={setRoles} error={submitted ? rolesError : null} />
        <FormControlLabel
          control={<Switch name="active" checked={active} onChange={e => setActive(e.target.checked)} />}
          label={translate('sup.staff.active')}
        />
        <TextField
          name="reason"
          required
          size="small"
          label={translate('sup.staff.reason')}
          value={reason}
          onChange={e => setReason(e.target.value)}
          error={submitted && !!reasonError}
          helperText={submitted && reasonError ? reasonError : translate('sup.staff.reason_help')}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <Box role="alert">{error && <Alert severity="error">{error}</Alert>}</Box>
        <Box>
          <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
            {translate('sup.staff.save')}
          </Button>
        </Box>
      </Box>
    </PanelCard>
  );
};

/** Four eyes: this admin requests, another confirms (with the request ID, there is no list of pending requests). */
const MfaResetPanel = ({ record }: { record: StaffRecord }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [requestId, setRequestId] = useState<string | null>(null);
  const reasonError = reason.trim().length >= 3 ? null : translate('sup.staff.reason_required');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (reasonError) return;
    setBusy(true);
    setError(null);
    try {
      const request = await supervisionApi.requestMfaReset(record.id, reason.trim());
      setRequestId(request.id);
      setReason('');
      setSubmitted(false);
    } catch (e) {
      const { message, errors } = apiErrorOf(e);
      setError(errors.reason ?? message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PanelCard id="staff-mfa" title={translate('sup.staff.mfa_title')}>
      <Typography variant="body2" color="text.secondary">
        {translate('sup.staff.mfa_explain')}
      </Typography>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          name="mfaReason"
          required
          size="small"
          sx={{ flex: 1, minWidth: 260 }}
          label={translate('sup.staff.reason')}
          value={reason}
          onChange={e => setReason(e.target.value)}
          error={submitted && !!reasonError}
          helperText={submitted && reasonError ? reasonError : translate('sup.staff.reason_help')}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <Button type="submit" variant="outlined" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <KeyIcon />}>
          {translate('sup.staff.mfa_request')}
        </Button>
      </Box>
      <Box role="status" aria-live="polite">
        {error && <Alert severity="error">{error}</Alert>}
        {requestId && (
          <Alert severity="success">
            {translate('sup.staff.mfa_requested')}{' '}
            <Box component="code" data-testid="mfa-request-id" sx={{ fontFamily: monospace, fontWeight: 700, userSelect: 'all' }}>
              {requestId}
            </Box>
          </Alert>
        )}
      </Box>
    </PanelCard>
  );
};

/** On the staff list: an administrator pastes the request ID another one gave them and confirms the reset. */
export const ConfirmMfaResetButton = () => {
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'staff' });
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button size="small" startIcon={<KeyIcon />} onClick={() => setOpen(true)}>
        {translate('sup.staff.mfa_confirm_button')}
      </Button>
      {open && <ConfirmMfaResetDialog onClose={() => setOpen(false)} />}
    </>
  );
};

const ConfirmMfaResetDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const [requestId, setRequestId] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Awaited<ReturnType<typeof supervisionApi.confirmMfaReset>> | null>(null);
  const invalid = !UUID.test(requestId.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await supervisionApi.confirmMfaReset(requestId.trim()));
    } catch (e) {
      setError(apiErrorOf(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy || result ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="mfa-confirm-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="mfa-confirm-title">{translate('sup.staff.mfa_confirm_title')}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          {result ? (
            <OneTimeCredentials
              title={translate('sup.staff.mfa_confirmed_title', { email: result.user.email })}
              totpSecret={result.totpSecret}
              totpUri={result.totpUri}
            />
          ) : (
            <>
              <DialogContentText variant="body2">{translate('sup.staff.mfa_confirm_explain')}</DialogContentText>
              <TextField
                autoFocus
                required
                name="requestId"
                label={translate('sup.staff.request_id')}
                value={requestId}
                onChange={e => setRequestId(e.target.value)}
                error={submitted && invalid}
                helperText={submitted && invalid ? translate('sup.staff.request_id_invalid') : ' '}
                slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', style: { fontFamily: monospace } } }}
              />
              <Box role="alert">{error && <Alert severity="error">{error}</Alert>}</Box>
            </>
          )}
        </DialogContent>
        <DialogActions>
          {result ? (
            <Button variant="contained" color="warning" onClick={onClose}>
              {translate('sup.staff.done_seen')}
            </Button>
          ) : (
            <>
              <Button onClick={onClose} disabled={busy}>
                {translate('sup.alerts.cancel')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
                {translate('sup.staff.mfa_confirm')}
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
};
