import type { RoleRules } from '../permissions';

/** Phone agents (line 1007). Their account and recovery permissions arrive with those capabilities. */
export const agentRules: RoleRules = () => {};
