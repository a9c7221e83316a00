import { Module } from '@nestjs/common';
import { AlertsController, AlertsScanHandler } from './alerts.controller';
import { AlertsService } from './alerts.service';

@Module({
  controllers: [AlertsController],
  providers: [AlertsService, AlertsScanHandler],
  exports: [AlertsService],
})
export class SupervisionModule {}
