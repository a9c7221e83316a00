import { useMemo } from 'react';
import { Box, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import { ACTIVITY_KINDS, type ActivityKind, type DashboardBody } from '../api';
import { COLORS, daysOf } from './period';

/** Sensitive actions per day, stacked by kind; a quiet day is an empty bar. */
export const PerDayChart = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  const kindLabel = (kind: ActivityKind) => translate(`sup.activity.kind.${kind}`);
  const perDay = useMemo(() => {
    const empty = (day: string): Record<string, number | string> => ({ day, ...Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) });
    const days = new Map(daysOf(body.from, body.to).map((day) => [day, empty(day)]));
    for (const row of body.activity) {
      const entry = days.get(row.day) ?? empty(row.day);
      for (const kind of ACTIVITY_KINDS) entry[kind] = Number(entry[kind] ?? 0) + (row[kind] ?? 0);
      days.set(row.day, entry);
    }
    return [...days.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  }, [body]);

  return (
    <Panel sx={{ minWidth: 0 }} id="activity-per-day" title={translate('sup.activity.per_day')}>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('sup.activity.period', {
          from: body.from.slice(0, 10),
          to: new Date(new Date(body.to).getTime() - 1).toISOString().slice(0, 10),
        })}
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
              {ACTIVITY_KINDS.map((kind) => (
                <Bar key={kind} dataKey={kind} name={kindLabel(kind)} stackId="a" fill={COLORS[kind]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Panel>
  );
};
