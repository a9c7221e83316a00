import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import type { JobPayloads } from '../core/queue/jobs';
import { MailTransport } from './mail-transport';
import { OutboxMessage } from './outbox-message.entity';
import { render } from './templates';

/**
 * A 5xx answer is the server's final word (unknown mailbox, refused content): sending again cannot help. Anything
 * else, a 4xx, a timeout or a connection error, may pass later.
 */
function isPermanentSmtpError(e: unknown): boolean {
  const code = (e as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

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
      const permanent = isPermanentSmtpError(e);
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await repo
        .createQueryBuilder()
        .update()
        .set({
          attempts: () => 'attempts + 1',
          lastError: String((e as Error).message).slice(0, 500),
          ...(final ? { status: 'failed' as const } : {}),
        })
        .where('id = :id AND status = :pending', { id: row.id, pending: 'pending' })
        .execute();
      // BullMQ's way to fail a job at once, skipping the remaining attempts.
      throw permanent ? new UnrecoverableError((e as Error).message) : e;
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
