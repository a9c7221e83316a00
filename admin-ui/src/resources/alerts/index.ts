import { lazy } from 'react';
import icon from '@mui/icons-material/NotificationImportant';

// Loaded on first visit: the menu only needs the icon.
export default {
  list: lazy(() => import('./AlertList').then((m) => ({ default: m.AlertList }))),
  icon,
  // No `resources.alerts.name` in the shared messages: the menu and titles use this label.
  options: { label: 'sup.alerts.menu' },
};
