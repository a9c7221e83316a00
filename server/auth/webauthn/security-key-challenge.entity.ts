import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffSession } from '../staff-session.entity';
import { StaffUser } from '../staff-user.entity';

export type ChallengePurpose = 'registration' | 'authentication';

/**
 * A WebAuthn challenge waiting for its answer, kept server-side (any API replica can check it): single use (deleted
 * as it is read), short-lived. A registration is bound to the session that asked for it; a sign-in to the ticket
 * handed out once the password was right (only the ticket's hash is stored).
 */
@Entity('staff_security_key_challenges')
export class SecurityKeyChallenge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  purpose: ChallengePurpose;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffUser;

  @Index('staff_security_key_challenges_session', { unique: true })
  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => StaffSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: StaffSession;

  @Column({ name: 'ticket_hash', type: 'text', nullable: true, unique: true })
  ticketHash: string | null;

  /** base64url, as sent in the options. */
  @Column({ type: 'text' })
  challenge: string;

  @Index('staff_security_key_challenges_expiry')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
