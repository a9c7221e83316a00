import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { StaffOidcLink } from '../server/auth/oidc/staff-oidc-link.entity';
import { StaffSession } from '../server/auth/staff-session.entity';
import { StaffUser } from '../server/auth/staff-user.entity';
import { totpCode } from '../server/auth/totp';
import { startTestApp, TestApp } from './support/app';
import { createStaff, TestStaff } from './support/factories';
import {
  CookieJar,
  finishSignIn,
  MFA,
  OidcTestApp,
  PASSWORD_ONLY,
  providerAnswer,
  signInThroughProvider,
  startOidcApp,
  TestIdpAccount,
} from './support/oidc';

/**
 * Staff sign-in through a real OpenID Connect provider (oidc-provider, started by the test as a child process):
 * authorization code + PKCE, state and nonce, with the desk requiring the provider's second factor (acr and amr),
 * narrowing roles by the provider's groups, and password sign-in switched off.
 */
const tag = randomBytes(4).toString('hex');
const emailOf = (who: string) => `oidc-${who}-${tag}@staff.test`;
const PASSWORD = 'idp-password';

function account(who: string, overrides: Partial<TestIdpAccount> = {}): TestIdpAccount {
  return {
    sub: `sub-${who}-${tag}`,
    email: emailOf(who),
    email_verified: true,
    name: `IdP ${who}`,
    groups: ['rd-agents'],
    password: PASSWORD,
    acr: MFA,
    amr: ['pwd', 'otp'],
    ...overrides,
  };
}

const ACCOUNTS = {
  // The provider's groups would make them an admin and a supervisor: Recovery Desk granted only agent.
  agent: account('agent', { groups: ['rd-agents', 'rd-supervisors', 'rd-admins'] }),
  // A supervisor in Recovery Desk whose provider groups say agent only: this session is an agent's.
  narrowed: account('narrowed', { groups: ['rd-agents'] }),
  // A reviewer whose only group maps to admin: nothing in common, refused.
  adminByClaim: account('admin-by-claim', { groups: ['rd-admins'] }),
  weakAcr: account('weak-acr', { acr: PASSWORD_ONLY }),
  noOtp: account('no-otp', { amr: ['pwd'] }),
  stranger: account('stranger'),
  disabled: account('disabled'),
  unverified: account('unverified', { email_verified: false }),
  relinked: account('relinked'),
  // Another provider account claiming the agent's (verified) email: the agent is linked to their own subject.
  impostor: account('impostor', { email: emailOf('agent'), password: 'impostor-password' }),
};

describe('staff sign-in through an OpenID Connect provider', () => {
  let t: OidcTestApp;
  const staff: Record<string, TestStaff> = {};

  beforeAll(async () => {
    t = await startOidcApp(
      Object.values(ACCOUNTS),
      {
        rolesClaim: 'groups',
        roleMap: { 'rd-agents': ['agent'], 'rd-reviewers': ['reviewer'], 'rd-supervisors': ['supervisor'], 'rd-admins': ['admin'] },
        requiredAcr: [MFA],
        requiredAmr: ['otp'],
      },
      { localLogin: false },
    );
    const make = async (who: keyof typeof ACCOUNTS, roles: StaffUser['roles'], active = true) => {
      staff[who] = await createStaff(t.dataSource, roles, { email: ACCOUNTS[who].email, active });
    };
    await make('agent', ['agent']);
    await make('narrowed', ['supervisor', 'agent']);
    await make('adminByClaim', ['reviewer']);
    await make('weakAcr', ['agent']);
    await make('noOtp', ['agent']);
    await make('disabled', ['agent', 'supervisor'], false);
    await make('unverified', ['agent']);
    await make('relinked', ['agent']);
  }, 60_000);
  afterAll(() => t?.close());

  const signIn = (who: keyof typeof ACCOUNTS, jar?: CookieJar) =>
    signInThroughProvider(t.url, { email: ACCOUNTS[who].email, password: ACCOUNTS[who].password }, jar);

  const auditOf = async (code: string, email: string | null) => {
    const rows = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.login.failed', outcome: 'denied' });
    return rows.filter((r) => (r.after as { code?: string } | null)?.code === code && (email === null || r.targetId === email));
  };

  it('tells the login screen what it offers: the provider by name, no password sign-in', async () => {
    const res = await fetch(`${t.url}/api/auth/methods`);
    expect(await res.json()).toEqual({ local: false, oidc: { name: 'Test IdP' } });
  });

  it('signs a member in with a session like a password sign-in: strict HttpOnly cookie, /me, audit, link by subject', async () => {
    const res = await signIn('agent');
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: staff.agent.user.id,
      email: staff.agent.user.email,
      name: staff.agent.user.name,
      roles: ['agent'],
    });
    const session = res.setCookie.find((c) => c.startsWith('rd_session='))!;
    expect(session).toMatch(/^rd_session=[A-Za-z0-9_-]{43};/);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    // The transaction cookie is spent.
    expect(res.jar.get(t.url, 'rd_oidc')).toBeUndefined();

    const me = await res.jar.fetch(`${t.url}/api/auth/me`);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { roles: string[] } }).user.roles).toEqual(['agent']);

    const login = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: staff.agent.user.id, action: 'auth.login' });
    expect(login).toMatchObject({ outcome: 'success', targetType: 'staff', targetId: staff.agent.user.id });
    expect(login.after).toMatchObject({
      method: 'oidc',
      issuer: t.provider.issuer,
      subject: ACCOUNTS.agent.sub,
      acr: MFA,
      roles: ['agent'],
    });
    const link = await t.dataSource.getRepository(StaffOidcLink).findOneByOrFail({ staffId: staff.agent.user.id });
    expect(link).toMatchObject({ issuer: t.provider.issuer, subject: ACCOUNTS.agent.sub });

    // Same-origin rules as any session: a cross-site write with this cookie is refused.
    const crossSite = await res.jar.fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const logout = await res.jar.fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { origin: t.url } });
    expect(logout.status).toBe(204);
  });

  it('never grants supervisor or admin from a claim: the groups only narrow the roles granted here', async () => {
    const agent = await signIn('agent');
    expect(agent.body.user!.roles).toEqual(['agent']);
    expect((await agent.jar.fetch(`${t.url}/api/staff`)).status).toBe(403);
    expect((await agent.jar.fetch(`${t.url}/api/docs-json`)).status).toBe(403);

    // A supervisor here whose groups say agent: an agent's session, though the member keeps both roles.
    const narrowed = await signIn('narrowed');
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.user!.roles).toEqual(['agent']);
    const me = (await (await narrowed.jar.fetch(`${t.url}/api/auth/me`)).json()) as { user: { roles: string[] } };
    expect(me.user.roles).toEqual(['agent']);
    expect((await narrowed.jar.fetch(`${t.url}/api/staff`)).status).toBe(403);
    const sessions = await t.dataSource.getRepository(StaffSession).findBy({ staffId: staff.narrowed.user.id });
    expect(sessions.map((s) => s.roleLimit)).toEqual([['agent']]);
    expect((await t.dataSource.getRepository(StaffUser).findOneByOrFail({ id: staff.narrowed.user.id })).roles).toEqual([
      'supervisor',
      'agent',
    ]);

    // A reviewer whose only group is the admins': nothing left, refused.
    const adminByClaim = await signIn('adminByClaim');
    expect([adminByClaim.status, adminByClaim.body.code]).toEqual([403, 'oidc.no_role']);
    expect(adminByClaim.setCookie.some((c) => c.startsWith('rd_session='))).toBe(false);
    expect(await auditOf('oidc.no_role', staff.adminByClaim.user.email)).toHaveLength(1);
  });

  it("refuses a sign-in without the provider's required second factor (acr, then amr), with its code, audited", async () => {
    const weak = await signIn('weakAcr');
    expect([weak.status, weak.body.code]).toEqual([401, 'oidc.acr_required']);
    const noOtp = await signIn('noOtp');
    expect([noOtp.status, noOtp.body.code]).toEqual([401, 'oidc.amr_required']);
    for (const r of [weak, noOtp]) expect(r.setCookie.some((c) => c.startsWith('rd_session='))).toBe(false);

    const [acr] = await auditOf('oidc.acr_required', staff.weakAcr.user.email);
    expect(acr).toMatchObject({ actorId: null, targetType: 'staff_login', reason: expect.stringMatching(/second factor/) });
    expect(acr.after).toMatchObject({ method: 'oidc', subject: ACCOUNTS.weakAcr.sub, acr: PASSWORD_ONLY });
    const [amr] = await auditOf('oidc.amr_required', staff.noOtp.user.email);
    expect(amr.after).toMatchObject({ amr: ['pwd'] });
    expect(await t.dataSource.getRepository(StaffSession).countBy({ staffId: staff.weakAcr.user.id })).toBe(0);
  });

  it('refuses someone who is not staff here, an email the provider does not vouch for, and a disabled member', async () => {
    const stranger = await signIn('stranger');
    expect([stranger.status, stranger.body.code]).toEqual([403, 'oidc.unknown_staff']);
    expect(await auditOf('oidc.unknown_staff', ACCOUNTS.stranger.email)).toHaveLength(1);

    const unverified = await signIn('unverified');
    expect([unverified.status, unverified.body.code]).toEqual([403, 'oidc.email_not_verified']);

    // Whatever the provider says (right factors, groups): disabled here is disabled.
    const disabled = await signIn('disabled');
    expect([disabled.status, disabled.body.code]).toEqual([403, 'oidc.staff_disabled']);
    expect(await auditOf('oidc.staff_disabled', staff.disabled.user.email)).toHaveLength(1);
    expect(await t.dataSource.getRepository(StaffSession).countBy({ staffId: staff.disabled.user.id })).toBe(0);
  });

  it('matches a linked member by subject, even after their email changes, and refuses another account claiming their email', async () => {
    expect((await signIn('relinked')).status).toBe(200);
    await t.dataSource.getRepository(StaffUser).update({ id: staff.relinked.user.id }, { email: emailOf('relinked-renamed') });
    const again = await signIn('relinked');
    expect([again.status, again.body.user?.email]).toEqual([200, emailOf('relinked-renamed')]);

    // The agent signed in above, linking their subject; another provider account with the same email is not them.
    const impostor = await signIn('impostor');
    expect([impostor.status, impostor.body.code]).toEqual([403, 'oidc.subject_mismatch']);
    expect(await auditOf('oidc.subject_mismatch', staff.agent.user.email)).toHaveLength(1);
  });

  it("refuses another browser's answer (state), an answer without its transaction cookie, and a cancelled sign-in", async () => {
    // Login CSRF: an attacker signs in at the provider and slips their answer to a victim who started a sign-in.
    const attackersAnswer = await providerAnswer(t.url, { email: ACCOUNTS.agent.email, password: PASSWORD }, new CookieJar());
    const victim = new CookieJar();
    expect((await victim.fetch(`${t.url}/api/auth/oidc/start`, { method: 'POST' })).status).toBe(200);
    expect(victim.get(t.url, 'rd_oidc')).toBeDefined();
    const slipped = await finishSignIn(t.url, attackersAnswer, victim);
    expect([slipped.status, slipped.body.code]).toEqual([401, 'oidc.response_invalid']);
    expect(slipped.setCookie.some((c) => c.startsWith('rd_session='))).toBe(false);

    // The same answer without any transaction (another browser, or after ten minutes).
    const noCookie = await finishSignIn(t.url, attackersAnswer, new CookieJar());
    expect([noCookie.status, noCookie.body.code]).toEqual([410, 'oidc.sign_in_expired']);

    const cancelled = await signInThroughProvider(t.url, 'cancel');
    expect([cancelled.status, cancelled.body.code]).toEqual([401, 'oidc.provider_refused']);
    const [refused] = await auditOf('oidc.provider_refused', null);
    expect(refused.after).toMatchObject({ error: 'access_denied' });
  });

  it('refuses password sign-in when LOCAL_LOGIN is off, even with the right password and code, audited', async () => {
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: staff.agent.user.email, password: staff.agent.password, otp: await totpCode(staff.agent.secret) }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('auth.local_login_off');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('rd_session='))).toBe(false);
    expect(await auditOf('auth.local_login_off', staff.agent.user.email)).toHaveLength(1);

    // A security key comes after the same local password: refused too, before the password is looked at.
    const key = await fetch(`${t.url}/api/auth/security-key/options`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: staff.agent.user.email, password: staff.agent.password }),
    });
    expect(key.status).toBe(403);
    expect(((await key.json()) as { code: string }).code).toBe('auth.local_login_off');
    expect(await auditOf('auth.local_login_off', staff.agent.user.email)).toHaveLength(2);
  });
});

describe('sign-in through an OpenID Connect provider, when not set up or unreachable', () => {
  let off: TestApp;
  let unreachable: TestApp;

  beforeAll(async () => {
    off = await startTestApp();
    // A closed port: discovery fails at the first sign-in, not at boot.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(closed.address() as net.AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    unreachable = await startTestApp({
      config: {
        oidc: {
          issuer,
          clientId: 'recovery-desk',
          clientSecret: null,
          redirectUri: 'http://127.0.0.1/oidc/callback',
          scopes: 'openid email',
          providerName: 'Down IdP',
          rolesClaim: null,
          roleMap: {},
          requiredAcr: [],
          requiredAmr: [],
        },
      },
    });
  });
  afterAll(async () => {
    await off?.close();
    await unreachable?.close();
  });

  it('offers password sign-in only, and answers the provider routes with not_configured', async () => {
    expect(await (await fetch(`${off.url}/api/auth/methods`)).json()).toEqual({ local: true, oidc: null });
    const start = await fetch(`${off.url}/api/auth/oidc/start`, { method: 'POST' });
    expect([start.status, ((await start.json()) as { code: string }).code]).toEqual([404, 'oidc.not_configured']);
  });

  it('boots while the provider is down and answers provider_unavailable until it is back', async () => {
    const start = await fetch(`${unreachable.url}/api/auth/oidc/start`, { method: 'POST' });
    expect([start.status, ((await start.json()) as { code: string }).code]).toEqual([503, 'oidc.provider_unavailable']);
  });
});
