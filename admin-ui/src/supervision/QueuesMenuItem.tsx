import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import QueueIcon from '@mui/icons-material/DynamicFeed';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { useCanAccess, useSidebarState, useTranslate } from 'react-admin';
import { QUEUES_DASHBOARD_URL } from './api';

/** Administrators: the BullMQ dashboard the server mounts under the API, in a new tab. */
export const QueuesMenuItem = () => {
  const { canAccess } = useCanAccess({ action: 'read', resource: 'queues' });
  const translate = useTranslate();
  const [open] = useSidebarState();
  if (!canAccess) return null;
  return (
    <MenuItem component="a" href={QUEUES_DASHBOARD_URL} target="_blank" rel="noopener noreferrer" role="menuitem">
      <ListItemIcon sx={{ minWidth: 40 }}>
        <QueueIcon fontSize="small" />
      </ListItemIcon>
      {open && <ListItemText primary={translate('sup.queues.menu')} />}
      {open && <OpenInNewIcon fontSize="inherit" sx={{ ml: 1, color: 'text.secondary' }} />}
    </MenuItem>
  );
};
