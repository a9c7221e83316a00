import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

/** Re-enqueues pending mails the relay could not hand to Redis, or that Redis lost. Job ids make it idempotent. */
@Injectable()
@JobHandler('mail.reconcile')
export class MailReconcileHandler implements JobHandlerOf<'mail.reconcile'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<{ requeued: number }> {
    const olderThan = new Date(this.clock.now().getTime() - 10_000);
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.id')
      .where('m.status = :pending AND m.createdAt < :olderThan', { pending: 'pending', olderThan })
      .orderBy('m.createdAt', 'ASC')
      .limit(500)
      .getMany();
    await this.outbox.relay(rows.map((r) => r.id));
    return { requeued: rows.length };
  }
}
