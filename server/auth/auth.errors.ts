import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the auth module: code → English message (`%{param}` filled from the error's params). */
const MESSAGES = {
  invalid_credentials: 'Wrong email, password or code',
  login_throttled: 'Too many failed sign-in attempts; try again in %{minutes} minute(s)',
  session_missing: 'Sign in to continue',
  session_expired: 'Your session has expired; sign in again',
  staff_disabled: 'This staff account is disabled',
  route_closed: 'This route declares no permission and is closed',
  permission_denied: 'You do not have permission to do this',
  local_login_off: "Sign-in with a password is switched off here: use your company's sign-in",
};

export type AuthErrorCode = keyof typeof MESSAGES;

export function authStatus(code: AuthErrorCode): ErrorStatus {
  switch (code) {
    case 'invalid_credentials':
    case 'session_missing':
    case 'session_expired':
    case 'staff_disabled':
      return 'unauthenticated';
    case 'route_closed':
    case 'permission_denied':
    case 'local_login_off':
      return 'forbidden';
    case 'login_throttled':
      return 'throttled';
    default:
      return unhandledCode(code);
  }
}

export const authError = errorCatalogue('auth', MESSAGES, authStatus);
