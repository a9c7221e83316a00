import { errorCatalogue, ErrorStatus, unhandledCode } from '../../core/http/errors';

/**
 * Every refusal of sign-in through the OpenID Connect provider: code → English message. The same code is the
 * audit entry's `after.code`, so a SIEM can count each kind of refusal.
 */
const MESSAGES = {
  not_configured: 'Sign-in through an identity provider is not set up here',
  provider_unavailable: 'The identity provider cannot be reached; try again shortly',
  sign_in_expired: 'This sign-in was not started here or took too long; start again',
  provider_refused: 'The identity provider did not sign you in',
  response_invalid: "The identity provider's answer could not be verified; start again",
  acr_required: 'The identity provider did not confirm the required authentication level (second factor)',
  amr_required: 'The identity provider did not confirm the required authentication methods (second factor)',
  email_not_verified: 'The identity provider does not vouch for your email address',
  unknown_staff: 'No Recovery Desk staff member matches your identity-provider account',
  subject_mismatch: 'This staff member is linked to another identity-provider account',
  staff_disabled: 'This staff account is disabled',
  no_role: "Your identity provider's groups allow none of your roles in Recovery Desk",
};

export type OidcErrorCode = keyof typeof MESSAGES;

export function oidcStatus(code: OidcErrorCode): ErrorStatus {
  switch (code) {
    case 'not_configured':
      return 'not_found';
    case 'provider_unavailable':
      return 'unavailable';
    case 'sign_in_expired':
      return 'gone';
    case 'provider_refused':
    case 'response_invalid':
    case 'acr_required':
    case 'amr_required':
      return 'unauthenticated';
    case 'email_not_verified':
    case 'unknown_staff':
    case 'subject_mismatch':
    case 'staff_disabled':
    case 'no_role':
      return 'forbidden';
    default:
      return unhandledCode(code);
  }
}

export const oidcError = errorCatalogue('oidc', MESSAGES, oidcStatus);
