import { useMemo } from 'react';
import { Box, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import type { ActivityKind, DashboardBody } from '../api';
import { COLORS } from './period';

/** Swaps and unmasks per staff member, the busiest first. */
export const PerStaffChart = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  const kindLabel = (kind: ActivityKind) => translate(`sup.activity.kind.${kind}`);
  const perStaff = useMemo(() => {
    const byStaff = new Map<string, { staff: string; swaps: number; unmasks: number }>();
    for (const row of body.activity) {
      const entry = byStaff.get(row.staff) ?? { staff: row.staff, swaps: 0, unmasks: 0 };
      entry.swaps += row.swaps;
      entry.unmasks += row.unmasks;
      byStaff.set(row.staff, entry);
    }
    return [...byStaff.values()].filter((e) => e.swaps + e.unmasks > 0).sort((a, b) => b.swaps + b.unmasks - (a.swaps + a.unmasks));
  }, [body]);

  return (
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
  );
};
