import { AuditService } from '../server/audit/audit.service';
import type { AuditInput } from '../server/audit/audit.types';
import { FixedClock } from '../server/core/clock';
import { Alert } from '../server/supervision/alert.entity';
import { AlertsService } from '../server/supervision/alerts.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff, TestStaff } from './support/factories';
import { TestSmtp } from './support/smtp';

describe('abuse alerts', () => {
  const smtp = new TestSmtp();
  // A Tuesday, 10:00 in Paris: working hours.
  const clock = new FixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let audit: AuditService;
  let alerts: AlertsService;
  let supervisor: TestStaff;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ clock, worker: true, config: { smtpUrl } });
    audit = t.app.get(AuditService);
    alerts = t.app.get(AlertsService);
    supervisor = await createStaff(t.dataSource, ['supervisor']);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function act(staff: TestStaff | null, input: Omit<AuditInput, 'actor' | 'meta'>, times = 1, everyMs = 60_000) {
    for (let i = 0; i < times; i++) {
      await audit.recordAlone({
        actor: staff ? { id: staff.user.id, email: staff.email, roles: staff.user.roles } : null,
        meta: { ip: '10.0.0.1', requestId: null },
        ...input,
      });
      clock.advance(everyMs);
    }
  }

  async function raised(rule: string) {
    await alerts.scan();
    return t.dataSource.getRepository(Alert).findBy({ rule: rule as Alert['rule'] });
  }

  it('raises one alert for a burst of swaps by one agent, none for normal work', async () => {
    const busy = await createStaff(t.dataSource, ['agent']);
    const normal = await createStaff(t.dataSource, ['agent']);
    for (let i = 0; i < 5; i++)
      await act(normal, { action: 'recovery.backup_to_primary.execute', targetType: 'account', targetId: `acc-n${i}` });
    expect(await raised('swap_burst')).toEqual([]);
    for (let i = 0; i < 8; i++)
      await act(busy, { action: 'recovery.backup_to_primary.execute', targetType: 'account', targetId: `acc-b${i}` });
    const found = await raised('swap_burst');
    expect(found).toHaveLength(1);
    // Raised at the 6th swap; the next two are the same incident: they update its count and join its evidence.
    expect(found[0]).toMatchObject({
      staffId: busy.user.id,
      summary: expect.stringContaining('8 backup→primary swaps'),
      params: { count: 8, threshold: 5, actorEmail: busy.email },
    });
    expect(found[0].evidenceIds).toHaveLength(8);
    await smtp.waitFor((m) => smtp.to(supervisor.email).includes(m) && m.subject === '[alert] swap_burst');
  });

  it('watches unmasks and searches without a call reference', async () => {
    const nosy = await createStaff(t.dataSource, ['agent']);
    await act(nosy, { action: 'account.search', after: { callReference: 'CALL-1' } }, 25, 1000);
    expect(await raised('searches_without_call')).toEqual([]);
    await act(nosy, { action: 'account.search', after: { callReference: null } }, 21, 1000);
    expect(await raised('searches_without_call')).toHaveLength(1);
    await act(nosy, { action: 'account.unmask', targetType: 'account', targetId: 'x' }, 16, 1000);
    expect(await raised('unmask_burst')).toHaveLength(1);
  });

  it('notices repeated recovery attempts on one account', async () => {
    const a = await createStaff(t.dataSource, ['agent']);
    await act(a, { action: 'verification.code.check', outcome: 'failure', targetType: 'account', targetId: 'acct-calm' }, 2);
    expect(await raised('repeated_attempts')).toEqual([]);
    await act(a, { action: 'verification.code.check', outcome: 'failure', targetType: 'account', targetId: 'acct-hot' }, 2);
    await act(a, { action: 'recovery.disable_2fa.open', targetType: 'account', targetId: 'acct-hot' }, 1);
    const found = await raised('repeated_attempts');
    expect(found.map((f) => f.targetId)).toEqual(['acct-hot']);
  });

  it('raises duplicate documents and customer reports at once', async () => {
    await act(null, {
      action: 'case.fraud_flag',
      targetType: 'document',
      targetId: 'doc-1',
      caseId: 'case-1',
      after: { cases: ['case-1', 'case-2'] },
    });
    await act(null, {
      action: 'recovery.backup_to_primary.report',
      outcome: 'failure',
      targetType: 'account',
      targetId: 'acct-r',
      caseId: 'rc-1',
    });
    expect(await raised('duplicate_document')).toHaveLength(1);
    expect(await raised('customer_report')).toHaveLength(1);
  });

  it('flags sensitive actions outside working hours only', async () => {
    const night = await createStaff(t.dataSource, ['supervisor']);
    await act(night, { action: 'recovery.disable_2fa.approve', targetType: 'account', targetId: 'acct-day' });
    expect(await raised('off_hours')).toEqual([]);
    clock.set(new Date('2026-11-25T02:30:00Z'));
    await act(night, { action: 'recovery.disable_2fa.approve', targetType: 'account', targetId: 'acct-night' });
    await act(night, { action: 'account.search', after: { callReference: 'CALL-9' } });
    const found = await raised('off_hours');
    expect(found.map((f) => f.targetId)).toEqual(['acct-night']);
    clock.set(new Date('2026-11-25T09:00:00Z'));
  });

  it('scans each entry once', async () => {
    const before = await t.dataSource.getRepository(Alert).count();
    expect(await alerts.scan()).toMatchObject({ raised: 0 });
    expect(await t.dataSource.getRepository(Alert).count()).toBe(before);
  });

  it('lets a supervisor acknowledge an alert with a comment, once', async () => {
    const client = await signIn(t, supervisor);
    const open = await client.get('/api/alerts').query({ status: 'open' });
    expect(open.status).toBe(200);
    const first = open.body.data[0];
    const ack = await client
      .post(`/api/alerts/${first.id}/acknowledge`)
      .send({ comment: 'Called the agent: a batch of legitimate tickets' });
    expect(ack.body).toMatchObject({ acknowledgedBy: supervisor.user.id, ackComment: 'Called the agent: a batch of legitimate tickets' });
    expect((await client.post(`/api/alerts/${first.id}/acknowledge`).send({ comment: 'again' })).status).toBe(409);
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    expect((await agent.get('/api/alerts')).status).toBe(403);
  });

  it('counts the sensitive actions per staff member and day for the activity board', async () => {
    const a = await createStaff(t.dataSource, ['agent']);
    const client = await signIn(t, supervisor);
    const resumeAt = clock.now();
    clock.set(new Date('2026-11-20T10:00:00Z'));
    for (let i = 0; i < 3; i++) await act(a, { action: 'recovery.backup_to_primary.execute', targetType: 'account', targetId: `d${i}` });
    await act(a, { action: 'account.unmask', targetType: 'account', targetId: 'd1' });
    await act(a, { action: 'account.search', after: { callReference: 'C' } }, 4);
    clock.set(new Date('2026-11-21T10:00:00Z'));
    await act(a, { action: 'account.search', after: { callReference: 'C' } }, 2);
    clock.set(resumeAt);
    const res = await client.get('/api/dashboard').query({ from: '2026-11-19T00:00:00Z', to: '2026-11-22T00:00:00Z' });
    expect(res.status).toBe(200);
    const mine = res.body.activity.filter((r: { staff: string }) => r.staff === a.email);
    expect(mine).toEqual([
      { day: '2026-11-20', staff: a.email, swaps: 3, twoFactorDisablements: 0, emailReplacements: 0, unmasks: 1, searches: 4, reviews: 0 },
      { day: '2026-11-21', staff: a.email, swaps: 0, twoFactorDisablements: 0, emailReplacements: 0, unmasks: 0, searches: 2, reviews: 0 },
    ]);
    expect(res.body.queues.redis).toBe('up');
    expect(res.body.queues.queues.map((q: { name: string }) => q.name)).toEqual(['maintenance', 'mail', 'documents', 'recovery']);
    expect(res.body.outbox.byStatus).toBeDefined();
    expect((await client.get('/api/dashboard').query({ from: '2026-11-22T00:00:00Z', to: '2026-11-19T00:00:00Z' })).status).toBe(400);
  });
});
