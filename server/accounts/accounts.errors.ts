import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the accounts module: code → English message (`%{param}` filled from the error's params). */
const MESSAGES = {
  not_found: 'No account with this id',
  search_too_short: 'Type at least 3 characters of a name, or a full customer ID, email or phone number',
  search_too_broad:
    'This name matches too many accounts to answer quickly (over %{ms} ms): refine your search with more of the name, or search by customer ID, email or phone number',
  locked: 'This account is locked: no recovery action until a supervisor unlocks it',
  already_locked: 'This account is already locked',
  not_locked: 'This account is not locked',
  caller_not_verified: 'Verify the caller on this call first (a code read back): an agent blocks only the caller’s own account',
  verification_not_found: 'No verification with this id',
  verification_other_account: 'This verification belongs to another account',
  verification_expired: 'This call’s verification has expired; start a new one for the call',
  code_checks_locked: 'Too many wrong codes on this call: code checks are locked for it',
  no_code_sent: 'No code is waiting for this call: send one first',
  too_many_codes: 'At most %{max} codes can be sent during one call',
  no_backup_email: 'This account has no backup email: send the code to the primary email, or use the documents procedure',
  stated_tries_exhausted: 'No more tries for %{field} on this call (%{max} at most)',
  stated_throttled: 'No more stated-value tries on this account for now, whatever the call; try again in %{hours} hour(s)',
  contact_masked: 'The caller has not passed a code check on this call: contact data stays masked',
  call_script_not_found: 'No call script with this key',
  unknown_placeholder: 'Invalid call script',
  invalid_script: 'Invalid call script',
};

export type AccountsErrorCode = keyof typeof MESSAGES;

export function accountsStatus(code: AccountsErrorCode): ErrorStatus {
  switch (code) {
    case 'search_too_short':
      return 'invalid';
    case 'caller_not_verified':
    case 'contact_masked':
      return 'forbidden';
    case 'not_found':
    case 'verification_not_found':
    case 'call_script_not_found':
      return 'not_found';
    case 'locked':
    case 'already_locked':
    case 'not_locked':
    case 'verification_expired':
    case 'code_checks_locked':
    case 'no_code_sent':
    case 'too_many_codes':
    case 'stated_tries_exhausted':
      return 'conflict';
    case 'search_too_broad':
    case 'verification_other_account':
    case 'no_backup_email':
    case 'unknown_placeholder':
    case 'invalid_script':
      return 'unprocessable';
    case 'stated_throttled':
      return 'throttled';
    default:
      return unhandledCode(code);
  }
}

export const accountsError = errorCatalogue('accounts', MESSAGES, accountsStatus);
