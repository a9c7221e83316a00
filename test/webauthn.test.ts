/**
 * Staff security keys (WebAuthn) against the real API, PostgreSQL and @simplewebauthn/server, with a software
 * authenticator producing real attestations and assertions (test/support/soft-authenticator.ts): enrolment bound
 * to the session, single-use and short-lived challenges, the origin check a phishing site fails, the signature
 * counter, the roles that must use a key, and the four-eyes reset. The browser path is test/browser/security-key*.
 */
import request from 'supertest';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { totpCode } from '../server/auth/totp';
import { StaffUser, type StaffRole } from '../server/auth/staff-user.entity';
import { StaffSecurityKey } from '../server/auth/webauthn/staff-security-key.entity';
import { FixedClock } from '../server/core/clock';
import { signIn, startTestApp, type TestApp } from './support/app';
import { createStaff, TEST_PASSWORD, type TestStaff } from './support/factories';
import { SoftAuthenticator } from './support/soft-authenticator';

const RP_ID = 'localhost';
const ORIGIN = 'http://localhost:3000';
const PHISHING_ORIGIN = 'https://recovery-desk.example-login.net';
type Agent = ReturnType<typeof request.agent>;

describe('staff security keys (WebAuthn)', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      config: {
        webauthn: { rpId: RP_ID, rpName: 'Recovery Desk', origin: ORIGIN, requiredRoles: ['supervisor', 'admin'] },
        loginThrottle: { windowMinutes: 15, maxPerAccount: 50, maxPerIp: 100_000 },
      },
    });
  });
  afterAll(() => t.close());

  const newKey = () => new SoftAuthenticator(RP_ID, ORIGIN);

  async function registrationOptions(
    agent: Agent,
    password = TEST_PASSWORD,
  ): Promise<{ challenge: string; excludeCredentials?: { id: string }[] }> {
    const res = await agent.post('/api/my-security-keys/registration-options').send({ password });
    expect(res.status).toBe(200);
    return res.body.options;
  }

  async function enrol(agent: Agent, key: SoftAuthenticator, name = 'blue key') {
    const options = await registrationOptions(agent);
    return agent.post('/api/my-security-keys').send({ name, response: key.register(options) });
  }

  async function keyOptions(staff: TestStaff) {
    const client = request.agent(t.url);
    const res = await client.post('/api/auth/security-key/options').send({ email: staff.email, password: staff.password });
    return { client, res };
  }

  async function keySignIn(staff: TestStaff, key: SoftAuthenticator, origin = ORIGIN, rpId = RP_ID) {
    const { client, res: step1 } = await keyOptions(staff);
    expect(step1.status).toBe(200);
    const res = await client
      .post('/api/auth/security-key')
      .send({ ticket: step1.body.ticket, response: key.assert(step1.body.options, origin, rpId) });
    return { client, res, ticket: step1.body.ticket as string, options: step1.body.options as { challenge: string } };
  }

  /** A member who enrolled a key as an agent, then was given `roles` (which may require the key). */
  async function memberWithKey(roles: StaffRole[]): Promise<{ staff: TestStaff; key: SoftAuthenticator }> {
    const staff = await createStaff(t.dataSource, ['agent']);
    const key = newKey();
    expect((await enrol(await signIn(t, staff), key)).status).toBe(201);
    await t.dataSource.getRepository(StaffUser).update({ id: staff.user.id }, { roles });
    return { staff, key };
  }

  const audits = (action: string, targetId: string) => t.dataSource.getRepository(AuditEvent).findBy({ action, targetId });

  it('enrols a key in a session, then signs in with the password and the key instead of a code', async () => {
    const staff = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, staff);
    const key = newKey();
    const added = await enrol(agent, key, 'Blue key');
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      name: 'Blue key',
      transports: ['usb'],
      createdAt: expect.any(String),
      lastUsedAt: null,
    });
    const list = await agent.get('/api/my-security-keys');
    expect(list.body).toEqual({ data: [added.body], required: false });
    // The same key again is excluded by the browser before anyone touches it.
    expect((await registrationOptions(agent)).excludeCredentials?.map((c) => c.id)).toEqual([key.id]);
    expect(await audits('auth.security_key.add', staff.user.id)).toEqual([
      expect.objectContaining({ outcome: 'success', actorId: staff.user.id, after: { keyId: added.body.id, name: 'Blue key' } }),
    ]);

    const { client, res } = await keySignIn(staff, key);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(expect.objectContaining({ id: staff.user.id, email: staff.email }));
    expect(String(res.headers['set-cookie'])).toMatch(/^rd_session=[A-Za-z0-9_-]{43};.*HttpOnly.*SameSite=Strict/);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const stored = await t.dataSource.getRepository(StaffSecurityKey).findOneByOrFail({ id: added.body.id });
    expect([stored.counter, stored.lastUsedAt?.getTime()]).toEqual(['1', clock.now().getTime()]);
    const logins = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.login', actorId: staff.user.id });
    expect(logins.map((l) => l.after?.secondFactor)).toContain('security_key');
  });

  it('asks for the password again before a key is added (a borrowed session cannot add its own)', async () => {
    const staff = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, staff);
    const res = await agent.post('/api/my-security-keys/registration-options').send({ password: 'not the password' });
    expect([res.status, res.body.code, res.body.errors]).toEqual([400, 'webauthn.wrong_password', { password: 'Wrong password' }]);
    expect(await audits('auth.security_key.add', staff.user.id)).toEqual([
      expect.objectContaining({ outcome: 'denied', reason: 'wrong password' }),
    ]);
    expect(
      (await agent.post('/api/my-security-keys').send({ name: 'none', response: newKey().register({ challenge: 'AAAA' }) })).status,
    ).toBe(410);
  });

  it('uses a registration challenge once, only in the session that asked for it', async () => {
    const staff = await createStaff(t.dataSource, ['agent']);
    const first = await signIn(t, staff);
    const second = await signIn(t, staff);
    const key = newKey();
    const response = key.register(await registrationOptions(first));

    // Another session of the same member cannot answer this session's challenge.
    const elsewhere = await second.post('/api/my-security-keys').send({ name: 'stolen', response });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([410, 'webauthn.challenge_gone']);

    expect((await first.post('/api/my-security-keys').send({ name: 'mine', response })).status).toBe(201);
    const replay = await first.post('/api/my-security-keys').send({ name: 'again', response });
    expect([replay.status, replay.body.code]).toEqual([410, 'webauthn.challenge_gone']);
    expect(await t.dataSource.getRepository(StaffSecurityKey).countBy({ staffId: staff.user.id })).toBe(1);
  });

  it('uses a sign-in challenge once: a replayed answer or ticket is refused', async () => {
    const { staff, key } = await memberWithKey(['agent']);
    const { res, ticket, options } = await keySignIn(staff, key);
    expect(res.status).toBe(200);
    const replay = await request(t.url)
      .post('/api/auth/security-key')
      .send({ ticket, response: key.assert(options) });
    expect([replay.status, replay.body.code]).toEqual([410, 'webauthn.challenge_gone']);
  });

  it('lets a challenge expire within a minute and a half', async () => {
    const { staff, key } = await memberWithKey(['agent']);
    const { res: step1 } = await keyOptions(staff);
    clock.advance(91_000);
    const late = await request(t.url)
      .post('/api/auth/security-key')
      .send({ ticket: step1.body.ticket, response: key.assert(step1.body.options) });
    expect([late.status, late.body.code]).toEqual([410, 'webauthn.challenge_gone']);

    const agent = await signIn(t, staff);
    const options = await registrationOptions(agent);
    clock.advance(91_000);
    const lateEnrol = await agent.post('/api/my-security-keys').send({ name: 'late', response: newKey().register(options) });
    expect([lateEnrol.status, lateEnrol.body.code]).toEqual([410, 'webauthn.challenge_gone']);
  });

  it('refuses a key answering another origin (a phishing site), at enrolment and at sign-in', async () => {
    const staff = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, staff);
    const phished = await agent
      .post('/api/my-security-keys')
      .send({ name: 'phished', response: newKey().register(await registrationOptions(agent), PHISHING_ORIGIN) });
    expect([phished.status, phished.body.code]).toEqual([400, 'webauthn.registration_failed']);
    expect(await audits('auth.security_key.add', staff.user.id)).toEqual([
      expect.objectContaining({ outcome: 'failure', reason: expect.stringContaining(PHISHING_ORIGIN) }),
    ]);

    const key = newKey();
    expect((await enrol(agent, key)).status).toBe(201);
    const { res } = await keySignIn(staff, key, PHISHING_ORIGIN);
    expect([res.status, res.body.code]).toEqual([401, 'webauthn.authentication_failed']);
    expect(res.headers['set-cookie']).toBeUndefined();
    const failures = await audits('auth.login.failed', staff.email);
    expect(failures.map((f) => f.reason)).toContainEqual(expect.stringContaining(PHISHING_ORIGIN));

    // The right origin, but signed for another relying party (its RP ID hash): refused as well.
    const { res: otherRp } = await keySignIn(staff, key, ORIGIN, 'example-login.net');
    expect([otherRp.status, otherRp.body.code]).toEqual([401, 'webauthn.authentication_failed']);
    expect((await keySignIn(staff, key)).res.status).toBe(200);
  });

  it('refuses an answer whose signature counter does not move forward (a cloned key)', async () => {
    const { staff, key } = await memberWithKey(['agent']);
    expect((await keySignIn(staff, key)).res.status).toBe(200);
    expect((await keySignIn(staff, key)).res.status).toBe(200);
    key.counter = 1; // the clone signs its next answer with counter 2, which the desk has seen
    const { res } = await keySignIn(staff, key);
    expect([res.status, res.body.code]).toEqual([401, 'webauthn.authentication_failed']);
  });

  it('refuses the wrong password before any key is asked, and says so when the member has no key', async () => {
    const { staff } = await memberWithKey(['agent']);
    const wrong = await request(t.url).post('/api/auth/security-key/options').send({ email: staff.email, password: 'not the password' });
    expect([wrong.status, wrong.body.code, wrong.body.ticket]).toEqual([401, 'auth.invalid_credentials', undefined]);

    const keyless = await createStaff(t.dataSource, ['agent']);
    const none = await keyOptions(keyless);
    expect([none.res.status, none.res.body.code]).toEqual([409, 'webauthn.no_key']);
  });

  it('refuses a TOTP sign-in to the roles that must use a key, and keeps their last key', async () => {
    const { staff, key } = await memberWithKey(['supervisor']);
    clock.advance(30_000);
    const withCode = await request(t.url)
      .post('/api/auth/login')
      .send({ email: staff.email, password: staff.password, otp: await totpCode(staff.secret, clock.now().getTime()) });
    expect([withCode.status, withCode.body.code]).toEqual([403, 'webauthn.key_required']);
    expect(withCode.headers['set-cookie']).toBeUndefined();
    expect((await audits('auth.login.failed', staff.email)).map((a) => a.reason)).toContain('security key required');

    const { client, res } = await keySignIn(staff, key);
    expect(res.status).toBe(200);
    const list = await client.get('/api/my-security-keys');
    expect(list.body.required).toBe(true);
    const last = await client.delete(`/api/my-security-keys/${list.body.data[0].id}`);
    expect([last.status, last.body.code]).toEqual([409, 'webauthn.last_required_key']);
    expect((await enrol(client, newKey(), 'spare')).status).toBe(201);
    expect((await client.delete(`/api/my-security-keys/${list.body.data[0].id}`)).status).toBe(204);
    expect(await audits('auth.security_key.remove', staff.user.id)).toHaveLength(1);

    // An agent is not concerned: the code still signs them in.
    expect((await (await signIn(t, await createStaff(t.dataSource, ['agent']))).get('/api/auth/me')).status).toBe(200);
  });

  it('lets a supervisor with no key yet spend one code to enrol a first key, never to open a session', async () => {
    const staff = await createStaff(t.dataSource, ['supervisor']);
    clock.advance(30_000);
    const code = await totpCode(staff.secret, clock.now().getTime());
    const credentials = { email: staff.email, password: staff.password, otp: code };
    const withCode = await request(t.url).post('/api/auth/login').send(credentials);
    expect([withCode.status, withCode.body.code]).toEqual([403, 'webauthn.key_enrolment_required']);
    expect(withCode.headers['set-cookie']).toBeUndefined();
    expect((await keyOptions(staff)).res.body.code).toBe('webauthn.key_enrolment_required');

    const wrongCode = await request(t.url)
      .post('/api/auth/security-key/first-key-options')
      .send({ ...credentials, otp: code === '000000' ? '111111' : '000000' });
    expect([wrongCode.status, wrongCode.body.code]).toEqual([401, 'auth.invalid_credentials']);
    const step = await request(t.url).post('/api/auth/security-key/first-key-options').send(credentials);
    expect(step.status).toBe(200);
    expect(step.headers['set-cookie']).toBeUndefined();
    // The code is spent: it buys one ticket.
    expect((await request(t.url).post('/api/auth/security-key/first-key-options').send(credentials)).status).toBe(401);

    const key = newKey();
    const enrolled = await request(t.url)
      .post('/api/auth/security-key/first-key')
      .send({ ticket: step.body.ticket, name: 'red key', response: key.register(step.body.options) });
    expect([enrolled.status, enrolled.body.name]).toEqual([201, 'red key']);
    expect(enrolled.headers['set-cookie']).toBeUndefined();
    expect(await audits('auth.security_key.add', staff.user.id)).toEqual([
      expect.objectContaining({ actorId: staff.user.id, outcome: 'success' }),
    ]);
    expect((await keySignIn(staff, key)).res.status).toBe(200);

    // Once a key exists (or for a role not concerned), the first-key path is closed.
    clock.advance(30_000);
    const again = await request(t.url)
      .post('/api/auth/security-key/first-key-options')
      .send({ ...credentials, otp: await totpCode(staff.secret, clock.now().getTime()) });
    expect([again.status, again.body.code]).toEqual([409, 'webauthn.first_key_not_due']);
  });

  it('resets a member’s keys only when a second admin confirms; the member’s sessions end', async () => {
    const member = await memberWithKey(['agent']);
    const memberSession = (await keySignIn(member.staff, member.key)).client;
    const firstAdmin = await memberWithKey(['admin']);
    const first = (await keySignIn(firstAdmin.staff, firstAdmin.key)).client;
    const secondAdmin = await memberWithKey(['admin']);
    const second = (await keySignIn(secondAdmin.staff, secondAdmin.key)).client;

    const own = await second.post(`/api/staff/${secondAdmin.staff.user.id}/security-key-resets`).send({ reason: 'lost my key' });
    expect([own.status, own.body.code]).toEqual([403, 'webauthn.own_key_reset']);

    const asked = await first.post(`/api/staff/${member.staff.user.id}/security-key-resets`).send({ reason: 'key stolen with a bag' });
    expect(asked.status).toBe(201);
    const twice = await second.post(`/api/staff/${member.staff.user.id}/security-key-resets`).send({ reason: 'again' });
    expect([twice.status, twice.body.code]).toEqual([409, 'webauthn.key_reset_pending']);
    expect((await second.get('/api/security-key-resets')).body.data.map((r: { id: string }) => r.id)).toContain(asked.body.id);

    const byRequester = await first.post(`/api/security-key-resets/${asked.body.id}/confirm`);
    expect([byRequester.status, byRequester.body.code]).toEqual([403, 'webauthn.key_reset_own_request']);
    expect(await t.dataSource.getRepository(StaffSecurityKey).countBy({ staffId: member.staff.user.id })).toBe(1);

    const confirmed = await second.post(`/api/security-key-resets/${asked.body.id}/confirm`);
    expect([confirmed.status, confirmed.body]).toEqual([200, { staffId: member.staff.user.id, keysRemoved: 1 }]);
    expect(await t.dataSource.getRepository(StaffSecurityKey).countBy({ staffId: member.staff.user.id })).toBe(0);
    expect((await memberSession.get('/api/auth/me')).status).toBe(401);
    expect((await keyOptions(member.staff)).res.body.code).toBe('webauthn.no_key');
    expect((await second.post(`/api/security-key-resets/${asked.body.id}/confirm`)).status).toBe(404);
    expect((await audits('staff.security_key_reset.confirm', member.staff.user.id))[0].after).toEqual(
      expect.objectContaining({ keysRemoved: 1, sessionsEnded: expect.any(Number) }),
    );
  });
});
