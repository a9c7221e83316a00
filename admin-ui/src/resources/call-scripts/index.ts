import icon from '@mui/icons-material/RecordVoiceOver';
import { CallScriptsPage } from './CallScriptsPage';

/** The call scripts, as a list-only resource so the menu offers it to whoever may `read` a `CallScript`. */
export default {
  list: CallScriptsPage,
  icon,
  options: { label: 'calls.scripts.menu' },
};
