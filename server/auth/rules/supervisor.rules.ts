import type { RoleRules } from '../permissions';

/** Supervisors audit every action and check the chain. */
export const supervisorRules: RoleRules = (can) => {
  can('read', 'AuditEvent');
  can('verify', 'AuditEvent');
  can('read', 'StaffUser');
};
