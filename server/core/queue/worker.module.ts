import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { JobName } from './jobs';
import { QueueService } from './queue.service';
import { WorkerService } from './worker.service';

/**
 * Recurring jobs, registered idempotently by every worker at boot. Redis may lose them under a running worker
 * (restarted without persistence, flushed, failed over): they are checked again as soon as the connection comes
 * back and periodically, and the missing ones re-created, so nothing waits for a worker restart.
 */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RecurringJobs');
  private timer?: NodeJS.Timeout;
  private checking?: Promise<string[]>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  private schedules(): [JobName, number][] {
    return [
      ['audit.checkpoint', this.config.auditCheckpointEveryMs],
      ['sessions.sweep', 3600_000],
      ['mail.reconcile', 30_000],
      ['documents.reconcile', 60_000],
      ['cases.expire', 3600_000],
      ['documents.purge', 24 * 3600_000],
      ['alerts.scan', 20_000],
      ['recovery.reconcile', this.config.recoveryReconcileEveryMs],
      // Only when webhooks are configured: the default install schedules nothing new.
      ...(this.config.securityWebhooks.length ? [['webhooks.reconcile', this.config.securityWebhookPollMs] as [JobName, number]] : []),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, everyMs] of this.schedules()) await this.queues.schedule(name, everyMs, {});
    this.queues.onRedisReady(() => void this.check());
    this.timer = setInterval(() => void this.check(), this.config.schedulesCheckEveryMs);
  }

  /** Re-creates the schedules Redis lost; returns their names. One check at a time. */
  check(): Promise<string[]> {
    this.checking ??= (async () => {
      const recreated: string[] = [];
      try {
        for (const [name, everyMs] of this.schedules()) if (await this.queues.ensureScheduled(name, everyMs, {})) recreated.push(name);
        if (recreated.length) this.logger.warn(`re-created the scheduled jobs Redis had lost: ${recreated.join(', ')}`);
      } catch (e) {
        this.logger.warn(`scheduled jobs not checked (${(e as Error).message}); checked again when Redis is back`);
      } finally {
        this.checking = undefined;
      }
      return recreated;
    })();
    return this.checking;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

@Module({
  imports: [DiscoveryModule],
  providers: [WorkerService, RecurringJobs],
})
export class WorkerModule {}
