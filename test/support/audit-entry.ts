import type { AuditEvent } from '../../server/audit/audit-event.entity';

/** An audit entry as a row holds it, every field empty but the ones a test names (no database). */
export const auditEntry = (fields: Partial<AuditEvent> = {}): AuditEvent => ({
  id: '1',
  at: new Date('2026-01-01T10:00:00Z'),
  actorId: null,
  actorEmail: null,
  actorRoles: [],
  action: 'test',
  outcome: 'success',
  targetType: null,
  targetId: null,
  caseId: null,
  reason: null,
  before: null,
  after: null,
  ip: null,
  requestId: null,
  prevHash: '',
  hash: '',
  ...fields,
});
