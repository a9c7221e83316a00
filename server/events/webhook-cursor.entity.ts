import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where one webhook of the security event stream got to. The audit trail itself is the outbox (append-only, ids
 * in commit order), so this row is all the delivery state there is: in PostgreSQL, a restart or a Redis flush
 * loses nothing. Locked while a batch is POSTed, so a webhook never has two deliveries in flight.
 */
@Entity('webhook_cursors')
export class WebhookCursor {
  /** The webhook's configured name. */
  @PrimaryColumn({ type: 'text' })
  name: string;

  /** The last audit entry the receiver acknowledged (2xx); the next POST starts after it. */
  @Column({ name: 'last_delivered_id', type: 'bigint', default: 0 })
  lastDeliveredId: string;

  @Column({ name: 'last_delivered_at', type: 'timestamptz', nullable: true })
  lastDeliveredAt: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  /** Why the last POST failed (status or network error), cleared by the next success. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** POSTs failed in a row since the last success. */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
