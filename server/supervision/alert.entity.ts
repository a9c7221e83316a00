import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_RULES = [
  'swap_burst',
  'unmask_burst',
  'searches_without_call',
  'repeated_attempts',
  'duplicate_document',
  'customer_report',
  'off_hours',
  'stated_value_limit',
  'audit_chain_broken',
  'review_overdue',
  'verified_without_action',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** What an alert is about: the console names it (customer ID, staff email, document kind and case) and links to it. */
export const ALERT_SUBJECTS = ['account', 'document', 'identity_case', 'staff', 'audit_entry'] as const;
export type AlertSubjectType = (typeof ALERT_SUBJECTS)[number];

/** The subject as people know it, resolved when the alert is raised (a later rename does not rewrite history). */
export interface AlertSubject {
  type: AlertSubjectType;
  /** The account, document, identity case or staff member's id, or the audit entry's: the console's link target. */
  id: string | null;
  customerId?: string | null;
  staffEmail?: string | null;
  documentKind?: string | null;
  /** The identity case of a document or case subject, and its short reference (8 characters). */
  caseId?: string | null;
  caseRef?: string | null;
}

/** A pattern of abuse seen in the audit trail, for supervisors to look into and acknowledge with a comment. */
@Entity('alerts')
@Index('alerts_open_idx', ['acknowledgedAt', 'createdAt'])
@Index('alerts_customer_idx', ['customerId', 'createdAt'])
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  rule: AlertRule;

  /** One alert per rule, subject and window: a burst raises one alert, not one per action. */
  @Index('alerts_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  /** English, for mails, logs and SIEMs; the console words the rule and `params` in its own language. */
  @Column({ type: 'text' })
  summary: string;

  /** The values the console's sentence for the rule takes (count, threshold, actorEmail, hour, action…). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | number | null>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  subject: AlertSubject;

  /** The subject's customer ID (account, document or case subjects), for the search by customer ID. */
  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId: string | null;

  /** The audit entries that made the alert, oldest first; later entries of the same incident are added. */
  @Column({ name: 'evidence_ids', type: 'bigint', array: true, default: () => "'{}'" })
  evidenceIds: string[];

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId: string | null;

  @Column({ name: 'staff_email', type: 'text', nullable: true })
  staffEmail: string | null;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ name: 'case_id', type: 'text', nullable: true })
  caseId: string | null;

  /** The audit entry that crossed the line. */
  @Column({ name: 'event_id', type: 'bigint' })
  eventId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'ack_comment', type: 'text', nullable: true })
  ackComment: string | null;
}
