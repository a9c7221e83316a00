import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind, ReuploadReason } from './case-document.entity';

export const CASE_PURPOSES = ['replace_email', 'disable_2fa'] as const;
export type CasePurpose = (typeof CASE_PURPOSES)[number];
export const CASE_STATUSES = ['collecting', 'submitted', 'in_review', 'awaiting_reupload', 'verified', 'rejected', 'expired'] as const;
/** The individual checklist's variants: at the current address, moved recently, or hosted by someone. */
export const ADDRESS_VARIANTS = ['standard', 'moved', 'hosted'] as const;
export type AddressVariant = (typeof ADDRESS_VARIANTS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type FraudFlag = 'duplicate_document' | 'no_matching_account' | 'account_type_mismatch';

/**
 * An identity-verification case: the documents a customer sends when no backup email works or every 2FA method
 * is lost, and the compliance decision on them. A verified case is the evidence a recovery action consumes.
 */
@Entity('identity_cases')
@Index('identity_cases_queue_idx', ['status', 'submittedAt'])
@Index('identity_cases_created_ip_idx', ['createdIp', 'createdAt'])
@Index('identity_cases_customer_idx', ['customerIdGiven', 'createdAt'])
@Index('identity_cases_contact_email_idx', ['contactEmail', 'createdAt'])
export class IdentityCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null when the customer ID given matches no account: the form never tells, the reviewer sees it. */
  @Index('identity_cases_account_idx')
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'customer_id_given', type: 'text' })
  customerIdGiven: string;

  @Column({ name: 'account_type', type: 'text' })
  accountType: string;

  @Column({ type: 'text' })
  purpose: CasePurpose;

  @Column({ type: 'text', default: 'collecting' })
  status: CaseStatus;

  /** Where the customer is answered; for replace_email, the new contact address. Confirmed by a code. */
  @Column({ name: 'contact_email', type: 'citext' })
  contactEmail: string;

  @Column({ name: 'contact_email_confirmed_at', type: 'timestamptz', nullable: true })
  contactEmailConfirmedAt: Date | null;

  @Column({ name: 'email_code_hash', type: 'text', nullable: true, select: false })
  emailCodeHash: string | null;

  @Column({ name: 'email_code_expires_at', type: 'timestamptz', nullable: true })
  emailCodeExpiresAt: Date | null;

  @Column({ name: 'email_code_failures', type: 'integer', default: 0 })
  emailCodeFailures: number;

  /** HMAC of the token the customer's form holds for this case. */
  @Column({ name: 'access_token_hash', type: 'text', nullable: true, select: false })
  accessTokenHash: string | null;

  @Column({ type: 'text' })
  channel: 'customer_form' | 'staff';

  /**
   * The language the customer used on the form: every mail of the case is written in it, never in the account's
   * (which would tell a stranger that the customer ID exists). Null when an agent opened the case.
   */
  @Column({ type: 'text', nullable: true })
  language: 'fr' | 'en' | null;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;

  /** For disable_2fa: the 2FA methods the agent chose to remove (the lost phone's, not the security key); null: all. */
  @Column({ name: 'two_factor_method_ids', type: 'uuid', array: true, nullable: true })
  twoFactorMethodIds: string[] | null;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  /** Which individual checklist applies (other account types ignore it). */
  @Column({ name: 'address_variant', type: 'text', default: 'standard' })
  addressVariant: AddressVariant;

  /** While `awaiting_reupload`: the one kind of document the customer may send again, and why it was asked. */
  @Column({ name: 'reupload_kind', type: 'text', nullable: true })
  reuploadKind: DocumentKind | null;

  /** `missing`: the reviewer asked for a document the checklist lacks, no file superseded. */
  @Column({ name: 'reupload_reason', type: 'text', nullable: true })
  reuploadReason: ReuploadReason | 'missing' | null;

  /** The reviewer's words to the customer with an `other` or `missing` reason (they are mailed to the customer). */
  @Column({ name: 'reupload_note', type: 'text', nullable: true })
  reuploadNote: string | null;

  @Column({ name: 'fraud_flags', type: 'text', array: true, default: () => "'{}'" })
  fraudFlags: FraudFlag[];

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'created_ip', type: 'text', nullable: true })
  createdIp: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** A case not submitted by then (or, awaiting a reupload, not sent again by then) expires. */
  @Column({ name: 'collect_until', type: 'timestamptz' })
  collectUntil: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
