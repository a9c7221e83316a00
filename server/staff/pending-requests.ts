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
