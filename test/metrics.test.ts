// Prometheus metrics on their own port, scraped over HTTP as Prometheus does, and the values they report.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { createHttpApp, createWorker } from '../server/app';
import { AuditQueryService } from '../server/audit/audit-query.service';
import { ConfigError, loadConfig } from '../server/core/config/config';
import type { AppConfig } from '../server/core/config/config';
import { MetricsServer } from '../server/core/metrics/metrics-server';
import { QUEUE_STATES } from '../server/core/metrics/state-metrics';
import { QueueService } from '../server/core/queue/queue.service';
import { QUEUE_NAMES } from '../server/core/queue/jobs';
import { CaseDocument } from '../server/documents/case-document.entity';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { Alert } from '../server/supervision/alert.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { until } from './support/wait';

const HOUR = 3600_000;
/** What Prometheus 2.x/3.x sends when it scrapes. */
const PROMETHEUS_ACCEPT =
  'application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Reads the text exposition format (0.0.4) strictly: every line is a comment (HELP/TYPE) or a sample, every sample
 * belongs to a family that has a TYPE, and values are numbers. A malformed answer fails the test.
 */
function parseExposition(text: string): Sample[] {
  const typed = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      typed.add(type[1]);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not exposition format: ${line}`);
    const labels: Record<string, string> = {};
    const rest = (m[2] ?? '').replace(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g, (_all, k: string, v: string) => {
      labels[k] = v.replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      return '';
    });
    if (rest !== '') throw new Error(`bad labels: ${line}`);
    const family = m[1].replace(/_(bucket|sum|count)$/, '');
    if (!typed.has(m[1]) && !typed.has(family)) throw new Error(`sample without TYPE: ${line}`);
    // As Prometheus reads it (Go's ParseFloat): prom-client writes NaN as `Nan` (the event loop's lag before any sample).
    const value = /^nan$/i.test(m[3]) ? NaN : Number(m[3].replace(/^([+-]?)inf$/i, '$1Infinity'));
    if (Number.isNaN(value) && !/^nan$/i.test(m[3])) throw new Error(`bad value: ${line}`);
    samples.push({ name: m[1], labels, value });
  }
  return samples;
}

/** One scrape over HTTP: the answer's status, content type, raw text and samples. */
async function scrape(url: string) {
  const res = await fetch(url, { headers: { Accept: PROMETHEUS_ACCEPT, 'X-Prometheus-Scrape-Timeout-Seconds': '10' } });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), text, samples: res.ok ? parseExposition(text) : [] };
}

/** The value of the sample with this name and exactly these labels (undefined when absent). */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const same = (s: Sample) =>
    Object.keys(s.labels).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v);
  const found = samples.filter((s) => s.name === name && same(s));
  if (found.length > 1) throw new Error(`several samples ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

const metricsOn = (over: Partial<AppConfig['metrics']> = {}): AppConfig['metrics'] => ({ port: 0, host: '127.0.0.1', cacheMs: 0, ...over });

function metricsUrl(app: INestApplicationContext): string {
  const bound = app.get(MetricsServer).address;
  if (!bound) throw new Error('metrics server not listening');
  return `http://127.0.0.1:${bound.port}/metrics`;
}

describe('metrics settings', () => {
  it('defaults to 9464 on loopback, 9465 for a worker, off in tests, and refuses a bad port', () => {
    expect(loadConfig({}).metrics).toEqual({ port: 9464, host: '127.0.0.1', cacheMs: 10_000 });
    expect(loadConfig({ ROLE: 'worker' }).metrics.port).toBe(9465);
    expect(loadConfig({ NODE_ENV: 'test' }).metrics.port).toBeNull();
    expect(loadConfig({ METRICS_PORT: 'off' }).metrics.port).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', METRICS_PORT: '0', METRICS_HOST: '0.0.0.0', METRICS_CACHE_SECONDS: '0' }).metrics).toEqual({
      port: 0,
      host: '0.0.0.0',
      cacheMs: 0,
    });
    expect(() => loadConfig({ METRICS_PORT: 'metrics' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow('METRICS_PORT must be a port (0 to 65535) or off, got "70000"');
    expect(() => loadConfig({ METRICS_CACHE_SECONDS: '3600' })).toThrow(/METRICS_CACHE_SECONDS must be between 0 and 300/);
  });
});

describe('Prometheus metrics (api role)', () => {
  let t: TestApp;
  let url: string;
  let uiDir: string;
  const queuePrefix = `rdtest${process.env.TEST_WORKER_TAG}metrics`;

  beforeAll(async () => {
    // A built console of its own, so the API port's catch-all page is in place as in production.
    uiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-metrics-ui-'));
    fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><title>Recovery Desk</title>');
    t = await startTestApp({ config: { metrics: metricsOn(), uiDir, queuePrefix } });
    url = metricsUrl(t.app);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uiDir, { recursive: true, force: true });
  });

  it('answers a scrape on its own loopback port in the text format, with the process metrics', async () => {
    expect(t.app.get(MetricsServer).address?.address).toBe('127.0.0.1');
    expect(new URL(url).port).not.toBe(new URL(t.url).port);
    const res = await scrape(url);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toContain('# TYPE recovery_desk_http_request_duration_seconds histogram');
    expect(value(res.samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(res.samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    // GET /metrics only.
    expect((await fetch(url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(url.replace('/metrics', '/api/health'))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('is not served on the public API port: /metrics there is a 404, not the console page', async () => {
    expect((await request(t.url).get('/anything')).text).toContain('<title>Recovery Desk</title>');
    for (const p of ['/metrics', '/metrics/', '/api/metrics']) {
      const res = await request(t.url).get(p);
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/Recovery Desk|recovery_desk_|# TYPE/);
    }
  });

  it('times requests by route template and status, never by raw path', async () => {
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const [a, b] = [await createAccount(t.dataSource), await createAccount(t.dataSource)];
    const before = (await scrape(url)).samples;
    const count = (samples: Sample[], labels: Record<string, string>) =>
      value(samples, 'recovery_desk_http_request_duration_seconds_count', labels) ?? 0;
    expect((await agent.get(`/api/accounts/${a.id}`)).status).toBe(200);
    expect((await agent.get(`/api/accounts/${b.id}`)).status).toBe(200);
    const missing = randomUUID();
    expect((await agent.get(`/api/accounts/${missing}`)).status).toBe(404);
    expect((await agent.get(`/api/no-such-route/${missing}`)).status).toBe(404);
    expect((await request(t.url).get('/api/health/live')).status).toBe(200);

    const res = await scrape(url);
    const after = res.samples;
    const route = (r: string, status: string) => ({ method: 'GET', route: r, status_code: status });
    expect(count(after, route('/api/accounts/:id', '200')) - count(before, route('/api/accounts/:id', '200'))).toBe(2);
    expect(count(after, route('/api/accounts/:id', '404')) - count(before, route('/api/accounts/:id', '404'))).toBe(1);
    expect(count(after, route('(unmatched)', '404')) - count(before, route('(unmatched)', '404'))).toBe(1);
    expect(count(after, route('/api/health/live', '200')) - count(before, route('/api/health/live', '200'))).toBe(1);
    expect(count(after, { method: 'POST', route: '/api/auth/login', status_code: '200' })).toBeGreaterThanOrEqual(1);
    // The buckets add up: the +Inf bucket is the count, and a lookup is under 10 s.
    const labels = route('/api/accounts/:id', '200');
    expect(value(after, 'recovery_desk_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(count(after, labels));
    expect(value(after, 'recovery_desk_http_request_duration_seconds_bucket', { ...labels, le: '10' })).toBe(count(after, labels));
    expect(value(after, 'recovery_desk_http_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    // No id ever becomes a label value.
    for (const id of [a.id, b.id, missing]) expect(res.text).not.toContain(id);
  });

  it('reports queue depth by state and the age of the oldest waiting job, per queue', async () => {
    const queues = t.app.get(QueueService);
    // Queues of this file's own, emptied: no job left by an earlier run counts.
    await Promise.all(queues.allQueues().map((q) => q.obliterate({ force: true })));
    const before = (await scrape(url)).samples;
    for (const q of QUEUE_NAMES) {
      for (const state of QUEUE_STATES) expect(value(before, 'recovery_desk_queue_jobs', { queue: q, state })).toBe(0);
      expect(value(before, 'recovery_desk_queue_oldest_waiting_job_age_seconds', { queue: q })).toBe(0);
    }
    // No worker runs in this process: the jobs stay where they are put.
    const recovery = queues.queue('recovery');
    await recovery.add('recovery.execute', { recoveryCaseId: randomUUID() }, { timestamp: Date.now() - 90_000 });
    await recovery.add('recovery.execute', { recoveryCaseId: randomUUID() });
    await recovery.add('recovery.execute', { recoveryCaseId: randomUUID() }, { delay: HOUR });

    const after = (await scrape(url)).samples;
    expect(value(after, 'recovery_desk_queue_jobs', { queue: 'recovery', state: 'waiting' })).toBe(2);
    expect(value(after, 'recovery_desk_queue_jobs', { queue: 'recovery', state: 'delayed' })).toBe(1);
    expect(value(after, 'recovery_desk_queue_jobs', { queue: 'mail', state: 'waiting' })).toBe(0);
    const age = value(after, 'recovery_desk_queue_oldest_waiting_job_age_seconds', { queue: 'recovery' })!;
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(150);
    expect(value(after, 'recovery_desk_queue_oldest_waiting_job_age_seconds', { queue: 'mail' })).toBe(0);
    expect(value(after, 'recovery_desk_metrics_source_up', { source: 'redis' })).toBe(1);
  });

  it('reports mails, documents, the review backlog against 72 h, open alerts and the audit chain from the database', async () => {
    const ds = t.dataSource;
    const before = (await scrape(url)).samples;
    const delta = (after: Sample[], name: string, labels: Record<string, string> = {}) =>
      (value(after, name, labels) ?? 0) - (value(before, name, labels) ?? 0);

    const outbox = ds.getRepository(OutboxMessage);
    const mail = (status: 'pending' | 'sent' | 'failed') =>
      outbox.save(outbox.create({ template: 'probe', language: 'en', toAddress: 'probe@example.com', status, accountId: null }));
    await mail('pending');
    await mail('pending');
    await mail('failed');
    await mail('sent');

    const account = await createAccount(ds);
    const now = Date.now();
    const waiting = (hoursAgo: number, status: 'submitted' | 'in_review' = 'submitted') =>
      createVerifiedIdentityCase(ds, account, 'replace_email', { status, submittedAt: new Date(now - hoursAgo * HOUR), decidedAt: null });
    await waiting(80); // past the 72 h target
    await waiting(65, 'in_review'); // near it (under 12 h left)
    await waiting(2); // neither
    const verified = await createVerifiedIdentityCase(ds, account, 'replace_email');
    const documents = ds.getRepository(CaseDocument);
    for (const state of ['uploaded', 'processed', 'processed', 'quarantined'] as const)
      await documents.save(
        documents.create({
          caseId: verified.id,
          kind: 'identity_front',
          originalName: 'id.jpg',
          sizeBytes: 10,
          storageKey: randomUUID(),
          state,
        }),
      );

    const alerts = ds.getRepository(Alert);
    const alert = (rule: 'swap_burst' | 'off_hours', acknowledged: boolean) =>
      alerts.save(
        alerts.create({
          rule,
          dedupeKey: randomUUID(),
          summary: 'probe',
          eventId: '1',
          acknowledgedAt: acknowledged ? new Date() : null,
        }),
      );
    await alert('swap_burst', false);
    await alert('swap_burst', false);
    await alert('off_hours', true);

    // A real verification of the chain, then a later one that found it broken.
    await t.app.get(AuditQueryService).checkpoint();
    const [{ at: verifiedAt }] = await ds.query(`SELECT at FROM audit_checkpoints WHERE ok ORDER BY id DESC LIMIT 1`);
    let after = (await scrape(url)).samples;
    expect(value(after, 'recovery_desk_audit_chain_ok')).toBe(1);
    expect(value(after, 'recovery_desk_audit_chain_last_verified_timestamp_seconds')).toBeCloseTo(new Date(verifiedAt).getTime() / 1000, 2);
    await ds.query(`INSERT INTO audit_checkpoints (at, checked, ok, first_broken_id) VALUES (now(), 1, false, 1)`);

    after = (await scrape(url)).samples;
    expect(delta(after, 'recovery_desk_outbox_messages', { status: 'pending' })).toBe(2);
    expect(delta(after, 'recovery_desk_outbox_messages', { status: 'failed' })).toBe(1);
    expect(value(after, 'recovery_desk_outbox_messages', { status: 'sent' })).toBeUndefined();
    expect(delta(after, 'recovery_desk_documents', { state: 'processed' })).toBe(2);
    expect(delta(after, 'recovery_desk_documents', { state: 'uploaded' })).toBe(1);
    expect(delta(after, 'recovery_desk_documents', { state: 'quarantined' })).toBe(1);
    expect(value(after, 'recovery_desk_documents', { state: 'failed' })).toBe(0);
    expect(delta(after, 'recovery_desk_review_cases', { status: 'submitted' })).toBe(2);
    expect(delta(after, 'recovery_desk_review_cases', { status: 'in_review' })).toBe(1);
    expect(delta(after, 'recovery_desk_review_cases_past_target')).toBe(1);
    expect(delta(after, 'recovery_desk_review_cases_near_target')).toBe(1);
    expect(value(after, 'recovery_desk_review_oldest_waiting_age_seconds')).toBeGreaterThanOrEqual(80 * 3600);
    expect(value(after, 'recovery_desk_review_target_seconds')).toBe(72 * 3600);
    expect(delta(after, 'recovery_desk_alerts_open', { rule: 'swap_burst' })).toBe(2);
    expect(delta(after, 'recovery_desk_alerts_open', { rule: 'off_hours' })).toBe(0);
    expect(value(after, 'recovery_desk_alerts_open', { rule: 'audit_chain_broken' })).toBeDefined();
    // The latest check broke; the last successful one is still the earlier one.
    expect(value(after, 'recovery_desk_audit_chain_ok')).toBe(0);
    expect(value(after, 'recovery_desk_audit_chain_last_verified_timestamp_seconds')).toBeCloseTo(new Date(verifiedAt).getTime() / 1000, 2);
    expect(value(after, 'recovery_desk_metrics_source_up', { source: 'database' })).toBe(1);
    // Left for no later worker to try: the probe mails have no template.
    await ds.query(`DELETE FROM audit_checkpoints WHERE NOT ok`);
    await ds.query(`DELETE FROM mail_outbox WHERE template = 'probe'`);
  });
});

describe('Prometheus metrics: cache, worker, port in use', () => {
  it('serves a scrape storm from one read of the database, fresh again after METRICS_CACHE_SECONDS', async () => {
    const t = await startTestApp({ config: { metrics: metricsOn({ cacheMs: 5000 }) } });
    try {
      const url = metricsUrl(t.app);
      const pending = async () => value((await scrape(url)).samples, 'recovery_desk_outbox_messages', { status: 'pending' })!;
      const first = await pending();
      const outbox = t.dataSource.getRepository(OutboxMessage);
      await outbox.save(
        outbox.create({ template: 'probe', language: 'en', toAddress: 'probe@example.com', status: 'pending', accountId: null }),
      );
      // Twenty scrapes at once within the cache: all answer, all with the cached figure.
      const storm = await Promise.all(Array.from({ length: 20 }, () => pending()));
      expect(new Set(storm)).toEqual(new Set([first]));
      // Once the cache is past, the next scrape reads again.
      expect(await until(async () => (await pending()) === first + 1, 10_000)).toBe(true);
    } finally {
      await t.dataSource.query(`DELETE FROM mail_outbox WHERE template = 'probe'`);
      await t.close();
    }
  });

  it('runs its own metrics port in the worker role, with the queue figures', async () => {
    const config = loadConfig(process.env, {
      role: 'worker',
      metrics: metricsOn(),
      queuePrefix: `rdtest${process.env.TEST_WORKER_TAG}metricsw`,
    });
    const worker = await createWorker(config);
    try {
      const res = await scrape(metricsUrl(worker));
      expect(res.status).toBe(200);
      expect(value(res.samples, 'recovery_desk_metrics_source_up', { source: 'redis' })).toBe(1);
      expect(value(res.samples, 'recovery_desk_queue_jobs', { queue: 'documents', state: 'failed' })).toBeDefined();
      expect(value(res.samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      // The worker times its jobs, by queue, job name and outcome.
      const sweeps = async () =>
        value((await scrape(metricsUrl(worker))).samples, 'recovery_desk_job_duration_seconds_count', {
          queue: 'maintenance',
          job: 'sessions.sweep',
          outcome: 'completed',
        }) ?? 0;
      const before = await sweeps();
      await worker.get(QueueService).enqueue('sessions.sweep', {});
      expect(await until(async () => (await sweeps()) > before, 15_000)).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('leaves the gauges of an unreachable Redis out of the scrape and still answers', async () => {
    const t = await startTestApp({ config: { metrics: metricsOn(), redisUrl: 'redis://127.0.0.1:1/0' } });
    try {
      const res = await scrape(metricsUrl(t.app));
      expect(res.status).toBe(200);
      expect(value(res.samples, 'recovery_desk_metrics_source_up', { source: 'redis' })).toBe(0);
      expect(value(res.samples, 'recovery_desk_metrics_source_up', { source: 'database' })).toBe(1);
      expect(res.samples.filter((s) => s.name === 'recovery_desk_queue_jobs')).toEqual([]);
      expect(value(res.samples, 'recovery_desk_outbox_messages', { status: 'pending' })).toBeDefined();
    } finally {
      await t.close();
    }
  });

  it('refuses to boot in production on a metrics port already taken, and runs on without metrics elsewhere', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const production = await createHttpApp(loadConfig(process.env, { role: 'api', nodeEnv: 'production', metrics: metricsOn({ port }) }));
      try {
        await expect(production.listen(0, '127.0.0.1')).rejects.toThrow(`METRICS_PORT ${port} on 127.0.0.1 is already in use`);
      } finally {
        await production.close();
      }
      const t = await startTestApp({ config: { nodeEnv: 'development', metrics: metricsOn({ port }) } });
      try {
        expect(t.app.get(MetricsServer).address).toBeNull();
        expect((await request(t.url).get('/api/health/live')).status).toBe(200);
      } finally {
        await t.close();
      }
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
