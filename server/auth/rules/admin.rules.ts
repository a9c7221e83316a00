import type { RoleRules } from '../permissions';

/** Admins run staff accounts and the queues, and read the API's contract; nobody changes their own roles or status. */
export const adminRules: RoleRules = (can, cannot, user) => {
  can('read', 'StaffUser');
  can('create', 'StaffUser');
  can('update', 'StaffUser');
  cannot('update', 'StaffUser', { id: user.id });
  can('read', 'Queue');
  can('update', 'Queue');
  can('read', 'ApiDocs');
};
