import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { StaffCredentialsService } from './staff-credentials.service';

@Module({
  imports: [AuthModule],
  controllers: [StaffController],
  providers: [StaffService, StaffCredentialsService],
})
export class StaffModule {}
