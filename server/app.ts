import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { pino } from 'pino';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clock } from './core/clock';
import type { AppConfig } from './core/config/config';
import { AllExceptionsFilter } from './core/http/exception.filter';
import { requestLog } from './core/http/request-log';
import { listRoutes } from './core/http/route-inventory';
import { PinoLogger } from './core/logger';
import { SafeInputPipe } from './core/http/safe-input';
import { sameOriginOnly } from './core/http/same-origin';
import { createValidationPipe } from './core/http/validation';
import { ROUTE_POLICY } from './auth/policy.decorator';
import { OpenApiDocument } from './api-docs.controller';
import { buildOpenApiDocument } from './openapi';
import { MetricsService } from './core/metrics/metrics.service';
import { RootModule } from './root.module';
import { mountQueueBoard } from './supervision/queue-board';

/** Serves the built console at / with a fallback to index.html for its client-side routes. */
function serveConsole(app: NestExpressApplication, uiDir: string): void {
  const index = path.join(uiDir, 'index.html');
  const form = path.join(uiDir, 'form.html');
  if (!fs.existsSync(index)) return;
  const http = app.getHttpAdapter().getInstance();
  // The customers' online form: a page of its own, no staff login.
  http.get(/^\/form\/?$/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(fs.existsSync(form) ? form : index);
  });
  // API paths never reach the file system (a stat per API request was 5 % of the lookup's CPU).
  const isApi = (p: string) => p === '/api' || p.startsWith('/api/');
  const files = express.static(uiDir, { index: false, maxAge: '1h', immutable: false });
  http.use((req, res, next) => (isApi(req.path) ? next() : files(req, res, next)));
  // Metrics have their own port (METRICS_PORT): here /metrics is a plain 404, not the console's page.
  http.all(/^\/metrics(\/.*)?$/, (_req, res) => {
    res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
  });
  http.get(/^\/(?!api(\/|$)).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** The HTTP application (api or all role), configured the same way for main and for the tests. */
export async function createHttpApp(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    RootModule.forRole(config.role === 'worker' ? 'api' : config.role, config, clock),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(PinoLogger));
  const open = listRoutes(app, ROUTE_POLICY).filter((r) => !r.policy);
  if (open.length) throw new Error(`Routes without a declared permission: ${open.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  app.set('trust proxy', config.trustProxy);
  // First, so that every answer has a request id, the body parser's and helmet's included.
  app.use(
    requestLog(
      // Written asynchronously and in batches: lines wait until 4 kB are pending (some 25 requests) or 250 ms have
      // passed, then go out in one write. One write per line, even asynchronous, was 3.7 % of the API's CPU in the
      // lookup benchmark's profile (its dispatch runs on the main thread); batched, it no longer shows. A line
      // is at most 250 ms late; pino flushes what is pending when the process exits.
      pino({ level: config.logLevel }, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 })),
      { enabled: config.nodeEnv !== 'test', metrics: app.get(MetricsService).httpObserver },
    ),
  );
  app.disable('x-powered-by');
  // API answers carry personal data: never stored by a browser or a proxy, so no ETag to compute either.
  app.set('etag', false);
  app.use('/api', (_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'upgrade-insecure-requests': config.cookieSecure ? [] : null },
      },
      strictTransportSecurity: config.cookieSecure,
    }),
  );
  // Before any body is read: a cross-site write is refused whole (API, staff sign-in, customers' form, queue board).
  app.use(sameOriginOnly(config.publicUrl));
  app.use(express.json({ limit: '100kb' }));
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  // Built on first request, not at boot: only admins read it.
  app.get(OpenApiDocument).buildWith(() => buildOpenApiDocument(app));
  app.useGlobalPipes(new SafeInputPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  mountQueueBoard(app);
  serveConsole(app, config.uiDir);
  return app;
}

/** The worker role: a Nest application context with no HTTP port, running the queue processors. */
export async function createWorker(config: AppConfig, clock?: Clock): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(RootModule.forRole('worker', config, clock), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  return app;
}
