import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwned } from './account-owned';

export const SECURITY_EVENT_KINDS = [
  'login',
  'login_failed',
  'login_code_sent',
  'password_reset_sent',
  'password_changed',
  '2fa_enabled',
  '2fa_disabled',
  '2fa_method_added',
  '2fa_method_removed',
  'contact_email_changed',
  'backup_email_changed',
  'customer_id_reminder_sent',
  'verification_code_sent',
  'account_locked',
  'account_unlocked',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
export type SecurityChannel = 'web' | 'api' | 'email' | 'sms' | 'phone_support';

/** The customer-facing security history support reads on the call ("was a reset email sent, and where?"). */
@Entity('account_security_events')
@Index('account_security_events_timeline_idx', ['accountId', 'at', 'id'])
export class SecurityEvent extends AccountOwned {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  kind: SecurityEventKind;

  @Column({ type: 'text' })
  channel: SecurityChannel;

  /** Already masked when written: `p***@e***.com`, `+33 6 ** ** ** 12`. */
  @Column({ name: 'destination_masked', type: 'text', nullable: true })
  destinationMasked: string | null;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;
}
