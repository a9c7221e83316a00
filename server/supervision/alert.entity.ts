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

/** A pattern of abuse seen in the audit trail, for supervisors to look into and acknowledge with a comment. */
@Entity('alerts')
@Index('alerts_open_idx', ['acknowledgedAt', 'createdAt'])
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  rule: AlertRule;

  /** One alert per rule, subject and window: a burst raises one alert, not one per action. */
  @Index('alerts_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text' })
  summary: string;

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
