import type { RoleRules } from '../permissions';

/** Compliance reviewers. Their document-review permissions arrive with that capability. */
export const reviewerRules: RoleRules = () => {};
