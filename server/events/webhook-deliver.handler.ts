import { Injectable } from '@nestjs/common';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import type { JobPayloads } from '../core/queue/jobs';
import { WebhooksService } from './webhooks.service';

/**
 * Delivers a webhook's backlog, batch after batch, until it is caught up. A failed POST fails the job, so BullMQ
 * retries it with exponential backoff (the cursor has not moved: the same entries go again); once the attempts
 * are spent, the reconcile pass starts a new job. Nothing is ever skipped.
 */
@Injectable()
@JobHandler('webhook.deliver')
export class WebhookDeliverHandler implements JobHandlerOf<'webhook.deliver'> {
  constructor(private readonly webhooks: WebhooksService) {}

  async handle(payload: JobPayloads['webhook.deliver']): Promise<{ status: string; delivered: number; lastId?: string }> {
    const hook = this.webhooks.hooks.find((h) => h.name === payload.webhook);
    if (!hook) return { status: 'not configured', delivered: 0 };
    let delivered = 0;
    let lastId: string | undefined;
    for (;;) {
      const outcome = await this.webhooks.deliverBatch(hook);
      if (outcome.status === 'failed') throw new Error(`webhook ${hook.name}: ${outcome.error}`);
      if (outcome.status !== 'delivered') return { status: outcome.status, delivered, lastId };
      delivered += outcome.count;
      lastId = outcome.lastId;
    }
  }
}
