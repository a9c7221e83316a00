import { lazy } from 'react';
import { Box, Typography } from '@mui/material';
import { Title, useCanAccess, useGetIdentity, useTranslate } from 'react-admin';
import { AgentBlock } from './AgentBlock';

// The agent's block is the first screen of most sessions and stays in the main bundle; the other roles' blocks load
// when their role shows them (inside the layout's <Suspense>).
const ReviewerBlock = lazy(() => import('./ReviewerBlock').then((m) => ({ default: m.ReviewerBlock })));
const SupervisorBlock = lazy(() => import('./SupervisorBlock').then((m) => ({ default: m.SupervisorBlock })));
const AdminBlock = lazy(() => import('./AdminBlock').then((m) => ({ default: m.AdminBlock })));

/**
 * The home page of each role: an agent lands on the search box and the calls of their day, a reviewer on the
 * queue and the cases near or past 72 h, a supervisor on what waits for them, an admin on staff requests. A
 * person with several roles sees each block they may see.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const agent = useCanAccess({ action: 'create', resource: 'verifications' });
  const reviewer = useCanAccess({ action: 'review', resource: 'identity-cases' });
  const supervisor = useCanAccess({ action: 'approve', resource: 'recovery-cases' });
  const admin = useCanAccess({ action: 'edit', resource: 'staff' });
  const pending = agent.isPending || reviewer.isPending || supervisor.isPending || admin.isPending;
  const none = !pending && !agent.canAccess && !reviewer.canAccess && !supervisor.canAccess && !admin.canAccess;

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }} aria-busy={pending}>
      <Title title={translate('rd.dashboard.title')} />
      <Typography variant="h5" component="h1">
        {identity?.fullName ? translate('rd.dashboard.greeting', { name: identity.fullName }) : translate('rd.dashboard.title')}
      </Typography>
      {agent.canAccess && <AgentBlock />}
      {reviewer.canAccess && <ReviewerBlock />}
      {supervisor.canAccess && <SupervisorBlock />}
      {admin.canAccess && <AdminBlock />}
      {none && <Typography color="text.secondary">{translate('rd.dashboard.hint')}</Typography>}
    </Box>
  );
};
