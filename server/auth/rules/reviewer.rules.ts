import type { RoleRules } from '../permissions';

/** Compliance reviewers work the identity-document queue; they read accounts masked. */
export const reviewerRules: RoleRules = (can) => {
  can('read', 'Account');
  can('read', 'Case');
  can('review', 'Case');
  can('read', 'Document');
};
