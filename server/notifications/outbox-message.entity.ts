import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * A customer mail, written in the same transaction as the action that causes it. The relay enqueues it on the
 * `mail` queue with this row's id as job id; the worker sends it and records the outcome here.
 */
@Entity('mail_outbox')
@Index('mail_outbox_pending_idx', ['status', 'createdAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('mail_outbox_account_idx')
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  language: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  /** Template values; the ones named in `secretParams` are erased once the mail is sent. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string>;

  @Column({ name: 'secret_params', type: 'text', array: true, default: () => "'{}'" })
  secretParams: string[];

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
