import icon from '@mui/icons-material/FactCheck';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

export { OpenCaseButton } from './OpenCaseButton';

export default {
  list: CaseList,
  show: CaseShow,
  icon,
  recordRepresentation: 'customerId',
  // No `resources.identity-cases.name` in the shared messages: the menu and titles use this label.
  options: { label: 'cases.menu' },
};
