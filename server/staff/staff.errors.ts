import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the staff module: code → English message (`%{param}` filled from the error's params). */
const MESSAGES = {
  not_found: 'No staff member with this id',
  nothing_to_change: 'Nothing to change',
  own_roles: 'Nobody changes their own roles or status',
  may_not_change: 'You may not change this staff member',
  email_taken: 'A staff member with this email exists already',
  already_enrolled: 'This staff member has enrolled already: reset their second factor instead',
  disabled: 'This staff member is disabled',
  own_mfa_reset: 'Nobody resets their own second factor',
  mfa_reset_pending: 'A reset of this second factor is already waiting for confirmation',
  mfa_reset_not_found: 'No open reset request with this id',
  mfa_reset_own_request: 'You asked for this reset: another admin must confirm it',
  role_request_pending: 'A role change for this staff member is already waiting for confirmation',
  role_request_not_found: 'No open role request with this id',
  role_request_own_request: 'You asked for this role change: another admin must confirm it',
  own_role_request: 'Nobody confirms a role change of their own',
  roles_changed: 'The roles of this staff member changed since the request: refuse it and ask again',
  wrong_code: 'Wrong code',
  password_contains_email: 'Choose another password',
  wrong_password: 'Wrong password',
  link_invalid: 'This link is not valid',
  link_used: 'This link was used already',
  link_expired: 'This link has expired: ask an administrator for a new one',
  link_revoked: 'This link can no longer be used',
};

export type StaffErrorCode = keyof typeof MESSAGES;

export function staffStatus(code: StaffErrorCode): ErrorStatus {
  switch (code) {
    case 'nothing_to_change':
    case 'wrong_code':
    case 'password_contains_email':
    case 'wrong_password':
      return 'invalid';
    case 'own_roles':
    case 'may_not_change':
    case 'own_mfa_reset':
    case 'mfa_reset_own_request':
    case 'role_request_own_request':
    case 'own_role_request':
      return 'forbidden';
    case 'not_found':
    case 'mfa_reset_not_found':
    case 'role_request_not_found':
    case 'link_invalid':
      return 'not_found';
    case 'email_taken':
    case 'already_enrolled':
    case 'disabled':
    case 'mfa_reset_pending':
    case 'role_request_pending':
    case 'roles_changed':
      return 'conflict';
    case 'link_used':
    case 'link_expired':
    case 'link_revoked':
      return 'gone';
    default:
      return unhandledCode(code);
  }
}

export const staffError = errorCatalogue('staff', MESSAGES, staffStatus);
