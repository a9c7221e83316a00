import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DocumentsModule } from '../documents/documents.module';
import { RecoveryAftercareService } from './recovery-aftercare.service';
import { RecoveryExecuteHandler } from './recovery-execute.handler';
import { RecoveryReconcileHandler } from './recovery-reconcile.handler';
import { RecoveryController, RecoveryLinksController } from './recovery.controller';
import { RecoveryOnVerified } from './recovery-on-verified';
import { RecoveryQueriesService } from './recovery-queries.service';
import { RecoveryService } from './recovery.service';

@Module({
  imports: [AccountsModule, DocumentsModule],
  controllers: [RecoveryController, RecoveryLinksController],
  providers: [
    RecoveryService,
    RecoveryAftercareService,
    RecoveryQueriesService,
    RecoveryExecuteHandler,
    RecoveryReconcileHandler,
    RecoveryOnVerified,
  ],
})
export class RecoveryModule {}
