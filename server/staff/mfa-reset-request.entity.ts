import { Column, Entity, Index } from 'typeorm';
import { StaffRequest } from './staff-request';

/** A staff second-factor reset waits for a second admin: requested by one, confirmed by another. */
@Entity('staff_mfa_resets')
@Index('staff_mfa_resets_one_open', ['staffId'], { unique: true, where: 'confirmed_at IS NULL AND cancelled_at IS NULL' })
export class MfaResetRequest extends StaffRequest {
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The admin who refused the request (the requester withdrawing it, or another admin). */
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
