import { createHmac, randomUUID } from 'node:crypto';
import type { AuditEvent } from '../audit/audit-event.entity';
import type { Alert } from '../supervision/alert.entity';

/** Headers of every POST. The signature covers the timestamp and the exact body bytes. */
export const DELIVERY_HEADER = 'x-recovery-desk-delivery';
export const TIMESTAMP_HEADER = 'x-recovery-desk-timestamp';
export const SIGNATURE_HEADER = 'x-recovery-desk-signature';

/**
 * One audit entry of the stream. `id` is the audit entry's id: the order of the stream, the position a receiver
 * resumes from, and its dedupe key (a batch whose answer was lost is sent again). An `alert.raise` entry travels as
 * `alert_raised` with the alert it records, so alerts ride the same ordered stream as the trail they come from.
 */
export interface StreamEvent {
  id: string;
  type: 'audit_entry' | 'alert_raised';
  entry: ReturnType<typeof entryJson>;
  alert?: ReturnType<typeof alertJson>;
}

export interface DeliveryBody {
  deliveryId: string;
  webhook: string;
  sentAt: string;
  events: StreamEvent[];
}

function entryJson(e: AuditEvent) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actorId || e.actorEmail ? { id: e.actorId, email: e.actorEmail, roles: e.actorRoles } : null,
    action: e.action,
    outcome: e.outcome,
    targetType: e.targetType,
    targetId: e.targetId,
    caseId: e.caseId,
    reason: e.reason,
    before: e.before,
    after: e.after,
    ip: e.ip,
    requestId: e.requestId,
    // The chain's links: a receiver holding the whole stream can verify it as `npm run audit:verify` does.
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function alertJson(a: Alert) {
  return {
    id: a.id,
    rule: a.rule,
    summary: a.summary,
    params: a.params,
    subject: a.subject,
    eventId: a.eventId,
    evidenceIds: a.evidenceIds,
    createdAt: a.createdAt.toISOString(),
  };
}

export function streamEvent(e: AuditEvent, alerts: Map<string, Alert>): StreamEvent {
  const alert = e.action === 'alert.raise' && e.targetId ? alerts.get(e.targetId) : undefined;
  return alert
    ? { id: e.id, type: 'alert_raised', entry: entryJson(e), alert: alertJson(alert) }
    : { id: e.id, type: 'audit_entry', entry: entryJson(e) };
}

/** The ids of the alerts a batch's `alert.raise` entries record. */
export function raisedAlertIds(entries: AuditEvent[]): string[] {
  return entries.filter((e) => e.action === 'alert.raise' && e.targetId).map((e) => e.targetId!);
}

export interface SignedDelivery {
  deliveryId: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, the timestamp in Unix seconds in its own header: a
 * receiver recomputes it over the raw body and refuses an old timestamp (a replayed capture).
 */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function signedDelivery(webhook: { name: string; secret: string }, events: StreamEvent[], now: Date): SignedDelivery {
  const deliveryId = randomUUID();
  const body = JSON.stringify({ deliveryId, webhook: webhook.name, sentAt: now.toISOString(), events } satisfies DeliveryBody);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    deliveryId,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'RecoveryDesk-Webhook/1',
      [DELIVERY_HEADER]: deliveryId,
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signature(webhook.secret, timestamp, body),
    },
  };
}
