import { Box, CircularProgress } from '@mui/material';
import { useRefresh, useShowContext, useTranslate } from 'react-admin';
import { useCanAccessKind } from './access';
import type { RecoveryCase } from './types';
import { CaseHeader } from './CaseHeader';
import { ChangeSection } from './ChangeSection';
import { LifecycleSection } from './LifecycleSection';
import { CaseAuditTrail } from './CaseAuditTrail';
import { CaseMails } from './CaseMails';

export const CaseWorkspace = () => {
  const { record, isPending } = useShowContext<RecoveryCase>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const audit = useCanAccessKind('list', 'audit-events');
  const mails = useCanAccessKind('list', 'mail-outbox');
  // Opened from the list, react-admin may first show the row; every field the page needs is in it anyway.
  if (isPending || !record) return <CircularProgress sx={{ m: 4 }} aria-label={translate('ra.page.loading')} />;

  return (
    <Box
      sx={{
        mt: 2,
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
        alignItems: 'start',
      }}
    >
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <CaseHeader record={record} onRefresh={refresh} />
        <ChangeSection record={record} />
        <LifecycleSection record={record} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        {audit.canAccess && <CaseAuditTrail record={record} />}
        {mails.canAccess && <CaseMails record={record} />}
      </Box>
    </Box>
  );
};
