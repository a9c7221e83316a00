import { DataSource } from 'typeorm';
import type { StaffRole } from '../auth/staff-user.entity';

export interface PendingRequest {
  id: string;
  kind: 'role_grant' | 'mfa_reset';
  staffId: string;
  staffEmail: string;
  staffName: string;
  requestedBy: string;
  requestedByEmail: string | null;
  /** The roles asked for (role grants only), and those they replace. */
  roles: StaffRole[] | null;
  fromRoles: StaffRole[] | null;
  reason: string;
  createdAt: string;
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
export async function pendingRequests(ds: DataSource): Promise<PendingRequest[]> {
  const rows: Row[] = await ds.query(`
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
    id: r.id, kind: r.kind, staffId: r.staff_id, staffEmail: r.staff_email, staffName: r.staff_name, requestedBy: r.requested_by,
    requestedByEmail: r.requested_by_email, roles: r.roles, fromRoles: r.from_roles, reason: r.reason, createdAt: new Date(r.created_at).toISOString(),
  }));
}
