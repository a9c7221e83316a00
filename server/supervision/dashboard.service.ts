import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock';
import { QueueService } from '../core/queue/queue.service';
import { REVIEW_TARGET_MS } from '../documents/review.service';
import { activityCounts, identityCasesByStatus, outboxCounts, recoveryCasesByStatus } from './supervision-queries.service';

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
    const rows = await activityCounts(this.dataSource.manager, from, to, actions);
    const byKey = new Map<string, Record<string, number | string>>();
    for (const r of rows) {
      const key = `${r.day}|${r.staff}`;
      const entry = byKey.get(key) ?? {
        day: r.day,
        staff: r.staff,
        ...Object.fromEntries(Object.keys(ACTIVITY_ACTIONS).map((k) => [k, 0])),
      };
      const kind = Object.entries(ACTIVITY_ACTIONS).find(([, list]) => list.includes(r.action))![0];
      entry[kind] = (entry[kind] as number) + r.n;
      byKey.set(key, entry);
    }
    return [...byKey.values()];
  }

  async cases() {
    const now = this.clock.now();
    const identity = await identityCasesByStatus(this.dataSource.manager, new Date(now.getTime() - REVIEW_TARGET_MS));
    const recovery = await recoveryCasesByStatus(this.dataSource.manager);
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
    const counts = await outboxCounts(this.dataSource.manager, new Date(this.clock.now().getTime() - 86_400_000));
    return { byStatus: Object.fromEntries(counts.byStatus.map((r) => [r.status, r.n])), failedLast24h: counts.failedSince };
  }
}
