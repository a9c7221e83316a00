import icon from '@mui/icons-material/ManageAccounts';
import { RecoveryCaseList } from './RecoveryCaseList';
import { RecoveryCaseShow } from './RecoveryCaseShow';

export { AccountRecoveryPanel } from './AccountRecoveryPanel';
export { AccountRecoveryCases } from './AccountRecoveryCases';

export default {
  list: RecoveryCaseList,
  show: RecoveryCaseShow,
  icon,
  recordRepresentation: 'action',
  // No `resources.recovery-cases.name` in the shared messages: the menu and titles use this label.
  options: { label: 'recovery.menu' },
};
