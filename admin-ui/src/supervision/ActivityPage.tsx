import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { apiErrorOf } from '../providers/http';
import { supervisionApi, type DashboardBody } from './api';
import { Board } from './activity/Board';
import { DAY_MS, periodOf, startOfUtcDay } from './activity/period';

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
  // Loading until the answer for the period asked last has come: derived, so the effect sets no state itself.
  const [answered, setAnswered] = useState<typeof period | null>(null);
  const loading = answered !== period;

  const load = useCallback((p: { from: string; to: string }) => {
    const from = startOfUtcDay(p.from).toISOString();
    const to = new Date(startOfUtcDay(p.to).getTime() + DAY_MS).toISOString();
    return supervisionApi
      .dashboard(from, to)
      .then(
        (next) => {
          setBody(next);
          setError(null);
        },
        (e: unknown) => {
          const { message, errors } = apiErrorOf(e);
          setError(errors.from ?? errors.to ?? message);
        },
      )
      .finally(() => setAnswered(p));
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
        {(['from', 'to'] as const).map((bound) => (
          <TextField
            key={bound}
            type="date"
            fullWidth={false}
            sx={{ width: 180 }}
            size="small"
            name={bound}
            label={translate(`sup.activity.${bound}`)}
            value={draft[bound]}
            onChange={(e) => setDraft({ ...draft, [bound]: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        ))}
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
