import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerAccount } from './customer-account.entity';

export const TWO_FACTOR_KINDS = ['totp', 'security_key', 'sms', 'backup_codes'] as const;
export type TwoFactorKind = (typeof TWO_FACTOR_KINDS)[number];

/** A 2FA method the customer registered. Secrets are never held here: only what support may see. */
@Entity('account_2fa_methods')
export class TwoFactorMethod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('account_2fa_methods_account_idx')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => CustomerAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: CustomerAccount;

  @Column({ type: 'text' })
  kind: TwoFactorKind;

  @Column({ type: 'text' })
  label: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** For backup codes: how many are left. */
  @Column({ name: 'codes_left', type: 'integer', nullable: true })
  codesLeft: number | null;
}
