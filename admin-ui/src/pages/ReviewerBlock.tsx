import { Box, Chip, Link as MuiLink, List, ListItem, ListItemText } from '@mui/material';
import { Link } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/UtcDateField';
import { monospace } from '../theme';
import type { ReviewerHome } from './homeApi';
import { HomeBlock, Count, Counts, listFilter } from './homeParts';
import { Note } from '../common/Note';

export const ReviewerBlock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <HomeBlock<ReviewerHome> role="reviewer">
      {(data) => (
        <>
          <Counts>
            <Count
              value={data.waiting}
              label={translate('calls.home.reviewer.waiting')}
              to={`/identity-cases${listFilter({ status: 'submitted' })}`}
            />
            <Count
              value={data.inReview}
              label={translate('calls.home.reviewer.in_review')}
              to={`/identity-cases${listFilter({ status: 'in_review' })}`}
            />
            <Count value={data.mine} label={translate('calls.home.reviewer.mine')} to="/identity-cases" />
            <Count
              value={data.awaitingReupload}
              label={translate('calls.home.reviewer.awaiting_reupload')}
              to={`/identity-cases${listFilter({ status: 'awaiting_reupload' })}`}
            />
            <Count
              value={data.near}
              label={translate('calls.home.reviewer.near', { hours: data.targetHours })}
              to="/identity-cases"
              tone="warning"
            />
            <Count
              value={data.past}
              label={translate('calls.home.reviewer.past', { hours: data.targetHours })}
              to="/identity-cases"
              tone="error"
            />
          </Counts>
          {data.cases.length === 0 ? (
            <Note>{translate('calls.home.reviewer.none_late', { hours: data.targetHours })}</Note>
          ) : (
            <List dense aria-label={translate('calls.home.reviewer.late_list')}>
              {data.cases.map((c) => (
                <ListItem key={c.id} disableGutters>
                  <ListItemText
                    primary={
                      <MuiLink component={Link} to={`/identity-cases/${c.id}/show`}>
                        {translate(`cases.purpose.${c.purpose}`, { _: c.purpose })}
                        {' · '}
                        <Box component="span" sx={{ fontFamily: monospace }}>
                          {c.customerId}
                        </Box>
                      </MuiLink>
                    }
                    secondary={translate(c.hoursLeft < 0 ? 'calls.home.reviewer.overdue' : 'calls.home.reviewer.due', {
                      hours: Math.abs(c.hoursLeft),
                      due: formatDateTime(c.dueAt, locale),
                      status: translate(`cases.status.${c.status}`, { _: c.status }),
                    })}
                  />
                  {c.mine && <Chip size="small" label={translate('calls.home.reviewer.yours')} />}
                </ListItem>
              ))}
            </List>
          )}
        </>
      )}
    </HomeBlock>
  );
};
