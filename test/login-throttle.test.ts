import request from 'supertest';
import { totpCode } from '../server/auth/totp';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { FixedClock } from '../server/core/clock';
import { startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

const WINDOW = 15;

function login(t: TestApp, body: { email: string; password: string; otp: string }) {
  return request(t.url).post('/api/auth/login').send(body);
}

function statuses(results: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

describe('sign-in throttle under a burst', () => {
  const clock = new FixedClock(new Date());
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const config = { loginThrottle: { windowMinutes: WINDOW, maxPerAccount: 3, maxPerIp: 100000 } };
    a = await startTestApp({ clock, config });
    // A second API replica on the same database: the limit is shared, not per process.
    b = await startTestApp({ clock, config });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const failures = (email: string) => a.dataSource.getRepository(AuditEvent).countBy({ action: 'auth.login.failed', targetId: email });

  it('checks at most the account limit out of 30 parallel wrong passwords, then refuses the right one', async () => {
    const s = await createStaff(a.dataSource, ['agent']);
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => login(a, { email: s.email, password: 'wrong-password', otp: '000000' })),
    );
    expect(statuses(burst)).toEqual({ 401: 3, 429: 27 });
    expect(burst.filter((r) => r.status === 429).every((r) => Number(r.headers['retry-after']) > 0)).toBe(true);
    expect(await failures(s.email)).toBe(3);

    clock.advance(30_000);
    const right = await login(a, { email: s.email, password: s.password, otp: await totpCode(s.secret, clock.now().getTime()) });
    expect(right.status).toBe(429);

    clock.advance(WINDOW * 60_000);
    const later = await login(a, { email: s.email, password: s.password, otp: await totpCode(s.secret, clock.now().getTime()) });
    expect(later.status).toBe(200);
  });

  it('shares the account limit between two API replicas', async () => {
    const s = await createStaff(a.dataSource, ['agent']);
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(i % 2 ? a : b, { email: s.email, password: 'wrong-password', otp: '000000' })),
    );
    expect(statuses(burst)).toEqual({ 401: 3, 429: 27 });
    expect(await failures(s.email)).toBe(3);
  });

  it('does not count a sign-in that succeeds against its owner', async () => {
    const s = await createStaff(a.dataSource, ['agent']);
    for (let i = 0; i < 2; i++) expect((await login(a, { email: s.email, password: 'wrong-password', otp: '000000' })).status).toBe(401);
    for (let i = 0; i < 3; i++) {
      clock.advance(30_000);
      const ok = await login(i % 2 ? a : b, { email: s.email, password: s.password, otp: await totpCode(s.secret, clock.now().getTime()) });
      expect(ok.status).toBe(200);
    }
    // Two failures and three sign-ins: one more failure reaches the limit of three, the next try is refused.
    expect((await login(a, { email: s.email, password: 'wrong-password', otp: '000000' })).status).toBe(401);
    expect((await login(a, { email: s.email, password: 'wrong-password', otp: '000000' })).status).toBe(429);
  });
});

describe('per-IP sign-in throttle under a burst', () => {
  const clock = new FixedClock(new Date(Date.now() + 24 * 3600_000));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock, config: { loginThrottle: { windowMinutes: WINDOW, maxPerAccount: 1000, maxPerIp: 4 } } });
  });
  afterAll(() => t.close());

  it('checks at most the IP limit out of 30 parallel tries on as many accounts, then refuses a right password', async () => {
    const prefix = `spray-${Date.now()}`;
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(t, { email: `${prefix}-${i}@staff.test`, password: 'x', otp: '000000' })),
    );
    expect(statuses(burst)).toEqual({ 401: 4, 429: 26 });
    const checked = await t.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.action = :action AND e.targetId LIKE :prefix', { action: 'auth.login.failed', prefix: `${prefix}-%` })
      .getCount();
    expect(checked).toBe(4);

    const s = await createStaff(t.dataSource, ['agent']);
    const right = await login(t, { email: s.email, password: s.password, otp: await totpCode(s.secret, clock.now().getTime()) });
    expect(right.status).toBe(429);
  });
});
