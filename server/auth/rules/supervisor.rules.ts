import type { RoleRules } from '../permissions';

/** Supervisors audit every action, check the chain, and watch the customer mails. They read accounts masked. */
export const supervisorRules: RoleRules = (can) => {
  can('read', 'AuditEvent');
  can('verify', 'AuditEvent');
  can('export', 'AuditEvent');
  can('read', 'StaffUser');
  can('read', 'Account');
  // Block any account on request; lift a lock (asked for, or put by a customer's report) once looked into.
  can('lock', 'Account');
  can('unlock', 'Account');
  can('read', 'OutboxMessage');
  can('read', 'Case');
  can('read', 'Document');
  // The second person of the risky actions: approve or reject, execute after the hold, cancel, revert.
  can('read', 'RecoveryCase');
  can('approve', 'RecoveryCase');
  can('execute', 'RecoveryCase');
  can('update', 'RecoveryCase');
  // Abuse alerts: look into them and acknowledge with a comment.
  can('read', 'Alert');
  can('update', 'Alert');
  can('read', 'Dashboard');
  // What agents read to callers: supervisors keep the sentences right.
  can('read', 'CallScript');
  can('update', 'CallScript');
};
