import request from 'supertest';
import { IsNull } from 'typeorm';
import { totpCode } from '../server/auth/totp';
import { StaffSession } from '../server/auth/staff-session.entity';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { FixedClock } from '../server/core/clock';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

describe('staff administration', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  it('refuses that anyone changes their own roles or status', async () => {
    const admin = await createStaff(t.dataSource, ['admin']);
    const agent = await signIn(t, admin);
    const res = await agent.patch(`/api/staff/${admin.user.id}`).send({ roles: ['admin', 'supervisor'], reason: 'I want more' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('Nobody changes their own roles or status');
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
    expect((await admin.patch('/api/staff/00000000-0000-4000-8000-000000000000').send({ active: false, reason: 'x-x-x' })).status).toBe(404);
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

  it('creates a staff member whose one-time credentials work for the first sign-in', async () => {
    const adminStaff = await createStaff(t.dataSource, ['admin']);
    const admin = await signIn(t, adminStaff);
    const email = `new-${Date.now()}@staff.test`;
    const res = await admin.post('/api/staff').send({ email, name: 'New Reviewer', roles: ['reviewer'], reason: 'joined the compliance team' });
    expect(res.status).toBe(201);
    expect(res.body.totpUri).toMatch(/^otpauth:\/\/totp\/Recovery%20Desk:/);
    clock.advance(30_000);
    const login = await request(t.url).post('/api/auth/login').send({ email, password: res.body.initialPassword, otp: await totpCode(res.body.totpSecret, clock.now().getTime()) });
    expect(login.status).toBe(200);
    expect(login.body.user.roles).toEqual(['reviewer']);
    const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'staff.create', actorId: adminStaff.user.id });
    expect(JSON.stringify(entry)).not.toContain(res.body.initialPassword);
    expect((await admin.post('/api/staff').send({ email, name: 'Again', roles: ['agent'], reason: 'twice' })).status).toBe(409);
  });

  it('resets a second factor only with a second admin, ending the member’s sessions', async () => {
    const a1 = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const a2Staff = await createStaff(t.dataSource, ['admin']);
    const a2 = await signIn(t, a2Staff);
    const target = await createStaff(t.dataSource, ['agent']);
    const targetSession = await signIn(t, target);

    const req = await a1.post(`/api/staff/${target.user.id}/mfa-reset-requests`).send({ reason: 'phone lost' });
    expect(req.status).toBe(201);
    expect((await a1.post(`/api/staff/${target.user.id}/mfa-reset-requests`).send({ reason: 'again' })).status).toBe(409);
    const self = await a1.post(`/api/staff/mfa-reset-requests/${req.body.id}/confirm`);
    expect(self.status).toBe(403);
    expect(self.body.message).toMatch(/another admin must confirm/);
    expect((await targetSession.get('/api/auth/me')).status).toBe(200);

    const ok = await a2.post(`/api/staff/mfa-reset-requests/${req.body.id}/confirm`);
    expect(ok.status).toBe(200);
    expect(ok.body.totpSecret).not.toBe(target.secret);
    expect((await targetSession.get('/api/auth/me')).status).toBe(401);
    clock.advance(30_000);
    const oldCode = await request(t.url).post('/api/auth/login').send({ email: target.email, password: target.password, otp: await totpCode(target.secret, clock.now().getTime()) });
    expect(oldCode.status).toBe(401);
    const newCode = await request(t.url).post('/api/auth/login').send({ email: target.email, password: target.password, otp: await totpCode(ok.body.totpSecret, clock.now().getTime()) });
    expect(newCode.status).toBe(200);
    expect((await a2.post(`/api/staff/${a2Staff.user.id}/mfa-reset-requests`).send({ reason: 'myself' })).status).toBe(403);
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
