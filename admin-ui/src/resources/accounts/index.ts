import icon from '@mui/icons-material/ContactPhone';
import { AccountList } from './AccountList';
import { AccountShow } from './AccountShow';

export default {
  list: AccountList,
  show: AccountShow,
  icon,
  recordRepresentation: 'customerId',
};
