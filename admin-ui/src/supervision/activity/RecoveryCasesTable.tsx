import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import type { DashboardBody } from '../api';
import { TableHeader } from '../../common/TableHeader';

/** Recovery cases by action and status. */
export const RecoveryCasesTable = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  return (
    <Panel sx={{ minWidth: 0 }} id="activity-recovery-cases" title={translate('sup.activity.recovery_cases')}>
      {body.cases.recovery.length === 0 ? (
        <Typography color="text.secondary">{translate('sup.activity.no_cases')}</Typography>
      ) : (
        <Table size="small">
          <TableHeader
            columns={[
              translate('sup.activity.action'),
              translate('sup.activity.status'),
              { label: translate('sup.activity.count'), align: 'right' },
              { label: translate('sup.activity.oldest'), align: 'right' },
            ]}
          />
          <TableBody>
            {body.cases.recovery.map((row) => (
              <TableRow key={`${row.action}|${row.status}`}>
                <TableCell>{translate(`recovery.action.${row.action}`, { _: row.action })}</TableCell>
                <TableCell>{translate(`recovery.status.${row.status}`, { _: row.status })}</TableCell>
                <TableCell align="right">{row.count}</TableCell>
                <TableCell align="right">
                  {row.oldestAgeHours === null ? '—' : translate('sup.activity.hours', { h: row.oldestAgeHours })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
};
