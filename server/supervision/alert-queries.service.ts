import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { Alert } from './alert.entity';
import type { AlertRule, AlertSubject, AlertSubjectType } from './alert.entity';
import type { Trail } from './alert-rules';
import { normalizeCustomerId } from '../accounts/customer-id';

// The alerts' reads: the trail behind a rule, the subject's names, the search and the evidence. They take the
// caller's EntityManager, so the scan's reads stay inside its transaction.

/** At most this many evidence entries per alert: a burst of 500 unmasks keeps its latest 50. */
export const EVIDENCE_CAP = 50;

const trailOf = (rows: { n: number; ids: string[] | null }[]): Trail => ({ count: rows[0]?.n ?? 0, ids: rows[0]?.ids ?? [] });

/** Entries of `action` by `actorId` in the hour up to `at`: how many, and the latest ids. */
export async function actorTrailLastHour(
  m: EntityManager,
  actorId: string,
  action: string,
  at: Date,
  where?: 'without_call',
): Promise<Trail> {
  return trailOf(
    await m.query(
      `SELECT count(*)::int AS n, (array_agg(id::text ORDER BY id DESC))[1:${EVIDENCE_CAP}] AS ids FROM audit_events
       WHERE actor_id = $1 AND action = $2 AND at > $3 AND at <= $4
       ${where === 'without_call' ? `AND coalesce(after->>'callReference', '') = ''` : ''}`,
      [actorId, action, new Date(at.getTime() - 3600_000), at],
    ),
  );
}

/** Recovery openings and executions, and failed caller checks, on the account in the day up to `at`. */
export async function accountAttemptsLastDay(m: EntityManager, accountId: string, at: Date): Promise<Trail> {
  return trailOf(
    await m.query(
      `SELECT count(*)::int AS n, (array_agg(id::text ORDER BY id DESC))[1:${EVIDENCE_CAP}] AS ids FROM audit_events
       WHERE target_type = 'account' AND target_id = $1 AND at > $2 AND at <= $3
       AND (action ~ '^recovery\\.[a-z_0-9]+\\.(open|execute)$' OR (action IN ('verification.code.check', 'verification.stated.check') AND outcome <> 'success'))`,
      [accountId, new Date(at.getTime() - 86_400_000), at],
    ),
  );
}

/** The subject as people know it: the account's customer ID, the member's email, the document's kind and case. */
export async function subjectNames(m: EntityManager, type: AlertSubjectType, id: string | null): Promise<AlertSubject> {
  const uuid = id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
  const [row]: Partial<AlertSubject>[] = !uuid
    ? []
    : type === 'account'
      ? await m.query(`SELECT customer_id AS "customerId" FROM customer_accounts WHERE id = $1`, [uuid])
      : type === 'staff'
        ? await m.query(`SELECT email AS "staffEmail" FROM staff_users WHERE id = $1`, [uuid])
        : type === 'identity_case'
          ? await m.query(
              `SELECT coalesce(a.customer_id, c.customer_id_given) AS "customerId", c.id AS "caseId", left(c.id::text, 8) AS "caseRef"
               FROM identity_cases c LEFT JOIN customer_accounts a ON a.id = c.account_id WHERE c.id = $1`,
              [uuid],
            )
          : type === 'document'
            ? await m.query(
                `SELECT coalesce(a.customer_id, c.customer_id_given) AS "customerId", c.id AS "caseId", left(c.id::text, 8) AS "caseRef",
                        d.kind AS "documentKind"
                 FROM case_documents d JOIN identity_cases c ON c.id = d.case_id LEFT JOIN customer_accounts a ON a.id = c.account_id
                 WHERE d.id = $1`,
                [uuid],
              )
            : [];
  return { type, id, ...(row ?? {}) };
}

export interface AlertFilter {
  status?: 'open' | 'acknowledged' | 'all';
  rule?: AlertRule;
  customerId?: string;
  /** Part of the staff email (the subject's, or the actor's whose entry raised it). */
  staff?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

/** Alerts newest first, filtered by state, rule, subject customer ID, staff email (part of it) and time. */
export function alertSearch(m: EntityManager, f: AlertFilter): Promise<Alert[]> {
  const q = m.getRepository(Alert).createQueryBuilder('a');
  if (f.status === 'open') q.andWhere('a.acknowledgedAt IS NULL');
  if (f.status === 'acknowledged') q.andWhere('a.acknowledgedAt IS NOT NULL');
  if (f.rule) q.andWhere('a.rule = :rule', { rule: f.rule });
  // Stored normalized (as accounts and cases hold them): equality, so alerts_customer_idx serves it.
  if (f.customerId) q.andWhere('a.customerId = :cid', { cid: normalizeCustomerId(f.customerId) });
  if (f.staff) {
    const like = `%${f.staff.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q.andWhere(`(a.staffEmail ILIKE :like OR a.subject->>'staffEmail' ILIKE :like)`, { like });
  }
  if (f.from) q.andWhere('a.createdAt >= :from', { from: f.from });
  if (f.to) q.andWhere('a.createdAt < :to', { to: f.to });
  return q.orderBy('a.createdAt', 'DESC').addOrderBy('a.id', 'DESC').take(f.limit).getMany();
}

/** The audit entries behind an alert, oldest first. */
export function evidenceOf(m: EntityManager, ids: string[]): Promise<AuditEvent[]> {
  return ids.length ? m.getRepository(AuditEvent).find({ where: { id: In(ids) }, order: { id: 'ASC' } }) : Promise.resolve([]);
}
