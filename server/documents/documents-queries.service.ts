import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { keysetPage } from '../core/database/keyset';
import type { Page } from '../core/database/keyset';
import { CaseDocument, FINAL_STATES } from './case-document.entity';
import { IdentityCase } from './identity-case.entity';

// The documents module's reads beyond a findOneBy. They take the caller's EntityManager, so a read made inside a
// write's transaction stays inside it (pass `dataSource.manager` outside one).

/** The review queue: submitted and in-review cases, oldest first (or any status when asked). Keyset pages. */
export function reviewQueue(
  m: EntityManager,
  actor: Actor,
  q: { status?: string; accountId?: string; limit?: number; cursor?: string },
): Promise<Page<IdentityCase>> {
  const qb = m.getRepository(IdentityCase).createQueryBuilder('c');
  if (q.status) qb.where('c.status = :status', { status: q.status });
  else qb.where("c.status IN ('submitted', 'in_review')");
  if (q.accountId) qb.andWhere('c.accountId = :accountId', { accountId: q.accountId });
  // Filtered in SQL by the same rule as the record check: who may not read others' cases sees their own.
  if (!actor.ability.can('read', asSubject('Case', { openedBy: null, status: null }))) {
    qb.andWhere("(c.openedBy = :me OR c.status = 'verified')", { me: actor.id });
  }
  const at = { sql: 'COALESCE(c.submitted_at, c.created_at)', of: (c: IdentityCase) => c.submittedAt ?? c.createdAt };
  return keysetPage(qb, { at, id: 'c.id', idFormat: 'uuid', direction: 'ASC' }, q.cursor, q.limit ?? 25);
}

/** A case's documents, oldest first. */
export function documentsOf(m: EntityManager, caseId: string): Promise<CaseDocument[]> {
  return m.getRepository(CaseDocument).find({ where: { caseId }, order: { createdAt: 'ASC' } });
}

/** Cases the form opened in the last hour from the IP and in the last day for the customer ID. */
export async function recentFormOpenings(
  m: EntityManager,
  o: { ip: string | null; ipSince: Date; customerIdGiven: string; customerSince: Date },
): Promise<{ ip: number; customer: number }> {
  const [counts] = await m.query(
    `SELECT (SELECT count(*) FROM identity_cases WHERE created_ip = $1 AND created_at > $2)::int AS ip,
            (SELECT count(*) FROM identity_cases WHERE customer_id_given = $3 AND created_at > $4)::int AS customer`,
    [o.ip, o.ipSince, o.customerIdGiven, o.customerSince],
  );
  return counts;
}

/** Form cases (each sent a code mail) opened for the contact address since `since`. */
export async function formCodeMailsSince(m: EntityManager, to: string, since: Date): Promise<number> {
  const [{ sent }] = await m.query(
    `SELECT count(*)::int AS sent FROM identity_cases WHERE contact_email = $1 AND channel = 'customer_form' AND created_at > $2`,
    [to, since],
  );
  return sent;
}

/** The case with its access token hash (a column never selected by default). */
export function caseWithTokenHash(m: EntityManager, caseId: string): Promise<IdentityCase | null> {
  return m.getRepository(IdentityCase).createQueryBuilder('c').addSelect('c.accessTokenHash').where('c.id = :caseId', { caseId }).getOne();
}

/** The case with its e-mail code hash, locked for the update that follows (the caller's transaction). */
export function lockCaseWithCodeHash(m: EntityManager, caseId: string): Promise<IdentityCase> {
  return m
    .getRepository(IdentityCase)
    .createQueryBuilder('c')
    .addSelect('c.emailCodeHash')
    .setLock('pessimistic_write')
    .where('c.id = :caseId', { caseId })
    .getOneOrFail();
}

/** Other cases holding a file with this hash, on another account or customer ID than `thisCase`. */
export async function twinCases(m: EntityManager, sha256: string, thisCase: IdentityCase): Promise<string[]> {
  const twins = await m
    .getRepository(CaseDocument)
    .createQueryBuilder('d')
    .innerJoin(IdentityCase, 'c', 'c.id = d.caseId')
    .select('DISTINCT d.caseId', 'caseId')
    .where('d.sha256 = :sha256 AND d.caseId <> :caseId', { sha256, caseId: thisCase.id })
    .andWhere('(c.accountId IS DISTINCT FROM :accountId OR c.customerIdGiven <> :given)', {
      accountId: thisCase.accountId,
      given: thisCase.customerIdGiven,
    })
    .getRawMany<{ caseId: string }>();
  return twins.map((t) => t.caseId);
}

/**
 * The duplicate flag's evidence: each other case holding a file of this case (same SHA-256, another account or
 * customer ID, as `twinCases` flags them), with the customer ID it was opened for and the kind of the shared file.
 */
export async function duplicateEvidence(
  m: EntityManager,
  thisCase: IdentityCase,
): Promise<{ caseId: string; customerId: string; kind: string }[]> {
  const rows: { case_id: string; customer_id: string; kind: string }[] = await m.query(
    `SELECT DISTINCT other.case_id, c.customer_id_given AS customer_id, mine.kind
       FROM case_documents mine
       JOIN case_documents other ON other.sha256 = mine.sha256 AND other.case_id <> mine.case_id
       JOIN identity_cases c ON c.id = other.case_id
      WHERE mine.case_id = $1 AND mine.sha256 IS NOT NULL
        AND (c.account_id IS DISTINCT FROM $2 OR c.customer_id_given <> $3)
      ORDER BY other.case_id, mine.kind
      LIMIT 20`,
    [thisCase.id, thisCase.accountId, thisCase.customerIdGiven],
  );
  return rows.map((r) => ({ caseId: r.case_id, customerId: r.customer_id, kind: r.kind }));
}

/** Documents not in a final state since before `olderThan`, least recently updated first. */
export async function stuckDocuments(m: EntityManager, olderThan: Date, limit: number): Promise<{ id: string; updatedAt: Date }[]> {
  const found: { id: string; updated_at: Date }[] = await m.query(
    `SELECT id, updated_at FROM case_documents WHERE state <> ALL($1) AND updated_at < $2 ORDER BY updated_at LIMIT $3`,
    [FINAL_STATES, olderThan, limit],
  );
  return found.map((r) => ({ id: r.id, updatedAt: r.updated_at }));
}

/** Files not yet purged of cases ended before `cutoff` (decided, or expired uncollected), at most `batch`. */
export function purgeable(m: EntityManager, cutoff: Date, batch: number): Promise<{ id: string; case_id: string; storage_key: string }[]> {
  return m.query(
    `SELECT d.id, d.case_id, d.storage_key FROM case_documents d JOIN identity_cases c ON c.id = d.case_id
     WHERE d.purged_at IS NULL AND (
       (c.status IN ('verified', 'rejected') AND c.decided_at < $1) OR (c.status = 'expired' AND c.collect_until < $1))
     LIMIT $2`,
    [cutoff, batch],
  );
}
