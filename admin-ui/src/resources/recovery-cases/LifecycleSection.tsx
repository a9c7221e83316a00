import { Alert, Box } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { Item } from '../accounts/fields';
import { StaffName } from './fields';
import type { RecoveryCase } from './types';
import { Panel } from '../../common/Panel';
import { Code, When, Grid } from './caseParts';
import { HoldNotice } from './HoldNotice';

export const LifecycleSection = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Panel id="recovery-lifecycle-title" title={translate('recovery.show.lifecycle')}>
      <Box sx={{ display: 'grid', gap: 1, mb: 1.5 }}>
        {record.status === 'pending_approval' && <Alert severity="warning">{translate('recovery.show.pending')}</Alert>}
        {record.status === 'on_hold' && record.holdUntil && <HoldNotice holdUntil={record.holdUntil} />}
        {record.reportedAt && (
          <Alert severity="error">{translate('recovery.show.reported', { time: formatDateTime(record.reportedAt, locale) })}</Alert>
        )}
        {record.revertedAt && (
          <Alert severity="info">{translate('recovery.show.reverted', { time: formatDateTime(record.revertedAt, locale) })}</Alert>
        )}
        {record.closedCode ? (
          <Alert severity="info">{translate(`recovery.show.closed_codes.${record.closedCode}`)}</Alert>
        ) : (
          record.closedReason && <Alert severity="info">{translate('recovery.show.closed', { reason: record.closedReason })}</Alert>
        )}
      </Box>
      <Grid>
        <Item label={translate('recovery.fields.approvedBy')}>
          <StaffName id={record.approvedBy} />
        </Item>
        <Item label={translate('recovery.fields.approvedAt')}>
          <When iso={record.approvedAt} />
        </Item>
        <Item label={translate('recovery.fields.holdUntil')}>
          <When iso={record.holdUntil} />
        </Item>
        <Item label={translate('recovery.fields.executedAt')}>
          <When iso={record.executedAt} />
        </Item>
        <Item label={translate('recovery.fields.reportedAt')}>
          <When iso={record.reportedAt} />
        </Item>
        <Item label={translate('recovery.fields.revertedAt')}>
          <When iso={record.revertedAt} />
        </Item>
        <Item label={translate('recovery.fields.version')}>
          <Code>{record.version}</Code>
        </Item>
      </Grid>
    </Panel>
  );
};
