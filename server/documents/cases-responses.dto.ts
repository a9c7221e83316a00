import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AccountSummaryResponse } from '../accounts/accounts-responses.dto';
import { ACCOUNT_TYPES } from '../accounts/customer-account.entity';
import { TWO_FACTOR_KINDS } from '../accounts/two-factor-method.entity';
import { DECISIONS, DOCUMENT_KINDS, IDENTITY_TYPES, PROCESSING_STATES, REJECTION_CODES, REUPLOAD_REASONS } from './case-document.entity';
import { ADDRESS_VARIANTS, CASE_PURPOSES, CASE_STATUSES } from './identity-case.entity';
import { ACK_FLAGS } from './review-checks';

// The answers' shapes for the OpenAPI document (and through it the console's and the form's types); ReviewService
// and CasesService build them.

const ITEM_STATUSES = ['missing', 'processing', 'to_review', 'incomplete', 'accepted', 'rejected', 'unusable'] as const;
const FRAUD_FLAGS = ['duplicate_document', 'no_matching_account', 'account_type_mismatch'] as const;
const REASON_CODES = [...new Set([...REJECTION_CODES, ...REUPLOAD_REASONS])];
/** Why a case awaits a document: a new copy of one sent (a reupload reason) or one never sent (`missing`). */
const AWAITED_REASONS = [...REUPLOAD_REASONS, 'missing'] as const;

/** One row of the review queue. */
export class CaseSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountId: string | null;
  @ApiProperty({ description: 'As the customer typed it' }) customerId: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) accountType: string;
  @ApiProperty({ enum: CASE_PURPOSES }) purpose: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ enum: ['customer_form', 'staff'] }) channel: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) openedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewerId: string | null;
  @ApiProperty({ enum: FRAUD_FLAGS, isArray: true }) fraudFlags: string[];
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ enum: ADDRESS_VARIANTS, description: 'Individuals: which address proofs the checklist asks for' }) addressVariant: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, nullable: true, description: 'While awaiting a reupload: the document asked again' }) reuploadKind:
    string | null;
  @ApiProperty({ enum: AWAITED_REASONS, nullable: true }) reuploadReason: string | null;
  @ApiProperty({ type: String, nullable: true }) reuploadNote: string | null;
  @ApiProperty() contactEmailConfirmed: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '72 hours after submission' }) dueAt: string | null;
  @ApiProperty() late: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Until the due time (negative when late); measured at the decision once decided',
  })
  msLeft: number | null;
}

export class CaseQueuePage {
  @ApiProperty({ type: [CaseSummaryResponse] }) data: CaseSummaryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CaseDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ enum: PROCESSING_STATES }) state: string;
  @ApiProperty({ type: String, nullable: true }) processingNote: string | null;
  @ApiProperty({ type: String, nullable: true }) detectedType: string | null;
  @ApiProperty({ type: String, nullable: true }) sha256: string | null;
  @ApiProperty({ enum: ['clean', 'infected', 'error', 'not_configured'], nullable: true }) scanVerdict: string | null;
  @ApiProperty({ type: Number, nullable: true }) pdfPages: number | null;
  @ApiProperty({ type: [String] }) pdfFlags: string[];
  @ApiProperty({ type: Number, nullable: true }) width: number | null;
  @ApiProperty({ type: Number, nullable: true }) height: number | null;
  @ApiProperty() hasPreview: boolean;
  @ApiProperty({ enum: DECISIONS, nullable: true }) decision: string | null;
  @ApiProperty({ enum: REASON_CODES, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ type: String, nullable: true }) holderName: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) documentExpiry: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) nameMatches: boolean | null;
  @ApiProperty({
    enum: IDENTITY_TYPES,
    nullable: true,
    description: 'Identity documents: stated by the customer, then confirmed by the reviewer',
  })
  identityType: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Proofs: the issue date the reviewer typed' }) issuedOn:
    string | null;
  @ApiProperty({ description: 'Asked again: replaced by a new upload, no longer counted' }) superseded: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadedBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: ACK_FLAGS, isArray: true, description: 'What accepting this document needs confirmed (acknowledgedFlags)' })
  flagsToAcknowledge: string[];
}

/** Another case holding one of this case's files: the duplicate flag's evidence. */
export class DuplicateEvidence {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'As given on that case' }) customerId: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'The kind of this case’s file found there' }) kind: string;
}

/** The live check of a holder's name and expiry, as accepting would judge them. */
export class NameCheckResponse {
  @ApiProperty() nameMatches: boolean;
  @ApiProperty({ description: 'The name the document must carry (holder or representative)' }) expectedName: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null when no expiry was given' }) expired: boolean | null;
  @ApiProperty({ format: 'date', description: 'The server’s today, the expiry’s reference' }) today: string;
}

export class ChecklistItemResponse {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty({ enum: ITEM_STATUSES }) status: string;
  @ApiProperty({ type: [String] }) documentIds: string[];
  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true, description: 'What the item still lacks, e.g. identity_back' }) missing: string[];
  @ApiPropertyOptional({ enum: IDENTITY_TYPES, nullable: true }) identityType?: string | null;
}

export class CaseTwoFactorMethod {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TWO_FACTOR_KINDS }) kind: string;
  @ApiProperty() label: string;
}

/** The case page. */
export class CaseDetailResponse extends CaseSummaryResponse {
  @ApiProperty({ type: [String], nullable: true, description: 'A 2FA disablement: the methods chosen to go (null: all of them)' })
  twoFactorMethodIds: string[] | null;
  @ApiProperty({ type: [CaseTwoFactorMethod] }) twoFactorMethods: CaseTwoFactorMethod[];
  @ApiProperty({ type: AccountSummaryResponse, nullable: true }) account: AccountSummaryResponse | null;
  @ApiProperty({ description: 'Whose name the identity document must carry' }) identityHolder: string;
  @ApiProperty({ type: [ChecklistItemResponse] }) checklist: ChecklistItemResponse[];
  @ApiProperty({ type: [DuplicateEvidence] }) duplicates: DuplicateEvidence[];
  @ApiProperty({ type: [CaseDocumentResponse] }) documents: CaseDocumentResponse[];
}

export class DecidedDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DECISIONS }) decision: string;
  @ApiProperty({ type: Boolean, nullable: true }) nameMatches: boolean | null;
}

export class DecisionResultResponse {
  @ApiProperty({ enum: CASE_STATUSES }) caseStatus: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The recovery case a verified case opened' }) recoveryCaseId:
    string | null;
  @ApiProperty({ type: DecidedDocument }) document: DecidedDocument;
}

export class TwoFactorChoiceResponse {
  @ApiProperty({ type: [String], format: 'uuid' }) twoFactorMethodIds: string[];
}

export class ReprocessResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['uploaded'] }) state: string;
}

export class UploadedDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: IDENTITY_TYPES, nullable: true }) identityType: string | null;
}

export class UploadResponse {
  @ApiProperty({ type: [UploadedDocument] }) documents: UploadedDocument[];
}

/** The multipart body of an upload: one or more files and the fields of UploadFieldsDto. */
export class UploadBody {
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'binary' } }) files: unknown[];
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiPropertyOptional({ enum: IDENTITY_TYPES }) identityType?: string;
}

export class FormOpenedResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'The case token, shown once: send it as X-Case-Token' }) token: string;
  @ApiProperty({ enum: ADDRESS_VARIANTS }) addressVariant: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true }) requiredDocuments: string[];
  @ApiProperty({ format: 'date-time' }) collectUntil: string;
}

export class AddressVariantResponse {
  @ApiProperty({ enum: ADDRESS_VARIANTS }) addressVariant: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true }) requiredDocuments: string[];
}

export class EmailConfirmedResponse {
  @ApiProperty({ enum: [true] }) confirmed: true;
}

export class SubmittedResponse {
  @ApiProperty({ enum: ['submitted'] }) status: string;
}

export class PublicReupload {
  @ApiProperty({ enum: DOCUMENT_KINDS, nullable: true }) kind: string | null;
  @ApiProperty({ enum: AWAITED_REASONS, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class PublicCaseDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: [true] }) received: true;
  @ApiProperty({ enum: IDENTITY_TYPES, nullable: true }) identityType: string | null;
  @ApiProperty() superseded: boolean;
}

/** What the customer's form shows of their own case. */
export class PublicCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ enum: CASE_PURPOSES }) purpose: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) accountType: string;
  @ApiProperty() emailConfirmed: boolean;
  @ApiProperty({ enum: ADDRESS_VARIANTS }) addressVariant: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true }) requiredDocuments: string[];
  @ApiProperty({ format: 'date-time' }) collectUntil: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true, description: 'What is still to send' }) missing: string[];
  @ApiProperty({ enum: IDENTITY_TYPES, nullable: true }) identityType: string | null;
  @ApiProperty({ type: PublicReupload, nullable: true }) reupload: PublicReupload | null;
  @ApiProperty({ type: [PublicCaseDocument] }) documents: PublicCaseDocument[];
}
