import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the audit module: code → English message. */
const MESSAGES = {
  entry_not_found: 'No audit entry with this id',
  action_invalid: 'Not an action nor a family of actions (`recovery.*`): %{action}',
  customer_id_invalid: 'Not a customer ID: %{customerId}',
  target_unrecognised: 'Search a target by customer ID, staff email or case number (8 characters)',
  time_range_invalid: 'The start of the time range must be before its end',
  saved_search_not_found: 'No saved search with this id',
  saved_search_name_taken: 'You already have a saved search named %{name}',
  saved_search_limit: 'At most %{max} saved searches each: delete one first',
  saved_search_query_invalid: 'A saved search holds only the audit list’s filters: %{param}',
};

export type AuditErrorCode = keyof typeof MESSAGES;

export function auditStatus(code: AuditErrorCode): ErrorStatus {
  switch (code) {
    case 'action_invalid':
    case 'customer_id_invalid':
    case 'target_unrecognised':
    case 'time_range_invalid':
    case 'saved_search_query_invalid':
      return 'invalid';
    case 'entry_not_found':
    case 'saved_search_not_found':
      return 'not_found';
    case 'saved_search_name_taken':
    case 'saved_search_limit':
      return 'conflict';
    default:
      return unhandledCode(code);
  }
}

export const auditError = errorCatalogue('audit', MESSAGES, auditStatus);
