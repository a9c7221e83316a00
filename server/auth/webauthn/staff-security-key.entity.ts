import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../staff-user.entity';

/** A staff member's security key (a WebAuthn credential): what the server needs to check its signatures. */
@Entity('staff_security_keys')
export class StaffSecurityKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('staff_security_keys_staff')
  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffUser;

  /** The authenticator's credential id, base64url: unique across all staff, as authenticators make it. */
  @Column({ name: 'credential_id', type: 'text', unique: true })
  credentialId: string;

  /** COSE-encoded public key. */
  @Column({ name: 'public_key', type: 'bytea' })
  publicKey: Buffer;

  /** Last signature counter seen: an answer that does not move it forward is refused (a cloned key). */
  @Column({ type: 'bigint' })
  counter: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  transports: string[];

  /** The member's own name for the key ("blue key", "spare in the safe"). */
  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
