import type { Schemas } from '../../api/types';

/** One entry of the hash-chained audit trail, as `GET /api/audit-events[/:id]` returns it (generated types). */
export type AuditEvent = Schemas['AuditEntryView'];
export type AuditOutcome = AuditEvent['outcome'];
export type SavedAuditSearch = Schemas['SavedAuditSearchResponse'];
