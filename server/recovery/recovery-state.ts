/**
 * The life of a recovery case, as a pure transition table. Nothing else changes a case's status, and a move
 * that is not in the table is refused (the API answers 409).
 *
 *   draft → checks_passed → (backup_to_primary) executed
 *                         → pending_approval → approved → on_hold → executed
 *   and from any open state: rejected / cancelled / expired as listed.
 */
/**
 * Why the system (not a person) closed a case: a code the console translates. A person's reason is their own text.
 */
export const RECOVERY_CLOSED_CODES = ['customer_cancelled', 'void_blocked_after_approval', 'void_changed_since_approval'] as const;
export type RecoveryClosedCode = (typeof RECOVERY_CLOSED_CODES)[number];

export const RECOVERY_STATUSES = [
  'draft',
  'checks_passed',
  'pending_approval',
  'approved',
  'on_hold',
  'executed',
  'rejected',
  'cancelled',
  'expired',
] as const;
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number];

export const RECOVERY_ACTIONS = ['backup_to_primary', 'replace_contact_email', 'disable_2fa'] as const;
export type RecoveryAction = (typeof RECOVERY_ACTIONS)[number];

export const TRANSITIONS: Record<RecoveryStatus, readonly RecoveryStatus[]> = {
  draft: ['checks_passed', 'rejected', 'cancelled', 'expired'],
  checks_passed: ['executed', 'pending_approval', 'cancelled', 'expired'],
  pending_approval: ['approved', 'rejected', 'cancelled', 'expired'],
  approved: ['on_hold', 'cancelled'],
  on_hold: ['executed', 'cancelled'],
  executed: [],
  rejected: [],
  cancelled: [],
  expired: [],
};

export const OPEN_STATUSES: RecoveryStatus[] = ['draft', 'checks_passed', 'pending_approval', 'approved', 'on_hold'];

/** Which actions skip the second person: the phone swap, as the provider does it on the call. */
export const NEEDS_APPROVAL: Record<RecoveryAction, boolean> = {
  backup_to_primary: false,
  replace_contact_email: true,
  disable_2fa: true,
};

export class TransitionRefused extends Error {
  constructor(
    readonly from: RecoveryStatus,
    readonly to: RecoveryStatus,
  ) {
    super(`A case that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}`);
  }
}

export function canMove(from: RecoveryStatus, to: RecoveryStatus, action?: RecoveryAction): boolean {
  if (!TRANSITIONS[from].includes(to)) return false;
  if (action && from === 'checks_passed' && to === 'executed') return !NEEDS_APPROVAL[action];
  if (action && from === 'checks_passed' && to === 'pending_approval') return NEEDS_APPROVAL[action];
  return true;
}

export function move(from: RecoveryStatus, to: RecoveryStatus, action?: RecoveryAction): RecoveryStatus {
  if (!canMove(from, to, action)) throw new TransitionRefused(from, to);
  return to;
}
