import type { AccountSummary } from '../accounts/types';

export const CASE_STATUSES = ['collecting', 'submitted', 'in_review', 'verified', 'rejected', 'expired'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_PURPOSES = ['replace_email', 'disable_2fa'] as const;
export type CasePurpose = (typeof CASE_PURPOSES)[number];
export type FraudFlag = 'duplicate_document' | 'no_matching_account' | 'account_type_mismatch';

export const DOCUMENT_KINDS = [
  'identity_front',
  'identity_back',
  'proof_of_address',
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

export type ItemStatus = 'missing' | 'processing' | 'to_review' | 'accepted' | 'rejected' | 'unusable';

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
  decision: 'accepted' | 'rejected' | null;
  decisionReason: RejectionCode | string | null;
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
  decision: 'accepted' | 'rejected';
  reasonCode?: RejectionCode;
  note?: string;
  holderName?: string;
  expiry?: string;
}

export interface DecisionResult {
  caseStatus: CaseStatus | string;
  document: { id: string; decision: 'accepted' | 'rejected'; nameMatches: boolean | null };
}
