import { createHash } from 'node:crypto';

/** Hash chain over audit entries: hash = sha256(prevHash + "\n" + canonical(entry)). Pure code, no I/O. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRoles: string[];
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  caseId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields the hash covers, in one list: the chain and the API answer both read it. */
export const CHAINED_KEYS = [
  'at',
  'actorId',
  'actorEmail',
  'actorRoles',
  'action',
  'outcome',
  'targetType',
  'targetId',
  'caseId',
  'reason',
  'before',
  'after',
  'ip',
  'requestId',
] as const satisfies readonly (keyof ChainedFields)[];

/** Exactly the chained fields of an entry (an entity row carries more: id, hashes). */
export function pickChained<T extends ChainedFields>(e: T): Pick<T, (typeof CHAINED_KEYS)[number]> {
  return Object.fromEntries(CHAINED_KEYS.map((key) => [key, e[key]])) as Pick<T, (typeof CHAINED_KEYS)[number]>;
}

export function canonicalEntry(e: ChainedFields): string {
  return canonicalJson(pickChained(e));
}

export function chainHash(prevHash: string, entry: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEntry(entry)).digest('hex');
}

export interface ChainRow extends ChainedFields {
  id: string;
  prevHash: string;
  hash: string;
}

/** A point of the chain someone outside the database can keep and compare later: entry id, hash, entries up to it. */
export interface ChainAnchor {
  id: string | null;
  hash: string;
  count: number | null;
}

export interface ChainCursor {
  /** The hash the next row must link to. */
  expectedPrevHash: string;
  checked: number;
  lastId: string | null;
  firstBrokenId: string | null;
  /** Where the walk last saw the chain intact, just before its first break. */
  lastGood: ChainAnchor | null;
}

export function startCursor(prevHash = GENESIS_HASH, lastId: string | null = null): ChainCursor {
  return { expectedPrevHash: prevHash, checked: 0, lastId, firstBrokenId: null, lastGood: null };
}

/**
 * Feeds rows (in id order) into a verification cursor. A row is broken when it does not link to the previous
 * hash (a row deleted or inserted) or its own hash does not match its content (a row edited). After a break,
 * checking goes on from the stored hash so one bad row does not hide the rest.
 */
export function verifyRows(cursor: ChainCursor, rows: ChainRow[]): ChainCursor {
  let { expectedPrevHash, checked, lastId, firstBrokenId, lastGood } = cursor;
  for (const row of rows) {
    const linked = row.prevHash === expectedPrevHash;
    const intact = chainHash(row.prevHash, row) === row.hash;
    if ((!linked || !intact) && firstBrokenId === null) {
      firstBrokenId = row.id;
      lastGood = { id: lastId, hash: expectedPrevHash, count: checked };
    }
    expectedPrevHash = row.hash;
    lastId = row.id;
    checked += 1;
  }
  return { expectedPrevHash, checked, lastId, firstBrokenId, lastGood };
}
