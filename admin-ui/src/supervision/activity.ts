import { lazy } from 'react';
import icon from '@mui/icons-material/Insights';

/**
 * The activity board, as a list-only resource so the menu offers it to whoever may `read` a `Dashboard`. Loaded on
 * first visit: its charts (recharts and d3, the heaviest code of the console) never reach the other screens.
 */
export default {
  list: lazy(() => import('./ActivityPage').then((m) => ({ default: m.ActivityPage }))),
  icon,
  options: { label: 'sup.activity.menu' },
};
