import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the documents module: code → English message (`%{param}` filled from the error's params). */
const MESSAGES = {
  // Opening a case and confirming its contact address
  too_many_requests: 'Too many requests were opened from here or for this customer ID; try again later',
  too_many_code_mails: 'Too many codes were sent to this address; try again in an hour',
  unknown_2fa_method: 'A chosen 2FA method is not one of this account',
  methods_only_for_2fa: '2FA methods are chosen only for a 2FA disablement',
  contact_choice: 'Give either a new address or an address on file',
  contact_on_file_not_for_replacement: 'An email replacement needs the new address the customer wants',
  no_backup_email: 'This account has no backup email',
  request_not_found: 'No such request, or the link has expired',
  too_many_wrong_codes: 'Too many wrong codes: start a new request',
  code_expired: 'The code has expired: start a new request',
  wrong_code: 'This code is not the one we sent',
  // Sending documents
  multipart_required: 'Send the documents as multipart/form-data',
  too_large: 'A file is larger than the limit (%{maxMb} MB)',
  too_many_files: 'Too many files in one request (%{max})',
  too_many_parts: 'Too many parts in the form',
  too_many_fields: 'Too many fields in the form',
  field_name_too_long: 'A field name is too long',
  field_value_too_long: 'A field value is too long',
  files_field_only: 'Files go in the "files" field only',
  upload_unreadable: 'The upload could not be read',
  upload_malformed: 'The upload is truncated or malformed; send it again',
  no_file: 'Attach at least one file in the "files" field',
  empty_file: '%{fileName} is empty',
  unsupported_file: '%{fileName} is not a JPEG, PNG or PDF file (whatever its name says)',
  identity_type_not_applicable: 'Only an identity document has an identity type',
  case_closed: 'Documents can no longer be added to this case (%{status})',
  too_many_documents: 'A case holds at most %{max} documents',
  not_the_requested_document: 'Only the document asked again (%{kind}) can be sent now',
  checklist_closed: 'The checklist of this case can no longer change (%{status})',
  variant_not_applicable: 'Only an individual account has address variants',
  not_collecting: 'This request is already %{status}',
  email_not_confirmed: 'Confirm your email address with the code we sent first',
  documents_missing: 'Documents still missing: %{missing}',
  // Reviewing
  case_not_found: 'No case with this id',
  checklist_forbidden: 'Only the agent who opened this case or a reviewer changes its checklist',
  own_case: 'You opened this case or uploaded documents for it: another reviewer must decide it',
  already_claimed: 'Another reviewer has claimed this case',
  not_waiting_for_review: 'This case is %{status}, not waiting for review',
  claim_before_methods: 'Claim this case before choosing the methods to remove',
  claim_before_decision: 'Claim this case before deciding on its documents',
  claim_before_request: 'Claim this case before asking for a document',
  not_a_2fa_case: 'Only a 2FA disablement of a known account removes methods',
  document_not_found: 'No document with this id in this case',
  already_decided: 'This document is already %{decision}',
  processing_failed: 'Processing this file failed: process it again, or reject it',
  not_processable: 'This file could not be processed: reject it',
  still_processing: 'This file is still being processed',
  no_matching_account: 'No account matches the customer ID of this case: reject it',
  identity_type_required: 'An identity document needs its type, the holder’s name and expiry',
  identity_fields_required: 'An identity document needs its type, the holder’s name and expiry',
  passport_has_no_back: 'A passport has no back: reject this file, or correct the document type',
  identity_type_conflict: 'The other side was accepted as %{identityType}: both sides are one document',
  name_mismatch: 'The name on the document does not match %{holder} (%{expectedName}): reject it as name_mismatch',
  identity_expired: 'This identity document has expired: reject it as expired',
  issued_on_required: 'Type the date the proof was issued',
  proof_date_invalid: 'This is not a calendar date',
  proof_in_future: 'The proof’s date is in the future: check it',
  proof_too_old: 'The proof is older than 3 months (issued before %{oldestIssue}): reject it as older_than_3_months',
  reason_required: 'Say why the document is rejected',
  reason_not_for_decision: 'This reason asks for the document again (decision reupload); it does not reject it',
  reupload_reason_required: 'Say why the document is asked again: %{reasons}',
  note_required: 'Explain the "other" reason',
  reupload_note_required: 'Explain the "other" reason (the customer reads it)',
  document_not_missing: 'The checklist does not miss %{kind} (it misses %{missing})',
  document_purged: 'This document was purged at the end of its retention period',
  no_preview: 'This document has no preview (yet)',
  file_missing: 'The stored file of this document is missing: tell an administrator',
  flags_not_acknowledged: 'Confirm you have seen what the flags show before accepting: %{flags}',
  not_an_identity_document: 'Only an identity document carries a holder’s name and an expiry (this one is %{kind})',
  // Processing again
  processing_closed: 'This case is %{status}: its documents are no longer processed',
  not_failed: 'Only a document whose processing failed can be processed again',
};

export type DocumentsErrorCode = keyof typeof MESSAGES;

export function documentsStatus(code: DocumentsErrorCode): ErrorStatus {
  switch (code) {
    case 'methods_only_for_2fa':
    case 'contact_choice':
    case 'field_name_too_long':
    case 'files_field_only':
    case 'upload_unreadable':
    case 'upload_malformed':
    case 'identity_type_not_applicable':
    case 'identity_type_required':
    case 'identity_fields_required':
    case 'issued_on_required':
    case 'proof_date_invalid':
    case 'reason_required':
    case 'reason_not_for_decision':
    case 'reupload_reason_required':
    case 'note_required':
    case 'reupload_note_required':
      return 'invalid';
    case 'checklist_forbidden':
    case 'own_case':
      return 'forbidden';
    case 'request_not_found':
    case 'case_not_found':
    case 'document_not_found':
    case 'document_purged':
    case 'no_preview':
    case 'file_missing':
      return 'not_found';
    case 'too_many_wrong_codes':
    case 'code_expired':
    case 'case_closed':
    case 'too_many_documents':
    case 'not_the_requested_document':
    case 'checklist_closed':
    case 'not_collecting':
    case 'already_claimed':
    case 'not_waiting_for_review':
    case 'claim_before_methods':
    case 'claim_before_decision':
    case 'claim_before_request':
    case 'already_decided':
    case 'processing_failed':
    case 'not_processable':
    case 'still_processing':
    case 'identity_type_conflict':
    case 'document_not_missing':
    case 'processing_closed':
    case 'not_failed':
      return 'conflict';
    case 'too_large':
    case 'too_many_files':
    case 'too_many_parts':
    case 'too_many_fields':
    case 'field_value_too_long':
      return 'payload_too_large';
    case 'multipart_required':
    case 'unsupported_file':
      return 'unsupported_media_type';
    case 'unknown_2fa_method':
    case 'contact_on_file_not_for_replacement':
    case 'no_backup_email':
    case 'wrong_code':
    case 'no_file':
    case 'empty_file':
    case 'variant_not_applicable':
    case 'email_not_confirmed':
    case 'documents_missing':
    case 'not_a_2fa_case':
    case 'no_matching_account':
    case 'passport_has_no_back':
    case 'name_mismatch':
    case 'identity_expired':
    case 'proof_in_future':
    case 'proof_too_old':
    case 'flags_not_acknowledged':
    case 'not_an_identity_document':
      return 'unprocessable';
    case 'too_many_requests':
    case 'too_many_code_mails':
      return 'throttled';
    default:
      return unhandledCode(code);
  }
}

export const documentsError = errorCatalogue('documents', MESSAGES, documentsStatus);
