import { Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import type { DashboardBody } from '../api';
import { TableHeader } from '../../common/TableHeader';

/** Identity cases by status against the review target. */
export const IdentityCasesTable = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  const lateHours = body.cases.reviewTargetHours;
  return (
    <Panel sx={{ minWidth: 0 }} id="activity-identity-cases" title={translate('sup.activity.identity_cases')}>
      {body.cases.identity.length === 0 ? (
        <Typography color="text.secondary">{translate('sup.activity.no_cases')}</Typography>
      ) : (
        <Table size="small">
          <TableHeader
            columns={[
              translate('sup.activity.status'),
              { label: translate('sup.activity.count'), align: 'right' },
              { label: translate('sup.activity.oldest'), align: 'right' },
              { label: translate('sup.activity.late', { hours: lateHours }), align: 'right' },
            ]}
          />
          <TableBody>
            {body.cases.identity.map((row) => (
              <TableRow key={row.status} sx={row.late > 0 ? { bgcolor: 'rgba(211, 47, 47, 0.08)' } : undefined}>
                <TableCell>{translate(`cases.status.${row.status}`, { _: row.status })}</TableCell>
                <TableCell align="right">{row.count}</TableCell>
                <TableCell align="right">
                  {row.oldestAgeHours === null ? '—' : translate('sup.activity.hours', { h: row.oldestAgeHours })}
                </TableCell>
                <TableCell align="right" sx={row.late > 0 ? { color: 'error.main', fontWeight: 700 } : undefined}>
                  {row.late > 0 ? <Chip size="small" color="error" label={row.late} /> : row.late}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
};
