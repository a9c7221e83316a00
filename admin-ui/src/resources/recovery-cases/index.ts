import { lazy } from 'react';
import icon from '@mui/icons-material/ManageAccounts';

// Loaded on first visit: the menu only needs the icon. The account page imports its panels from their own files.
export default {
  list: lazy(() => import('./RecoveryCaseList').then((m) => ({ default: m.RecoveryCaseList }))),
  show: lazy(() => import('./RecoveryCaseShow').then((m) => ({ default: m.RecoveryCaseShow }))),
  icon,
  recordRepresentation: 'action',
  // No `resources.recovery-cases.name` in the shared messages: the menu and titles use this label.
  options: { label: 'recovery.menu' },
};
