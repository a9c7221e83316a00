import icon from '@mui/icons-material/Badge';
import { StaffCreate } from './StaffCreate';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export default {
  list: StaffList,
  show: StaffShow,
  create: StaffCreate,
  icon,
  recordRepresentation: 'email',
};
