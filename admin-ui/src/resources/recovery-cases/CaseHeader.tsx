import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useTranslate } from 'react-admin';
import { Item } from '../accounts/fields';
import { CaseButtons } from './CaseButtons';
import { StoryLink } from '../case-story/StoryLink';
import { AccountCustomerId, RecoveryStatusChips, StaffName } from './fields';
import type { RecoveryCase } from './types';
import { Code, When, Grid } from './caseParts';

export const CaseHeader = ({ record, onRefresh }: { record: RecoveryCase; onRefresh(): void }) => {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="recovery-case-title">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography id="recovery-case-title" variant="h5" component="h1">
            {translate(`recovery.action.${record.action}`, { _: record.action })}
          </Typography>
          <RecoveryStatusChips record={record} />
          <Box sx={{ flex: 1 }} />
          <StoryLink storyRef={record.id} />
          <Button size="small" startIcon={<RefreshIcon />} onClick={onRefresh}>
            {translate('recovery.show.refresh')}
          </Button>
        </Box>
        <Box sx={{ mt: 1.5 }}>
          <Grid>
            <Item label={translate('recovery.fields.customerId')}>
              <AccountCustomerId accountId={record.accountId} />
            </Item>
            <Item label={translate('recovery.fields.createdAt')}>
              <When iso={record.createdAt} />
            </Item>
            <Item label={translate('recovery.fields.openedBy')}>
              <StaffName id={record.openedBy} />
            </Item>
            <Item label={translate('recovery.fields.callReference')}>
              <Code>{record.callReference}</Code>
            </Item>
          </Grid>
          <Box sx={{ mt: 1.5 }}>
            <Item label={translate('recovery.fields.reason')}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {record.reason}
              </Typography>
            </Item>
          </Box>
        </Box>
        <CaseButtons record={record} />
      </CardContent>
    </Card>
  );
};
