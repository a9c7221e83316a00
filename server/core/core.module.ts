import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import { Clock } from './clock';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { PinoLogger } from './logger';
import { dataSourceOptions, DatabaseSchema } from './database/data-source';
import { QueueService } from './queue/queue.service';
import { AttemptLimiter } from './limits/attempt-limiter.service';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's request id when it looks sane (a proxy's), otherwise makes one; echoes it back. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The HTTP request log (pino-http), mounted by createHttpApp: request ids, one line per answered request. */
export function httpLoggerOptions(config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>): HttpLoggerOptions {
  return {
    level: config.logLevel,
    genReqId: requestId,
    autoLogging: config.nodeEnv !== 'test',
    // Lines logged while handling a request carry its id, not the whole request.
    quietReqLogger: true,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-case-token"]', 'res.headers["set-cookie"]'],
    // Query strings carry what callers typed (an email, a phone number): the log keeps the path only.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
    },
  };
}

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
        // allocations, measured); pino-http is mounted in createHttpApp instead, and error lines name their
        // request id themselves.
        { provide: PinoLogger, useValue: new PinoLogger(pino({ level: config.logLevel })) },
        QueueService,
        AttemptLimiter,
      ],
      exports: [Clock, PinoLogger, QueueService, AttemptLimiter],
    };
  }
}
