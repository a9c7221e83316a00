import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock';
import { QueueService } from '../core/queue/queue.service';
import { REVIEW_TARGET_MS } from '../documents/review.service';

/** The actions the activity board counts, by what a supervisor calls them. */
export const ACTIVITY_ACTIONS: Record<string, string[]> = {
  swaps: ['recovery.backup_to_primary.execute'],
  twoFactorDisablements: ['recovery.disable_2fa.execute'],
  emailReplacements: ['recovery.replace_contact_email.execute'],
  unmasks: ['account.unmask'],
  searches: ['account.search'],
  reviews: ['document.accept', 'document.reject'],
};

@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  /** Per staff member and day, the sensitive actions of the period (from the audit trail, by its indexes). */
  async activity(from: Date, to: Date) {
    const actions = Object.values(ACTIVITY_ACTIONS).flat();
    const rows: { staff: string; day: string; action: string; n: number }[] = await this.dataSource.query(
      `SELECT coalesce(actor_email, 'system') AS staff, to_char(date_trunc('day', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, action, count(*)::int AS n
       FROM audit_events WHERE at >= $1 AND at < $2 AND action = ANY($3) GROUP BY 1, 2, 3 ORDER BY 2, 1`,
      [from, to, actions],
    );
    const byKey = new Map<string, Record<string, number | string>>();
    for (const r of rows) {
      const key = `${r.day}|${r.staff}`;
      const entry = byKey.get(key) ?? { day: r.day, staff: r.staff, ...Object.fromEntries(Object.keys(ACTIVITY_ACTIONS).map((k) => [k, 0])) };
      const kind = Object.entries(ACTIVITY_ACTIONS).find(([, list]) => list.includes(r.action))![0];
      entry[kind] = (entry[kind] as number) + r.n;
      byKey.set(key, entry);
    }
    return [...byKey.values()];
  }

  async cases() {
    const now = this.clock.now();
    const identity: { status: string; n: number; oldest: Date | null; late: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS n, min(coalesce(submitted_at, created_at)) AS oldest,
              count(*) FILTER (WHERE status IN ('submitted', 'in_review') AND submitted_at < $1)::int AS late
       FROM identity_cases GROUP BY status ORDER BY status`,
      [new Date(now.getTime() - REVIEW_TARGET_MS)],
    );
    const recovery: { status: string; action: string; n: number; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT status, action, count(*)::int AS n, min(created_at) AS oldest FROM recovery_cases GROUP BY status, action ORDER BY status, action`,
    );
    const age = (d: Date | null) => (d ? Math.round((now.getTime() - new Date(d).getTime()) / 3600_000) : null);
    return {
      identity: identity.map((r) => ({ status: r.status, count: r.n, oldestAgeHours: age(r.oldest), late: r.late })),
      recovery: recovery.map((r) => ({ status: r.status, action: r.action, count: r.n, oldestAgeHours: age(r.oldest) })),
      reviewTargetHours: REVIEW_TARGET_MS / 3600_000,
    };
  }

  /** The queues' health; an unreachable Redis is reported as such rather than failing the board. */
  async queueHealth() {
    if (!this.queues.redisReady) return { redis: 'down' as const, queues: [] };
    const queues = await Promise.all(
      this.queues.allQueues().map(async (q) => {
        const counts = await q.getJobCounts('waiting', 'active', 'failed', 'delayed', 'completed');
        const [oldest] = await q.getJobs(['waiting'], -1, -1, true).catch(() => []);
        return { name: q.name, ...counts, oldestWaitingAt: oldest ? new Date(oldest.timestamp).toISOString() : null };
      }),
    );
    return { redis: 'up' as const, queues };
  }

  async outbox() {
    const rows: { status: string; n: number }[] = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status`);
    const [recent] = await this.dataSource.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'failed' AND created_at > $1`, [new Date(this.clock.now().getTime() - 86_400_000)]);
    return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])), failedLast24h: recent.n };
  }
}
