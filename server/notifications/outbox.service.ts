import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueueService } from '../core/queue/queue.service';
import { OutboxMessage } from './outbox-message.entity';
import type { TemplateName } from './templates';

export interface NewMail {
  accountId: string | null;
  template: TemplateName;
  language: string;
  to: string;
  params: Record<string, string>;
  /** Params erased from the row once the mail is sent (a one-time code). */
  secretParams?: string[];
}

/**
 * The transactional outbox. `add` writes the mail in the caller's transaction, so it exists exactly when the
 * action does; `relay` runs after commit and enqueues with the row id as job id. A relay that fails (Redis down)
 * loses nothing: the reconciler enqueues what is still pending.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(private readonly queues: QueueService) {}

  async add(manager: EntityManager, mail: NewMail): Promise<OutboxMessage> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('OutboxService.add needs the EntityManager of an open transaction');
    return manager.save(
      manager.create(OutboxMessage, {
        accountId: mail.accountId,
        template: mail.template,
        language: mail.language,
        toAddress: mail.to,
        params: mail.params,
        secretParams: mail.secretParams ?? [],
        status: 'pending',
      }),
    );
  }

  async relay(ids: string[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.queues.enqueue('mail.send', { outboxId: id }, { jobId: id });
      } catch (e) {
        this.logger.warn(`mail ${id} not enqueued now (${(e as Error).message}); the reconciler will`);
      }
    }
  }
}
