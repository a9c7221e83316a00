import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, JobState, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { coreError } from '../http/core.errors';
import { JOB_QUEUE, JobName, JobPayloads, QUEUE_NAMES, QueueName } from './jobs';
import { createRedis } from './redis';

/** Retries with exponential backoff; finished jobs are kept a while so a replayed job id stays a no-op. */
function defaultJobOptions(config: AppConfig): JobsOptions {
  return {
    attempts: config.mailMaxAttempts,
    backoff: { type: 'exponential', delay: config.mailRetryBaseMs },
    removeOnComplete: { age: 24 * 3600, count: 10000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}

export interface EnsuredJob {
  action: 'live' | 'added' | 'replaced';
  /** The state the job under this id was in; 'missing' when Redis had none. */
  previous: string;
  failedReason?: string;
}

/** Typed producer side of every queue. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = createRedis(config.redisUrl, 'producer');
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.config.queuePrefix,
        defaultJobOptions: defaultJobOptions(this.config),
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return QUEUE_NAMES.map((n) => this.queue(n));
  }

  get redisReady(): boolean {
    return this.connection.status === 'ready';
  }

  async ping(): Promise<void> {
    if (!this.redisReady) throw new Error('redis not connected');
    await this.connection.ping();
  }

  /** Adds a job; a jobId makes it idempotent (an existing id is a no-op). 503 at once when Redis is down. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: JobsOptions = {}): Promise<string | undefined> {
    if (!this.redisReady) throw coreError('queue_unavailable');
    const job = await this.queue(JOB_QUEUE[name]).add(name, payload, opts);
    return job.id;
  }

  /**
   * Makes sure the job with this id will run: does nothing while it waits or runs, adds it when Redis has none
   * (never added, or lost with Redis), and replaces a finished one, since `add` under a kept id is a silent no-op.
   * Only for a caller that read in the database that the work is still due; it learns what the old job became.
   */
  async ensure<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string, opts: JobsOptions = {}): Promise<EnsuredJob> {
    const existing = await this.job(name, jobId);
    if (existing && !['completed', 'failed', 'unknown'].includes(existing.state)) return { action: 'live', previous: existing.state };
    if (existing) await existing.job.remove();
    await this.enqueue(name, payload, { ...opts, jobId });
    return {
      action: existing ? 'replaced' : 'added',
      previous: existing?.state ?? 'missing',
      failedReason: existing?.job.failedReason || undefined,
    };
  }

  /** The job kept under this id and its state, or null when Redis has none. */
  async job(name: JobName, jobId: string): Promise<{ job: Job; state: JobState | 'unknown' } | null> {
    const job = await this.queue(JOB_QUEUE[name]).getJob(jobId);
    return job ? { job, state: await job.getState() } : null;
  }

  async schedule<N extends JobName>(name: N, everyMs: number, payload: JobPayloads[N]): Promise<void> {
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(name, { every: everyMs }, { name, data: payload });
  }

  /** Creates the job scheduler when Redis has none (lost with Redis); true when it did. */
  async ensureScheduled<N extends JobName>(name: N, everyMs: number, payload: JobPayloads[N]): Promise<boolean> {
    if (await this.queue(JOB_QUEUE[name]).getJobScheduler(name)) return false;
    await this.schedule(name, everyMs, payload);
    return true;
  }

  /** Called on each connection to Redis, the first one and every comeback after a loss. */
  onRedisReady(listener: () => void): void {
    this.connection.on('ready', listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
