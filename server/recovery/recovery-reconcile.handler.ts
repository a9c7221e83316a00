import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../core/clock';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { QueueService } from '../core/queue/queue.service';
import { RecoveryQueriesService } from './recovery-queries.service';
import { executeJobId } from './recovery.service';

/**
 * The database is the source of truth of what is due: every case past its hold must have a live execution job.
 * One lost with Redis (restarted without persistence, flushed, failed over) or never enqueued (Redis down at
 * approval) is enqueued again under the same id; one that failed for good is replaced by a fresh one, logged
 * with its reason, since the case is still approved and due. The execute handler is idempotent.
 */
@Injectable()
@JobHandler('recovery.reconcile')
export class RecoveryReconcileHandler implements JobHandlerOf<'recovery.reconcile'> {
  private readonly logger = new Logger('RecoveryReconcile');

  constructor(
    private readonly queries: RecoveryQueriesService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<{ enqueued: number; retriedAfterFailure: number }> {
    const due = await this.queries.dueForExecution(this.clock.now());
    let enqueued = 0;
    let retriedAfterFailure = 0;
    for (const id of due) {
      const done = await this.queues.ensure('recovery.execute', { recoveryCaseId: id }, executeJobId(id));
      if (done.action === 'live') continue;
      enqueued += 1;
      if (done.previous === 'failed') {
        retriedAfterFailure += 1;
        this.logger.warn(`recovery case ${id}: its execution had failed (${done.failedReason ?? 'no reason'}); enqueued again`);
      } else {
        this.logger.warn(`recovery case ${id}: past its hold with no execution job (${done.previous}); enqueued`);
      }
    }
    return { enqueued, retriedAfterFailure };
  }
}
