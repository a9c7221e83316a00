import { lazy } from 'react';
import icon from '@mui/icons-material/Badge';

// Admin screens, loaded on first visit: the menu only needs the icon.
export default {
  list: lazy(() => import('./StaffList').then((m) => ({ default: m.StaffList }))),
  show: lazy(() => import('./StaffShow').then((m) => ({ default: m.StaffShow }))),
  create: lazy(() => import('./StaffCreate').then((m) => ({ default: m.StaffCreate }))),
  icon,
  recordRepresentation: 'email',
};
