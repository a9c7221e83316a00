import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { pino } from 'pino';
import { Clock } from './clock';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { PinoLogger } from './logger';
import { dataSourceOptions, DatabaseSchema } from './database/data-source';
import { QueueService } from './queue/queue.service';
import { AttemptLimiter } from './limits/attempt-limiter.service';

export interface CoreOptions {
  config: AppConfig;
  schema: DatabaseSchema;
  clock?: Clock;
}

/** Cross-cutting services every process needs: config, database, clock, logs, queues. No business rule. */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, schema, clock }: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        DiscoveryModule,
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl!, schema, config.poolSize), retryAttempts: 3, retryDelay: 1000 }),
      ],
      providers: [
        { provide: Clock, useValue: clock ?? new Clock() },
        // Application logs through pino, with no per-request logger context: that would run every request inside
        // an AsyncLocalStorage, which on Node 20 puts a hook on every promise (9 KB and a tenth of the lookup's
        // allocations, measured); the request log (core/http/request-log) is mounted in createHttpApp instead, and error lines name their
        // request id themselves.
        { provide: PinoLogger, useValue: new PinoLogger(pino({ level: config.logLevel })) },
        QueueService,
        AttemptLimiter,
      ],
      exports: [Clock, PinoLogger, QueueService, AttemptLimiter],
    };
  }
}
