import { Module } from '@nestjs/common';
import { WebhookDeliverHandler } from './webhook-deliver.handler';
import { WebhookWakeup } from './webhook-wakeup';
import { WebhooksController } from './webhooks.controller';
import { WebhooksReconcileHandler } from './webhooks-reconcile.handler';
import { WebhooksService } from './webhooks.service';

/** The security event stream: the audit trail (alerts included) to signed webhooks, in order, resumable. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliverHandler, WebhooksReconcileHandler, WebhookWakeup],
})
export class EventsModule {}
