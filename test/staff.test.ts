import { IsNull } from 'typeorm';
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
});
