/** Mirrors `server/recovery/recovery-state.ts` and `toRecoveryResponse`: the server is the truth. */
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

/** Statuses a case can still be cancelled from (the server's OPEN_STATUSES). */
export const OPEN_STATUSES: string[] = ['draft', 'checks_passed', 'pending_approval', 'approved', 'on_hold'];
/** Statuses a supervisor can reject from (the transition table: draft and pending_approval → rejected). */
export const REJECTABLE_STATUSES: string[] = ['draft', 'pending_approval'];

/** `GET /api/recovery-cases/:id`: the new value comes masked. */
export interface RecoveryCase {
  id: string;
  accountId: string;
  action: RecoveryAction | string;
  status: RecoveryStatus | string;
  callReference: string;
  reason: string;
  openedBy: string;
  verificationId: string | null;
  identityCaseId: string | null;
  newValue: string | null;
  /** disable_2fa: the methods the execution removes (null on cases from before the choice: all of them). */
  twoFactorMethodIds?: string[] | null;
  approvalHash: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  holdUntil: string | null;
  executedAt: string | null;
  closedReason: string | null;
  reportedAt: string | null;
  revertedAt: string | null;
  version: number;
  createdAt: string;
}

export interface SwapInput {
  accountId: string;
  verificationId: string;
  callReference: string;
  reason: string;
}

export interface OpenInput {
  accountId: string;
  action: 'replace_contact_email' | 'disable_2fa';
  identityCaseId: string;
  verificationId?: string;
  callReference: string;
  reason: string;
}
