import { Global, Module } from '@nestjs/common';
import { MailReconcileHandler } from './mail-reconcile.handler';
import { MailSendHandler } from './mail-send.handler';
import { MailTransport } from './mail-transport';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

@Global()
@Module({
  controllers: [OutboxController],
  providers: [OutboxService, MailTransport, MailSendHandler, MailReconcileHandler],
  exports: [OutboxService],
})
export class NotificationsModule {}
