import 'reflect-metadata';
import * as path from 'node:path';
import { createHttpApp, createWorker } from './app';
import { AppConfig, ConfigError, loadConfig } from './core/config/config';
import { createDataSource } from './core/database/data-source';
import { startEmbeddedPostgres } from './core/dev/embedded-postgres';
import { ensureLocalRedis } from './core/dev/local-redis';
import { runMigrations } from './core/database/migrate';
import { schema } from './schema';
import { MetricsServer } from './core/metrics/metrics-server';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET, seedDemoStaff } from './staff/demo-staff';
import { seedAccounts } from './accounts/demo-accounts';

type Stop = () => Promise<void>;

/**
 * One entry, three roles (ROLE or the first argument: api, worker, all). Outside production, a missing
 * DATABASE_URL starts the embedded PostgreSQL under DATA_DIR, and a missing local Redis is started from the
 * redis-server binary, so `npm start` needs nothing installed beyond Node.
 */
async function provideServices(config: AppConfig): Promise<{ config: AppConfig; stops: Stop[] }> {
  const stops: Stop[] = [];
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pglite') });
    stops.push(pg.stop);
    databaseUrl = pg.url;
    console.log(`Embedded PostgreSQL (PGlite) at ${pg.url}, data in ${path.join(config.dataDir, 'pglite')}`);
  }
  let redisUrl = config.redisUrl;
  if (config.redisUrlDefaulted) {
    const redis = await ensureLocalRedis({ url: config.redisUrl, dataDir: config.dataDir });
    stops.push(redis.stop);
    redisUrl = redis.url;
    if (redis.started) console.log(`Started redis-server at ${redis.url}, data in ${path.join(config.dataDir, 'redis')}`);
  }
  return { config: { ...config, databaseUrl, redisUrl }, stops };
}

async function prepareDatabase(config: AppConfig): Promise<void> {
  if (config.migrateOnStart) {
    const applied = await runMigrations(config.databaseUrl!, schema);
    if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  }
  if (config.seedDemo) {
    const ds = createDataSource(config.databaseUrl!, schema, 2);
    await ds.initialize();
    try {
      await seedDemoStaff(ds);
      await seedAccounts(ds, 10_000);
    } finally {
      await ds.destroy();
    }
  }
}

/** Where this process serves its Prometheus metrics, or that it serves none. */
function metricsLine(config: AppConfig, metrics: MetricsServer): string {
  const bound = metrics.address;
  if (bound) return `Prometheus metrics at http://${bound.address}:${bound.port}/metrics`;
  return config.metrics.port === null ? 'Metrics off (METRICS_PORT=off)' : `No metrics: port ${config.metrics.port} was taken`;
}

function printWelcome(config: AppConfig, port: number, metrics: MetricsServer): void {
  const url = `http://localhost:${port}`;
  const lines = [
    ``,
    `Recovery Desk is running: ${url}  (API under ${url}/api, health at ${url}/api/health, /api/health/live, /api/health/ready)`,
    metricsLine(config, metrics),
  ];
  if (config.seedDemo) {
    lines.push(
      `Demo logins (development only), password ${DEMO_PASSWORD}, TOTP secret ${DEMO_TOTP_SECRET}:`,
      ...DEMO_STAFF.map((s) => `  ${s.email.padEnd(26)} ${s.roles.join(', ')}`),
      `  The current 6-digit code: npm run demo:otp  (or add the secret to any authenticator app)`,
    );
  }
  console.log(lines.join('\n'));
}

/**
 * SIGTERM or SIGINT: the API stops accepting and drains its requests, workers finish or release their jobs,
 * then the embedded services stop. A second signal, or 20 s, forces the exit.
 */
function onSignal(shutdown: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), 20_000).unref();
    shutdown().then(
      () => process.exit(0),
      (e) => {
        console.error(e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    const roleArg = process.argv[2];
    config = loadConfig(roleArg ? { ...process.env, ROLE: roleArg } : process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }

  const provided = await provideServices(config);
  config = provided.config;
  const stopServices = async () => {
    for (const stop of provided.stops.reverse()) await stop().catch(() => undefined);
  };

  await prepareDatabase(config);

  if (config.role === 'worker') {
    const worker = await createWorker(config);
    onSignal(() => worker.close().then(stopServices));
    console.log(`Recovery Desk worker running (no HTTP port). ${metricsLine(config, worker.get(MetricsServer))}`);
    return;
  }
  const app = await createHttpApp(config);
  await app.listen(config.port, '0.0.0.0');
  onSignal(() => app.close().then(stopServices));
  printWelcome(config, config.port, app.get(MetricsServer));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
