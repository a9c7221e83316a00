import { lazy } from 'react';
import icon from '@mui/icons-material/RecordVoiceOver';

/** The call scripts, as a list-only resource so the menu offers it to whoever may `read` a `CallScript` (loaded on first visit). */
export default {
  list: lazy(() => import('./CallScriptsPage').then((m) => ({ default: m.CallScriptsPage }))),
  icon,
  options: { label: 'calls.scripts.menu' },
};
