import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CallerVerification } from './caller-verification.entity';

export type CheckKind = 'code' | 'stated_value';
export type CheckResult = 'match' | 'no_match' | 'expired' | 'locked' | 'no_value_on_file';

/** The result of each check of a call, never the value the caller stated nor the one on file. */
@Entity('verification_checks')
@Index('verification_checks_verification_idx', ['verificationId', 'at'])
export class VerificationCheck {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'verification_id', type: 'uuid' })
  verificationId: string;

  @ManyToOne(() => CallerVerification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verification_id' })
  verification?: CallerVerification;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  kind: CheckKind;

  /** For codes the channel (backup_email, primary_email); for stated values the field. */
  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  result: CheckResult;
}
