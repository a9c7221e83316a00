import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the recovery module: code → English message (`%{param}` filled from the error's params). */
const MESSAGES = {
  case_not_found: 'No recovery case with this id',
  transition_refused: 'A case that is %{from} cannot become %{to}',
  concurrent_change: 'This case was changed at the same time by someone else; reload it',
  already_open: 'This account already has an open case for this action',
  verification_expired: 'This call’s verification has expired; verify the caller again',
  no_backup_email: 'This account has no backup email: the phone desk cannot help; the customer must use the identity-documents procedure',
  backup_same_as_primary: 'The backup email is the same as the primary email',
  possession_not_proven: 'The caller has not proven possession of the backup email on this call: send a code to it first',
  identity_case_unknown: 'No identity-documents case of this account has this id',
  identity_case_wrong_purpose: 'The identity-documents case was opened to %{purpose}, not for this action',
  identity_case_not_verified: 'The identity-documents case is %{status}, not verified',
  identity_case_used: 'This identity-documents case was already used for a recovery action',
  contact_email_unconfirmed: 'The new address was never confirmed by its code',
  already_primary: 'The new address is already the primary email',
  no_2fa_method: 'This account has none of the chosen 2FA methods left to remove',
  own_case: 'You opened this case: another supervisor must approve it',
  reviewed_documents: 'You reviewed or handled the documents of this case: another supervisor must approve it',
  not_on_hold: 'This case is %{status}, not waiting to be executed',
  hold_not_over: 'The hold lasts until %{holdUntil}: not before',
  notice_not_accepted: 'The mail to the current address has not been accepted by the mail server yet: execution waits for it',
  approval_void: 'The approval no longer matches the account or the change: the case was cancelled',
  link_invalid: 'This link is no longer valid',
  not_executed: 'This request is already %{status}',
  revert_not_a_swap: 'Only a backup→primary swap can be reverted',
  revert_not_executed: 'Only an executed swap can be reverted',
  already_reverted: 'This swap was already reverted',
  revert_window_over: 'The revert window of this swap is over',
};

export type RecoveryErrorCode = keyof typeof MESSAGES;

export function recoveryStatus(code: RecoveryErrorCode): ErrorStatus {
  switch (code) {
    case 'own_case':
    case 'reviewed_documents':
      return 'forbidden';
    case 'case_not_found':
    case 'link_invalid':
      return 'not_found';
    case 'transition_refused':
    case 'concurrent_change':
    case 'already_open':
    case 'verification_expired':
    case 'identity_case_used':
    case 'not_on_hold':
    case 'hold_not_over':
    case 'notice_not_accepted':
    case 'approval_void':
    case 'not_executed':
    case 'revert_not_executed':
    case 'already_reverted':
    case 'revert_window_over':
      return 'conflict';
    case 'no_backup_email':
    case 'backup_same_as_primary':
    case 'possession_not_proven':
    case 'identity_case_unknown':
    case 'identity_case_wrong_purpose':
    case 'identity_case_not_verified':
    case 'contact_email_unconfirmed':
    case 'already_primary':
    case 'no_2fa_method':
    case 'revert_not_a_swap':
      return 'unprocessable';
    default:
      return unhandledCode(code);
  }
}

export const recoveryError = errorCatalogue('recovery', MESSAGES, recoveryStatus);
