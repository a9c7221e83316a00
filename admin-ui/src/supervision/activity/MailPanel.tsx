import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import type { DashboardBody } from '../api';
import { Note } from '../../common/Note';

/** The outbox: mails by status and the failures of the last 24 hours. */
export const MailPanel = ({ body }: { body: DashboardBody }) => {
  const translate = useTranslate();
  return (
    <Panel sx={{ minWidth: 0 }} id="activity-mail" title={translate('sup.activity.mail')}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', gap: 1.5 }}>
        <Figure label={translate('sup.activity.mail_pending')} value={body.outbox.byStatus.pending ?? 0} />
        <Figure label={translate('sup.activity.mail_sent')} value={body.outbox.byStatus.sent ?? 0} />
        <Figure label={translate('sup.activity.mail_failed')} value={body.outbox.byStatus.failed ?? 0} alarm />
        <Figure label={translate('sup.activity.mail_failed_24h')} value={body.outbox.failedLast24h} alarm />
      </Box>
    </Panel>
  );
};

const Figure = ({ label, value, alarm }: { label: string; value: number; alarm?: boolean }) => (
  <Box sx={{ p: 1.5, borderRadius: 1, bgcolor: alarm && value > 0 ? 'rgba(211, 47, 47, 0.08)' : 'action.hover' }}>
    <Typography variant="h5" component="p" sx={{ color: alarm && value > 0 ? 'error.main' : undefined, fontWeight: 600 }}>
      {value}
    </Typography>
    <Note>{label}</Note>
  </Box>
);
