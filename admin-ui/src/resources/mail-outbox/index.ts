import { lazy } from 'react';
import icon from '@mui/icons-material/Outbox';

// No show page: the API has no `GET /api/mail-outbox/:id`, and the list already says all there is to see.
// Loaded on first visit: the menu only needs the icon.
export default {
  list: lazy(() => import('./OutboxList').then((m) => ({ default: m.OutboxList }))),
  icon,
  recordRepresentation: 'template',
};
