import { Injectable } from '@nestjs/common';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { WebhooksService } from './webhooks.service';

/**
 * The stream's reconcile pass, like the mails': every webhook behind the audit trail gets its delivery job, whether
 * it was never woken, lost with Redis, or failed after its last attempt. Job ids make it idempotent.
 */
@Injectable()
@JobHandler('webhooks.reconcile')
export class WebhooksReconcileHandler implements JobHandlerOf<'webhooks.reconcile'> {
  constructor(private readonly webhooks: WebhooksService) {}

  async handle(): Promise<{ woken: string[] }> {
    return { woken: await this.webhooks.wakeBehind() };
  }
}
