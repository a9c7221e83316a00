import type { Schemas } from '../../api/types';
import { everyValue } from '../../api/types';

// The answers' shapes come from the server's OpenAPI document (admin-ui/src/api/schema.d.ts, `npm run api:types`);
// the value lists below are the console's menus, checked against the contract's enums by `tsc`.

/** One row of the review queue, `GET /api/identity-cases`. */
export type CaseSummary = Schemas['CaseSummaryResponse'];
export type CaseDocument = Schemas['CaseDocumentResponse'];
export type ChecklistItem = Schemas['ChecklistItemResponse'];
/** The case page, `GET /api/identity-cases/:id`. */
export type CaseDetail = Schemas['CaseDetailResponse'];
export type DecisionInput = Schemas['DecisionDto'];
export type DecisionResult = Schemas['DecisionResultResponse'];
export type NameCheck = Schemas['NameCheckResponse'];
export type DuplicateEvidence = Schemas['DuplicateEvidence'];
/** What accepting a flagged case or file needs confirmed. */
export type AckFlag = NonNullable<DecisionInput['acknowledgedFlags']>[number];

export type CaseStatus = CaseSummary['status'];
export const CASE_STATUSES = everyValue<CaseStatus>()([
  'collecting',
  'submitted',
  'in_review',
  'awaiting_reupload',
  'verified',
  'rejected',
  'expired',
]);
export type CasePurpose = CaseSummary['purpose'];
export const CASE_PURPOSES = everyValue<CasePurpose>()(['replace_email', 'disable_2fa']);
export type FraudFlag = CaseSummary['fraudFlags'][number];

export type DocumentKind = CaseDocument['kind'];
export const DOCUMENT_KINDS = everyValue<DocumentKind>()([
  'identity_front',
  'identity_back',
  'proof_of_address',
  'old_proof_of_address',
  'host_proof_of_address',
  'hosting_attestation',
  'company_registration',
  'business_register_notice',
  'attestation_letterhead',
  'assembly_minutes',
  'declaration_receipt',
  'other',
]);
/** Accepting these needs the holder's name and the expiry date read on the document. */
export const IDENTITY_KINDS: string[] = ['identity_front', 'identity_back'] satisfies DocumentKind[];

/** Identity document types: two-sided ones need front and back, a passport its photo page only. */
export type IdentityType = NonNullable<CaseDocument['identityType']>;
export const IDENTITY_TYPES = everyValue<IdentityType>()(['id_card', 'residence_permit', 'driving_licence', 'passport']);
/** Proofs whose issue date the reviewer types when accepting (under 3 months, checked by the server). */
export const DATED_KINDS: string[] = [
  'proof_of_address',
  'old_proof_of_address',
  'host_proof_of_address',
  'company_registration',
  'business_register_notice',
] satisfies DocumentKind[];
export type AddressVariant = CaseSummary['addressVariant'];
export const ADDRESS_VARIANTS = everyValue<AddressVariant>()(['standard', 'moved', 'hosted']);
/**
 * Why the reviewer asks a document again: the file is unusable, not invalid. A case may also await a document never
 * sent (`missing`), which is asked from the checklist, not chosen as a reason.
 */
export type ReuploadReason = Exclude<NonNullable<CaseSummary['reuploadReason']>, 'missing'>;
export const REUPLOAD_REASONS = everyValue<ReuploadReason>()(['unreadable', 'cut', 'glare', 'other']);
export type Decision = NonNullable<CaseDocument['decision']>;

export type ProcessingState = CaseDocument['state'];
export const PROCESSING_STEPS = ['uploaded', 'typed', 'hashed', 'scanned', 'processed'] as const satisfies readonly ProcessingState[];
export const FINAL_STATES: string[] = ['processed', 'rejected', 'quarantined', 'failed'] satisfies ProcessingState[];

export const REJECTION_CODES = [
  'unreadable',
  'expired',
  'name_mismatch',
  'older_than_3_months',
  'wrong_kind',
  'suspected_forgery',
  'other',
] as const satisfies readonly NonNullable<DecisionInput['reasonCode']>[];
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type ItemStatus = ChecklistItem['status'];
