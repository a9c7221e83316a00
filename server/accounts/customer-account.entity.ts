import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ACCOUNT_TYPES = ['individual', 'company', 'association', 'public_administration', 'sole_trader'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type AccountStatus = 'active' | 'locked';
/** Requirements the account carries until the customer meets them. */
export type AccountFlag = 'backup_email_required' | 'reenrol_2fa_required';

/** The customer account, system of record in this product. Contact fields change only through recovery cases. */
@Entity('customer_accounts')
@Check('customer_accounts_backup_differs', 'backup_email IS NULL OR backup_email <> primary_email')
@Index('customer_accounts_search_trgm', { synchronize: false })
@Index('customer_accounts_search_words', { synchronize: false })
export class CustomerAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalized: lower case with the -ovh suffix (see customer-id.ts). */
  @Column({ name: 'customer_id', type: 'text', unique: true })
  customerId: string;

  @Column({ name: 'account_type', type: 'text' })
  accountType: AccountType;

  /** The holder (individuals, sole traders) or the contact person (organisations). */
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'company_name', type: 'text', nullable: true })
  companyName: string | null;

  @Column({ name: 'legal_representative', type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Index('customer_accounts_primary_email_idx')
  @Column({ name: 'primary_email', type: 'citext' })
  primaryEmail: string;

  @Index('customer_accounts_backup_email_idx')
  @Column({ name: 'backup_email', type: 'citext', nullable: true })
  backupEmail: string | null;

  /** E.164. */
  @Index('customer_accounts_phone_idx')
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'address_line', type: 'text' })
  addressLine: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode: string;

  @Column({ type: 'text' })
  city: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text', default: 'fr' })
  language: Language;

  @Column({ type: 'text', default: 'active' })
  status: AccountStatus;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  flags: AccountFlag[];

  /** When the account was last locked (on request, or by a "this was not me" report); null when never or unlocked. */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  /** Why it is locked, as the staff member (or the report) gave it; shown to staff at the top of the account. */
  @Column({ name: 'lock_reason', type: 'text', nullable: true })
  lockReason: string | null;

  /** The customer's own sessions started before this are void (the customer-facing side checks it). */
  @Column({ name: 'sessions_valid_after', type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;

  /** Names folded for search (accents and case ignored), kept by the database itself. */
  @Column({
    name: 'search_text',
    type: 'text',
    generatedType: 'STORED',
    asExpression: `rd_fold(coalesce("name", '') || ' ' || coalesce("company_name", '') || ' ' || coalesce("legal_representative", ''))`,
    insert: false,
    update: false,
    select: false,
  })
  searchText?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
