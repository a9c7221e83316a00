import icon from '@mui/icons-material/Insights';
import { ActivityPage } from './ActivityPage';

/** The activity board, as a list-only resource so the menu offers it to whoever may `read` a `Dashboard`. */
export default {
  list: ActivityPage,
  icon,
  options: { label: 'sup.activity.menu' },
};
