import type { Schemas } from '../../api/types';
import { everyValue } from '../../api/types';

// The answers' shapes come from the server's OpenAPI document (admin-ui/src/api/schema.d.ts, `npm run api:types`).

/** `GET /api/recovery-cases/:id`: the new value comes masked. */
export type RecoveryCase = Schemas['RecoveryCaseResponse'];

export type RecoveryStatus = RecoveryCase['status'];
export const RECOVERY_STATUSES = everyValue<RecoveryStatus>()([
  'draft',
  'checks_passed',
  'pending_approval',
  'approved',
  'on_hold',
  'executed',
  'rejected',
  'cancelled',
  'expired',
]);

export type RecoveryAction = RecoveryCase['action'];
export const RECOVERY_ACTIONS = everyValue<RecoveryAction>()(['backup_to_primary', 'replace_contact_email', 'disable_2fa']);

/** Statuses a case can still be cancelled from (the server's OPEN_STATUSES). */
export const OPEN_STATUSES: string[] = ['draft', 'checks_passed', 'pending_approval', 'approved', 'on_hold'] satisfies RecoveryStatus[];
/** Statuses a supervisor can reject from (the transition table: draft and pending_approval → rejected). */
export const REJECTABLE_STATUSES: string[] = ['draft', 'pending_approval'] satisfies RecoveryStatus[];

export type SwapInput = Schemas['SwapDto'];
export type OpenInput = Schemas['OpenRecoveryDto'];
