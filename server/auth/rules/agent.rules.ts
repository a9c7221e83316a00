import type { RoleRules } from '../permissions';

/**
 * Phone agents (line 1007): find accounts and read them masked, run the checks of their own calls, unmask
 * an account once its caller proved possession (the service checks the call), send the customer-ID reminder.
 */
export const agentRules: RoleRules = (can, _cannot, user) => {
  can('read', 'Account');
  can('unmask', 'Account');
  can('notify', 'Account');
  can('create', 'CallerVerification');
  can('read', 'CallerVerification', { agentId: user.id });
  can('update', 'CallerVerification', { agentId: user.id });
};
