import { Injectable } from '@nestjs/common';
import { Clock } from '../core/clock';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { OutboxQueriesService } from './outbox-queries.service';
import { OutboxService } from './outbox.service';

/** Re-enqueues pending mails the relay could not hand to Redis, or that Redis lost. Job ids make it idempotent. */
@Injectable()
@JobHandler('mail.reconcile')
export class MailReconcileHandler implements JobHandlerOf<'mail.reconcile'> {
  constructor(
    private readonly queries: OutboxQueriesService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<{ requeued: number }> {
    const olderThan = new Date(this.clock.now().getTime() - 10_000);
    const ids = await this.queries.stalePending(olderThan);
    await this.outbox.relay(ids);
    return { requeued: ids.length };
  }
}
