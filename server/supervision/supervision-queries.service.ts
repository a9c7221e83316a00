import { In, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';

// The supervision module's reads: home pages, dashboards, alert scans, evidence. They take the caller's
// EntityManager, so a read made inside a write's transaction (the alert scan) stays inside it.

type Row<K extends string, V = number> = Record<K, V>;

/** The agent's calls started since `since`, newest first, with the account's customer ID. */
export function agentCallsSince(
  m: EntityManager,
  agentId: string,
  since: Date,
): Promise<
  {
    id: string;
    account_id: string;
    customer_id: string;
    call_reference: string;
    started_at: Date;
    expires_at: Date;
    possession_proven: string[];
    locked_at: Date | null;
  }[]
> {
  return m.query(
    `SELECT v.id, v.account_id, a.customer_id, v.call_reference, v.started_at, v.expires_at, v.possession_proven, v.locked_at
       FROM caller_verifications v JOIN customer_accounts a ON a.id = v.account_id
      WHERE v.agent_id = $1 AND v.started_at >= $2
      ORDER BY v.started_at DESC LIMIT 50`,
    [agentId, since],
  );
}

/** The review queue's counts, `mine` those in review by this reviewer. */
export async function reviewQueueCounts(
  m: EntityManager,
  reviewerId: string,
): Promise<Row<'waiting' | 'in_review' | 'mine' | 'awaiting_reupload'>> {
  const [counts] = await m.query(
    `SELECT count(*) FILTER (WHERE status = 'submitted')::int AS waiting,
            count(*) FILTER (WHERE status = 'in_review')::int AS in_review,
            count(*) FILTER (WHERE status = 'in_review' AND reviewer_id = $1)::int AS mine,
            count(*) FILTER (WHERE status = 'awaiting_reupload')::int AS awaiting_reupload
       FROM identity_cases WHERE status IN ('submitted', 'in_review', 'awaiting_reupload')`,
    [reviewerId],
  );
  return counts;
}

/** Cases waiting for a decision, submitted before `before`, oldest first, at most `limit`. */
export function waitingSubmittedBefore(
  m: EntityManager,
  before: Date,
  limit: number,
): Promise<
  {
    id: string;
    customer_id_given: string;
    purpose: string;
    status: string;
    submitted_at: Date;
    reviewer_id: string | null;
  }[]
> {
  return m.query(
    `SELECT id, customer_id_given, purpose, status, submitted_at, reviewer_id FROM identity_cases
      WHERE status IN ('submitted', 'in_review') AND submitted_at < $1 ORDER BY submitted_at LIMIT ${limit}`,
    [before],
  );
}

/** Cases waiting for a decision submitted before `nearFrom`: `past` those before `pastFrom`, `near` the others. */
export async function lateCounts(m: EntityManager, pastFrom: Date, nearFrom: Date): Promise<Row<'past' | 'near'>> {
  const [late] = await m.query(
    `SELECT count(*) FILTER (WHERE submitted_at < $1)::int AS past, count(*) FILTER (WHERE submitted_at >= $1)::int AS near
       FROM identity_cases WHERE status IN ('submitted', 'in_review') AND submitted_at < $2`,
    [pastFrom, nearFrom],
  );
  return late;
}

/** The supervisor's home: approvals waiting, open alerts, the last audit-chain check, failed mails. */
export async function supervisorCounts(m: EntityManager) {
  const [approvals]: { n: number; oldest: Date | null }[] = await m.query(
    `SELECT count(*)::int AS n, min(created_at) AS oldest FROM recovery_cases WHERE status = 'pending_approval'`,
  );
  const [alerts]: Row<'n'>[] = await m.query(`SELECT count(*)::int AS n FROM alerts WHERE acknowledged_at IS NULL`);
  const [checkpoint]: ({ at: Date; ok: boolean; full: boolean } | undefined)[] = await m.query(
    `SELECT at, ok, "full" FROM audit_checkpoints ORDER BY id DESC LIMIT 1`,
  );
  const [mails]: Row<'n'>[] = await m.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'failed'`);
  return { approvals, alerts, checkpoint, mails };
}

/** Audit entries with one of `actions` in [from, to), counted per staff member (email), UTC day and action. */
export function activityCounts(
  m: EntityManager,
  from: Date,
  to: Date,
  actions: string[],
): Promise<{ staff: string; day: string; action: string; n: number }[]> {
  return m.query(
    `SELECT coalesce(actor_email, 'system') AS staff, to_char(date_trunc('day', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, action, count(*)::int AS n
     FROM audit_events WHERE at >= $1 AND at < $2 AND action = ANY($3) GROUP BY 1, 2, 3 ORDER BY 2, 1`,
    [from, to, actions],
  );
}

/** Identity cases per status: count, oldest, and `late` those waiting for a decision since before `lateBefore`. */
export function identityCasesByStatus(
  m: EntityManager,
  lateBefore: Date,
): Promise<{ status: string; n: number; oldest: Date | null; late: number }[]> {
  return m.query(
    `SELECT status, count(*)::int AS n, min(coalesce(submitted_at, created_at)) AS oldest,
            count(*) FILTER (WHERE status IN ('submitted', 'in_review') AND submitted_at < $1)::int AS late
     FROM identity_cases GROUP BY status ORDER BY status`,
    [lateBefore],
  );
}

/** Recovery cases per status and action: count and oldest. */
export function recoveryCasesByStatus(m: EntityManager): Promise<{ status: string; action: string; n: number; oldest: Date | null }[]> {
  return m.query(
    `SELECT status, action, count(*)::int AS n, min(created_at) AS oldest FROM recovery_cases GROUP BY status, action ORDER BY status, action`,
  );
}

/** Mails per status, and failed mails created after `failedSince`. */
export async function outboxCounts(
  m: EntityManager,
  failedSince: Date,
): Promise<{ byStatus: { status: string; n: number }[]; failedSince: number }> {
  const byStatus: { status: string; n: number }[] = await m.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status`);
  const [recent] = await m.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'failed' AND created_at > $1`, [failedSince]);
  return { byStatus, failedSince: recent.n };
}

/** Audit entries after `afterId`, in chain order, at most `batch`. */
export function auditEventsAfter(m: EntityManager, afterId: string, batch: number): Promise<AuditEvent[]> {
  return m.getRepository(AuditEvent).find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: batch });
}

/** Cases submitted (or in review) since before `dueBefore` with no review_overdue alert for that submission yet. */
export function overdueWithoutAlert(m: EntityManager, dueBefore: Date): Promise<{ id: string; customerId: string; submittedAt: Date }[]> {
  return m.query(
    `SELECT c.id, c.customer_id_given AS "customerId", c.submitted_at AS "submittedAt" FROM identity_cases c
     WHERE c.status IN ('submitted', 'in_review') AND c.submitted_at <= $1
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.dedupe_key = 'review_overdue:' || c.id || ':' || floor(extract(epoch FROM c.submitted_at) * 1000)::bigint)
     ORDER BY c.submitted_at LIMIT 200`,
    [dueBefore],
  );
}

/** Ids of alert mails still pending, oldest first, at most 500. */
export async function pendingAlertMails(m: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM mail_outbox WHERE status = 'pending' AND template = 'staff_alert' ORDER BY created_at LIMIT 500`,
  );
  return rows.map((r) => r.id);
}

/** The account's mails created since `since`, oldest first. */
export function mailsSince(m: EntityManager, accountId: string, since: Date): Promise<OutboxMessage[]> {
  return m
    .getRepository(OutboxMessage)
    .createQueryBuilder('o')
    .where('o.accountId = :aid AND o.createdAt >= :since', { aid: accountId, since })
    .orderBy('o.createdAt')
    .getMany();
}

/** The audit entries of these cases, in chain order. */
export function auditOfCases(m: EntityManager, caseIds: string[]): Promise<AuditEvent[]> {
  return m.getRepository(AuditEvent).find({ where: { caseId: In(caseIds) }, order: { id: 'ASC' } });
}
