import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A signed, single-use link in a customer mail: cancel the action during its hold, or report it afterwards. */
@Entity('recovery_links')
export class RecoveryLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('recovery_links_case_idx')
  @Column({ name: 'recovery_case_id', type: 'uuid' })
  recoveryCaseId: string;

  /** HMAC of the token; the token itself is only in the mail. */
  @Index('recovery_links_token_idx', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'sent_to_masked', type: 'text' })
  sentToMasked: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
