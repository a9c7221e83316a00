import type { CustomerAccount } from '../server/accounts/customer-account.entity';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { FixedClock } from '../server/core/clock';
import { Alert } from '../server/supervision/alert.entity';
import { AlertsService } from '../server/supervision/alerts.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff } from './support/factories';

type Agent = Awaited<ReturnType<typeof signIn>>;

describe('stated-value tries per account and day', () => {
  const clock = new FixedClock(new Date());
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { statedValueMaxTriesPerAccountPerDay: 5 } });
  });
  afterAll(() => t.close());

  const agent = async () => signIn(t, await createStaff(t.dataSource, ['agent']));
  const openCall = async (a: Agent, account: CustomerAccount, ref: string) =>
    (await a.post(`/api/accounts/${account.id}/verifications`).send({ callReference: ref })).body.id as string;
  const state = (a: Agent, v: string, field: string, value: string) =>
    a.post(`/api/verifications/${v}/stated-values`).send({ field, value });
  const checks = (account: CustomerAccount) =>
    t.dataSource.getRepository(AuditEvent).countBy({ action: 'verification.stated.check', targetId: account.id });
  const alertsOn = async (account: CustomerAccount) => {
    await t.app.get(AlertsService).scan();
    return t.dataSource.getRepository(Alert).findBy({ rule: 'stated_value_limit', targetId: account.id });
  };

  it('keeps counting over a second call, stops at the limit, leaves other accounts alone and alerts once', async () => {
    const target = await createAccount(t.dataSource, { postalCode: '75011', phone: '+33612345699' });
    const other = await createAccount(t.dataSource, { postalCode: '69003' });
    const a = await agent();

    const first = await openCall(a, target, 'CALL-LIMIT-1');
    for (const guess of ['75012', '75013', '75014']) expect((await state(a, first, 'postal_code', guess)).body.result).toBe('no_match');
    expect((await state(a, first, 'postal_code', '75011')).status).toBe(409);

    // A new call (another agent, too) must not bring fresh tries for the same field.
    const b = await agent();
    const second = await openCall(b, target, 'CALL-LIMIT-2');
    expect((await b.get(`/api/verifications/${second}`)).body.statedAttemptsLeft).toEqual({ postal_code: 0, phone: 2, backup_email: 2 });
    const fourthPostal = await state(b, second, 'postal_code', '75011');
    expect(fourthPostal.status).toBe(429);
    expect(Number(fourthPostal.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(fourthPostal.body)).not.toMatch(/75011/);

    // The account's daily cap: five tries in all, whatever the field and the call.
    const phone = [await state(b, second, 'phone', '0600000001'), await state(b, second, 'phone', '0600000002')];
    expect(phone.map((r) => [r.status, r.body.attemptsLeft])).toEqual([
      [200, 1],
      [200, 0],
    ]);
    expect((await state(b, second, 'phone', '06 12 34 56 99')).status).toBe(429);
    expect((await state(b, second, 'backup_email', 'someone@example.net')).status).toBe(429);
    expect(await checks(target)).toBe(5);

    const elsewhere = await openCall(a, other, 'CALL-OTHER');
    expect((await state(a, elsewhere, 'postal_code', '69003')).body).toEqual({ field: 'postal_code', result: 'match', attemptsLeft: 2 });

    expect(await alertsOn(target)).toHaveLength(1);
    expect(await alertsOn(other)).toHaveLength(0);

    clock.advance(24 * 3600_000);
    const c = await agent();
    const nextDay = await openCall(c, target, 'CALL-LIMIT-3');
    expect((await state(c, nextDay, 'postal_code', '75011')).body.result).toBe('match');
    expect(await alertsOn(target)).toHaveLength(1);
  });

  it('holds the daily cap under a burst of parallel tries over several calls', async () => {
    const target = await createAccount(t.dataSource, { postalCode: '13001' });
    const agents = [await agent(), await agent(), await agent()];
    const calls = await Promise.all(agents.map((a, i) => openCall(a, target, `CALL-BURST-${i}`)));
    const tries = agents.flatMap((a, i) =>
      (['postal_code', 'phone', 'backup_email'] as const).flatMap((field) =>
        [1, 2].map((n) => state(a, calls[i], field, field === 'backup_email' ? `guess${n}@example.net` : `0600000${i}${n}`)),
      ),
    );
    const answers = await Promise.all(tries);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(5);
    expect(answers.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    expect(await checks(target)).toBe(5);
    expect(await alertsOn(target)).toHaveLength(1);
  });
});
