import { Global, Module } from '@nestjs/common';
import { MailReconcileHandler } from './mail-reconcile.handler';
import { MailSendHandler } from './mail-send.handler';
import { MailTransport } from './mail-transport';
import { OutboxService } from './outbox.service';

@Global()
@Module({
  providers: [OutboxService, MailTransport, MailSendHandler, MailReconcileHandler],
  exports: [OutboxService],
})
export class NotificationsModule {}
