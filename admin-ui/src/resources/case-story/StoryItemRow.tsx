import { Box, Chip, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import type { StoryItem } from './api';
import { ChainBadge } from './ChainBadge';
import { itemDetails, itemLabel } from './labels';
import { WhoText } from './WhoText';

const DOT: Record<StoryItem['kind'], string> = {
  audit: 'primary.main',
  mail: 'info.main',
  check: 'warning.main',
  document: 'secondary.main',
  decision: 'success.main',
};

/** One point of the timeline: when, what (translated), who, its case, its details and its chain state. */
export const StoryItemRow = ({ item }: { item: StoryItem }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box component="li" data-testid="story-item" data-kind={item.kind} sx={{ position: 'relative', pl: 3, pb: 2, listStyle: 'none' }}>
      <Box sx={{ position: 'absolute', left: -6, top: 6, width: 11, height: 11, borderRadius: '50%', bgcolor: DOT[item.kind] }} />
      <Typography
        component="time"
        variant="caption"
        color="text.secondary"
        dateTime={item.at}
        title={translate('rd.utc', { iso: item.at })}
      >
        {formatDateTime(item.at, locale)}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Chip size="small" label={translate(`story.kind.${item.kind}`)} />
        <Typography variant="body1" component="span" sx={{ fontWeight: 500 }} data-testid="story-label">
          {itemLabel(translate, item)}
        </Typography>
        {item.caseRef && item.caseKind && (
          <Typography variant="body2" component="span" color="text.secondary">
            {translate(`story.case.${item.caseKind}`)} <span style={{ fontFamily: monospace }}>{item.caseRef}</span>
          </Typography>
        )}
        {item.audit && <ChainBadge verified={item.audit.chain === 'verified'} />}
      </Box>
      <WhoText who={item.who} />
      {itemDetails(translate, item).length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {itemDetails(translate, item).join(' · ')}
        </Typography>
      )}
    </Box>
  );
};
