import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { StoryItem } from './api';

/** Who did it: a staff member by email and roles, or the customer, or the system. */
export const WhoText = ({ who }: { who: StoryItem['who'] }) => {
  const translate = useTranslate();
  if (who.kind !== 'staff') return <Typography variant="body2">{translate(`story.who.${who.kind}`)}</Typography>;
  const roles = who.roles.map((r) => translate(`rd.roles.${r}`, { _: r })).join(', ');
  return (
    <Typography variant="body2">
      {who.email}
      {roles && (
        <Typography component="span" variant="body2" color="text.secondary">
          {` (${roles})`}
        </Typography>
      )}
    </Typography>
  );
};
