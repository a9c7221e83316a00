import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/UtcDateField';
import { apiErrorOf } from '../providers/http';
import { ACTIVITY_KINDS, supervisionApi, type ActivityKind, type DashboardBody } from './api';
import { Panel } from '../common/Panel';

const COLORS: Record<ActivityKind, string> = {
  swaps: '#c0392b',
  twoFactorDisablements: '#8e44ad',
  emailReplacements: '#d68910',
  unmasks: '#2874a6',
  searches: '#7f8c8d',
  reviews: '#229954',
};

const DAY_MS = 86_400_000;

/** `<input type="date">` value (local calendar day) ↔ ISO instant at the start of that UTC day. */
const dayInput = (date: Date) => date.toISOString().slice(0, 10);
const startOfUtcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

function periodOf(days: number) {
  const today = dayInput(new Date());
  const to = new Date(startOfUtcDay(today).getTime() + DAY_MS);
  return { from: dayInput(new Date(to.getTime() - days * DAY_MS)), to: today };
}

/** Every UTC day of the period, so a quiet day shows as an empty bar rather than disappearing. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = new Date(from).getTime(); t < new Date(to).getTime() && days.length < 93; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * The supervisors' activity board: sensitive actions per day and per staff member (from the audit trail),
 * cases by state against the 72 h target, queue health and mail failures.
 */
export const ActivityPage = () => {
  const translate = useTranslate();
  const [period, setPeriod] = useState(() => periodOf(7));
  const [draft, setDraft] = useState(period);
  const [body, setBody] = useState<DashboardBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (p: { from: string; to: string }) => {
    setLoading(true);
    try {
      const from = startOfUtcDay(p.from).toISOString();
      const to = new Date(startOfUtcDay(p.to).getTime() + DAY_MS).toISOString();
      setBody(await supervisionApi.dashboard(from, to));
      setError(null);
    } catch (e) {
      const { message, errors } = apiErrorOf(e);
      setError(errors.from ?? errors.to ?? message);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(period);
  }, [load, period]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ ...draft });
  };
  const quick = (days: number) => {
    const p = periodOf(days);
    setDraft(p);
    setPeriod(p);
  };

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, minWidth: 0 }}>
      <Title title={translate('sup.activity.title')} />
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1, minWidth: 160 }}>
          {translate('sup.activity.title')}
        </Typography>
        <TextField
          type="date"
          fullWidth={false}
          sx={{ width: 180 }}
          size="small"
          name="from"
          label={translate('sup.activity.from')}
          value={draft.from}
          onChange={e => setDraft({ ...draft, from: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          fullWidth={false}
          sx={{ width: 180 }}
          size="small"
          name="to"
          label={translate('sup.activity.to')}
          value={draft.to}
          onChange={e => setDraft({ ...draft, to: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button type="submit" variant="contained" disabled={loading}>
          {translate('sup.activity.apply')}
        </Button>
        <Button onClick={() => quick(7)}>{translate('sup.activity.last7')}</Button>
        <Button onClick={() => quick(30)}>{translate('sup.activity.last30')}</Button>
        {loading && <CircularProgress size={20} />}
      </Box>
      {error && <Alert severity="error">{translate('sup.activity.failed', { message: error })}</Alert>}
      {body && <Board body={body} />}
    </Box>
  );
};

const Board = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kindLabel = (kind: ActivityKind) => translate(`sup.activity.kind.${kind}`);

  const perDay = useMemo(() => {
    const empty = (day: string): Record<string, number | string> => ({ day, ...Object.fromEntries(ACTIVITY_KINDS.map(k => [k, 0])) });
    const days = new Map(daysOf(body.from, body.to).map(day => [day, empty(day)]));
    for (const row of body.activity) {
      const entry = days.get(row.day) ?? empty(row.day);
      for (const kind of ACTIVITY_KINDS) entry[kind] = Number(entry[kind] ?? 0) + (row[kind] ?? 0);
      days.set(row.day, entry);
    }
    return [...days.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  }, [body]);

  const perStaff = useMemo(() => {
    const byStaff = new Map<string, { staff: string; swaps: number; unmasks: number }>();
    for (const row of body.activity) {
      const entry = byStaff.get(row.staff) ?? { staff: row.staff, swaps: 0, unmasks: 0 };
      entry.swaps += row.swaps;
      entry.unmasks += row.unmasks;
      byStaff.set(row.staff, entry);
    }
    return [...byStaff.values()].filter(e => e.swaps + e.unmasks > 0).sort((a, b) => b.swaps + b.unmasks - (a.swaps + a.unmasks));
  }, [body]);

  const lateHours = body.cases.reviewTargetHours;

  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0,1fr)', lg: 'minmax(0,3fr) minmax(0,2fr)' } }}>
      <Panel sx={{ minWidth: 0 }} id="activity-per-day" title={translate('sup.activity.per_day')}>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('sup.activity.period', { from: body.from.slice(0, 10), to: new Date(new Date(body.to).getTime() - 1).toISOString().slice(0, 10) })}
        </Typography>
        {body.activity.length === 0 ? (
          <Typography color="text.secondary">{translate('sup.activity.no_activity')}</Typography>
        ) : (
          <Box sx={{ height: 300 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={perDay} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {ACTIVITY_KINDS.map(kind => (
                  <Bar key={kind} dataKey={kind} name={kindLabel(kind)} stackId="a" fill={COLORS[kind]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </Panel>
      <Panel sx={{ minWidth: 0 }} id="activity-per-staff" title={translate('sup.activity.per_staff')}>
        {perStaff.length === 0 ? (
          <Typography color="text.secondary">{translate('sup.activity.no_activity')}</Typography>
        ) : (
          <Box sx={{ height: Math.max(160, 48 + perStaff.length * 36) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={perStaff} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} fontSize={12} />
                <YAxis type="category" dataKey="staff" width={170} fontSize={11} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey="swaps" name={kindLabel('swaps')} fill={COLORS.swaps} isAnimationActive={false} />
                <Bar dataKey="unmasks" name={kindLabel('unmasks')} fill={COLORS.unmasks} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </Panel>

      <Panel sx={{ minWidth: 0 }} id="activity-identity-cases" title={translate('sup.activity.identity_cases')}>
        {body.cases.identity.length === 0 ? (
          <Typography color="text.secondary">{translate('sup.activity.no_cases')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('sup.activity.status')}</TableCell>
                <TableCell align="right">{translate('sup.activity.count')}</TableCell>
                <TableCell align="right">{translate('sup.activity.oldest')}</TableCell>
                <TableCell align="right">{translate('sup.activity.late', { hours: lateHours })}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {body.cases.identity.map(row => (
                <TableRow key={row.status} sx={row.late > 0 ? { bgcolor: 'rgba(211, 47, 47, 0.08)' } : undefined}>
                  <TableCell>{translate(`cases.status.${row.status}`, { _: row.status })}</TableCell>
                  <TableCell align="right">{row.count}</TableCell>
                  <TableCell align="right">{row.oldestAgeHours === null ? '—' : translate('sup.activity.hours', { h: row.oldestAgeHours })}</TableCell>
                  <TableCell align="right" sx={row.late > 0 ? { color: 'error.main', fontWeight: 700 } : undefined}>
                    {row.late > 0 ? <Chip size="small" color="error" label={row.late} /> : row.late}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Panel>
      <Panel sx={{ minWidth: 0 }} id="activity-recovery-cases" title={translate('sup.activity.recovery_cases')}>
        {body.cases.recovery.length === 0 ? (
          <Typography color="text.secondary">{translate('sup.activity.no_cases')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('sup.activity.action')}</TableCell>
                <TableCell>{translate('sup.activity.status')}</TableCell>
                <TableCell align="right">{translate('sup.activity.count')}</TableCell>
                <TableCell align="right">{translate('sup.activity.oldest')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {body.cases.recovery.map(row => (
                <TableRow key={`${row.action}|${row.status}`}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{row.action}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{row.status}</TableCell>
                  <TableCell align="right">{row.count}</TableCell>
                  <TableCell align="right">{row.oldestAgeHours === null ? '—' : translate('sup.activity.hours', { h: row.oldestAgeHours })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Panel>

      <Panel sx={{ minWidth: 0 }} id="activity-queues" title={translate('sup.activity.queues')}>
        <Alert severity={body.queues.redis === 'up' ? 'success' : 'error'} sx={{ mb: 1 }}>
          {translate(body.queues.redis === 'up' ? 'sup.activity.redis_up' : 'sup.activity.redis_down')}
        </Alert>
        {body.queues.queues.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('sup.activity.queue')}</TableCell>
                  <TableCell align="right">{translate('sup.activity.waiting')}</TableCell>
                  <TableCell align="right">{translate('sup.activity.active')}</TableCell>
                  <TableCell align="right">{translate('sup.activity.failed_jobs')}</TableCell>
                  <TableCell align="right">{translate('sup.activity.delayed')}</TableCell>
                  <TableCell align="right">{translate('sup.activity.completed')}</TableCell>
                  <TableCell>{translate('sup.activity.oldest_waiting')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {body.queues.queues.map(q => (
                  <TableRow key={q.name}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{q.name}</TableCell>
                    <TableCell align="right">{q.waiting}</TableCell>
                    <TableCell align="right">{q.active}</TableCell>
                    <TableCell align="right" sx={q.failed > 0 ? { color: 'error.main', fontWeight: 700 } : undefined}>
                      {q.failed}
                    </TableCell>
                    <TableCell align="right">{q.delayed}</TableCell>
                    <TableCell align="right">{q.completed}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{q.oldestWaitingAt ? formatDateTime(q.oldestWaitingAt, locale) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Panel>
      <Panel sx={{ minWidth: 0 }} id="activity-mail" title={translate('sup.activity.mail')}>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', gap: 1.5 }}>
          <Figure label={translate('sup.activity.mail_pending')} value={body.outbox.byStatus.pending ?? 0} />
          <Figure label={translate('sup.activity.mail_sent')} value={body.outbox.byStatus.sent ?? 0} />
          <Figure label={translate('sup.activity.mail_failed')} value={body.outbox.byStatus.failed ?? 0} alarm />
          <Figure label={translate('sup.activity.mail_failed_24h')} value={body.outbox.failedLast24h} alarm />
        </Box>
      </Panel>

      <Box sx={{ gridColumn: '1 / -1', minWidth: 0 }}>
        <Panel sx={{ minWidth: 0 }} id="activity-table" title={translate('sup.activity.table')}>
          {body.activity.length === 0 ? (
            <Typography color="text.secondary">{translate('sup.activity.no_activity')}</Typography>
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('sup.activity.day')}</TableCell>
                    <TableCell>{translate('sup.activity.staff')}</TableCell>
                    {ACTIVITY_KINDS.map(kind => (
                      <TableCell key={kind} align="right">
                        {kindLabel(kind)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {body.activity.map(row => (
                    <TableRow key={`${row.day}|${row.staff}`}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.day}</TableCell>
                      <TableCell>{row.staff}</TableCell>
                      {ACTIVITY_KINDS.map(kind => (
                        <TableCell key={kind} align="right">
                          {row[kind] || ''}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
        </Panel>
      </Box>
    </Box>
  );
};

const Figure = ({ label, value, alarm }: { label: string; value: number; alarm?: boolean }) => (
  <Box sx={{ p: 1.5, borderRadius: 1, bgcolor: alarm && value > 0 ? 'rgba(211, 47, 47, 0.08)' : 'action.hover' }}>
    <Typography variant="h5" component="p" sx={{ color: alarm && value > 0 ? 'error.main' : undefined, fontWeight: 600 }}>
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
  </Box>
);
