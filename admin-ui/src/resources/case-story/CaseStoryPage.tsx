import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useParams } from 'react-router-dom';
import { Title, useTranslate } from 'react-admin';
import { Panel } from '../../common/Panel';
import { apiErrorOf } from '../../providers/http';
import { monospace } from '../../theme';
import { useCaseStory } from './api';
import { ChainBadge } from './ChainBadge';
import { EvidenceLinks } from './EvidenceLinks';
import { StoryItemRow } from './StoryItemRow';

/** `/case-stories/:ref`: an account's or a case's story on one page, oldest first, with its chain verification. */
export const CaseStoryPage = () => {
  const { ref = '' } = useParams();
  const translate = useTranslate();
  const { data, error, isPending } = useCaseStory(ref);
  if (isPending) return <CircularProgress aria-label={translate('ra.page.loading')} sx={{ m: 4 }} />;
  if (error || !data) return <Alert severity="error">{apiErrorOf(error).message}</Alert>;
  const subject = translate(`story.subject.${data.subject.kind}`, { ref: data.subject.ref });
  return (
    <Stack spacing={2} sx={{ my: 2 }}>
      <Title title={translate('story.title', { subject })} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {translate('story.title', { subject })}
        </Typography>
        {data.subject.customerId && data.subject.kind !== 'account' && (
          <Typography variant="h6" component="span" sx={{ fontFamily: monospace }}>
            {data.subject.customerId}
          </Typography>
        )}
        <ChainBadge verified={data.chain.verified} count={data.chain.entries} brokenAt={data.chain.firstBrokenId} />
      </Box>
      {data.truncated && <Alert severity="warning">{translate('story.truncated')}</Alert>}
      <Panel id="story-evidence" title={translate('story.evidence.title')}>
        <EvidenceLinks cases={data.cases} />
      </Panel>
      <Panel id="story-timeline" title={translate('story.timeline', { smart_count: data.items.length })}>
        {data.items.length === 0 ? (
          <Typography color="text.secondary">{translate('story.empty')}</Typography>
        ) : (
          <Box component="ol" sx={{ m: 0, ml: 1, p: 0, borderLeft: 2, borderColor: 'divider' }}>
            {data.items.map((item, i) => (
              <StoryItemRow key={`${item.kind}-${item.audit?.id ?? i}`} item={item} />
            ))}
          </Box>
        )}
      </Panel>
    </Stack>
  );
};
