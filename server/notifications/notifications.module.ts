import { Global, Module } from '@nestjs/common';
import { MailReconcileHandler } from './mail-reconcile.handler';
import { MailSendHandler } from './mail-send.handler';
import { MailTransport } from './mail-transport';
import { OutboxQueriesService } from './outbox-queries.service';
import { OutboxService } from './outbox.service';

@Global()
@Module({
  providers: [OutboxService, OutboxQueriesService, MailTransport, MailSendHandler, MailReconcileHandler],
  exports: [OutboxService, OutboxQueriesService],
})
export class NotificationsModule {}
