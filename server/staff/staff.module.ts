import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EnrolmentController } from './enrolment.controller';
import { MySettingsController } from './my-settings.controller';
import { MySettingsService } from './my-settings.service';
import { RoleRequestsService } from './role-requests.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { StaffCredentialsService } from './staff-credentials.service';
import { StaffEnrolmentService } from './staff-enrolment.service';

@Module({
  imports: [AuthModule],
  controllers: [StaffController, EnrolmentController, MySettingsController],
  providers: [MySettingsService, StaffService, StaffCredentialsService, StaffEnrolmentService, RoleRequestsService],
})
export class StaffModule {}
