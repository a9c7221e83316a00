import type { EntityManager } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';

/** The staff who receive alerts: every active supervisor. */
export function activeSupervisors(m: EntityManager): Promise<StaffUser[]> {
  return m.getRepository(StaffUser).createQueryBuilder('s').where(`'supervisor' = ANY(s.roles) AND s.active`).getMany();
}
