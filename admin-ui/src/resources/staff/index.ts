import icon from '@mui/icons-material/Badge';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export default {
  list: StaffList,
  show: StaffShow,
  icon,
  recordRepresentation: 'email',
};
