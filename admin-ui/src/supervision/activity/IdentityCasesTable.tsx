import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import type { DashboardBody } from '../api';

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
  );
};
