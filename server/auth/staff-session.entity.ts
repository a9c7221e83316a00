import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from './staff-user.entity';
import { StaffUser } from './staff-user.entity';

/** Server-side staff session. The cookie holds a random token; only its HMAC is stored. */
@Entity('staff_sessions')
export class StaffSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Index()
  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffUser;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Index()
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  /**
   * The roles this session may use at most (the OIDC provider's claims narrowed them at sign-in); null: all the
   * member's roles. The member's roles are still read on every request: one removed in Recovery Desk is gone at once.
   */
  @Column({ name: 'role_limit', type: 'text', array: true, nullable: true })
  roleLimit: StaffRole[] | null;
}
