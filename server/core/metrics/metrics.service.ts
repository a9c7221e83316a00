import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { HttpObserver } from '../http/request-log';

/** Every metric name starts with this. */
export const METRIC_PREFIX = 'recovery_desk_';

/**
 * The process's Prometheus registry (its own, not prom-client's global one: tests run several apps in one
 * process). With metrics off nothing is collected and the request log gets no observer, so the hot path pays nothing.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly enabled: boolean;
  private readonly httpDuration?: Histogram<'method' | 'route' | 'status_code'>;
  private readonly jobDuration?: Histogram<'queue' | 'job' | 'outcome'>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.enabled = config.metrics.port !== null;
    if (!this.enabled) return;
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Time from the request to the end of its answer, by route template (never the raw path) and status',
      labelNames: ['method', 'route', 'status_code'],
      // Finer than prom-client's default at the low end: a lookup answers in a few milliseconds.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: `${METRIC_PREFIX}job_duration_seconds`,
      help: 'Time a worker spent on a job attempt, by queue, job name and outcome (completed, failed)',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [this.registry],
    });
  }

  /** Starts timing one job attempt; the returned function records it with its outcome (nothing when metrics are off). */
  jobTimer(queue: string, job: string): (outcome: 'completed' | 'failed') => void {
    const histogram = this.jobDuration;
    if (!histogram) return () => undefined;
    const started = process.hrtime.bigint();
    return (outcome) => histogram.observe({ queue, job, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** What the request log calls at the end of each request; undefined when metrics are off. */
  get httpObserver(): HttpObserver | undefined {
    const histogram = this.httpDuration;
    if (!histogram) return undefined;
    return { observe: (method, route, status, seconds) => histogram.observe({ method, route, status_code: status }, seconds) };
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
