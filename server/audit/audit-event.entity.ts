import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/**
 * Append-only and hash-chained: the database refuses UPDATE, DELETE and TRUNCATE (see the trigger migration),
 * and each hash covers the previous hash and the canonical entry (audit-chain.ts).
 */
@Entity('audit_events')
@Index('audit_events_actor_idx', ['actorId', 'id'])
@Index('audit_events_actor_email_idx', ['actorEmail', 'id'])
@Index('audit_events_action_idx', ['action', 'id'])
@Index('audit_events_target_idx', ['targetType', 'targetId', 'id'])
@Index('audit_events_at_idx', ['at'])
@Index('audit_events_ip_idx', ['action', 'ip', 'at'])
@Index('audit_events_outcome_idx', ['outcome', 'id'])
@Index('audit_events_case_idx', ['caseId', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true, default: () => "'{}'" })
  actorRoles: string[];

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ name: 'case_id', type: 'text', nullable: true })
  caseId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text', unique: true })
  hash: string;
}
