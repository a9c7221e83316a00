import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
  type SxProps,
  type Theme,
} from '@mui/material';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import MailIcon from '@mui/icons-material/ForwardToInboxOutlined';
import { useCanAccess, useGetIdentity, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { useAction } from '../../common/useAction';
import { supervisionApi, type StaffRecord } from '../../supervision/api';
import { RoleChecks } from './RoleChecks';
import { Note } from '../../common/Note';

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

/** The administrators' panels under a staff member's page: roles and status, invitation, second-factor reset. */
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
      <ReinvitePanel record={record} />
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

  // Follows the saved record by adjusting state during render (React's pattern), not in an effect.
  const [saved, setSaved] = useState({ roles: record.roles, active: record.active });
  if (saved.roles !== record.roles || saved.active !== record.active) {
    setSaved({ roles: record.roles, active: record.active });
    setRoles(record.roles);
    setActive(record.active);
  }

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
      const { pending } = await supervisionApi.updateStaff(record.id, {
        ...(changed.roles ? { roles } : {}),
        ...(changed.active ? { active } : {}),
        reason: reason.trim(),
      });
      if (pending) {
        notify('sup.staff.role_requested', { type: 'info' });
        setRoles(record.roles);
      } else notify('sup.staff.saved', { type: 'success' });
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
          control={<Switch name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />}
          label={translate('sup.staff.active')}
        />
        <ReasonField name="reason" value={reason} onChange={setReason} error={submitted ? reasonError : null} />
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

/** A new invitation link for a member who has not enrolled yet; the server refuses (409) once they have. */
const ReinvitePanel = ({ record }: { record: StaffRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { pending: busy, refusal: error, run } = useAction();
  const send = () =>
    run(async () => {
      await supervisionApi.reinviteStaff(record.id);
      notify('sup.staff.reinvited', { type: 'success' });
    });
  return (
    <PanelCard id="staff-invite" title={translate('sup.staff.reinvite_title')}>
      <Note>{translate('sup.staff.reinvite_explain')}</Note>
      <Box>
        <Button variant="outlined" onClick={send} disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <MailIcon />}>
          {translate('sup.staff.reinvite')}
        </Button>
      </Box>
      <Box role="alert">{error && <Alert severity="error">{error}</Alert>}</Box>
    </PanelCard>
  );
};

/** Four eyes: this admin requests, another confirms in the pending requests of the staff list. */
const MfaResetPanel = ({ record }: { record: StaffRecord }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { pending: busy, refusal: error, run } = useAction();
  const [requested, setRequested] = useState(false);
  const reasonError = reason.trim().length >= 3 ? null : translate('sup.staff.reason_required');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (reasonError) return;
    await run(
      async () => {
        await supervisionApi.requestMfaReset(record.id, reason.trim());
        setRequested(true);
        setReason('');
        setSubmitted(false);
      },
      (problem) => problem.errors.reason,
    );
  };

  return (
    <PanelCard id="staff-mfa" title={translate('sup.staff.mfa_title')}>
      <Note>{translate('sup.staff.mfa_explain')}</Note>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <ReasonField
          name="mfaReason"
          value={reason}
          onChange={setReason}
          error={submitted ? reasonError : null}
          sx={{ flex: 1, minWidth: 260 }}
        />
        <Button type="submit" variant="outlined" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <KeyIcon />}>
          {translate('sup.staff.mfa_request')}
        </Button>
      </Box>
      <Box role="status" aria-live="polite">
        {error && <Alert severity="error">{error}</Alert>}
        {requested && <Alert severity="success">{translate('sup.staff.mfa_requested')}</Alert>}
      </Box>
    </PanelCard>
  );
};

/** Why an administrator asks for a change (3 to 500 characters, recorded in the audit trail). */
const ReasonField = ({
  name,
  value,
  onChange,
  error,
  sx,
}: {
  name: string;
  value: string;
  onChange(value: string): void;
  error: string | null;
  sx?: SxProps<Theme>;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      name={name}
      required
      size="small"
      sx={sx}
      label={translate('sup.staff.reason')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? translate('sup.staff.reason_help')}
      slotProps={{ htmlInput: { maxLength: 500 } }}
    />
  );
};
