import { Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { CaseStatusChip, FlagChips, ReviewerText, TimeLeft } from './fields';
import { type CaseDetail } from './types';
import { ClaimArea } from './ClaimArea';
import { StoryLink } from '../case-story/StoryLink';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
      {children}
    </Box>
  </>
);

export const CaseHeader = ({
  record,
  canReview,
  mine,
  onChange,
}: {
  record: CaseDetail;
  canReview: boolean;
  mine: boolean;
  onChange(): void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '—');
  return (
    <Card component="section" aria-labelledby="case-title">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1.5 }}>
          <Typography id="case-title" variant="h6" component="h2" sx={{ fontFamily: monospace }}>
            {record.customerId}
          </Typography>
          <CaseStatusChip status={record.status} />
          <Chip size="small" variant="outlined" label={translate(`cases.purpose.${record.purpose}`, { _: record.purpose })} />
          <Box sx={{ flex: 1 }} />
          <StoryLink storyRef={record.id} />
          <Button size="small" startIcon={<RefreshIcon />} onClick={onChange}>
            {translate('cases.show.refresh')}
          </Button>
        </Box>
        <FlagChips flags={record.fraudFlags} />
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, my: 1.5 }}
        >
          <Row label={translate('cases.fields.accountType')}>
            <Typography variant="body2">{translate(`cases.account_type.${record.accountType}`, { _: record.accountType })}</Typography>
          </Row>
          <Row label={translate('cases.fields.channel')}>
            <Typography variant="body2">{translate(`cases.channel.${record.channel}`, { _: record.channel })}</Typography>
          </Row>
          <Row label={translate('cases.fields.contactEmailConfirmed')}>
            <Typography variant="body2" color={record.contactEmailConfirmed ? undefined : 'warning.dark'}>
              {translate(record.contactEmailConfirmed ? 'cases.email.confirmed' : 'cases.email.not_confirmed')}
            </Typography>
          </Row>
          <Row label={translate('cases.fields.createdAt')}>
            <Typography variant="body2">{when(record.createdAt)}</Typography>
          </Row>
          <Row label={translate('cases.fields.submittedAt')}>
            <Typography variant="body2">{when(record.submittedAt)}</Typography>
          </Row>
          <Row label={translate('cases.fields.dueAt')}>
            <Typography variant="body2">{when(record.dueAt)}</Typography>
          </Row>
          <Row label={translate('cases.fields.timeLeft')}>
            <TimeLeft record={record} />
          </Row>
          {record.decidedAt && (
            <Row label={translate('cases.fields.decidedAt')}>
              <Typography variant="body2">{when(record.decidedAt)}</Typography>
            </Row>
          )}
          <Row label={translate('cases.fields.reviewer')}>
            <ReviewerText reviewerId={record.reviewerId} />
          </Row>
        </Box>
        {canReview && <ClaimArea record={record} mine={mine} onClaimed={onChange} />}
      </CardContent>
    </Card>
  );
};
