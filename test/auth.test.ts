import request from 'supertest';
import { totpCode } from '../server/auth/totp';
import { FixedClock } from '../server/core/clock';
import { StaffSession } from '../server/auth/staff-session.entity';
import { SessionService } from '../server/auth/session.service';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { StaffUser } from '../server/auth/staff-user.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

describe('staff sign-in and sessions', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { loginThrottle: { windowMinutes: 15, maxPerAccount: 3, maxPerIp: 100000 } } });
  });
  afterAll(() => t.close());

  async function codeFor(secret: string) {
    return totpCode(secret, clock.now().getTime());
  }

  it('signs in with password and TOTP, sets a strict HttpOnly cookie, and /me returns the user and packed rules', async () => {
    const s = await createStaff(t.dataSource, ['supervisor']);
    clock.advance(30_000);
    const res = await request(t.url)
      .post('/api/auth/login')
      .send({ email: s.email.toUpperCase(), password: s.password, otp: await codeFor(s.secret) });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: s.user.id, email: s.email, name: s.user.name, roles: ['supervisor'] });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^rd_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const me = await request(t.url).get('/api/auth/me').set('Cookie', cookie.split(';')[0]);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(s.email);
    expect(me.body.rules).toEqual(expect.arrayContaining([['read', 'AuditEvent']]));

    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: s.user.id, action: 'auth.login' });
    expect(audit).toMatchObject({ outcome: 'success', targetType: 'staff', targetId: s.user.id, ip: expect.stringContaining('127.0.0.1') });
    expect(audit.requestId).toBeTruthy();
  });

  it('never stores the session token itself', async () => {
    const s = await createStaff(t.dataSource, ['agent']);
    clock.advance(30_000);
    const res = await request(t.url)
      .post('/api/auth/login')
      .send({ email: s.email, password: s.password, otp: await codeFor(s.secret) });
    const token = String(res.headers['set-cookie']).split(';')[0].split('=')[1];
    const rows = await t.dataSource.getRepository(StaffSession).findBy({ staffId: s.user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
  });

  it('refuses a wrong password, a wrong code and a replayed code with the same message, and audits each failure', async () => {
    const s = await createStaff(t.dataSource, ['agent']);
    clock.advance(30_000);
    const good = await codeFor(s.secret);
    const wrongPassword = await request(t.url).post('/api/auth/login').send({ email: s.email, password: 'nope-nope', otp: good });
    const wrongCode = await request(t.url)
      .post('/api/auth/login')
      .send({ email: s.email, password: s.password, otp: String((Number(good) + 1) % 1e6).padStart(6, '0') });
    expect(wrongPassword.status).toBe(401);
    expect(wrongCode.status).toBe(401);
    expect(wrongPassword.body.code).toBe('auth.invalid_credentials');
    expect(wrongPassword.body.message).toBe(wrongCode.body.message);

    const ok = await request(t.url).post('/api/auth/login').send({ email: s.email, password: s.password, otp: good });
    expect(ok.status).toBe(200);
    const replay = await request(t.url).post('/api/auth/login').send({ email: s.email, password: s.password, otp: good });
    expect(replay.status).toBe(401);

    const failures = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.login.failed', targetId: s.email });
    expect(failures.map((f) => f.reason).sort()).toEqual(['wrong or reused code', 'wrong or reused code', 'wrong password']);
    expect(failures.every((f) => f.outcome === 'failure' && f.actorId === null)).toBe(true);
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const res = await request(t.url).post('/api/auth/login').send({ email: 'nobody-here@staff.test', password: 'x', otp: '123456' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.invalid_credentials');
  });

  it('rejects malformed sign-in bodies with a message per field', async () => {
    const res = await request(t.url).post('/api/auth/login').send({ email: 'not-an-email', password: '', otp: '12', extra: 1 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['email', 'extra', 'otp', 'password']);
    expect(res.body.errors.extra).toBe('is not an accepted field');
  });

  it('throttles an account after repeated failures, even with the right credentials, then lets it in after the window', async () => {
    const s = await createStaff(t.dataSource, ['agent']);
    for (let i = 0; i < 3; i++) {
      const r = await request(t.url).post('/api/auth/login').send({ email: s.email, password: 'wrong-password', otp: '000000' });
      expect(r.status).toBe(401);
    }
    clock.advance(30_000);
    const blocked = await request(t.url)
      .post('/api/auth/login')
      .send({ email: s.email, password: s.password, otp: await codeFor(s.secret) });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.code).toBe('auth.login_throttled');
    expect(blocked.body.params.retryAfterSeconds).toBe(Number(blocked.headers['retry-after']));

    clock.advance(15 * 60_000);
    const later = await request(t.url)
      .post('/api/auth/login')
      .send({ email: s.email, password: s.password, otp: await codeFor(s.secret) });
    expect(later.status).toBe(200);
  });

  it('ends a session after 15 idle minutes', async () => {
    const s = await createStaff(t.dataSource, ['supervisor']);
    const agent = await signIn(t, s);
    clock.advance(14 * 60_000);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    clock.advance(14 * 60_000);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    const res = await agent.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.session_expired');
  });

  it('resolves a session and its staff member exactly as the ORM reads them', async () => {
    const s = await createStaff(t.dataSource, ['agent', 'reviewer']);
    clock.advance(30_000);
    const otp = await totpCode(s.secret, clock.now().getTime());
    const login = await request(t.url).post('/api/auth/login').send({ email: s.email, password: s.password, otp });
    const token = decodeURIComponent(/rd_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1]);
    const resolved = await t.app.get(SessionService).resolve(token);
    if (typeof resolved === 'string') throw new Error(`session ${resolved}`);
    const orm = await t.dataSource
      .getRepository(StaffSession)
      .findOneOrFail({ where: { id: resolved.session.id }, relations: { staff: true } });
    expect(resolved.session).toStrictEqual(orm);
    expect(resolved.user).toBe(resolved.session.staff);
  });

  it('extends the idle limit on a burst of concurrent requests, all of them answered', async () => {
    const s = await createStaff(t.dataSource, ['supervisor']);
    const agent = await signIn(t, s);
    clock.advance(60_000);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => agent.get('/api/auth/me').then((r) => r.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const [row] = await t.dataSource.query('SELECT last_seen_at FROM staff_sessions WHERE staff_id = $1 AND revoked_at IS NULL', [
      s.user.id,
    ]);
    expect(new Date(row.last_seen_at).getTime()).toBe(clock.now().getTime());
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const s = await createStaff(t.dataSource, ['supervisor']);
    const agent = await signIn(t, s);
    for (let i = 0; i < 12 * 6 - 1; i++) {
      clock.advance(10 * 60_000);
      const r = await agent.get('/api/auth/me');
      if (r.status !== 200) throw new Error(`session ended early after ${(i + 1) * 10} minutes`);
    }
    clock.advance(10 * 60_000);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  // Sessions answer from memory for SESSION_CACHE_MS (1 s) after a database read: a change made in the database
  // by another process counts within that bound; one made through this process, on the very next request.
  it('refuses a disabled user within SESSION_CACHE_MS of the change in the database, and refuses their sign-in', async () => {
    expect(t.config.sessionCacheMs).toBe(1000);
    const s = await createStaff(t.dataSource, ['supervisor']);
    const agent = await signIn(t, s);
    expect((await agent.get('/api/audit-events')).status).toBe(200);
    await t.dataSource.getRepository(StaffUser).update({ id: s.user.id }, { active: false });
    clock.advance(t.config.sessionCacheMs);
    const res = await agent.get('/api/audit-events');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.staff_disabled');
    clock.advance(30_000);
    const again = await request(t.url)
      .post('/api/auth/login')
      .send({ email: s.email, password: s.password, otp: await codeFor(s.secret) });
    expect(again.status).toBe(401);
  });

  it('refuses a session revoked in the database (another process) within SESSION_CACHE_MS', async () => {
    const s = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, s);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    await t.dataSource.getRepository(StaffSession).update({ staffId: s.user.id }, { revokedAt: clock.now() });
    clock.advance(t.config.sessionCacheMs);
    const res = await agent.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.session_missing');
  });

  it('answers a burst from memory: one session read for many requests within SESSION_CACHE_MS', async () => {
    const s = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, s);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    // Within the bound the database's state is not read again (the revocation above the bound is the test before).
    await t.dataSource.getRepository(StaffSession).update({ staffId: s.user.id }, { revokedAt: clock.now() });
    clock.advance(t.config.sessionCacheMs - 1);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    clock.advance(1);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('applies a role change within SESSION_CACHE_MS of the change in the database', async () => {
    const s = await createStaff(t.dataSource, ['supervisor']);
    const agent = await signIn(t, s);
    expect((await agent.get('/api/audit-events')).status).toBe(200);
    await t.dataSource.getRepository(StaffUser).update({ id: s.user.id }, { roles: ['agent'] });
    clock.advance(t.config.sessionCacheMs);
    expect((await agent.get('/api/audit-events')).status).toBe(403);
    expect((await agent.get('/api/auth/me')).body.user.roles).toEqual(['agent']);
  });

  it('refuses a member disabled through the staff API on their very next request, though their session was in memory', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const s = await createStaff(t.dataSource, ['supervisor']);
    const agent = await signIn(t, s);
    expect((await agent.get('/api/audit-events')).status).toBe(200);
    expect((await admin.patch(`/api/staff/${s.user.id}`).send({ active: false, reason: 'left the company' })).status).toBe(200);
    const res = await agent.get('/api/audit-events');
    expect(res.status).toBe(401);
  });

  it('applies a role change made through the staff API on the very next request', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const s = await createStaff(t.dataSource, ['supervisor']);
    const agent = await signIn(t, s);
    expect((await agent.get('/api/audit-events')).status).toBe(200);
    expect((await admin.patch(`/api/staff/${s.user.id}`).send({ roles: ['agent'], reason: 'back on the phones' })).status).toBe(200);
    expect((await agent.get('/api/audit-events')).status).toBe(403);
  });

  it('logs out: the cookie no longer works and the logout is audited', async () => {
    const s = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, s);
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ actorId: s.user.id, action: 'auth.logout' })).toBe(1);
  });
});

describe('per-IP sign-in throttle', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    t = await startTestApp({ clock, config: { loginThrottle: { windowMinutes: 15, maxPerAccount: 1000, maxPerIp: 4 } } });
  });
  afterAll(() => t.close());

  it('blocks an address that sprays many accounts, whatever the account', async () => {
    // Earlier failures of this database from 127.0.0.1 fall outside the window of this clock.
    clock.advance(24 * 3600_000);
    for (let i = 0; i < 4; i++) {
      const r = await request(t.url)
        .post('/api/auth/login')
        .send({ email: `spray-${i}-${Date.now()}@staff.test`, password: 'x', otp: '000000' });
      expect(r.status).toBe(401);
    }
    const s = await createStaff(t.dataSource, ['agent']);
    const res = await request(t.url)
      .post('/api/auth/login')
      .send({ email: s.email, password: s.password, otp: await totpCode(s.secret, clock.now().getTime()) });
    expect(res.status).toBe(429);
  });
});
