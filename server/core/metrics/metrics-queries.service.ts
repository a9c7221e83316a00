import type { EntityManager } from 'typeorm';

// The metrics' reads, run at scrape time (then cached): each one counts a small set of rows through an index
// (mail_outbox by status, case_documents by state, identity_cases by status and submission, alerts open, audit
// checkpoints by primary key). They name the tables in SQL and import no feature module, so core stays below them.

type Count<K extends string> = { [key in K]: string } & { n: number };

/** Mails not sent yet and mails given up on. */
export function outboxCounts(m: EntityManager): Promise<Count<'status'>[]> {
  return m.query(`SELECT status, count(*)::int AS n FROM mail_outbox WHERE status IN ('pending', 'failed') GROUP BY status`);
}

/** Documents per processing state (an index-only scan of case_documents_state_idx). */
export function documentCounts(m: EntityManager): Promise<Count<'state'>[]> {
  return m.query(`SELECT state, count(*)::int AS n FROM case_documents GROUP BY state`);
}

/**
 * The review backlog: cases per waiting status, and of those waiting for a decision (submitted or in review), the
 * ones submitted before `pastFrom` (past the target), between it and `nearFrom` (near it), and the oldest submission.
 */
export async function reviewBacklog(
  m: EntityManager,
  pastFrom: Date,
  nearFrom: Date,
): Promise<{ byStatus: Count<'status'>[]; past: number; near: number; oldest: Date | null }> {
  const byStatus: Count<'status'>[] = await m.query(
    `SELECT status, count(*)::int AS n FROM identity_cases WHERE status IN ('submitted', 'in_review', 'awaiting_reupload') GROUP BY status`,
  );
  const [late]: { past: number; near: number; oldest: Date | null }[] = await m.query(
    `SELECT count(*) FILTER (WHERE submitted_at < $1)::int AS past,
            count(*) FILTER (WHERE submitted_at >= $1 AND submitted_at < $2)::int AS near,
            min(submitted_at) AS oldest
       FROM identity_cases WHERE status IN ('submitted', 'in_review')`,
    [pastFrom, nearFrom],
  );
  return { byStatus, ...late };
}

/** Alerts not acknowledged yet, per rule. */
export function openAlertCounts(m: EntityManager): Promise<Count<'rule'>[]> {
  return m.query(`SELECT rule, count(*)::int AS n FROM alerts WHERE acknowledged_at IS NULL GROUP BY rule`);
}

/**
 * The audit chain's verifications: whether the latest one found the chain intact, and when the latest successful
 * check and the latest successful full pass ran (read backwards by primary key, they stop at the first match).
 */
export async function auditChainChecks(
  m: EntityManager,
): Promise<{ latestOk: boolean | null; lastOkAt: Date | null; lastFullOkAt: Date | null }> {
  const [latest]: { ok: boolean }[] = await m.query(`SELECT ok FROM audit_checkpoints ORDER BY id DESC LIMIT 1`);
  const [ok]: { at: Date }[] = await m.query(`SELECT at FROM audit_checkpoints WHERE ok ORDER BY id DESC LIMIT 1`);
  const [full]: { at: Date }[] = await m.query(`SELECT at FROM audit_checkpoints WHERE ok AND "full" ORDER BY id DESC LIMIT 1`);
  return { latestOk: latest ? latest.ok : null, lastOkAt: ok?.at ?? null, lastFullOkAt: full?.at ?? null };
}
