import { Module } from '@nestjs/common';
import { AlertsController, AlertsScanHandler } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { AuditCheckpointHandler, ChainWatchService } from './chain-watch.service';
import { DashboardController, EvidenceController } from './dashboard.controller';
import { EvidenceService } from './evidence.service';
import { DashboardService } from './dashboard.service';

@Module({
  controllers: [AlertsController, DashboardController, EvidenceController],
  providers: [AlertsService, AlertsScanHandler, AuditCheckpointHandler, ChainWatchService, DashboardService, EvidenceService],
  exports: [AlertsService],
})
export class SupervisionModule {}
