import { Alert, TableBody, TableCell, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import { formatDateTime } from '../../fields/UtcDateField';
import type { DashboardBody } from '../api';
import { TableHeader } from '../../common/TableHeader';
import { ScrollTable } from '../../common/ScrollTable';

/** Redis and the job queues: backlog, failures, the oldest waiting job. */
export const QueuesPanel = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Panel sx={{ minWidth: 0 }} id="activity-queues" title={translate('sup.activity.queues')}>
      <Alert severity={body.queues.redis === 'up' ? 'success' : 'error'} sx={{ mb: 1 }}>
        {translate(body.queues.redis === 'up' ? 'sup.activity.redis_up' : 'sup.activity.redis_down')}
      </Alert>
      {body.queues.queues.length > 0 && (
        <ScrollTable>
          <TableHeader
            columns={[
              translate('sup.activity.queue'),
              { label: translate('sup.activity.waiting'), align: 'right' },
              { label: translate('sup.activity.active'), align: 'right' },
              { label: translate('sup.activity.failed_jobs'), align: 'right' },
              { label: translate('sup.activity.delayed'), align: 'right' },
              { label: translate('sup.activity.completed'), align: 'right' },
              translate('sup.activity.oldest_waiting'),
            ]}
          />
          <TableBody>
            {body.queues.queues.map((q) => (
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
        </ScrollTable>
      )}
    </Panel>
  );
};
