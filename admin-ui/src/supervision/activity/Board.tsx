import { Box } from '@mui/material';
import type { DashboardBody } from '../api';
import { ActivityTable } from './ActivityTable';
import { IdentityCasesTable } from './IdentityCasesTable';
import { MailPanel } from './MailPanel';
import { PerDayChart } from './PerDayChart';
import { PerStaffChart } from './PerStaffChart';
import { QueuesPanel } from './QueuesPanel';
import { RecoveryCasesTable } from './RecoveryCasesTable';
import { WebhooksPanel } from './WebhooksPanel';

/** The board's panels, two columns on wide screens; the activity table spans both. */
export const Board = ({ body }: { body: DashboardBody }) => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0,1fr)', lg: 'minmax(0,3fr) minmax(0,2fr)' } }}>
    <PerDayChart body={body} />
    <PerStaffChart body={body} />
    <IdentityCasesTable body={body} />
    <RecoveryCasesTable body={body} />
    <QueuesPanel body={body} />
    <MailPanel body={body} />
    <WebhooksPanel />
    <Box sx={{ gridColumn: '1 / -1', minWidth: 0 }}>
      <ActivityTable body={body} />
    </Box>
  </Box>
);
