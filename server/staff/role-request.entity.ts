import { Column, Entity, Index } from 'typeorm';
import type { StaffRole } from '../auth/staff-user.entity';
import { StaffRequest } from './staff-request';

/**
 * A role change that grants supervisor or admin waits for a second admin. It binds the roles it starts from:
 * if they changed meanwhile, it can no longer be confirmed.
 */
@Entity('staff_role_requests')
@Index('staff_role_requests_one_open', ['staffId'], { unique: true, where: 'decided_at IS NULL' })
export class RoleRequest extends StaffRequest {
  @Column({ name: 'from_roles', type: 'text', array: true })
  fromRoles: StaffRole[];

  @Column({ type: 'text', array: true })
  roles: StaffRole[];

  @Column({ type: 'text', nullable: true })
  decision: 'confirmed' | 'refused' | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
