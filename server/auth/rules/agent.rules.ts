import type { RoleRules } from '../permissions';

/**
 * Phone agents (line 1007): find accounts and read them masked, run the checks of their own calls, unmask
 * an account once its caller proved possession (the service checks the call), send the customer-ID reminder,
 * open identity-document cases and attach documents to their own.
 */
export const agentRules: RoleRules = (can, _cannot, user) => {
  can('read', 'Account');
  can('unmask', 'Account');
  can('notify', 'Account');
  // Block the account of a caller verified on this call (the service computes callerVerified); unblocking is not theirs.
  can('lock', 'Account', { callerVerified: true });
  can('create', 'CallerVerification');
  can('read', 'CallerVerification', { agentId: user.id });
  can('update', 'CallerVerification', { agentId: user.id });
  // Identity-document cases: agents open them for a caller and attach what the customer sent by other means.
  can('create', 'Case');
  can('read', 'Case', { openedBy: user.id });
  // A verified case is the evidence an agent opens a recovery action on, whoever opened the case.
  can('read', 'Case', { status: 'verified' });
  can('update', 'Case', { openedBy: user.id });
  // Recovery actions: the swap on a call, and opening the documents-based ones; cancel what they opened.
  can('create', 'RecoveryCase');
  can('read', 'RecoveryCase', { openedBy: user.id });
  can('update', 'RecoveryCase', { openedBy: user.id });
  // The sentences to read to the caller at each step of the call.
  can('read', 'CallScript');
};
