import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AlertsController, AlertsScanHandler } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { AuditController } from './audit.controller';
import { CallScriptsAdminController } from './call-scripts-admin.controller';
import { AuditCheckpointHandler, ChainWatchService } from './chain-watch.service';
import { DashboardController, EvidenceController } from './dashboard.controller';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';
import { OutboxController } from './outbox.controller';
import { EvidenceService } from './evidence.service';
import { DashboardService } from './dashboard.service';
import { CaseStoryController } from './case-story.controller';
import { CaseStoryService } from './case-story.service';
import { DocumentStore } from '../documents/document-store';
import { AuditExplorerService } from './audit-explorer.service';
import { SavedAuditSearchesController } from './saved-audit-searches.controller';
import { SavedAuditSearchesService } from './saved-audit-searches.service';

@Module({
  imports: [AccountsModule],
  controllers: [
    AlertsController,
    AuditController,
    CallScriptsAdminController,
    CaseStoryController,
    DashboardController,
    EvidenceController,
    HomeController,
    OutboxController,
    SavedAuditSearchesController,
  ],
  providers: [
    AlertsService,
    AlertsScanHandler,
    AuditCheckpointHandler,
    ChainWatchService,
    DashboardService,
    EvidenceService,
    HomeService,
    AuditExplorerService,
    SavedAuditSearchesService,
    CaseStoryService,
    DocumentStore,
  ],
  exports: [AlertsService],
})
export class SupervisionModule {}
