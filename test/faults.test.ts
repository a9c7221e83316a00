// Faults as an operator pulling cables would cause them. After each, what was lost, doubled or stuck is counted.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { SecurityEvent } from '../server/accounts/security-event.entity';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { AuditQueryService } from '../server/audit/audit-query.service';
import request from 'supertest';
import { FixedClock } from '../server/core/clock';
import { QueueService } from '../server/core/queue/queue.service';
import type { AppConfig } from '../server/core/config/config';
import { CaseDocument } from '../server/documents/case-document.entity';
import { DocumentsReconcileHandler } from '../server/documents/document-jobs.handler';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { RecoveryCase } from '../server/recovery/recovery-case.entity';
import { RecoveryReconcileHandler } from '../server/recovery/recovery-reconcile.handler';
import { executeJobId } from '../server/recovery/recovery.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { prepareTestDatabase } from './support/db';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { png } from './support/files';
import { OwnRedis } from './support/redis-server';
import { TestSmtp } from './support/smtp';
import { TcpProxy } from './support/tcp-proxy';
import { killWorkerHolding } from './support/stalling-worker';
import { until } from './support/wait';

const HOUR = 3600_000;

describe('faults', () => {
  const smtp = new TestSmtp();
  const redis = new OwnRedis();
  let fast: Partial<AppConfig>;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const redisUrl = await redis.start();
    fast = {
      smtpUrl,
      redisUrl,
      mailRetryBaseMs: 50,
      queueLockMs: 1000,
      recoveryHoldHours: 1,
      recoveryReconcileEveryMs: 1000,
      schedulesCheckEveryMs: 1000,
    };
  });
  afterAll(async () => {
    await redis.stop();
    await smtp.stop();
  });

  /** A contact-email replacement opened, its mails to the customer accepted, then approved: on hold. */
  async function approvedCase(t: TestApp) {
    const account = await createAccount(t.dataSource);
    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email');
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const opened = await agent.post('/api/recovery-cases').send({
      accountId: account.id,
      action: 'replace_contact_email',
      identityCaseId: idCase.id,
      callReference: 'T-F',
      reason: 'documents verified',
    });
    expect(opened.status).toBe(201);
    await until(async () => (await t.dataSource.getRepository(OutboxMessage).countBy({ accountId: account.id, status: 'pending' })) === 0);
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    return { account, caseId: opened.body.id as string, approve: () => supervisor.post(`/api/recovery-cases/${opened.body.id}/approve`) };
  }

  /** Lost: still on hold. Doubled: more than one execution recorded or applied. */
  async function expectExecutedOnce(t: TestApp, caseId: string, accountId: string) {
    const c = await until(async () => {
      const row = await t.dataSource.getRepository(RecoveryCase).findOneByOrFail({ id: caseId });
      return row.status === 'executed' && row;
    }, 20_000);
    expect(c.status).toBe('executed');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ caseId, action: 'recovery.replace_contact_email.execute' })).toBe(1);
    expect(await t.dataSource.getRepository(SecurityEvent).countBy({ accountId, kind: 'contact_email_changed' })).toBe(1);
    expect(await t.app.get(AuditQueryService).verifyAll()).toMatchObject({ ok: true, firstBrokenId: null });
  }

  describe('a hold execution when Redis loses its job', () => {
    it('is executed once by a worker started after Redis was wiped and the hold ended', async () => {
      const clock = new FixedClock(new Date());
      const before = await startTestApp({ clock, worker: true, config: fast });
      const { account, caseId, approve } = await approvedCase(before);
      expect((await approve()).body.status).toBe('on_hold');
      await before.close();

      await redis.wipe();
      clock.advance(HOUR + 1000);
      const after = await startTestApp({ clock, worker: true, config: fast });
      try {
        await expectExecutedOnce(after, caseId, account.id);
      } finally {
        await after.close();
      }
    });

    it('survives an approval given while Redis is down: the approval stands and the reconciler enqueues it', async () => {
      const clock = new FixedClock(new Date());
      const t = await startTestApp({ clock, worker: true, config: fast });
      try {
        const { account, caseId, approve } = await approvedCase(t);
        await redis.stop();
        const approved = await approve();
        expect([approved.status, approved.body.status]).toEqual([200, 'on_hold']);
        await redis.start();
        clock.advance(HOUR + 1000);
        // The reconciler (called here, or its own scheduled run, whichever comes first once Redis is back) gives
        // the case its execution job; executed exactly once is what counts.
        await until(async () => {
          if (
            (
              await t.app
                .get(RecoveryReconcileHandler)
                .handle()
                .catch(() => null)
            )?.enqueued === 1
          )
            return true;
          const live = await t.app
            .get(QueueService)
            .job('recovery.execute', executeJobId(caseId))
            .catch(() => null);
          return live !== null || (await t.dataSource.getRepository(RecoveryCase).findOneByOrFail({ id: caseId })).status === 'executed';
        }, 10_000);
        await expectExecutedOnce(t, caseId, account.id);
        expect(await t.app.get(RecoveryReconcileHandler).handle()).toEqual({ enqueued: 0, retriedAfterFailure: 0 });
      } finally {
        await t.close();
      }
    });
  });

  describe('mail errors', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ worker: true, config: fast });
    });
    afterAll(() => t.close());

    async function remind(t: TestApp) {
      const account = await createAccount(t.dataSource);
      const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      return {
        account,
        send: () => agent.post(`/api/accounts/${account.id}/customer-id-reminder`).send({ callReference: 'CALL-SMTP' }).expect(202),
      };
    }

    it('fails a mail at once on a permanent rejection (550), with its reason in the outbox', async () => {
      const { account, send } = await remind(t);
      smtp.refuseRecipient.set(account.primaryEmail.toLowerCase(), 550);
      await send();
      const row = await until(() => t.dataSource.getRepository(OutboxMessage).findOneBy({ accountId: account.id, status: 'failed' }));
      expect(row).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/550/) });
      await new Promise((r) => setTimeout(r, 1000));
      expect((await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: row.id })).attempts).toBe(1);
      const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const list = await supervisor.get('/api/mail-outbox').query({ status: 'failed', accountId: account.id });
      expect(list.body.data).toEqual([
        expect.objectContaining({ id: row.id, status: 'failed', attempts: 1, lastError: expect.stringMatching(/550/) }),
      ]);
    });

    it('retries a temporary rejection (451) with backoff, then delivers once', async () => {
      const { account, send } = await remind(t);
      const to = account.primaryEmail.toLowerCase();
      smtp.refuseRecipient.set(to, 451);
      await send();
      const retried = await until(async () => {
        const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ accountId: account.id });
        return row.attempts >= 2 && row;
      });
      expect(retried).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/451/) });
      smtp.refuseRecipient.delete(to);
      const sent = await until(() => t.dataSource.getRepository(OutboxMessage).findOneBy({ accountId: account.id, status: 'sent' }));
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.to(to).map((m) => m.messageId)).toEqual([`<${sent.id}@recovery-desk.invalid>`]);
    });
  });

  describe('Redis lost under a running worker', () => {
    it('reports Redis up within a second of its return, and the scheduled jobs come back by themselves', async () => {
      const t = await startTestApp({ worker: true, config: fast });
      const schedulers = async () => (await t.app.get(QueueService).queue('maintenance').getJobSchedulers()).map((s) => s.key).sort();
      try {
        const all = await schedulers();
        expect(all).toHaveLength(8);

        await redis.stop();
        expect((await request(t.url).get('/api/health')).body).toMatchObject({ redis: 'down' });
        // Long enough for reconnect attempts to space out as they do in a real outage.
        await new Promise((r) => setTimeout(r, 6000));
        await redis.start();
        const back = Date.now();
        await until(async () => (await request(t.url).get('/api/health')).status === 200, 5000);
        expect(Date.now() - back).toBeLessThan(1000);
        await until(async () => (await schedulers()).length === all.length, 5000);
        expect(await schedulers()).toEqual(all);

        // A mail Redis never got, older than the reconciler's margin: only a mail reconciler run sends it.
        const account = await createAccount(t.dataSource);
        const outbox = t.dataSource.getRepository(OutboxMessage);
        const row = await outbox.save(
          outbox.create({
            accountId: account.id,
            template: 'customer_id_reminder',
            language: 'fr',
            toAddress: account.primaryEmail,
            params: { customerId: account.customerId },
            secretParams: [],
            status: 'pending',
            createdAt: new Date(Date.now() - 60_000),
          }),
        );

        // Lost without a disconnection (flushed, failed over to an empty replica): the periodic check.
        await redis.wipe();
        await until(async () => (await schedulers()).length === all.length, 5000);
        await smtp.waitFor((m) => m.messageId === `<${row.id}@recovery-desk.invalid>`, 10_000);
      } finally {
        await t.close();
      }
    }, 40_000);
  });

  describe('a document whose job fails for good', () => {
    it('is marked failed with the reason after its worker was killed twice, and a reviewer processes it again', async () => {
      const clock = new FixedClock(new Date());
      const api = await startTestApp({ clock, config: fast });
      let worker: TestApp | undefined;
      try {
        const opened = await request(api.url)
          .post('/api/public/identity-cases')
          .send({ customerId: 'st12345', accountType: 'individual', purpose: 'replace_email', contactEmail: 'st@example.org' });
        await request(api.url)
          .post(`/api/public/identity-cases/${opened.body.caseId}/documents`)
          .set('X-Case-Token', opened.body.token)
          .field('kind', 'identity_front')
          .attach('files', await png(), 'a.png')
          .expect(201);
        const docs = api.dataSource.getRepository(CaseDocument);
        const { id } = await docs.findOneByOrFail({ caseId: opened.body.caseId });

        // Killed twice while holding the job: BullMQ fails it ("stalled more than allowable limit") without
        // running the handler's last-attempt code.
        await killWorkerHolding(redis.url, api.config.queuePrefix, 'documents', id);
        await killWorkerHolding(redis.url, api.config.queuePrefix, 'documents', id);
        worker = await startTestApp({ clock, worker: true, config: fast });
        await until(async () => (await worker!.app.get(QueueService).job('document.process', id))?.state === 'failed', 10_000);
        expect((await docs.findOneByOrFail({ id })).state).toBe('uploaded');

        clock.advance(3 * 60_000);
        const reconciler = worker.app.get(DocumentsReconcileHandler);
        expect(await reconciler.handle()).toEqual({ requeued: 0, failed: 1 });
        expect(await reconciler.handle()).toEqual({ requeued: 0, failed: 0 });
        expect(await docs.findOneByOrFail({ id })).toMatchObject({ state: 'failed', processingNote: expect.stringMatching(/stalled/) });

        const reviewer = await signIn(worker, await createStaff(worker.dataSource, ['reviewer']));
        const seen = (await reviewer.get(`/api/identity-cases/${opened.body.caseId}`)).body.documents;
        expect(seen).toEqual([
          expect.objectContaining({ id, state: 'failed', processingNote: expect.stringMatching(/processing failed/) }),
        ]);
        expect((await reviewer.post(`/api/identity-cases/${opened.body.caseId}/documents/${id}/reprocess`)).status).toBe(202);
        const done = await until(async () => {
          const d = await docs.findOneByOrFail({ id });
          return d.state === 'processed' && d;
        });
        expect(done.processingNote).toBeNull();
        const again = await reviewer.post(`/api/identity-cases/${opened.body.caseId}/documents/${id}/reprocess`);
        expect(again.status).toBe(409);
        expect(await worker.dataSource.getRepository(AuditEvent).countBy({ action: 'document.reprocess', targetId: id })).toBe(1);
        expect(await docs.countBy({ caseId: opened.body.caseId })).toBe(1);
        expect(await worker.app.get(AuditQueryService).verifyAll()).toMatchObject({ ok: true });
      } finally {
        await worker?.close();
        await api.close();
      }
    });
  });

  describe('SMTP down', () => {
    it('keeps every mail while the server is unreachable, then delivers each once with its Message-ID', async () => {
      const down = new TestSmtp();
      const smtpUrl = await down.start();
      await down.stop();
      const t = await startTestApp({ worker: true, config: { ...fast, smtpUrl, mailMaxAttempts: 12 } });
      try {
        const accounts = [await createAccount(t.dataSource), await createAccount(t.dataSource), await createAccount(t.dataSource)];
        const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
        for (const a of accounts)
          await agent.post(`/api/accounts/${a.id}/customer-id-reminder`).send({ callReference: 'CALL-DOWN' }).expect(202);
        const outbox = t.dataSource.getRepository(OutboxMessage);
        const rows = async () => outbox.find({ where: accounts.map((a) => ({ accountId: a.id })) });
        await until(async () => (await rows()).every((r) => r.attempts >= 2));
        expect((await rows()).map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);

        await down.start(down.port);
        const sent = await until(async () => {
          const all = await rows();
          return all.every((r) => r.status === 'sent') && all;
        }, 15_000);
        await new Promise((r) => setTimeout(r, 500));
        // Lost: none pending or failed. Doubled: one mail per row, carrying the row's Message-ID.
        for (const row of sent) expect(down.to(row.toAddress).map((m) => m.messageId)).toEqual([`<${row.id}@recovery-desk.invalid>`]);
      } finally {
        await t.close();
        await down.stop();
      }
    });
  });

  it('does not lose nor double a mail when its worker is killed mid-send: another worker sends it once', async () => {
    const api = await startTestApp({ config: fast });
    const account = await createAccount(api.dataSource);
    const env = {
      ...process.env,
      ROLE: 'worker',
      SMTP_URL: fast.smtpUrl!,
      REDIS_URL: redis.url,
      QUEUE_LOCK_MS: '1000',
      MIGRATE_ON_START: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
    };
    const child = spawn(process.execPath, [path.resolve(__dirname, '../dist/server/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let takeover: TestApp | undefined;
    try {
      await until(async () => out.includes('worker running'), 30_000);
      const held = new Promise<void>((resolve) => (smtp.onRcptHeld = resolve));
      smtp.holdRcptMs = 3000;
      const a = await signIn(api, await createStaff(api.dataSource, ['agent']));
      expect((await a.post(`/api/accounts/${account.id}/customer-id-reminder`).send({ callReference: 'CALL-KILL' })).status).toBe(202);
      await held;
      child.kill('SIGKILL');
      smtp.holdRcptMs = 0;
      smtp.onRcptHeld = undefined;

      takeover = await startTestApp({ worker: true, config: fast });
      const row = await until(
        () => api.dataSource.getRepository(OutboxMessage).findOneBy({ accountId: account.id, status: 'sent' }),
        20_000,
      );
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.to(account.primaryEmail).map((m) => m.messageId)).toEqual([`<${row.id}@recovery-desk.invalid>`]);
      expect(await api.dataSource.getRepository(OutboxMessage).countBy({ accountId: account.id })).toBe(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await takeover?.close();
      await api.close();
    }
  }, 60_000);

  describe('PostgreSQL or Redis down', () => {
    it('answers 503 with a generic body when PostgreSQL is unreachable, half-writes nothing, and recovers when it is back', async () => {
      await prepareTestDatabase();
      const db = new URL(process.env.DATABASE_URL!);
      const proxy = new TcpProxy(db.hostname, Number(db.port || 5432));
      await proxy.start();
      const viaProxy = new URL(db.toString());
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      const t = await startTestApp({ config: { ...fast, databaseUrl: viaProxy.toString() } });
      try {
        const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
        const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
        const account = await createAccount(t.dataSource);
        expect((await supervisor.get('/api/audit-events')).status).toBe(200);

        await proxy.cut();
        const res = await supervisor.get('/api/audit-events');
        expect(res.status).toBe(503);
        expect(res.body.message).toBe('The service is temporarily unavailable, try again shortly');
        expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
        expect((await agent.post(`/api/accounts/${account.id}/customer-id-reminder`).send({ callReference: 'CALL-PG' })).status).toBe(503);
        const health = await request(t.url).get('/api/health');
        expect(health.status).toBe(503);
        expect(health.body).toMatchObject({ database: 'down', redis: 'up' });

        await proxy.restore();
        expect((await supervisor.get('/api/audit-events')).status).toBe(200);
        expect(await t.dataSource.getRepository(OutboxMessage).countBy({ accountId: account.id })).toBe(0);
        expect(await t.dataSource.getRepository(AuditEvent).countBy({ targetId: account.id })).toBe(0);
      } finally {
        await t.close();
        await proxy.stop();
      }
    });

    it('reports Redis down in health with 503 while reads still work', async () => {
      const t = await startTestApp({ config: { redisUrl: 'redis://127.0.0.1:1/0' } });
      try {
        const health = await request(t.url).get('/api/health');
        expect(health.status).toBe(503);
        expect(health.body).toEqual({ status: 'error', database: 'up', redis: 'down' });
        const agent = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
        expect((await agent.get('/api/audit-events')).status).toBe(200);
      } finally {
        await t.close();
      }
    });
  });
});
