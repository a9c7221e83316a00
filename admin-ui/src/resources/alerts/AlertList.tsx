import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Alert as MuiAlert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  DialogContentText,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import WarningIcon from '@mui/icons-material/ReportProblemOutlined';
import DoneIcon from '@mui/icons-material/TaskAlt';
import RefreshIcon from '@mui/icons-material/Refresh';
import { LinkBase, Title, useCanAccess, useCreatePath, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiErrorOf } from '../../providers/http';
import { supervisionApi, type AlertRecord } from '../../supervision/api';
import { FormDialog } from '../../common/FormDialog';

type Lists = { open: AlertRecord[]; acknowledged: AlertRecord[] };

export const ruleLabel = (translate: ReturnType<typeof useTranslate>, rule: string) =>
  translate(`sup.alerts.rule.${rule}`, { _: rule });

/** The console's own wording where it has one for the rule; otherwise the summary the server wrote. */
const alertSummary = (translate: ReturnType<typeof useTranslate>, alert: AlertRecord) =>
  translate(`sup.alerts.summary.${alert.rule}`, { ...alert.details, _: alert.summary });

/**
 * The abuse alerts: open ones first, each with what raised it and an Acknowledge button (a comment is
 * required); the acknowledged ones below, with who/when/what was found.
 */
export const AlertList = () => {
  const translate = useTranslate();
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [acknowledging, setAcknowledging] = useState<AlertRecord | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [open, acknowledged] = await Promise.all([
        supervisionApi.alerts('open'),
        supervisionApi.alerts('acknowledged', 50),
      ]);
      setLists({ open, acknowledged });
      setError(null);
    } catch (e) {
      setError(apiErrorOf(e).message);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('sup.alerts.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {translate('sup.alerts.title')}
        </Typography>
        <Button startIcon={loading ? <CircularProgress size={16} /> : <RefreshIcon />} onClick={load} disabled={loading}>
          {translate('sup.alerts.refresh')}
        </Button>
      </Box>
      {error && <MuiAlert severity="error">{translate('sup.alerts.failed', { message: error })}</MuiAlert>}
      {lists && (
        <>
          <Section
            id="alerts-open"
            title={translate('sup.alerts.open_count', { smart_count: lists.open.length })}
            empty={translate('sup.alerts.none_open')}
            alerts={lists.open}
            onAcknowledge={setAcknowledging}
          />
          <Section
            id="alerts-acknowledged"
            title={translate('sup.alerts.acknowledged')}
            empty={translate('sup.alerts.none_acknowledged')}
            alerts={lists.acknowledged}
          />
        </>
      )}
      {!lists && !error && <CircularProgress sx={{ justifySelf: 'center' }} />}
      {acknowledging && (
        <AcknowledgeDialog
          alert={acknowledging}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setAcknowledging(null);
            void load();
          }}
        />
      )}
    </Box>
  );
};

const Section = ({
  id,
  title,
  empty,
  alerts,
  onAcknowledge,
}: {
  id: string;
  title: string;
  empty: string;
  alerts: AlertRecord[];
  onAcknowledge?: (alert: AlertRecord) => void;
}) => (
  <Box component="section" aria-labelledby={id}>
    <Typography id={id} variant="h6" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {alerts.length === 0 ? (
      <Typography color="text.secondary">{empty}</Typography>
    ) : (
      <Stack spacing={1.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {alerts.map(alert => (
          <AlertCard key={alert.id} alert={alert} onAcknowledge={onAcknowledge} />
        ))}
      </Stack>
    )}
  </Box>
);

const AlertCard = ({ alert, onAcknowledge }: { alert: AlertRecord; onAcknowledge?: (alert: AlertRecord) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const open = !alert.acknowledgedAt;
  const rule = ruleLabel(translate, alert.rule);
  const trailOfStaff = alert.staffEmail
    ? `${createPath({ resource: 'audit-events', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ actor: alert.staffEmail }))}`
    : null;

  return (
    <Card
      component="li"
      aria-label={`${rule} — ${open ? translate('sup.alerts.state_open') : translate('sup.alerts.state_acknowledged')}`}
      data-alert-rule={alert.rule}
      data-alert-state={open ? 'open' : 'acknowledged'}
      variant="outlined"
      sx={{ borderLeft: 6, borderLeftColor: open ? 'error.main' : 'success.main' }}
    >
      <CardContent sx={{ display: 'grid', gap: 0.75, '&:last-child': { pb: 2 } }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Chip
            size="small"
            color={open ? 'error' : 'success'}
            icon={open ? <WarningIcon /> : <DoneIcon />}
            label={open ? translate('sup.alerts.state_open') : translate('sup.alerts.state_acknowledged')}
          />
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flex: 1 }}>
            {rule}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('sup.alerts.raised')} {formatDateTime(alert.createdAt, locale)}
          </Typography>
          {open && onAcknowledge && (
            <Button variant="contained" size="small" onClick={() => onAcknowledge(alert)}>
              {translate('sup.alerts.acknowledge')}
            </Button>
          )}
        </Box>
        <AlertText alert={alert} />
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', typography: 'body2', color: 'text.secondary' }}>
          {alert.staffEmail && (
            <span>
              {translate('sup.alerts.staff_label')} <b>{alert.staffEmail}</b>
              {trailOfStaff && (
                <>
                  {' '}
                  (<Link component={LinkBase} to={trailOfStaff}>{translate('sup.alerts.staff_trail')}</Link>)
                </>
              )}
            </span>
          )}
          {alert.targetId && (
            <span>
              {translate('sup.alerts.target_label')} <Box component="span" sx={{ fontFamily: monospace }}>{alert.targetId}</Box>
            </span>
          )}
          {alert.caseId && (
            <span>
              {translate('sup.alerts.case_label')} <Box component="span" sx={{ fontFamily: monospace }}>{alert.caseId}</Box>
            </span>
          )}
          {alert.eventId && (
            <Link component={LinkBase} to={createPath({ resource: 'audit-events', type: 'show', id: alert.eventId })}>
              {translate('sup.alerts.open_event')}
            </Link>
          )}
        </Box>
        {!open && (
          <MuiAlert severity="success" icon={false} sx={{ py: 0 }}>
            {translate('sup.alerts.acknowledged_by', { date: formatDateTime(alert.acknowledgedAt!, locale) })}
            {alert.ackComment && <> — « {alert.ackComment} »</>}
          </MuiAlert>
        )}
      </CardContent>
    </Card>
  );
};

/** A broken audit chain is explained with its anchors; other rules read as alertSummary words them. */
const AlertText = ({ alert }: { alert: AlertRecord }) => {
  const translate = useTranslate();
  if (alert.rule !== 'audit_chain_broken') return <Typography variant="body2">{alertSummary(translate, alert)}</Typography>;
  const lastGood = alert.details?.lastGood as { id: string | null; hash: string } | null | undefined;
  return (
    <Typography variant="body2">
      {translate('sup.alerts.chain_broken', { id: alert.eventId })}
      {lastGood?.id && (
        <>
          {' '}
          <Box component="span" sx={{ fontFamily: monospace, wordBreak: 'break-all' }}>
            {translate('sup.alerts.chain_last_good', { id: lastGood.id, hash: lastGood.hash })}
          </Box>
        </>
      )}
    </Typography>
  );
};

const AcknowledgeDialog = ({ alert, onClose, onDone }: { alert: AlertRecord; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'alerts' });
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invalid = comment.trim().length < 3;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      await supervisionApi.acknowledge(alert.id, comment.trim());
      notify('sup.alerts.ack_done', { type: 'success' });
      onDone();
    } catch (e) {
      const { status, message, errors } = apiErrorOf(e);
      if (status === 409) {
        notify('sup.alerts.ack_conflict', { type: 'warning' });
        onDone();
        return;
      }
      setError(errors.comment ?? message);
      setBusy(false);
    }
  };

  return (
    <FormDialog
      id="ack-title"
      title={translate('sup.alerts.ack_title', { rule: ruleLabel(translate, alert.rule) })}
      pending={busy}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={translate('sup.alerts.acknowledge')}
      submitDisabled={canAccess === false}
      cancelLabel={translate('sup.alerts.cancel')}
      contentSx={{ display: 'grid', gap: 2 }}
>
      <DialogContentText>{alertSummary(translate, alert)}</DialogContentText>
      <DialogContentText variant="body2">{translate('sup.alerts.ack_explain')}</DialogContentText>
      <TextField
        autoFocus
        required
        multiline
        minRows={3}
        name="comment"
        label={translate('sup.alerts.comment')}
        value={comment}
        onChange={e => setComment(e.target.value)}
        onBlur={() => setTouched(true)}
        error={(touched && invalid) || !!error}
        helperText={error ?? (touched && invalid ? translate('sup.alerts.comment_required') : ' ')}
        slotProps={{ htmlInput: { maxLength: 1000 } }}
      />
    </FormDialog>
  );
};
