import { createHmac, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditService } from '../server/audit/audit.service';
import { ConfigError, loadConfig } from '../server/core/config/config';
import { WebhookCursor } from '../server/events/webhook-cursor.entity';
import { AlertsService } from '../server/supervision/alerts.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';
import { OwnRedis } from './support/redis-server';
import { TcpProxy } from './support/tcp-proxy';
import { until } from './support/wait';

const SECRET = 'test-webhook-secret-0123456789abcdef-0123';

interface StreamEvent {
  id: string;
  type: 'audit_entry' | 'alert_raised';
  entry: { id: string; action: string; hash: string; prevHash: string };
  alert?: { id: string; rule: string };
}

interface Received {
  status: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { deliveryId: string; webhook: string; sentAt: string; events: StreamEvent[] };
}

/** A real HTTP receiver: records every POST with its raw body, and answers what the test says. */
class Receiver {
  answer = 500;
  readonly got: Received[] = [];
  private server?: http.Server;

  async start(): Promise<number> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.got.push({ status: this.answer, headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] });
        res.writeHead(this.answer).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** The events of the acknowledged POSTs, in the order they arrived. */
  accepted(): StreamEvent[] {
    return this.got.filter((r) => r.status === 200).flatMap((r) => r.body.events);
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** What a receiver must check, written here from the documented scheme (not with the server's code). */
function verified(r: Received): boolean {
  const timestamp = String(r.headers['x-recovery-desk-timestamp']);
  const given = String(r.headers['x-recovery-desk-signature']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${r.raw}`).digest('hex')}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function trailIds(t: TestApp): Promise<string[]> {
  return (await t.dataSource.query<{ id: string }[]>(`SELECT e.id::text AS id FROM audit_events e ORDER BY e.id`)).map((r) => r.id);
}

/** Waits until the webhook's cursor is at the end of the trail, then reads what the receiver holds. */
async function caughtUpWith<T>(t: TestApp, name: string, read: () => T): Promise<T> {
  await until(async () => {
    const ids = await trailIds(t);
    return (await t.dataSource.getRepository(WebhookCursor).findOneBy({ name }))?.lastDeliveredId === ids[ids.length - 1];
  });
  return read();
}

describe('security event stream (webhooks)', () => {
  const receiver = new Receiver();
  let proxy: TcpProxy;
  let t: TestApp;
  const cursor = () => t.dataSource.getRepository(WebhookCursor).findOneBy({ name: 'siem' });
  const auditIds = () => trailIds(t);
  const caughtUp = <T>(read: () => T) => caughtUpWith(t, 'siem', read);

  beforeAll(async () => {
    proxy = new TcpProxy('127.0.0.1', await receiver.start());
    const port = await proxy.start();
    // Down at first: nothing listens behind the webhook's address (connection refused).
    await proxy.cut();
    t = await startTestApp({
      worker: true,
      config: {
        securityWebhooks: [{ name: 'siem', url: `http://127.0.0.1:${port}/hooks/a-secret-path`, secret: SECRET }],
        securityWebhookBatch: 4,
        securityWebhookRetryBaseMs: 50,
        securityWebhookMaxAttempts: 2,
        securityWebhookPollMs: 300,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy.stop();
    await receiver.stop();
  });

  async function raiseAlert(key: string, eventId: string) {
    const raised = await t.app.get(AlertsService).raise(
      {
        rule: 'audit_chain_broken',
        dedupeKey: `test:${key}`,
        summary: `test alert ${key}`,
        params: { firstBrokenId: eventId, lastGoodId: null, lastGoodHash: null },
        subject: { type: 'audit_entry', id: eventId },
        evidence: [],
        details: {},
      },
      eventId,
    );
    expect(raised).toBe(true);
  }

  it('keeps every audit entry and alert through refusals and errors, then delivers them in id order, signed', async () => {
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 5; i++) {
      await audit.recordAlone({ actor: null, meta: { ip: '10.0.0.9', requestId: null }, action: 'auth.login.failed', reason: `try ${i}` });
    }
    const [first] = await auditIds();
    await raiseAlert('one', first);

    // Connection refused: the failure is recorded, nothing moves.
    const refused = await until(async () => {
      const c = await cursor();
      return c && c.failures >= 1 ? c : null;
    });
    expect(refused).toMatchObject({ lastDeliveredId: '0', lastError: 'ECONNREFUSED' });
    expect(receiver.got).toHaveLength(0);

    // The receiver is back but answers 500: the same first batch is offered again and again.
    await proxy.restore();
    await until(async () => receiver.got.length >= 3);
    const c500 = await cursor();
    expect(c500).toMatchObject({ lastDeliveredId: '0', lastError: 'HTTP 500' });
    // More failures than a job's attempts: the reconcile pass started a new job once BullMQ gave up.
    expect(c500!.failures).toBeGreaterThan(2);
    for (const r of receiver.got) expect(r.body.events[0].id).toBe(first);
    const state = await supervisor.get('/api/security-webhooks');
    expect(state.status).toBe(200);
    expect(state.body.webhooks).toEqual([
      expect.objectContaining({ name: 'siem', origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), lastDeliveredId: '0' }),
    ]);
    expect(state.body.webhooks[0].lag).toBeGreaterThan(5);
    expect(state.body.webhooks[0].lastError).toBe('HTTP 500');
    expect(JSON.stringify(state.body)).not.toContain('a-secret-path');

    // Recovery; entries written afterwards follow through the same ordered stream.
    receiver.answer = 200;
    await until(async () => (await cursor())?.lastError === null);
    await raiseAlert('two', first);
    await audit.recordAlone({ actor: null, meta: { ip: '10.0.0.9', requestId: null }, action: 'auth.login.failed', reason: 'after' });
    const events = await caughtUp(() => receiver.accepted());
    const last = events[events.length - 1].id;
    // Every entry up to the last delivered one, each once, in id order (the worker's own jobs may write more).
    expect(events.map((e) => e.id)).toEqual((await auditIds()).filter((id) => BigInt(id) <= BigInt(last)));
    for (const e of events) expect(e.entry.id).toBe(e.id);
    // Hash-chained as stored: each entry links to the one before it.
    for (let i = 1; i < events.length; i++) expect(events[i].entry.prevHash).toBe(events[i - 1].entry.hash);
    for (const r of receiver.got) {
      expect(verified(r)).toBe(true);
      expect(r.headers['x-recovery-desk-delivery']).toBe(r.body.deliveryId);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.body.webhook).toBe('siem');
      expect(r.body.events.length).toBeLessThanOrEqual(4);
    }
    // A tampered body or another secret does not verify.
    const sample = receiver.got[receiver.got.length - 1];
    expect(verified({ ...sample, raw: sample.raw.replace('"siem"', '"siem2"') })).toBe(false);
    expect(new Set(receiver.got.map((r) => r.body.deliveryId)).size).toBe(receiver.got.length);

    const alertRows = await t.dataSource.query<{ id: string; dedupe_key: string }[]>(
      `SELECT a.id, a.dedupe_key FROM alerts a JOIN audit_events e ON e.action = 'alert.raise' AND e.target_id = a.id::text
        WHERE e.id <= $1 ORDER BY e.id`,
      [last],
    );
    expect(alertRows.map((a) => a.dedupe_key)).toEqual(expect.arrayContaining(['test:one', 'test:two']));
    const alertEvents = events.filter((e) => e.type === 'alert_raised');
    expect(alertEvents.map((e) => e.alert!.id)).toEqual(alertRows.map((a) => a.id));
    for (const e of alertEvents) expect(e.entry.action).toBe('alert.raise');
    expect(events.filter((e) => e.type === 'audit_entry').every((e) => e.entry.action !== 'alert.raise')).toBe(true);
  });

  it('replays from an id on request, audited, and refuses a bad position', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const delivered = (await caughtUp(() => receiver.accepted())).map((e) => e.id);
    const from = delivered[3];
    const seen = receiver.got.length;

    const res = await admin.post('/api/security-webhooks/siem/resume').send({ fromId: from });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'siem', lastDeliveredId: String(BigInt(from) - 1n) });

    const replay = await caughtUp(() => receiver.got.slice(seen).filter((r) => r.status === 200));
    expect(replay.every(verified)).toBe(true);
    const replayed = replay.flatMap((r) => r.body.events.map((e) => e.id));
    const last = replayed[replayed.length - 1];
    expect(replayed).toEqual((await auditIds()).filter((id) => BigInt(id) >= BigInt(from) && BigInt(id) <= BigInt(last)));
    const resumed = replay.flatMap((r) => r.body.events).find((e) => e.entry.action === 'audit.stream.resume');
    expect(resumed).toBeDefined();
    const [entry] = await t.dataSource.query(`SELECT before, after, target_id FROM audit_events WHERE action = 'audit.stream.resume'`);
    expect(entry).toMatchObject({
      target_id: 'siem',
      before: { lastDeliveredId: delivered[delivered.length - 1] },
      after: { fromId: from },
    });

    const unknown = await admin.post('/api/security-webhooks/nope/resume').send({ fromId: '1' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'events.webhook_not_found']);
    const beyond = await admin.post('/api/security-webhooks/siem/resume').send({ fromId: String(BigInt(last) + 1000n) });
    expect([beyond.status, beyond.body.code]).toEqual([422, 'events.resume_beyond_trail']);
    for (const fromId of ['abc', '0', '-3', '99999999999999999999', 12]) {
      const bad = await admin.post('/api/security-webhooks/siem/resume').send({ fromId });
      expect(bad.status).toBe(400);
    }
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    expect((await supervisor.post('/api/security-webhooks/siem/resume').send({ fromId: '1' })).status).toBe(403);
  });
});

describe('security event stream across a restart and a Redis flush', () => {
  const receiver = new Receiver();
  const redis = new OwnRedis();
  let url: string;
  let t: TestApp | undefined;
  const start = () =>
    startTestApp({
      worker: true,
      config: {
        redisUrl: redis.url,
        securityWebhooks: [{ name: 'siem2', url, secret: SECRET }],
        securityWebhookRetryBaseMs: 50,
        securityWebhookMaxAttempts: 2,
        securityWebhookPollMs: 300,
      },
    });

  beforeAll(async () => {
    url = `http://127.0.0.1:${await receiver.start()}/in`;
    await redis.start();
  });
  afterAll(async () => {
    await t?.close();
    await redis.stop();
    await receiver.stop();
  });

  it('resumes from the position kept in PostgreSQL: nothing lost, nothing sent twice', async () => {
    receiver.answer = 200;
    t = await start();
    const before = await caughtUpWith(t, 'siem2', () => receiver.accepted().map((e) => e.id));
    expect(before.length).toBeGreaterThan(0);

    // The receiver fails while new entries are written; then the process stops and Redis loses every job.
    receiver.answer = 500;
    const audit = t.app.get(AuditService);
    const pending: string[] = [];
    for (let i = 0; i < 3; i++) {
      pending.push((await audit.recordAlone({ actor: null, meta: { ip: null, requestId: null }, action: 'auth.login.failed' })).id);
    }
    await until(async () => receiver.got.some((r) => r.status === 500 && r.body.events.some((e) => e.id === pending[0])));
    await t.close();
    t = undefined;
    await redis.wipe();

    receiver.answer = 200;
    t = await start();
    const events = await caughtUpWith(t, 'siem2', () => receiver.accepted());
    expect(events.every((e, i) => i === 0 || BigInt(e.id) > BigInt(events[i - 1].id))).toBe(true);
    const ids = await trailIds(t);
    expect(events.map((e) => e.id)).toEqual(ids.filter((id) => BigInt(id) <= BigInt(events[events.length - 1].id)));
    expect(events.map((e) => e.id)).toEqual(expect.arrayContaining(pending));
  });
});

describe('security webhook settings', () => {
  const env = (hooks: unknown, extra: Record<string, string> = {}) => ({ SECURITY_WEBHOOKS: JSON.stringify(hooks), ...extra });
  const secret = 'x'.repeat(32);

  it('are off unless configured', () => {
    expect(loadConfig({}).securityWebhooks).toEqual([]);
  });

  it('take a JSON list and refuse short secrets, bad names, duplicates and bad JSON', () => {
    expect(loadConfig(env([{ name: 'siem', url: 'https://siem.example/in', secret }])).securityWebhooks).toEqual([
      { name: 'siem', url: 'https://siem.example/in', secret },
    ]);
    const refused = (e: Record<string, string>) => {
      expect(() => loadConfig(e)).toThrow(ConfigError);
      try {
        loadConfig(e);
      } catch (err) {
        return (err as ConfigError).variable;
      }
    };
    expect(refused(env([{ name: 'siem', url: 'https://siem.example/in', secret: 'short' }]))).toBe('SECURITY_WEBHOOKS');
    expect(refused(env([{ name: 'a b', url: 'https://siem.example/in', secret }]))).toBe('SECURITY_WEBHOOKS');
    expect(
      refused(
        env([
          { name: 'a', url: 'https://x.example', secret },
          { name: 'a', url: 'https://y.example', secret },
        ]),
      ),
    ).toBe('SECURITY_WEBHOOKS');
    expect(refused(env([{ name: 'a', url: 'ftp://x.example', secret }]))).toBe('SECURITY_WEBHOOKS');
    expect(refused(env([{ name: 'a', url: 'https://x.example', secret, extra: 1 }]))).toBe('SECURITY_WEBHOOKS');
    expect(refused({ SECURITY_WEBHOOKS: '{not json' })).toBe('SECURITY_WEBHOOKS');
  });

  it('require https in production unless plain http is allowed explicitly', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/rd',
      REDIS_URL: 'redis://redis:6379',
      SESSION_SECRET: 's'.repeat(40),
      DOCUMENTS_KEY: Buffer.alloc(32, 7).toString('base64'),
      SEED_DEMO: 'false',
    };
    const plain = [{ name: 'chat', url: 'http://bridge.internal/in', secret }];
    expect(() => loadConfig({ ...production, ...env(plain) })).toThrow(/https/);
    expect(loadConfig({ ...production, ...env(plain, { SECURITY_WEBHOOKS_ALLOW_HTTP: 'true' }) }).securityWebhooks).toHaveLength(1);
    expect(loadConfig({ ...env(plain) }).securityWebhooks).toHaveLength(1);
  });
});
