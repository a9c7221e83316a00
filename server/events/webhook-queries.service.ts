import { In, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { Alert } from '../supervision/alert.entity';
import { WebhookCursor } from './webhook-cursor.entity';

// The security event stream's reads. They take the caller's EntityManager, so the batch a delivery reads is read
// inside the transaction that holds its webhook's cursor.

/**
 * The next entries after the cursor, in id order. Reading by id alone loses nothing: `audit_append` holds the
 * chain lock until its transaction ends, so an id is only given once every smaller one is committed or rolled
 * back (a rolled-back append leaves a hole in the ids, never a late entry below the cursor).
 */
export function entriesAfter(m: EntityManager, afterId: string, limit: number): Promise<AuditEvent[]> {
  return m.getRepository(AuditEvent).find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
}

/** The alerts these `alert.raise` entries record, by alert id. */
export async function alertsByIds(m: EntityManager, ids: string[]): Promise<Map<string, Alert>> {
  if (!ids.length) return new Map();
  const rows = await m.getRepository(Alert).find({ where: { id: In(ids) } });
  return new Map(rows.map((a) => [a.id, a]));
}

/** The newest audit id, '0' on an empty trail (the primary key's index answers it). */
export async function lastAuditId(m: EntityManager): Promise<string> {
  const [row] = await m.query<{ id: string | null }[]>(`SELECT max(id)::text AS id FROM audit_events`);
  return row?.id ?? '0';
}

export function cursorsByName(m: EntityManager, names: string[]): Promise<WebhookCursor[]> {
  return names.length ? m.getRepository(WebhookCursor).find({ where: { name: In(names) } }) : Promise.resolve([]);
}
