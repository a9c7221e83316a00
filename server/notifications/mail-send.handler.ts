import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import type { JobPayloads } from '../core/queue/jobs';
import { MailTransport } from './mail-transport';
import { OutboxMessage } from './outbox-message.entity';
import { render } from './templates';

/**
 * Sends one outbox row. Does nothing when the row is gone or no longer pending (a replayed job). The row is
 * marked sent with a compare-and-set on its status; its secret params are erased at the same time.
 */
@Injectable()
@JobHandler('mail.send')
export class MailSendHandler implements JobHandlerOf<'mail.send'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  async handle(payload: JobPayloads['mail.send'], job: Job<JobPayloads['mail.send']>): Promise<{ status: string }> {
    const repo = this.dataSource.getRepository(OutboxMessage);
    const row = await repo.findOneBy({ id: payload.outboxId });
    if (!row || row.status !== 'pending') return { status: row ? `already ${row.status}` : 'gone' };

    const { subject, text } = render(row.template, row.language, row.params);
    let messageId: string;
    try {
      messageId = await this.transport.send({ id: row.id, to: row.toAddress, subject, text });
    } catch (e) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await repo
        .createQueryBuilder()
        .update()
        .set({ attempts: () => 'attempts + 1', lastError: String((e as Error).message).slice(0, 500), ...(final ? { status: 'failed' as const } : {}) })
        .where('id = :id AND status = :pending', { id: row.id, pending: 'pending' })
        .execute();
      throw e;
    }
    const kept = Object.fromEntries(Object.entries(row.params).filter(([k]) => !row.secretParams.includes(k)));
    await repo
      .createQueryBuilder()
      .update()
      .set({ status: 'sent', sentAt: this.clock.now(), messageId, attempts: () => 'attempts + 1', params: kept, lastError: null })
      .where('id = :id AND status = :pending', { id: row.id, pending: 'pending' })
      .execute();
    return { status: 'sent' };
  }
}
