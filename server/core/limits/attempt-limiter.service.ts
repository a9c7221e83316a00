import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock';

export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

export type Reservation = { granted: true; hitIds: string[] } | { granted: false; bucket: string; retryAfterSeconds: number };

/** A 64-bit advisory lock key per bucket; a collision only makes two buckets wait for each other. */
function lockKey(bucket: string): bigint {
  return createHash('sha256').update(bucket).digest().readBigInt64BE(0);
}

/**
 * Sliding-window limits on PostgreSQL, the system of record: a try is reserved (counted) before the work it
 * guards, under a transaction-scoped advisory lock per bucket, so a burst of parallel tries, on one replica or
 * many, never gets more than `max` per window. Time comes from the app's Clock like every other rule.
 */
@Injectable()
export class AttemptLimiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Reserves one try in every bucket, or none if any bucket is full. With `m`, the reservation joins that
   * transaction (and holds its locks until it ends); otherwise it commits on its own before returning.
   */
  async reserve(limits: Limit[], m?: EntityManager): Promise<Reservation> {
    if (!m) return this.dataSource.transaction((own) => this.reserve(limits, own));
    const keys = [...new Set(limits.map((l) => lockKey(l.bucket)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // One order for every caller: two reservations sharing buckets cannot deadlock.
    for (const key of keys) await m.query('SELECT pg_advisory_xact_lock($1)', [key.toString()]);
    const now = this.clock.now();
    // Prunes a few spent tries of any bucket, skipping rows another pruner holds: no waits, no deadlocks.
    await m.query(
      'DELETE FROM limit_hits WHERE id IN (SELECT id FROM limit_hits WHERE expires_at <= $1 LIMIT 100 FOR UPDATE SKIP LOCKED)',
      [now],
    );
    for (const limit of limits) {
      const wait = await this.waitMs(m, limit, now);
      if (wait > 0) return { granted: false, bucket: limit.bucket, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    }
    const rows: { id: string }[] = await m.query(
      `INSERT INTO limit_hits (bucket, expires_at) SELECT * FROM unnest($1::text[], $2::timestamptz[]) RETURNING id`,
      [limits.map((l) => l.bucket), limits.map((l) => new Date(now.getTime() + l.windowMs))],
    );
    return { granted: true, hitIds: rows.map((r) => r.id) };
  }

  /** Gives reserved tries back (a sign-in that succeeded must not count against its owner). */
  async release(hitIds: string[], m: EntityManager): Promise<void> {
    if (hitIds.length) await m.query('DELETE FROM limit_hits WHERE id = ANY($1::bigint[])', [hitIds]);
  }

  /** Tries left in a bucket now (for display; a reservation still decides). */
  async remaining(limit: Limit, m: EntityManager): Promise<number> {
    const [row] = await m.query<{ n: number }[]>('SELECT count(*)::int AS n FROM limit_hits WHERE bucket = $1 AND expires_at > $2', [
      limit.bucket,
      this.clock.now(),
    ]);
    return Math.max(0, limit.max - row.n);
  }

  /** 0 when the bucket has room; else how long until the oldest of the last `max` tries leaves the window. */
  private async waitMs(m: EntityManager, limit: Limit, now: Date): Promise<number> {
    const [row] = await m.query<{ n: number; first_out: Date | null }[]>(
      `SELECT count(*)::int AS n, min(expires_at) AS first_out
         FROM (SELECT expires_at FROM limit_hits WHERE bucket = $1 AND expires_at > $2 ORDER BY expires_at DESC LIMIT $3) h`,
      [limit.bucket, now, limit.max],
    );
    return row.n < limit.max ? 0 : new Date(row.first_out!).getTime() - now.getTime();
  }
}
