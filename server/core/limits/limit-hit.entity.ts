import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One try reserved against a limit (a sign-in, a stated value), kept until its window has passed. The rows of a
 * bucket are counted under a lock on that bucket, so replicas sharing the database share the limit.
 */
@Entity('limit_hits')
@Index('limit_hits_bucket_idx', ['bucket', 'expiresAt'])
export class LimitHit {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** What is limited and for whom, e.g. `login:account:<email>`; may hold an email, as the audit trail does. */
  @Column({ type: 'text' })
  bucket: string;

  /** The reservation time plus the window of its limit: past it, the try no longer counts and may be pruned. */
  @Index('limit_hits_expires_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
