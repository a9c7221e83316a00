import type { EntityManager } from 'typeorm';
import { SavedAuditSearch } from './saved-audit-search.entity';

// The audit explorer's reads: what people know (a customer ID, a staff email, a case number) resolved to the ids
// the trail holds, and back for display. Each one reads by a unique or plain index; none scans a table.

/** `LIKE`/`ILIKE` text taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function accountIdByCustomerId(m: EntityManager, customerId: string): Promise<string | null> {
  const [row] = await m.query(`SELECT id FROM customer_accounts WHERE customer_id = $1`, [customerId]);
  return (row?.id as string | undefined) ?? null;
}

/** Every case of the account (recovery and identity, any status), and identity cases opened under its customer ID. */
export async function caseIdsOfAccount(m: EntityManager, accountId: string | null, customerId: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM recovery_cases WHERE account_id = $1
     UNION SELECT id FROM identity_cases WHERE account_id = $1
     UNION SELECT id FROM identity_cases WHERE customer_id_given = $2`,
    [accountId, customerId],
  );
  return rows.map((r) => r.id);
}

/** Cases whose id starts with the 8 characters shown on screens: a range of the primary key. */
export async function caseIdsByRef(m: EntityManager, ref: string): Promise<string[]> {
  const lo = `${ref}-0000-0000-0000-000000000000`;
  const hi = `${ref}-ffff-ffff-ffff-ffffffffffff`;
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM recovery_cases WHERE id BETWEEN $1 AND $2
     UNION SELECT id FROM identity_cases WHERE id BETWEEN $1 AND $2`,
    [lo, hi],
  );
  return rows.map((r) => r.id);
}

/** Staff members whose email contains `part`, any case (a small table). */
export async function staffIdsByEmailPart(m: EntityManager, part: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query(`SELECT id FROM staff_users WHERE email ILIKE $1 ORDER BY id LIMIT 500`, [
    `%${literal(part)}%`,
  ]);
  return rows.map((r) => r.id);
}

export async function staffIdByEmail(m: EntityManager, email: string): Promise<string | null> {
  const [row] = await m.query(`SELECT id FROM staff_users WHERE email = $1`, [email]);
  return (row?.id as string | undefined) ?? null;
}

export interface CaseOfEntry {
  id: string;
  kind: 'recovery' | 'identity';
  account_id: string | null;
  customer_id: string | null;
}

/** The cases of a page of entries, with their account's customer ID (the one given, for a case without account). */
export function casesByIds(m: EntityManager, ids: string[]): Promise<CaseOfEntry[]> {
  return m.query(
    `SELECT c.id, 'recovery' AS kind, c.account_id, a.customer_id
       FROM recovery_cases c JOIN customer_accounts a ON a.id = c.account_id WHERE c.id = ANY($1::uuid[])
     UNION ALL
     SELECT c.id, 'identity' AS kind, c.account_id, COALESCE(a.customer_id, c.customer_id_given) AS customer_id
       FROM identity_cases c LEFT JOIN customer_accounts a ON a.id = c.account_id WHERE c.id = ANY($1::uuid[])`,
    [ids],
  );
}

export function customerIdsByAccountIds(m: EntityManager, ids: string[]): Promise<{ id: string; customer_id: string }[]> {
  return m.query(`SELECT id, customer_id FROM customer_accounts WHERE id = ANY($1::uuid[])`, [ids]);
}

export function staffEmailsByIds(m: EntityManager, ids: string[]): Promise<{ id: string; email: string }[]> {
  return m.query(`SELECT id, email FROM staff_users WHERE id = ANY($1::uuid[])`, [ids]);
}

/** A staff member's saved searches, by name. */
export function savedSearchesOf(m: EntityManager, staffId: string): Promise<SavedAuditSearch[]> {
  return m.getRepository(SavedAuditSearch).find({ where: { staffId }, order: { name: 'ASC' } });
}
