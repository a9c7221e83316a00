import { lazy } from 'react';
import icon from '@mui/icons-material/FactCheck';

// Reviewer screens, loaded on first visit: the menu only needs the icon.
export default {
  list: lazy(() => import('./CaseList').then((m) => ({ default: m.CaseList }))),
  show: lazy(() => import('./CaseShow').then((m) => ({ default: m.CaseShow }))),
  icon,
  recordRepresentation: 'customerId',
  // No `resources.identity-cases.name` in the shared messages: the menu and titles use this label.
  options: { label: 'cases.menu' },
};
