import icon from '@mui/icons-material/Outbox';
import { OutboxList } from './OutboxList';

// No show page: the API has no `GET /api/mail-outbox/:id`, and the list already says all there is to see.
export default {
  list: OutboxList,
  icon,
  recordRepresentation: 'template',
};
