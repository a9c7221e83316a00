import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountLockService } from './account-lock.service';
import { AccountsService } from './accounts.service';
import { StatedValueLimits } from './stated-value-limits.service';
import { VerificationService } from './verification.service';
import { VerificationsController } from './verifications.controller';

@Module({
  controllers: [AccountsController, VerificationsController],
  providers: [AccountsService, AccountLockService, VerificationService, StatedValueLimits],
  exports: [AccountsService, AccountLockService, VerificationService],
})
export class AccountsModule {}
