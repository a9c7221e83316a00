import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RecoveryAction, RecoveryClosedCode, RecoveryStatus } from './recovery-state';

/**
 * A recovery action on an account: the backup→primary swap on a call, the contact email replacement or the 2FA
 * disablement after verified documents. One open case per account and action (partial unique index).
 */
@Entity('recovery_cases')
@Index('recovery_cases_one_open', ['accountId', 'action'], {
  unique: true,
  where: `status IN ('draft', 'checks_passed', 'pending_approval', 'approved', 'on_hold')`,
})
@Index('recovery_cases_status_idx', ['status', 'createdAt'])
/** Every case of an account, whatever its status (the audit explorer's `customerId` filter). */
@Index('recovery_cases_account_idx', ['accountId'])
export class RecoveryCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  action: RecoveryAction;

  @Column({ type: 'text', default: 'draft' })
  status: RecoveryStatus;

  @Column({ name: 'call_reference', type: 'text' })
  callReference: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  /** The caller verification of the call (possession checks). */
  @Column({ name: 'verification_id', type: 'uuid', nullable: true })
  verificationId: string | null;

  /** The verified identity-documents case this action rests on. */
  @Column({ name: 'identity_case_id', type: 'uuid', nullable: true })
  identityCaseId: string | null;

  /** The new value the action writes (the new contact email), or null. */
  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue: string | null;

  /** disable_2fa: the methods the execution removes, and only those (part of the approval hash). */
  @Column({ name: 'two_factor_method_ids', type: 'uuid', array: true, nullable: true })
  twoFactorMethodIds: string[] | null;

  /** The contact values before execution, kept to revert a swap the customer reports. */
  @Column({ name: 'previous', type: 'jsonb', nullable: true })
  previous: { primaryEmail: string; backupEmail: string | null; flags: string[] } | null;

  /** sha256 of account, action, new value and evidence at approval: any change voids the approval. */
  @Column({ name: 'approval_hash', type: 'text', nullable: true })
  approvalHash: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'hold_until', type: 'timestamptz', nullable: true })
  holdUntil: Date | null;

  @Column({ name: 'executed_at', type: 'timestamptz', nullable: true })
  executedAt: Date | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  /** Set when the system closed the case (then `closedReason` is its English description, for the evidence). */
  @Column({ name: 'closed_code', type: 'text', nullable: true })
  closedCode: RecoveryClosedCode | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  @Column({ name: 'reverted_at', type: 'timestamptz', nullable: true })
  revertedAt: Date | null;

  /** Optimistic version: every change bumps it; a concurrent second change finds it moved. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
