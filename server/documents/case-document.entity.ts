import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IdentityCase } from './identity-case.entity';

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

/**
 * Processing states, in order; the last four are final. `failed`: the job failed for good on errors that are not
 * the file's fault (worker killed twice, store or database errors); it stays until a reviewer processes it again.
 */
export const PROCESSING_STATES = ['uploaded', 'typed', 'hashed', 'scanned', 'processed', 'rejected', 'quarantined', 'failed'] as const;
export type ProcessingState = (typeof PROCESSING_STATES)[number];
export const FINAL_STATES: ProcessingState[] = ['processed', 'rejected', 'quarantined', 'failed'];

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
/** Why a reviewer asks the customer for one document again (the file is unusable, not invalid). */
export const REUPLOAD_REASONS = ['unreadable', 'cut', 'glare', 'other'] as const;
export type ReuploadReason = (typeof REUPLOAD_REASONS)[number];
export const DECISIONS = ['accepted', 'rejected', 'reupload'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Identity documents: two-sided ones need an accepted front and back, a passport its photo page only. */
export const IDENTITY_TYPES = ['id_card', 'residence_permit', 'driving_licence', 'passport'] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];
export const TWO_SIDED: readonly IdentityType[] = ['id_card', 'residence_permit', 'driving_licence'];
export const IDENTITY_KINDS: readonly DocumentKind[] = ['identity_front', 'identity_back'];
/** Proofs that must be under 3 months old: the reviewer types their date when accepting them. */
export const DATED_KINDS: readonly DocumentKind[] = [
  'proof_of_address',
  'old_proof_of_address',
  'host_proof_of_address',
  'company_registration',
  'business_register_notice',
];

@Entity('case_documents')
@Index('case_documents_state_idx', ['state', 'updatedAt'])
export class CaseDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('case_documents_case_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => IdentityCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: IdentityCase;

  @Column({ type: 'text' })
  kind: DocumentKind;

  /** The name the file came with, cleaned: metadata only, never a path. */
  @Column({ name: 'original_name', type: 'text' })
  originalName: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** Where the encrypted original lies in the document store (a generated id). */
  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @Column({ type: 'text', default: 'uploaded' })
  state: ProcessingState;

  @Column({ name: 'processing_note', type: 'text', nullable: true })
  processingNote: string | null;

  @Column({ name: 'detected_type', type: 'text', nullable: true })
  detectedType: string | null;

  @Index('case_documents_sha256_idx')
  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  @Column({ name: 'scan_verdict', type: 'text', nullable: true })
  scanVerdict: 'clean' | 'infected' | 'error' | 'not_configured' | null;

  @Column({ name: 'pdf_pages', type: 'integer', nullable: true })
  pdfPages: number | null;

  @Column({ name: 'pdf_flags', type: 'text', array: true, default: () => "'{}'" })
  pdfFlags: string[];

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ name: 'preview_key', type: 'text', nullable: true })
  previewKey: string | null;

  /**
   * `reupload`: the reviewer asked the customer for this document again; the row stays (audit and evidence) but
   * no longer counts in the checklist.
   */
  @Column({ type: 'text', nullable: true })
  decision: Decision | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: RejectionCode | ReuploadReason | null;

  /** On an identity document: the type the customer stated, then the one the reviewer confirmed when accepting. */
  @Column({ name: 'identity_type', type: 'text', nullable: true })
  identityType: IdentityType | null;

  /** On a proof: its date of issue, typed by the reviewer when accepting (under 3 months on the decision day). */
  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'holder_name', type: 'text', nullable: true })
  holderName: string | null;

  @Column({ name: 'document_expiry', type: 'date', nullable: true })
  documentExpiry: string | null;

  @Column({ name: 'name_matches', type: 'boolean', nullable: true })
  nameMatches: boolean | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Files removed after the retention period; the metadata, hash and decision stay as evidence. */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
