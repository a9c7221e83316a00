import { lazy } from 'react';
import icon from '@mui/icons-material/ContactPhone';

// Screens load on first visit (react-admin's layout wraps them in <Suspense>): the menu only needs the icon.
export default {
  list: lazy(() => import('./AccountList').then((m) => ({ default: m.AccountList }))),
  show: lazy(() => import('./AccountShow').then((m) => ({ default: m.AccountShow }))),
  icon,
  recordRepresentation: 'customerId',
};
