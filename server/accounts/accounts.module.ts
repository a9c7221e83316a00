import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { StatedValueLimits } from './stated-value-limits.service';
import { VerificationService } from './verification.service';
import { VerificationsController } from './verifications.controller';

@Module({
  controllers: [AccountsController, VerificationsController],
  providers: [AccountsService, VerificationService, StatedValueLimits],
  exports: [AccountsService, VerificationService],
})
export class AccountsModule {}
