import type { EntityManager } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import type { StaffRole } from '../auth/staff-user.entity';
import type { PendingRequest } from './pending-requests';
import { StaffEnrolment } from './staff-enrolment.entity';

// The staff module's reads beyond a findOneBy. They take the caller's EntityManager, so a read made inside a
// write's transaction stays inside it (pass `dataSource.manager` outside one).

/** The staff who receive alerts: every active supervisor. */
export function activeSupervisors(m: EntityManager): Promise<StaffUser[]> {
  return m.getRepository(StaffUser).createQueryBuilder('s').where(`'supervisor' = ANY(s.roles) AND s.active`).getMany();
}

/** Every staff member, by e-mail. */
export function allStaff(m: EntityManager): Promise<StaffUser[]> {
  return m.getRepository(StaffUser).find({ order: { email: 'ASC' } });
}

/** The member with their password hash (never selected by default); `lock`: locked for the caller's update. */
export function staffWithPasswordHash(m: EntityManager, staffId: string, lock = false): Promise<StaffUser | null> {
  const qb = m.getRepository(StaffUser).createQueryBuilder('u').addSelect('u.passwordHash');
  if (lock) qb.setLock('pessimistic_write');
  return qb.where('u.id = :id', { id: staffId }).getOne();
}

/** The enrolment link with this token hash, with its TOTP secret (never selected by default). */
export function enrolmentByTokenHash(m: EntityManager, tokenHash: string): Promise<StaffEnrolment | null> {
  return m
    .getRepository(StaffEnrolment)
    .createQueryBuilder('e')
    .addSelect('e.totpSecret')
    .where('e.token_hash = :h', { h: tokenHash })
    .getOne();
}

interface Row {
  id: string;
  kind: PendingRequest['kind'];
  staff_id: string;
  staff_email: string;
  staff_name: string;
  requested_by: string;
  requested_by_email: string | null;
  roles: StaffRole[] | null;
  from_roles: StaffRole[] | null;
  reason: string;
  created_at: Date;
}

/** Everything waiting for a second admin, oldest first: role grants and second-factor resets. */
export async function pendingRequests(m: EntityManager): Promise<PendingRequest[]> {
  const rows: Row[] = await m.query(`
    SELECT r.id, r.kind, r.staff_id, s.email AS staff_email, s.name AS staff_name, r.requested_by, q.email AS requested_by_email,
           r.roles, r.from_roles, r.reason, r.created_at
      FROM (SELECT id, 'role_grant' AS kind, staff_id, requested_by, roles, from_roles, reason, created_at
              FROM staff_role_requests WHERE decided_at IS NULL
            UNION ALL
            SELECT id, 'mfa_reset', staff_id, requested_by, NULL, NULL, reason, created_at
              FROM staff_mfa_resets WHERE confirmed_at IS NULL AND cancelled_at IS NULL) r
      JOIN staff_users s ON s.id = r.staff_id
      LEFT JOIN staff_users q ON q.id = r.requested_by
     ORDER BY r.created_at, r.id`);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    staffId: r.staff_id,
    staffEmail: r.staff_email,
    staffName: r.staff_name,
    requestedBy: r.requested_by,
    requestedByEmail: r.requested_by_email,
    roles: r.roles,
    fromRoles: r.from_roles,
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
