import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountLockService } from './account-lock.service';
import { AccountsService } from './accounts.service';
import { CallScriptsController } from './call-scripts.controller';
import { CallScriptsService } from './call-scripts.service';
import { StatedValueLimits } from './stated-value-limits.service';
import { VerificationService } from './verification.service';
import { VerificationsController } from './verifications.controller';

@Module({
  controllers: [AccountsController, VerificationsController, CallScriptsController],
  providers: [AccountsService, AccountLockService, VerificationService, StatedValueLimits, CallScriptsService],
  exports: [AccountsService, AccountLockService, VerificationService, CallScriptsService],
})
export class AccountsModule {}
