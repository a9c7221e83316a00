import { TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import { ACTIVITY_KINDS, type ActivityKind, type DashboardBody } from '../api';
import { ScrollTable } from '../../common/ScrollTable';

/** Every day and staff member of the period, one column per kind of action. */
export const ActivityTable = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  const kindLabel = (kind: ActivityKind) => translate(`sup.activity.kind.${kind}`);
  return (
    <Panel sx={{ minWidth: 0 }} id="activity-table" title={translate('sup.activity.table')}>
      {body.activity.length === 0 ? (
        <Typography color="text.secondary">{translate('sup.activity.no_activity')}</Typography>
      ) : (
        <ScrollTable>
          <TableHead>
            <TableRow>
              <TableCell>{translate('sup.activity.day')}</TableCell>
              <TableCell>{translate('sup.activity.staff')}</TableCell>
              {ACTIVITY_KINDS.map((kind) => (
                <TableCell key={kind} align="right">
                  {kindLabel(kind)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {body.activity.map((row) => (
              <TableRow key={`${row.day}|${row.staff}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.day}</TableCell>
                <TableCell>{row.staff}</TableCell>
                {ACTIVITY_KINDS.map((kind) => (
                  <TableCell key={kind} align="right">
                    {row[kind] || ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
    </Panel>
  );
};
