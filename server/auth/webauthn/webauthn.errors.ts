import { errorCatalogue, ErrorStatus, unhandledCode } from '../../core/http/errors';

/** Every refusal about staff security keys (WebAuthn): code → English message. */
const MESSAGES = {
  key_required: 'Your role requires signing in with a security key, not a code',
  key_enrolment_required: 'Your role requires a security key: enrol one now, then sign in with it',
  no_key: 'No security key is enrolled for this account: sign in with your code',
  first_key_not_due: 'Sign in, then enrol your security keys from your settings',
  challenge_gone: 'This security key request was used already or has expired: start again',
  registration_failed: 'The security key could not be enrolled: try again',
  wrong_password: 'Wrong password',
  authentication_failed: 'The security key was not accepted',
  key_exists: 'This security key is enrolled already',
  too_many_keys: 'At most %{max} security keys per person: remove one first',
  key_not_found: 'No security key with this id',
  last_required_key: 'Your role requires a security key: enrol another one before removing this one',
  staff_not_found: 'No staff member with this id',
  own_key_reset: 'Nobody resets their own security keys',
  key_reset_pending: 'A reset of these security keys is already waiting for confirmation',
  key_reset_not_found: 'No open security key reset with this id',
  key_reset_own_request: 'You asked for this reset: another admin must confirm it',
};

export type WebauthnErrorCode = keyof typeof MESSAGES;

export function webauthnStatus(code: WebauthnErrorCode): ErrorStatus {
  switch (code) {
    case 'key_required':
    case 'key_enrolment_required':
    case 'own_key_reset':
    case 'key_reset_own_request':
      return 'forbidden';
    case 'authentication_failed':
      return 'unauthenticated';
    case 'registration_failed':
    case 'wrong_password':
      return 'invalid';
    case 'key_not_found':
    case 'staff_not_found':
    case 'key_reset_not_found':
      return 'not_found';
    case 'no_key':
    case 'first_key_not_due':
    case 'key_exists':
    case 'too_many_keys':
    case 'last_required_key':
    case 'key_reset_pending':
      return 'conflict';
    case 'challenge_gone':
      return 'gone';
    default:
      return unhandledCode(code);
  }
}

export const webauthnError = errorCatalogue('webauthn', MESSAGES, webauthnStatus);
