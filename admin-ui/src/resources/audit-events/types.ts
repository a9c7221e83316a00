export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One entry of the hash-chained audit trail, as `GET /api/audit-events[/:id]` returns it. */
export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRoles: string[];
  action: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  caseId: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
  prevHash: string | null;
  hash: string;
}
