import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwned } from './account-owned';

export const POSSESSION_CHANNELS = ['backup_email', 'primary_email'] as const;
export type PossessionChannel = (typeof POSSESSION_CHANNELS)[number];

/**
 * The checks of one call: tied to the call reference the agent typed, valid for one call (15 min by default),
 * owned by the agent who opened it. Possession of an address, once proven, lets that agent unmask the account.
 */
@Entity('caller_verifications')
@Index('caller_verifications_account_idx', ['accountId', 'startedAt'])
export class CallerVerification extends AccountOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_reference', type: 'text' })
  callReference: string;

  @Index('caller_verifications_agent_idx')
  @Column({ name: 'agent_id', type: 'uuid' })
  agentId: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Channels whose possession the caller proved during this call. */
  @Column({ name: 'possession_proven', type: 'text', array: true, default: () => "'{}'" })
  possessionProven: PossessionChannel[];

  @Column({ name: 'possession_proven_at', type: 'timestamptz', nullable: true })
  possessionProvenAt: Date | null;

  /** Set after too many wrong codes: no more code checks on this call. */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  /** Wrong code entries over the whole call, whatever the code. */
  @Column({ name: 'code_failures', type: 'integer', default: 0 })
  codeFailures: number;

  /** Stated-value tries per field: { backup_email: 2, phone: 1 }. */
  @Column({ name: 'stated_tries', type: 'jsonb', default: () => "'{}'" })
  statedTries: Record<string, number>;
}
