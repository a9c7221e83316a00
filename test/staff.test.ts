import request from 'supertest';
import { IsNull } from 'typeorm';
import { totpCode } from '../server/auth/totp';
import { StaffSession } from '../server/auth/staff-session.entity';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { FixedClock } from '../server/core/clock';
import type { ParsedMail } from 'mailparser';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { StaffEnrolment } from '../server/staff/staff-enrolment.entity';
import { StaffUser } from '../server/auth/staff-user.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';
import { TestSmtp } from './support/smtp';
import { until } from './support/wait';

describe('staff administration', () => {
  let t: TestApp;
  const smtp = new TestSmtp();
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ clock, worker: true, config: { smtpUrl, mailRetryBaseMs: 50 } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const login = (email: string, password: string, otp: string) => request(t.url).post('/api/auth/login').send({ email, password, otp });
  const complete = (token: string, password: string, otp: string) =>
    request(t.url).post('/api/public/staff-enrolment').send({ token, password, otp });
  const enrolToken = (mail: ParsedMail) => {
    const match = /\/#\/enrol\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
    if (!match) throw new Error(`no enrolment link in: ${mail.text}`);
    return match[1];
  };
  /** The outbox erases the link from its row once sent: only the member's mailbox holds it. */
  async function waitForSent(staffId: string, template: string): Promise<void> {
    const email = (await t.dataSource.getRepository(StaffUser).findOneByOrFail({ id: staffId })).email;
    await until(() => t.dataSource.getRepository(OutboxMessage).findOneBy({ toAddress: email, template, status: 'sent' }));
    const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ toAddress: email, template });
    expect(row.params).not.toHaveProperty('link');
  }

  it('refuses that anyone changes their own roles or status', async () => {
    const admin = await createStaff(t.dataSource, ['admin']);
    const agent = await signIn(t, admin);
    const res = await agent.patch(`/api/staff/${admin.user.id}`).send({ roles: ['admin', 'supervisor'], reason: 'I want more' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('staff.own_roles');
    const off = await agent.patch(`/api/staff/${admin.user.id}`).send({ active: false, reason: 'oops' });
    expect(off.status).toBe(403);
  });

  it('disables a staff member: their open sessions end at once, and it is audited with the reason', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const target = await createStaff(t.dataSource, ['supervisor']);
    const targetSession = await signIn(t, target);
    expect((await targetSession.get('/api/auth/me')).status).toBe(200);

    const res = await admin.patch(`/api/staff/${target.user.id}`).send({ active: false, reason: 'left the company' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.user.id, active: false });
    expect(await t.dataSource.getRepository(StaffSession).countBy({ staffId: target.user.id, revokedAt: IsNull() })).toBe(0);
    expect((await targetSession.get('/api/auth/me')).status).toBe(401);
    const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'staff.disable', targetId: target.user.id });
    expect(entry).toMatchObject({ reason: 'left the company', before: { active: true }, after: { active: false } });
  });

  it('answers 404 for an unknown staff member and 400 for an empty change', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    expect((await admin.get('/api/staff/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/staff/not-a-uuid')).status).toBe(404);
    expect((await admin.patch('/api/staff/00000000-0000-4000-8000-000000000000').send({ active: false, reason: 'x-x-x' })).status).toBe(
      404,
    );
    const target = await createStaff(t.dataSource, ['agent']);
    expect((await admin.patch(`/api/staff/${target.user.id}`).send({ reason: 'nothing' })).status).toBe(400);
  });

  it('lists staff without secrets', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const res = await admin.get('/api/staff');
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|totpSecret|argon2/);
  });

  it('invites a staff member: the admin sees no secret, the member enrols through the mailed link and signs in', async () => {
    const adminStaff = await createStaff(t.dataSource, ['admin']);
    const admin = await signIn(t, adminStaff);
    const email = `new-${Date.now()}@staff.test`;
    const res = await admin
      .post('/api/staff')
      .send({ email, name: 'Nadia Nouvelle', roles: ['reviewer'], reason: 'joined the compliance team', language: 'fr' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ user: expect.objectContaining({ email, roles: ['reviewer'] }), pendingRoleRequestId: null });
    expect(JSON.stringify(res.body)).not.toMatch(/password|secret|otpauth|totp|enrol/i);
    expect((await admin.post('/api/staff').send({ email, name: 'Again', roles: ['agent'], reason: 'twice' })).status).toBe(409);

    // Without the mail, nobody (the admin included) can sign in as the new member: there is no password yet.
    expect((await login(email, '', '000000')).status).toBe(400);
    expect((await login(email, 'Test-Passw0rd!', '123456')).status).toBe(401);
    const stored = await t.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.totpSecret'])
      .where('u.email = :email', { email })
      .getOneOrFail();
    expect(stored).toMatchObject({ passwordHash: null, totpSecret: null });

    const mail = await smtp.waitFor((m) => smtp.to(email).includes(m));
    expect(mail.subject).toBe('Recovery Desk : activez votre compte');
    const token = enrolToken(mail);
    const row = await t.dataSource.getRepository(StaffEnrolment).findOneByOrFail({ staffId: res.body.user.id });
    expect(row.tokenHash).not.toContain(token);
    expect(
      JSON.stringify(await t.dataSource.query('SELECT * FROM staff_enrolments WHERE staff_id = $1', [res.body.user.id])),
    ).not.toContain(token);
    await waitForSent(res.body.user.id, 'staff_invitation');

    const view = await request(t.url).post('/api/public/staff-enrolment/view').send({ token });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ purpose: 'invite', email, name: 'Nadia Nouvelle', language: 'fr' });
    expect(view.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(view.body.qrCode.split(',')[1], 'base64').toString()).toMatch(/^<svg/);
    expect(view.body.totpUri).toContain(`secret=${view.body.totpSecret}`);
    const secret: string = view.body.totpSecret;

    const weak = await complete(token, 'short', await totpCode(secret, clock.now().getTime()));
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toHaveProperty('password');
    const wrongCode = await complete(token, 'a long enough passphrase', '000000');
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.errors).toHaveProperty('otp');
    const done = await complete(token, 'a long enough passphrase', await totpCode(secret, clock.now().getTime()));
    expect(done.status).toBe(200);

    clock.advance(30_000);
    const signedIn = await login(email, 'a long enough passphrase', await totpCode(secret, clock.now().getTime()));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.roles).toEqual(['reviewer']);

    // The link is spent: reading or using it again is refused, and the refusal is audited.
    expect((await request(t.url).post('/api/public/staff-enrolment/view').send({ token })).status).toBe(410);
    expect((await complete(token, 'another long passphrase', await totpCode(secret, clock.now().getTime()))).status).toBe(410);
    const audit = t.dataSource.getRepository(AuditEvent);
    expect(await audit.countBy({ action: 'staff.enrolment.sent', targetId: res.body.user.id, actorId: adminStaff.user.id })).toBe(1);
    expect(await audit.countBy({ action: 'staff.enrolment.complete', targetId: res.body.user.id })).toBe(1);
    expect(await audit.countBy({ action: 'staff.enrolment.refused', targetId: res.body.user.id, reason: 'used', outcome: 'denied' })).toBe(
      2,
    );
    expect(JSON.stringify(await audit.findBy({ targetId: res.body.user.id }))).not.toContain(secret);
  });

  it('refuses an expired link; a new invitation replaces the old link', async () => {
    const adminStaff = await createStaff(t.dataSource, ['admin']);
    let admin = await signIn(t, adminStaff);
    const email = `late-${Date.now()}@staff.test`;
    const res = await admin.post('/api/staff').send({ email, name: 'Late Larry', roles: ['agent'], reason: 'seasonal help' });
    expect(res.status).toBe(201);
    const first = enrolToken(await smtp.waitFor((m) => smtp.to(email).length === 1 && smtp.to(email).includes(m)));
    expect(smtp.to(email)[0].subject).toBe('Recovery Desk: activate your account');

    clock.advance(t.config.staffInviteHours * 3600_000 + 1000);
    const expired = await request(t.url).post('/api/public/staff-enrolment/view').send({ token: first });
    expect(expired.status).toBe(410);
    expect(
      await t.dataSource
        .getRepository(AuditEvent)
        .countBy({ action: 'staff.enrolment.refused', targetId: res.body.user.id, reason: 'expired' }),
    ).toBe(1);

    admin = await signIn(t, adminStaff);
    const again = await admin.post(`/api/staff/${res.body.user.id}/invitation`);
    expect(again.status).toBe(202);
    expect(JSON.stringify(again.body)).not.toMatch(/secret|password|totp/i);
    await smtp.waitFor(() => smtp.to(email).length === 2);
    const second = enrolToken(smtp.to(email)[1]);
    expect(second).not.toBe(first);
    expect((await request(t.url).post('/api/public/staff-enrolment/view').send({ token: first })).status).toBe(410);
    const view = await request(t.url).post('/api/public/staff-enrolment/view').send({ token: second });
    expect(view.status).toBe(200);
    expect((await complete(second, 'late but here now', await totpCode(view.body.totpSecret, clock.now().getTime()))).status).toBe(200);
    expect((await admin.post(`/api/staff/${res.body.user.id}/invitation`)).status).toBe(409);
    expect(
      (
        await request(t.url)
          .post('/api/public/staff-enrolment/view')
          .send({ token: 'x'.repeat(43) })
      ).status,
    ).toBe(404);
  });

  it('resets a second factor only with a second admin; the member re-enrols through a mailed link', async () => {
    const a1Staff = await createStaff(t.dataSource, ['admin']);
    const a1 = await signIn(t, a1Staff);
    const a2Staff = await createStaff(t.dataSource, ['admin']);
    const a2 = await signIn(t, a2Staff);
    const target = await createStaff(t.dataSource, ['agent']);
    const targetSession = await signIn(t, target);

    const req = await a1.post(`/api/staff/${target.user.id}/mfa-reset-requests`).send({ reason: 'phone lost' });
    expect(req.status).toBe(201);
    expect((await a1.post(`/api/staff/${target.user.id}/mfa-reset-requests`).send({ reason: 'again' })).status).toBe(409);
    const self = await a1.post(`/api/staff/mfa-reset-requests/${req.body.id}/confirm`);
    expect(self.status).toBe(403);
    expect((await targetSession.get('/api/auth/me')).status).toBe(200);
    const pending = await a2.get('/api/staff/pending-requests');
    expect(pending.body.data).toContainEqual(
      expect.objectContaining({ id: req.body.id, kind: 'mfa_reset', staffEmail: target.email, requestedByEmail: a1Staff.email }),
    );

    const ok = await a2.post(`/api/staff/mfa-reset-requests/${req.body.id}/confirm`);
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toMatch(/secret|otpauth|totp/i);
    expect((await targetSession.get('/api/auth/me')).status).toBe(401);
    clock.advance(30_000);
    expect((await login(target.email, target.password, await totpCode(target.secret, clock.now().getTime()))).status).toBe(401);

    const mail = await smtp.waitFor((m) => smtp.to(target.email).includes(m));
    expect(mail.subject).toBe('Recovery Desk: enrol your new second factor');
    const token = enrolToken(mail);
    const view = await request(t.url).post('/api/public/staff-enrolment/view').send({ token });
    expect(view.body).toMatchObject({ purpose: 'mfa_reset', email: target.email });
    expect(view.body.totpSecret).not.toBe(target.secret);
    // Re-enrolment asks for the current password: the mailbox alone does not give the account.
    expect((await complete(token, 'not the right password', await totpCode(view.body.totpSecret, clock.now().getTime()))).status).toBe(400);
    expect((await complete(token, target.password, await totpCode(view.body.totpSecret, clock.now().getTime()))).status).toBe(200);
    clock.advance(30_000);
    expect((await login(target.email, target.password, await totpCode(view.body.totpSecret, clock.now().getTime()))).status).toBe(200);
    expect((await a2.post(`/api/staff/${a2Staff.user.id}/mfa-reset-requests`).send({ reason: 'myself' })).status).toBe(403);

    const other = await a1.post(`/api/staff/${target.user.id}/mfa-reset-requests`).send({ reason: 'by mistake' });
    expect((await a1.post(`/api/staff/mfa-reset-requests/${other.body.id}/refuse`)).status).toBe(204);
    expect((await a2.post(`/api/staff/mfa-reset-requests/${other.body.id}/confirm`)).status).toBe(404);
    expect(
      await t.dataSource
        .getRepository(AuditEvent)
        .countBy({ action: 'staff.mfa_reset.refuse', targetId: target.user.id, actorId: a1Staff.user.id }),
    ).toBe(1);
  });

  it('grants supervisor or admin only once a second admin confirms; agent and reviewer stay immediate', async () => {
    const a1Staff = await createStaff(t.dataSource, ['admin']);
    const a1 = await signIn(t, a1Staff);
    const a2Staff = await createStaff(t.dataSource, ['admin']);
    const a2 = await signIn(t, a2Staff);
    const target = await createStaff(t.dataSource, ['agent']);

    const immediate = await a1.patch(`/api/staff/${target.user.id}`).send({ roles: ['agent', 'reviewer'], reason: 'helps with documents' });
    expect(immediate.status).toBe(200);
    expect(immediate.body.roles).toEqual(['agent', 'reviewer']);

    const asked = await a1.patch(`/api/staff/${target.user.id}`).send({ roles: ['supervisor'], reason: 'promoted to team lead' });
    expect(asked.status).toBe(202);
    expect(asked.body.pendingRoleRequest).toMatchObject({
      roles: ['supervisor'],
      fromRoles: ['agent', 'reviewer'],
      requestedBy: a1Staff.user.id,
    });
    const requestId = asked.body.pendingRoleRequest.id;
    expect((await a2.get(`/api/staff/${target.user.id}`)).body.roles).toEqual(['agent', 'reviewer']);
    expect((await a1.patch(`/api/staff/${target.user.id}`).send({ roles: ['admin'], reason: 'twice' })).status).toBe(409);

    const self = await a1.post(`/api/staff/role-requests/${requestId}/confirm`);
    expect(self.status).toBe(403);
    expect(self.body.error).toBe('Forbidden');
    const list = await a2.get('/api/staff/pending-requests');
    expect(list.body.data).toContainEqual(
      expect.objectContaining({ id: requestId, kind: 'role_grant', roles: ['supervisor'], staffEmail: target.email }),
    );

    const ok = await a2.post(`/api/staff/role-requests/${requestId}/confirm`);
    expect(ok.status).toBe(200);
    expect(ok.body.roles).toEqual(['supervisor']);
    expect((await a2.post(`/api/staff/role-requests/${requestId}/confirm`)).status).toBe(404);
    const targetSession = await signIn(t, target);
    expect((await targetSession.get('/api/auth/me')).body.user.roles).toEqual(['supervisor']);
    const audit = t.dataSource.getRepository(AuditEvent);
    expect(await audit.findOneByOrFail({ action: 'staff.roles.request', targetId: target.user.id })).toMatchObject({
      actorId: a1Staff.user.id,
      reason: 'promoted to team lead',
    });
    expect(await audit.findOneByOrFail({ action: 'staff.roles.confirm', targetId: target.user.id })).toMatchObject({
      actorId: a2Staff.user.id,
      after: expect.objectContaining({ roles: ['supervisor'] }),
    });

    // Creation asking for admin: the member exists with no role until a second admin decides; here it is refused.
    const email = `boss-${Date.now()}@staff.test`;
    const created = await a1.post('/api/staff').send({ email, name: 'Would-be Admin', roles: ['admin', 'agent'], reason: 'new IT lead' });
    expect(created.status).toBe(201);
    expect(created.body.user.roles).toEqual(['agent']);
    expect(created.body.pendingRoleRequestId).toEqual(expect.any(String));
    expect((await a1.post(`/api/staff/role-requests/${created.body.pendingRoleRequestId}/confirm`)).status).toBe(403);
    expect((await a2.post(`/api/staff/role-requests/${created.body.pendingRoleRequestId}/refuse`)).status).toBe(204);
    expect((await a2.get(`/api/staff/${created.body.user.id}`)).body.roles).toEqual(['agent']);
    expect(await audit.countBy({ action: 'staff.roles.refuse', targetId: created.body.user.id, actorId: a2Staff.user.id })).toBe(1);
  });
});

describe('queue dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: new FixedClock(new Date()) });
  });
  afterAll(() => t.close());

  it('is for admins only, and audits the actions that change jobs', async () => {
    expect((await request(t.url).get('/api/admin/queues')).status).toBe(401);
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    expect((await supervisor.get('/api/admin/queues')).status).toBe(403);
    const adminStaff = await createStaff(t.dataSource, ['admin']);
    const admin = await signIn(t, adminStaff);
    const page = await admin.get('/api/admin/queues');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const api = await admin.get('/api/admin/queues/api/queues');
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['documents', 'mail', 'maintenance', 'recovery']);
    const retry = await admin.put('/api/admin/queues/api/queues/mail/retry/failed');
    expect(retry.status).toBeLessThan(500);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ actorId: adminStaff.user.id, action: 'queue.admin' })).toBe(1);
  });
});
