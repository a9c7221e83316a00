import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { QueueService } from '../queue/queue.service';
import { METRIC_PREFIX, MetricsService } from './metrics.service';
import { auditChainChecks, documentCounts, openAlertCounts, outboxCounts, reviewBacklog } from './metrics-queries.service';

/** What the feature modules tell the metrics (core imports none of them): the label values to report at zero, the target. */
export interface StateMetricsOptions {
  /** The review answer target (72 h) and how close to it a case counts as near. */
  reviewTargetMs: number;
  reviewNearMs: number;
  documentStates: readonly string[];
  alertRules: readonly string[];
}
export const STATE_METRICS_OPTIONS = Symbol('STATE_METRICS_OPTIONS');

/** BullMQ's job states (a paused queue keeps its jobs in `waiting`). */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;
const OUTBOX_STATUSES = ['pending', 'failed'];
const REVIEW_STATUSES = ['submitted', 'in_review', 'awaiting_reupload'];

interface DatabaseFigures {
  outbox: Map<string, number>;
  documents: Map<string, number>;
  review: { byStatus: Map<string, number>; past: number; near: number; oldest: Date | null };
  alerts: Map<string, number>;
  audit: { latestOk: boolean | null; lastOkAt: Date | null; lastFullOkAt: Date | null };
}
interface QueueFigures {
  name: string;
  counts: Record<string, number>;
  /** Creation time (ms) of the job waiting longest, null when none waits. */
  oldestWaitingAt: number | null;
}
interface Figures {
  /** null: that source did not answer in time; its gauges are left out of the scrape. */
  database: DatabaseFigures | null;
  queues: QueueFigures[] | null;
  at: number;
}

/** Scrapes wait this long for PostgreSQL or Redis at most: a scrape must answer even when they do not. */
const SOURCE_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

const byKey = <K extends string>(rows: ({ [key in K]: string } & { n: number })[], key: K) => new Map(rows.map((r) => [r[key], r.n]));
const seconds = (d: Date | null) => (d ? new Date(d).getTime() / 1000 : null);

/**
 * The gauges read from PostgreSQL and Redis when Prometheus scrapes: queue depth by state and the oldest waiting
 * job's age, mails pending and failed, documents by state, the review backlog against its target, open alerts,
 * and the audit chain's last verification. One read of each serves every gauge of a scrape, and is reused for
 * METRICS_CACHE_SECONDS (concurrent scrapes share the one in flight), so a scrape storm cannot load the database.
 */
@Injectable()
export class StateMetrics {
  private readonly logger = new Logger('Metrics');
  private cached?: { figures: Promise<Figures>; at: number };
  /** False while a read is in flight: scrapes meanwhile share it, whatever the cache's age. */
  private settled = true;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STATE_METRICS_OPTIONS) private readonly options: StateMetricsOptions,
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    metrics: MetricsService,
  ) {
    if (metrics.enabled) this.register(metrics);
  }

  /** The figures of the last read while they are fresh, otherwise a new read (one at a time). */
  figures(): Promise<Figures> {
    const now = Date.now();
    if (this.cached && (now - this.cached.at < this.config.metrics.cacheMs || !this.settled)) return this.cached.figures;
    this.settled = false;
    const figures = this.read().finally(() => (this.settled = true));
    this.cached = { figures, at: now };
    return figures;
  }

  private async read(): Promise<Figures> {
    const [database, queues] = await Promise.all([
      withTimeout(this.readDatabase(), SOURCE_TIMEOUT_MS).catch((e: Error) => {
        this.logger.warn(`metrics: database figures unavailable (${e.message})`);
        return null;
      }),
      withTimeout(this.readQueues(), SOURCE_TIMEOUT_MS).catch((e: Error) => {
        this.logger.warn(`metrics: queue figures unavailable (${e.message})`);
        return null;
      }),
    ]);
    return { database, queues, at: Date.now() };
  }

  private async readDatabase(): Promise<DatabaseFigures> {
    const m = this.dataSource.manager;
    const now = this.clock.now().getTime();
    const { reviewTargetMs, reviewNearMs } = this.options;
    const review = await reviewBacklog(m, new Date(now - reviewTargetMs), new Date(now - (reviewTargetMs - reviewNearMs)));
    return {
      outbox: byKey(await outboxCounts(m), 'status'),
      documents: byKey(await documentCounts(m), 'state'),
      review: { ...review, byStatus: byKey(review.byStatus, 'status') },
      alerts: byKey(await openAlertCounts(m), 'rule'),
      audit: await auditChainChecks(m),
    };
  }

  private async readQueues(): Promise<QueueFigures[]> {
    if (!this.queues.redisReady) throw new Error('redis not connected');
    return Promise.all(
      this.queues.allQueues().map(async (q) => {
        const counts = await q.getJobCounts(...QUEUE_STATES);
        // The wait list grows at its head: ascending from 0 reads its tail, the job added first.
        const [oldest] = counts.waiting ? await q.getJobs(['waiting'], 0, 0, true) : [];
        return { name: q.name, counts, oldestWaitingAt: oldest?.timestamp ?? null };
      }),
    );
  }

  private register(metrics: MetricsService): void {
    const registers = [metrics.registry];
    const gauge = (name: string, help: string, labelNames: string[], fill: (g: Gauge<string>, f: Figures) => void) => {
      const figures = () => this.figures();
      new Gauge<string>({
        name: `${METRIC_PREFIX}${name}`,
        help,
        labelNames,
        registers,
        async collect() {
          const f = await figures();
          // Values of a source that did not answer are left out, not shown stale or as zero (reset alone would
          // leave an unlabelled gauge at 0, which for audit_chain_ok reads as "broken").
          this.reset();
          if (labelNames.length === 0) this.remove();
          fill(this, f);
        },
      });
    };
    const db = (fill: (g: Gauge<string>, d: DatabaseFigures, at: number) => void) => (g: Gauge<string>, f: Figures) => {
      if (f.database) fill(g, f.database, this.clock.now().getTime());
    };
    const setAll = (g: Gauge<string>, label: string, keys: readonly string[], values: Map<string, number>) => {
      for (const k of new Set([...keys, ...values.keys()])) g.set({ [label]: k }, values.get(k) ?? 0);
    };

    gauge('queue_jobs', 'BullMQ jobs per queue and state', ['queue', 'state'], (g, f) => {
      for (const q of f.queues ?? []) for (const state of QUEUE_STATES) g.set({ queue: q.name, state }, q.counts[state] ?? 0);
    });
    gauge('queue_oldest_waiting_job_age_seconds', 'Age of the job waiting longest per queue (0: none waits)', ['queue'], (g, f) => {
      for (const q of f.queues ?? [])
        g.set({ queue: q.name }, q.oldestWaitingAt === null ? 0 : Math.max(0, (f.at - q.oldestWaitingAt) / 1000));
    });
    gauge(
      'outbox_messages',
      'Customer mails in the outbox not sent yet (pending) or given up on (failed)',
      ['status'],
      db((g, d) => setAll(g, 'status', OUTBOX_STATUSES, d.outbox)),
    );
    gauge(
      'documents',
      'Case documents per processing state',
      ['state'],
      db((g, d) => setAll(g, 'state', this.options.documentStates, d.documents)),
    );
    gauge(
      'review_cases',
      'Identity cases in the review backlog per status',
      ['status'],
      db((g, d) => setAll(g, 'status', REVIEW_STATUSES, d.review.byStatus)),
    );
    gauge(
      'review_cases_past_target',
      'Cases waiting for a decision (submitted or in review) past the answer target (72 h after submission)',
      [],
      db((g, d) => g.set(d.review.past)),
    );
    gauge(
      'review_cases_near_target',
      'Cases waiting for a decision within the last hours before the answer target',
      [],
      db((g, d) => g.set(d.review.near)),
    );
    gauge(
      'review_oldest_waiting_age_seconds',
      'Time since the submission of the case waiting longest for a decision (0: none waits)',
      [],
      db((g, d, now) => g.set(d.review.oldest ? Math.max(0, (now - new Date(d.review.oldest).getTime()) / 1000) : 0)),
    );
    gauge('review_target_seconds', 'The answer target of the review, from submission', [], (g) =>
      g.set(this.options.reviewTargetMs / 1000),
    );
    gauge(
      'alerts_open',
      'Alerts not acknowledged yet, per rule',
      ['rule'],
      db((g, d) => setAll(g, 'rule', this.options.alertRules, d.alerts)),
    );
    gauge(
      'audit_chain_ok',
      'Whether the latest verification of the audit chain found it intact (1) or broken (0); absent before the first',
      [],
      db((g, d) => {
        if (d.audit.latestOk !== null) g.set(d.audit.latestOk ? 1 : 0);
      }),
    );
    gauge(
      'audit_chain_last_verified_timestamp_seconds',
      'When the latest successful verification of the audit chain ran (Unix time); absent before the first',
      [],
      db((g, d) => {
        const at = seconds(d.audit.lastOkAt);
        if (at !== null) g.set(at);
      }),
    );
    gauge(
      'audit_chain_last_full_verified_timestamp_seconds',
      'When the latest successful full re-verification of the audit chain ran (Unix time); absent before the first',
      [],
      db((g, d) => {
        const at = seconds(d.audit.lastFullOkAt);
        if (at !== null) g.set(at);
      }),
    );
    gauge('metrics_source_up', 'Whether the last read of a source of these figures succeeded (database, redis)', ['source'], (g, f) => {
      g.set({ source: 'database' }, f.database ? 1 : 0);
      g.set({ source: 'redis' }, f.queues ? 1 : 0);
    });
  }
}
