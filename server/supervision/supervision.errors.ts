import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the supervision module: code → English message (`%{param}` filled from the error's params). */
const MESSAGES = {
  alert_not_found: 'No alert with this id',
  alert_already_acknowledged: 'This alert was already acknowledged',
  ack_comment_required: 'Say what you found: a comment of %{min} characters at least',
  recovery_case_not_found: 'No recovery case with this id',
  identity_case_not_found: 'No case with this id',
  period_not_ordered: 'The start of the period must be before its end',
  period_too_long: 'The period is at most %{maxDays} days',
  case_ref_malformed: 'Give a customer ID, a case ID or the 8-character case reference',
  case_ref_not_found: 'No account or case matches %{ref}',
  case_ref_ambiguous: '%{ref} matches %{matches} cases: give the full case ID',
};

export type SupervisionErrorCode = keyof typeof MESSAGES;

export function supervisionStatus(code: SupervisionErrorCode): ErrorStatus {
  switch (code) {
    case 'period_not_ordered':
    case 'period_too_long':
    case 'case_ref_malformed':
    case 'ack_comment_required':
      return 'invalid';
    case 'alert_not_found':
    case 'recovery_case_not_found':
    case 'identity_case_not_found':
    case 'case_ref_not_found':
      return 'not_found';
    case 'alert_already_acknowledged':
    case 'case_ref_ambiguous':
      return 'conflict';
    default:
      return unhandledCode(code);
  }
}

export const supervisionError = errorCatalogue('supervision', MESSAGES, supervisionStatus);
