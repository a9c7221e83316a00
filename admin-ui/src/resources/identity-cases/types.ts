import type { AccountSummary } from '../accounts/types';

export const CASE_STATUSES = ['collecting', 'submitted', 'in_review', 'awaiting_reupload', 'verified', 'rejected', 'expired'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_PURPOSES = ['replace_email', 'disable_2fa'] as const;
export type CasePurpose = (typeof CASE_PURPOSES)[number];
export type FraudFlag = 'duplicate_document' | 'no_matching_account' | 'account_type_mismatch';

export const DOCUMENT_KINDS = [
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
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** Accepting these needs the holder's name and the expiry date read on the document. */
export const IDENTITY_KINDS: string[] = ['identity_front', 'identity_back'];

/** Identity document types: two-sided ones need front and back, a passport its photo page only. */
export const IDENTITY_TYPES = ['id_card', 'residence_permit', 'driving_licence', 'passport'] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];
/** Proofs whose issue date the reviewer types when accepting (under 3 months, checked by the server). */
export const DATED_KINDS: string[] = ['proof_of_address', 'old_proof_of_address', 'host_proof_of_address', 'company_registration', 'business_register_notice'];
export const ADDRESS_VARIANTS = ['standard', 'moved', 'hosted'] as const;
export type AddressVariant = (typeof ADDRESS_VARIANTS)[number];
/** Why the reviewer asks a document again: the file is unusable, not invalid. */
export const REUPLOAD_REASONS = ['unreadable', 'cut', 'glare', 'other'] as const;
export type ReuploadReason = (typeof REUPLOAD_REASONS)[number];
export type Decision = 'accepted' | 'rejected' | 'reupload';

export const PROCESSING_STEPS = ['uploaded', 'typed', 'hashed', 'scanned', 'processed'] as const;
export type ProcessingState = (typeof PROCESSING_STEPS)[number] | 'rejected' | 'quarantined' | 'failed';
export const FINAL_STATES: string[] = ['processed', 'rejected', 'quarantined', 'failed'];

export const REJECTION_CODES = [
  'unreadable',
  'expired',
  'name_mismatch',
  'older_than_3_months',
  'wrong_kind',
  'suspected_forgery',
  'other',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type ItemStatus = 'missing' | 'processing' | 'to_review' | 'incomplete' | 'accepted' | 'rejected' | 'unusable';

/** One row of the review queue, `GET /api/identity-cases`. */
export interface CaseSummary {
  id: string;
  accountId: string | null;
  customerId: string;
  accountType: string;
  purpose: CasePurpose | string;
  status: CaseStatus | string;
  channel: 'customer_form' | 'staff' | string;
  openedBy: string | null;
  reviewerId: string | null;
  fraudFlags: (FraudFlag | string)[];
  rejectionReason: string | null;
  contactEmailConfirmed: boolean;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  /** 72 hours after submission. */
  dueAt: string | null;
  late: boolean;
  /** Until the due time, as of the answer (negative when late); measured at the decision once decided. */
  msLeft: number | null;
  /** Individuals: which address proofs the checklist asks for. */
  addressVariant?: AddressVariant | string;
  /** While awaiting a reupload: the document asked again, why, and the reviewer's note. */
  reuploadKind?: DocumentKind | string | null;
  reuploadReason?: ReuploadReason | string | null;
  reuploadNote?: string | null;
}

export interface CaseDocument {
  id: string;
  kind: DocumentKind | string;
  name: string;
  sizeBytes: number;
  state: ProcessingState | string;
  processingNote: string | null;
  detectedType: string | null;
  sha256: string | null;
  scanVerdict: 'clean' | 'infected' | 'error' | 'not_configured' | null;
  pdfPages: number | null;
  pdfFlags: string[];
  width: number | null;
  height: number | null;
  hasPreview: boolean;
  decision: Decision | null;
  decisionReason: RejectionCode | ReuploadReason | string | null;
  /** Identity documents: the type the customer stated, then the one the reviewer confirmed. */
  identityType?: IdentityType | string | null;
  /** Proofs: the issue date the reviewer typed (YYYY-MM-DD). */
  issuedOn?: string | null;
  /** Asked again: replaced by the customer's new upload, no longer counted. */
  superseded?: boolean;
  decisionNote: string | null;
  holderName: string | null;
  documentExpiry: string | null;
  nameMatches: boolean | null;
  decidedBy: string | null;
  decidedAt: string | null;
  uploadedBy: string | null;
  createdAt: string;
}

export interface ChecklistItem {
  kind: DocumentKind | string;
  status: ItemStatus;
  documentIds: string[];
  /** What the item still lacks, e.g. `identity_back` (older servers: absent). */
  missing?: (DocumentKind | string)[];
  identityType?: IdentityType | string | null;
}

/** The case page, `GET /api/identity-cases/:id`. */
export interface CaseDetail extends CaseSummary {
  account: AccountSummary | null;
  identityHolder: string;
  checklist: ChecklistItem[];
  documents: CaseDocument[];
  /** A 2FA disablement: the methods chosen to go (null: all of them) and the account's methods. */
  twoFactorMethodIds?: string[] | null;
  twoFactorMethods?: { id: string; kind: string; label: string }[];
}

export interface DecisionInput {
  decision: Decision;
  reasonCode?: RejectionCode | ReuploadReason;
  note?: string;
  holderName?: string;
  expiry?: string;
  identityType?: IdentityType;
  issuedOn?: string;
}

export interface DecisionResult {
  caseStatus: CaseStatus | string;
  document: { id: string; decision: Decision; nameMatches: boolean | null };
}
