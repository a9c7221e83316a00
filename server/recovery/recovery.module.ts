import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { RecoveryAftercareService } from './recovery-aftercare.service';
import { RecoveryExecuteHandler } from './recovery-execute.handler';
import { RecoveryReconcileHandler } from './recovery-reconcile.handler';
import { RecoveryController, RecoveryLinksController } from './recovery.controller';
import { RecoveryService } from './recovery.service';

@Module({
  imports: [AccountsModule],
  controllers: [RecoveryController, RecoveryLinksController],
  providers: [RecoveryService, RecoveryAftercareService, RecoveryExecuteHandler, RecoveryReconcileHandler],
})
export class RecoveryModule {}
