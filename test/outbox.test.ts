import { AuditEvent } from '../server/audit/audit-event.entity';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { MailReconcileHandler } from '../server/notifications/mail-reconcile.handler';
import { OutboxQueriesService } from '../server/notifications/outbox-queries.service';
import { OutboxService } from '../server/notifications/outbox.service';
import { FixedClock } from '../server/core/clock';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff } from './support/factories';
import { TestSmtp } from './support/smtp';
import { until } from './support/wait';

describe('customer mail outbox', () => {
  const smtp = new TestSmtp();
  let smtpUrl: string;
  beforeAll(async () => {
    smtpUrl = await smtp.start();
  });
  afterAll(() => smtp.stop());

  describe('with workers in process', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ worker: true, config: { smtpUrl, mailRetryBaseMs: 50, mailMaxAttempts: 3 } });
    });
    afterAll(() => t.close());

    it('writes a mail with its action or not at all', async () => {
      const account = await createAccount(t.dataSource);
      const a = await signIn(t, await createStaff(t.dataSource, ['agent']));
      await t.dataSource.query(`
        CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.action = 'account.customer_id_reminder' THEN RAISE EXCEPTION 'audit insert failed'; END IF; RETURN NEW; END $$`);
      await t.dataSource.query(
        `CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`,
      );
      try {
        const res = await a.post(`/api/accounts/${account.id}/customer-id-reminder`).send({ callReference: 'CALL-TX' });
        expect(res.status).toBe(500);
      } finally {
        await t.dataSource.query(`DROP TRIGGER test_fail_audit ON audit_events`);
        await t.dataSource.query(`DROP FUNCTION test_fail_audit()`);
      }
      expect(await t.dataSource.getRepository(OutboxMessage).countBy({ accountId: account.id })).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.to(account.primaryEmail)).toHaveLength(0);

      const ok = await a.post(`/api/accounts/${account.id}/customer-id-reminder`).send({ callReference: 'CALL-TX' });
      expect(ok.status).toBe(202);
      await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m));
      expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'account.customer_id_reminder', targetId: account.id })).toBe(
        1,
      );
    });

    it('retries with backoff while the SMTP server refuses, then delivers once', async () => {
      const account = await createAccount(t.dataSource);
      const a = await signIn(t, await createStaff(t.dataSource, ['agent']));
      smtp.refuseNext = 2;
      await a.post(`/api/accounts/${account.id}/customer-id-reminder`).send({ callReference: 'CALL-RETRY' });
      await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m));
      const row = await until(() => t.dataSource.getRepository(OutboxMessage).findOneBy({ accountId: account.id, status: 'sent' }));
      expect(row).toMatchObject({ attempts: 3, lastError: null });
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.to(account.primaryEmail)).toHaveLength(1);
    });

    it('marks a mail failed with its last error after the last attempt, visible to supervisors', async () => {
      const account = await createAccount(t.dataSource);
      const a = await signIn(t, await createStaff(t.dataSource, ['agent']));
      smtp.refuseNext = 3;
      await a.post(`/api/accounts/${account.id}/customer-id-reminder`).send({ callReference: 'CALL-FAIL' });
      const row = await until(() => t.dataSource.getRepository(OutboxMessage).findOneBy({ accountId: account.id, status: 'failed' }));
      expect(row.attempts).toBe(3);
      expect(row.lastError).toMatch(/Mailbox temporarily unavailable/);
      const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const list = await supervisor.get('/api/mail-outbox').query({ status: 'failed', accountId: account.id });
      expect(list.body.data).toEqual([
        expect.objectContaining({ id: row.id, status: 'failed', attempts: 3, to: expect.stringMatching(/^\w\*\*\*@/) }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain(account.primaryEmail);
    });

    it('pages mails made within one millisecond, each once, and refuses a foreign cursor', async () => {
      const account = await createAccount(t.dataSource);
      const made: string[] = [];
      for (const micros of ['123401', '123402', '123403', '123404', '123405']) {
        const [row] = await t.dataSource.query(
          `INSERT INTO mail_outbox (account_id, template, language, to_address, status, created_at) VALUES ($1, 'customer_id_reminder', 'fr', $2, 'sent', $3) RETURNING id`,
          [account.id, account.primaryEmail, `2026-03-01 10:00:00.${micros}+00`],
        );
        made.push(row.id);
      }
      const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await supervisor.get('/api/mail-outbox').query({ accountId: account.id, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...res.body.data.map((m: { id: string }) => m.id));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toHaveLength(5);
      expect([...seen].sort()).toEqual([...made].sort());
      expect(pages).toBe(3);

      const auditCursor = Buffer.from(JSON.stringify([null, '12']), 'utf8').toString('base64url');
      for (const foreign of [auditCursor, 'bm90LWEtY3Vyc29y']) {
        const bad = await supervisor.get('/api/mail-outbox').query({ cursor: foreign });
        expect(bad.status).toBe(400);
        expect(bad.body.errors.cursor).toBeDefined();
      }
    });

    it('sends what Redis never received, through the reconciler', async () => {
      const account = await createAccount(t.dataSource);
      const row = await t.dataSource.transaction((m) =>
        m.save(
          m.create(OutboxMessage, {
            accountId: account.id,
            template: 'customer_id_reminder',
            language: 'fr',
            toAddress: account.primaryEmail,
            params: { customerId: account.customerId },
            secretParams: [],
            status: 'pending',
          }),
        ),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.to(account.primaryEmail)).toHaveLength(0);
      // The reconciler only takes rows older than a few seconds, so it never races the relay of a fresh action.
      const later = new FixedClock(new Date(Date.now() + 60_000));
      const reconciler = new MailReconcileHandler(t.app.get(OutboxQueriesService), t.app.get(OutboxService), later);
      expect((await reconciler.handle()).requeued).toBeGreaterThanOrEqual(1);
      await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m));
      expect((await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: row.id })).status).toBe('sent');
    });
  });
});
