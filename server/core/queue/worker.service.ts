import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_HANDLER, JobHandlerOf } from './job-handler';
import { JOB_NAMES, JOB_QUEUE, JobName, JobPayloads, QUEUE_CONCURRENCY, QUEUE_NAMES } from './jobs';
import { createRedis } from './redis';
import { MetricsService } from '../metrics/metrics.service';

/** Finds the handlers, refuses to start unless each job has exactly one, and runs one BullMQ worker per queue. */
export function collectHandlers(found: { name: JobName; instance: JobHandlerOf<JobName> }[]): Map<JobName, JobHandlerOf<JobName>> {
  const byName = new Map<JobName, JobHandlerOf<JobName>>();
  const problems: string[] = [];
  for (const { name, instance } of found) {
    if (!JOB_NAMES.includes(name)) problems.push(`handler for unknown job "${name}"`);
    else if (byName.has(name)) problems.push(`two handlers for job "${name}"`);
    else byName.set(name, instance);
  }
  for (const name of JOB_NAMES) if (!byName.has(name)) problems.push(`no handler for job "${name}"`);
  if (problems.length) throw new Error(`Job handlers: ${problems.join('; ')}`);
  return byName;
}

@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    const found = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && this.reflector.get(JOB_HANDLER, w.metatype))
      .map((w) => ({ name: this.reflector.get<JobName>(JOB_HANDLER, w.metatype!), instance: w.instance as JobHandlerOf<JobName> }));
    const handlers = collectHandlers(found);

    this.connection = createRedis(this.config.redisUrl, 'worker');
    for (const queue of QUEUE_NAMES) {
      const worker = new Worker(
        queue,
        async (job: Job<JobPayloads[JobName]>) => {
          const handler = handlers.get(job.name as JobName);
          if (!handler || JOB_QUEUE[job.name as JobName] !== queue) throw new Error(`No handler for job ${job.name} on ${queue}`);
          const done = this.metrics.jobTimer(queue, job.name);
          try {
            const result: unknown = await handler.handle(job.data, job);
            done('completed');
            return result;
          } catch (e) {
            done('failed');
            throw e;
          }
        },
        {
          connection: this.connection,
          prefix: this.config.queuePrefix,
          concurrency: QUEUE_CONCURRENCY[queue],
          lockDuration: this.config.queueLockMs,
          stalledInterval: this.config.queueLockMs,
          autorun: true,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(`${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
      );
      worker.on('error', (err) => this.logger.error(`${queue} worker: ${err.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`Processing queues ${QUEUE_NAMES.join(', ')} (${handlers.size} job types)`);
  }

  /** SIGTERM: stop taking jobs and let the running ones finish (their locks are released on close). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.connection?.disconnect();
  }
}
