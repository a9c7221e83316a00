import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { StaffUser } from '../auth/staff-user.entity';
import { CaseDocument } from '../documents/case-document.entity';
import { IdentityCase } from '../documents/identity-case.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { RecoveryCase } from '../recovery/recovery-case.entity';

// The reads of a case's story and of the short references people type: one account's or one case's rows.

/** How many rows of each kind one story holds at most (an account of many years stays one readable page). */
export const STORY_CAP = 2000;

/**
 * Ids of the table's rows whose UUID starts with the 8 hex characters `prefix` (the short reference the screens
 * show): a range on the primary key, so the index answers. At most 3, enough to tell one from several.
 */
export async function idsByPrefix(m: EntityManager, table: 'recovery_cases' | 'identity_cases', prefix: string): Promise<string[]> {
  const lo = `${prefix}-0000-0000-0000-000000000000`;
  const hi = `${prefix}-ffff-ffff-ffff-ffffffffffff`;
  const rows: { id: string }[] = await m.query(`SELECT id FROM ${table} WHERE id BETWEEN $1::uuid AND $2::uuid ORDER BY id LIMIT 3`, [
    lo,
    hi,
  ]);
  return rows.map((r) => r.id);
}

/** The account's recovery cases, oldest first. */
export function recoveryCasesOfAccount(m: EntityManager, accountId: string): Promise<RecoveryCase[]> {
  return m.getRepository(RecoveryCase).find({ where: { accountId }, order: { createdAt: 'ASC' }, take: STORY_CAP });
}

/** The account's identity cases (matched to it, or giving its customer ID), oldest first. */
export function identityCasesOfAccount(m: EntityManager, accountId: string, customerId: string): Promise<IdentityCase[]> {
  return m
    .getRepository(IdentityCase)
    .find({ where: [{ accountId }, { customerIdGiven: customerId }], order: { createdAt: 'ASC' }, take: STORY_CAP });
}

/** The documents of these identity cases, oldest first. */
export function documentsOfCases(m: EntityManager, caseIds: string[]): Promise<CaseDocument[]> {
  if (!caseIds.length) return Promise.resolve([]);
  return m.getRepository(CaseDocument).find({ where: { caseId: In(caseIds) }, order: { createdAt: 'ASC' }, take: STORY_CAP });
}

/**
 * The audit entries of a story, in chain order: those of its cases (documents carry their case) and, for an
 * account's story, those naming the account (by the target index: type then id).
 */
export function storyAudit(m: EntityManager, o: { caseIds: string[]; accountId: string | null }): Promise<AuditEvent[]> {
  const where = [
    ...(o.caseIds.length ? [{ caseId: In(o.caseIds) }] : []),
    ...(o.accountId ? [{ targetType: 'account', targetId: o.accountId }] : []),
  ];
  if (!where.length) return Promise.resolve([]);
  return m.getRepository(AuditEvent).find({ where, order: { id: 'ASC' }, take: STORY_CAP });
}

/** For each entry id, the hash of the entry just before it in the whole chain (null for the first entry). */
export async function predecessorHashes(m: EntityManager, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows: { id: string; prev: string | null }[] = await m.query(
    `SELECT e.id::text AS id,
            (SELECT p.hash FROM audit_events p WHERE p.id < e.id ORDER BY p.id DESC LIMIT 1) AS prev
       FROM audit_events e WHERE e.id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.prev]));
}

/** The caller checks of these calls (or of every call on the account), with the call's agent and reference. */
export function checksOfStory(
  m: EntityManager,
  o: { accountId: string | null; verificationIds: string[] },
): Promise<{ at: Date; kind: string; subject: string; result: string; agent_id: string; call_reference: string }[]> {
  return m.query(
    `SELECT c.at, c.kind, c.subject, c.result, v.agent_id, v.call_reference
       FROM verification_checks c JOIN caller_verifications v ON v.id = c.verification_id
      WHERE v.account_id = $1 OR v.id = ANY($2::uuid[])
      ORDER BY c.at, c.id LIMIT ${STORY_CAP}`,
    [o.accountId, o.verificationIds],
  );
}

/** Mails of the account or to the cases' contact addresses, created since `since`, oldest first. */
export function mailsOfStory(m: EntityManager, o: { accountId: string | null; to: string[]; since: Date }): Promise<OutboxMessage[]> {
  const qb = m.getRepository(OutboxMessage).createQueryBuilder('o');
  qb.where('(o.accountId = :aid OR lower(o.toAddress) IN (:...to)) AND o.createdAt >= :since', {
    aid: o.accountId,
    to: o.to.length ? o.to.map((a) => a.toLowerCase()) : [''],
    since: o.since,
  });
  return qb.orderBy('o.createdAt').take(STORY_CAP).getMany();
}

/** Staff members by id: whoever a row names, shown by email and roles. */
export function staffByIds(m: EntityManager, ids: string[]): Promise<Pick<StaffUser, 'id' | 'email' | 'roles'>[]> {
  if (!ids.length) return Promise.resolve([]);
  return m.getRepository(StaffUser).find({ where: { id: In(ids) }, select: { id: true, email: true, roles: true } });
}
