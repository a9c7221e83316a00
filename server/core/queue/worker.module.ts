import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { QueueService } from './queue.service';
import { WorkerService } from './worker.service';

/** Recurring jobs, registered idempotently by every worker at boot. */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule('audit.checkpoint', this.config.auditCheckpointEveryMs, {});
    await this.queues.schedule('sessions.sweep', 3600_000, {});
    await this.queues.schedule('mail.reconcile', 30_000, {});
    await this.queues.schedule('documents.reconcile', 60_000, {});
    await this.queues.schedule('cases.expire', 3600_000, {});
    await this.queues.schedule('documents.purge', 24 * 3600_000, {});
    await this.queues.schedule('alerts.scan', 20_000, {});
    await this.queues.schedule('recovery.reconcile', this.config.recoveryReconcileEveryMs, {});
  }
}

@Module({
  imports: [DiscoveryModule],
  providers: [WorkerService, RecurringJobs],
})
export class WorkerModule {}
