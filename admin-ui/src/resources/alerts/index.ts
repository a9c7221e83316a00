import icon from '@mui/icons-material/NotificationImportant';
import { AlertList } from './AlertList';

export default {
  list: AlertList,
  icon,
  // No `resources.alerts.name` in the shared messages: the menu and titles use this label.
  options: { label: 'sup.alerts.menu' },
};
