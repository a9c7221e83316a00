import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Result of one verification run of the audit chain, up to lastEventId. The next incremental run starts from
 * here; a full run re-read the whole chain and every earlier checkpoint's anchor.
 */
@Entity('audit_checkpoints')
export class AuditCheckpoint {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'last_event_id', type: 'bigint', nullable: true })
  lastEventId: string | null;

  @Column({ name: 'last_hash', type: 'text', nullable: true })
  lastHash: string | null;

  @Column({ type: 'integer' })
  checked: number;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ name: 'first_broken_id', type: 'bigint', nullable: true })
  firstBrokenId: string | null;

  @Column({ type: 'boolean', default: false })
  full: boolean;
}
