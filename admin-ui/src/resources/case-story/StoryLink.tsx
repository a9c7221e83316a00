import { Button } from '@mui/material';
import StoryIcon from '@mui/icons-material/TimelineOutlined';
import { Link } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';

/** "Story": the account's or case's story on one page, for those who read the audit trail. */
export const StoryLink = ({ storyRef }: { storyRef: string }) => {
  const { canAccess } = useCanAccess({ action: 'list', resource: 'audit-events' });
  const translate = useTranslate();
  if (!canAccess) return null;
  return (
    <Button size="small" component={Link} to={`/case-stories/${encodeURIComponent(storyRef)}`} startIcon={<StoryIcon />}>
      {translate('story.link')}
    </Button>
  );
};
