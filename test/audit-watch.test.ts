import { Logger } from '@nestjs/common';
import { chainHash } from '../server/audit/audit-chain';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { AuditQueryService } from '../server/audit/audit-query.service';
import { AuditService } from '../server/audit/audit.service';
import { FixedClock } from '../server/core/clock';
import { runMigrations } from '../server/core/database/migrate';
import { schema } from '../server/schema';
import { Alert } from '../server/supervision/alert.entity';
import { AuditCheckpointHandler } from '../server/supervision/chain-watch.service';
import { startTestApp, TestApp } from './support/app';
import { createDatabase, dropDatabase } from './support/db';
import { createStaff, TestStaff } from './support/factories';
import { TestSmtp } from './support/smtp';

const SYSTEM = { actor: null, meta: { ip: null, requestId: null } };
const DAY = 86_400_000;

/**
 * The checkpoint job watches the whole chain on its own: tampering as a database superuser (triggers off) with
 * an entry older than the last checkpoint is found by the scheduled full pass, alerted once and mailed.
 * Own database: these tests break the chain on purpose.
 */
describe('audit chain watch', () => {
  const name = `recovery_desk_watch_${process.env.TEST_WORKER_TAG}`;
  const smtp = new TestSmtp();
  const clock = new FixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let supervisor: TestStaff;

  beforeAll(async () => {
    const url = await createDatabase(name, true);
    await runMigrations(url, schema);
    const smtpUrl = await smtp.start();
    t = await startTestApp({ clock, worker: true, config: { databaseUrl: url, smtpUrl } });
    supervisor = await createStaff(t.dataSource, ['supervisor']);
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
    await dropDatabase(name);
  });

  const write = async (n: number, tag: string) => {
    const audit = t.app.get(AuditService);
    const rows: AuditEvent[] = [];
    for (let i = 0; i < n; i++)
      rows.push(await audit.recordAlone({ ...SYSTEM, action: 'test.watch', reason: `${tag}${i}`, after: { masked: 'p***@e***.com' } }));
    return rows;
  };
  const runJob = () => t.app.get(AuditCheckpointHandler).handle();
  const asSuperuser = (sql: string, params: unknown[]) =>
    t.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(sql, params);
    });
  const chainAlerts = () => t.dataSource.getRepository(Alert).findBy({ rule: 'audit_chain_broken' });
  const alertMails = () => smtp.to(supervisor.email).filter((m) => m.subject === '[alert] audit_chain_broken');

  it('raises nothing on a clean chain, mails the head anchor and logs the head hash at every checkpoint', async () => {
    await write(4, 'clean');
    clock.advance(DAY);
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      const result = await runJob();
      expect(result).toMatchObject({ ok: true, full: { ok: true, firstBrokenId: null, alerted: false } });
      const head = await t.dataSource.getRepository(AuditEvent).findOneOrFail({ where: {}, order: { id: 'DESC' } });
      const lines = log.mock.calls.map(([line]) => line as Record<string, unknown>).filter((l) => l?.msg === 'audit checkpoint');
      expect(lines).toEqual([
        expect.objectContaining({ full: false, ok: true, headId: head.id, headHash: head.hash }),
        expect.objectContaining({ full: true, ok: true, headId: head.id, headHash: head.hash }),
      ]);
      const anchor = await smtp.waitFor((m) => smtp.to(supervisor.email).includes(m) && m.subject === `[audit] chain anchor #${head.id}`);
      expect(anchor.text).toContain(head.hash);
    } finally {
      log.mockRestore();
    }
    expect(await chainAlerts()).toEqual([]);
  });

  it('finds an old entry edited behind the triggers at the next full pass: one alert naming it, mailed to supervisors', async () => {
    const rows = await write(5, 'edit');
    expect((await runJob()).ok).toBe(true);
    const anchor = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ id: rows[1].id });
    await asSuperuser(`UPDATE audit_events SET after = '{"masked": "x***@e***.com"}' WHERE id = $1`, [rows[2].id]);
    await write(1, 'later');

    // Before the full pass is due, the cheap check (entries since the checkpoint) cannot see it.
    expect(await runJob()).toMatchObject({ ok: true, full: null });
    expect(await chainAlerts()).toEqual([]);

    clock.advance(DAY);
    expect(await runJob()).toMatchObject({ full: { ok: false, firstBrokenId: rows[2].id, alerted: true } });
    const [alert] = await chainAlerts();
    expect(alert).toMatchObject({ eventId: rows[2].id, summary: expect.stringContaining(`entry #${rows[2].id}`) });
    const mail = await smtp.waitFor((m) => alertMails().includes(m));
    expect(mail.text).toContain(`#${rows[2].id}`);
    // The last good anchor travels with the alert: the entry before the break and its hash.
    expect(mail.text).toContain(`Last good anchor: entry #${anchor.id}, hash ${anchor.hash}`);

    clock.advance(DAY);
    expect(await runJob()).toMatchObject({ full: { ok: false, firstBrokenId: rows[2].id, alerted: false } });
    expect(await chainAlerts()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(alertMails()).toHaveLength(1);

    await asSuperuser(`UPDATE audit_events SET after = $2 WHERE id = $1`, [rows[2].id, JSON.stringify(rows[2].after)]);
  });

  it('finds a chain rewritten with recomputed hashes by the stored checkpoint that no longer matches', async () => {
    const before = (await chainAlerts()).length;
    const rows = await write(3, 'rewrite');
    expect((await runJob()).ok).toBe(true);
    // Edit the checkpoint's own head entry and re-hash it: the chain links again, the stored anchor does not.
    const head = rows[2];
    const edited = { ...head, reason: 'rewritten' };
    await asSuperuser(`UPDATE audit_events SET reason = $2, hash = $3 WHERE id = $1`, [
      head.id,
      edited.reason,
      chainHash(head.prevHash, edited),
    ]);
    const [{ max: lastCheckpoint }] = await t.dataSource.query(`SELECT max(id) FROM audit_checkpoints`);
    expect(await t.dataSource.query(`SELECT last_event_id AS id FROM audit_checkpoints WHERE id = $1`, [lastCheckpoint])).toEqual([
      { id: head.id },
    ]);
    expect((await t.app.get(AuditQueryService).verifyAll()).ok).toBe(true);

    clock.advance(DAY);
    expect(await runJob()).toMatchObject({ full: { ok: false, firstBrokenId: head.id, alerted: true } });
    expect(await chainAlerts()).toHaveLength(before + 1);

    // For the next test, the rewrite succeeds completely: the checkpoint that anchored the old hash goes too.
    await t.dataSource.query(`DELETE FROM audit_checkpoints WHERE last_event_id = $1 AND last_hash = $2`, [head.id, head.hash]);
  });

  it('finds an old entry deleted behind the triggers: one alert naming the missing entry', async () => {
    const before = (await chainAlerts()).length;
    const rows = await write(5, 'delete');
    expect((await runJob()).ok).toBe(true);
    await asSuperuser(`DELETE FROM audit_events WHERE id = $1`, [rows[1].id]);

    clock.advance(DAY);
    expect(await runJob()).toMatchObject({ full: { ok: false, firstBrokenId: rows[2].id, alerted: true } });
    const found = await chainAlerts();
    expect(found).toHaveLength(before + 1);
    const alert = found.find((a) => a.eventId === rows[2].id)!;
    expect(alert.summary).toContain(`Entry #${rows[1].id} is missing.`);
    await smtp.waitFor((m) => alertMails().some((a) => a === m && a.text!.includes(`Entry #${rows[1].id} is missing.`)));

    clock.advance(DAY);
    await runJob();
    expect(await chainAlerts()).toHaveLength(before + 1);
  });
});
