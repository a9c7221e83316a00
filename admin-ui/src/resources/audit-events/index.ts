import { lazy } from 'react';
import icon from '@mui/icons-material/History';

// Loaded on first visit: the menu only needs the icon.
export default {
  list: lazy(() => import('./AuditEventList').then((m) => ({ default: m.AuditEventList }))),
  show: lazy(() => import('./AuditEventShow').then((m) => ({ default: m.AuditEventShow }))),
  icon,
  recordRepresentation: 'action',
};
