import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApiDocsController, OpenApiDocument } from './api-docs.controller';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DocumentsModule } from './documents/documents.module';
import { EventsModule } from './events/events.module';
import type { Clock } from './core/clock';
import type { AppConfig, Role } from './core/config/config';
import { CoreModule } from './core/core.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { PROCESSING_STATES } from './documents/case-document.entity';
import { REVIEW_TARGET_MS } from './documents/review.service';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { WorkerModule } from './core/queue/worker.module';
import { schema } from './schema';
import { NotificationsModule } from './notifications/notifications.module';
import { RecoveryModule } from './recovery/recovery.module';
import { StaffModule } from './staff/staff.module';
import { SupervisionModule } from './supervision/supervision.module';
import { ALERT_RULES } from './supervision/alert.entity';
import { NEAR_TARGET_MS } from './supervision/home.service';

/** The feature modules; their controllers serve in the api role, their job handlers run in the worker role. */
const FEATURES = [
  AuditModule,
  NotificationsModule,
  AuthModule,
  StaffModule,
  AccountsModule,
  DocumentsModule,
  RecoveryModule,
  SupervisionModule,
  EventsModule,
];

@Module({})
export class RootModule {
  static forRole(role: Role, config: AppConfig, clock?: Clock): DynamicModule {
    const runsWorker = role === 'worker' || role === 'all';
    return {
      module: RootModule,
      imports: [
        CoreModule.forRoot({ config, schema, clock }),
        // Every role serves its metrics; the feature modules' vocabulary is handed down (core imports none of them).
        MetricsModule.forRoot({
          reviewTargetMs: REVIEW_TARGET_MS,
          reviewNearMs: NEAR_TARGET_MS,
          documentStates: PROCESSING_STATES,
          alertRules: ALERT_RULES,
        }),
        ...FEATURES,
        ...(runsWorker ? [WorkerModule] : []),
        // Readiness checks; its own error log is off (a failing probe every few seconds is not news, the 503 says it).
        ...(role === 'worker' ? [] : [TerminusModule.forRoot({ logger: false })]),
      ],
      controllers: role === 'worker' ? [] : [HealthController, ApiDocsController],
      providers: role === 'worker' ? [] : [HealthService, OpenApiDocument],
    };
  }
}
