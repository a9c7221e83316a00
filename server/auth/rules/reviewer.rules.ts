import type { RoleRules } from '../permissions';

/** Compliance reviewers read accounts masked; document review arrives with that capability. */
export const reviewerRules: RoleRules = (can) => {
  can('read', 'Account');
};
