import { Alert as MuiAlert, Box, Button, Card, CardContent, Checkbox, Chip, Link, Typography } from '@mui/material';
import WarningIcon from '@mui/icons-material/ReportProblemOutlined';
import DoneIcon from '@mui/icons-material/TaskAlt';
import { LinkBase, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { formatDateTime } from '../../fields/UtcDateField';
import { type AlertRecord } from '../../supervision/api';
import { ruleLabel, alertSummary } from './alertLabels';
import { Note } from '../../common/Note';
import { AlertSubject } from './AlertSubject';
import { AlertEvidence } from './AlertEvidence';
import { StaffName } from '../recovery-cases/fields';

interface Props {
  alert: AlertRecord;
  onAcknowledge?: (alert: AlertRecord) => void;
  /** Open alerts can be picked for a bulk acknowledgement. */
  selected?: boolean;
  onSelect?: (alert: AlertRecord, selected: boolean) => void;
}

export const AlertCard = ({ alert, onAcknowledge, selected, onSelect }: Props) => {
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
          {open && onSelect && (
            <Checkbox
              size="small"
              checked={!!selected}
              onChange={(e) => onSelect(alert, e.target.checked)}
              slotProps={{ input: { 'aria-label': translate('sup.alerts.select', { rule }) } }}
              sx={{ p: 0.5 }}
            />
          )}
          <Chip
            size="small"
            color={open ? 'error' : 'success'}
            icon={open ? <WarningIcon /> : <DoneIcon />}
            label={open ? translate('sup.alerts.state_open') : translate('sup.alerts.state_acknowledged')}
          />
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flex: 1 }}>
            {rule}
          </Typography>
          <Note>
            {translate('sup.alerts.raised')} {formatDateTime(alert.createdAt, locale)}
          </Note>
          {open && onAcknowledge && (
            <Button variant="contained" size="small" onClick={() => onAcknowledge(alert)}>
              {translate('sup.alerts.acknowledge')}
            </Button>
          )}
        </Box>
        <AlertText alert={alert} />
        <AlertSubject alert={alert} />
        {alert.staffEmail && alert.subject.type !== 'staff' && (
          <Box sx={{ typography: 'body2', color: 'text.secondary' }}>
            {translate('sup.alerts.staff_label')} <b>{alert.staffEmail}</b>
            {trailOfStaff && (
              <>
                {' '}
                (
                <Link component={LinkBase} to={trailOfStaff}>
                  {translate('sup.alerts.staff_trail')}
                </Link>
                )
              </>
            )}
          </Box>
        )}
        <AlertEvidence alert={alert} />
        {!open && (
          <MuiAlert severity="success" icon={false} sx={{ py: 0 }}>
            {translate('sup.alerts.acknowledged_by', { date: formatDateTime(alert.acknowledgedAt!, locale) })}{' '}
            <StaffName id={alert.acknowledgedBy} />
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
