import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeKeyset, encodeKeyset } from '../http/cursor';
import type { IdFormat } from '../http/id-params';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** How one list is ordered: `(at, id)` both ascending or both descending. */
export interface KeysetOrder<T> {
  /**
   * The sort timestamp: its SQL in column names (`c.created_at`, `COALESCE(c.submitted_at, c.created_at)`) and the
   * same value read from a loaded row; null where the ids alone follow insertion order (the audit trail).
   */
  at: { sql: string; of: (row: T) => Date } | null;
  /** SQL of the id column. */
  id: string;
  idFormat: IdFormat;
  direction: 'ASC' | 'DESC';
}

/**
 * Applies the keyset WHERE, ORDER BY and LIMIT to `qb` (whose filters are already set) and reads one page.
 *
 * Timestamps are compared and ordered truncated to the millisecond. PostgreSQL keeps microseconds (a column
 * defaulting to now()) but a cursor carries what a JS Date holds, milliseconds (pg truncates when it parses):
 * comparing a truncated cursor with full-precision rows skipped every row of the last page's millisecond after
 * the first one, so five outbox mails made in one millisecond paged as one. Ordering by the truncated value too
 * makes the cursor the exact sort key, ties broken by id. The other way, carrying the microseconds as text in the
 * cursor, needs an extra raw column beside every entity TypeORM loads; the price of this one is that an index on
 * the raw column orders no longer serves the ORDER BY, which the lists' filters make small enough to sort.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  order: KeysetOrder<T>,
  cursor: string | undefined,
  limit: number,
): Promise<Page<T>> {
  const after = decodeKeyset(cursor, { timed: order.at !== null, idFormat: order.idFormat });
  const at = order.at && `date_trunc('milliseconds', ${order.at.sql})`;
  const cmp = order.direction === 'ASC' ? '>' : '<';
  if (after) {
    if (at) qb.andWhere(`(${at}, ${order.id}) ${cmp} (:keysetAt, :keysetId)`, { keysetAt: after.at, keysetId: after.id });
    else qb.andWhere(`${order.id} ${cmp} :keysetId`, { keysetId: after.id });
  }
  if (at) qb.orderBy(at, order.direction).addOrderBy(order.id, order.direction);
  else qb.orderBy(order.id, order.direction);
  const rows = await qb.limit(limit + 1).getMany();
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  const nextCursor = rows.length > limit ? encodeKeyset(order.at ? order.at.of(last) : null, last.id) : null;
  return { data, nextCursor };
}
