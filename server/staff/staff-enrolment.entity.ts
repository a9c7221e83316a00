import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type EnrolmentPurpose = 'invite' | 'mfa_reset';

/**
 * A single-use, expiring link mailed to a staff member, where they set their own password and TOTP. Only the
 * HMAC of the link's token is stored; the TOTP secret waits here until the member proves it with a first code.
 */
@Entity('staff_enrolments')
export class StaffEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('staff_enrolments_staff')
  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Column({ type: 'text' })
  purpose: EnrolmentPurpose;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ name: 'totp_secret', type: 'text', select: false })
  totpSecret: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Set when a newer link for the same member replaces this one. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
