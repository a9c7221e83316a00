import request from 'supertest';
import { IdentityCase } from '../server/documents/identity-case.entity';
import { StaffUser } from '../server/auth/staff-user.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

let n = 0;
/** A wrong sign-in for an unknown address of its own each time: the answer is 401 unless refused, never throttled. */
const login = () => ({ email: `nobody-${++n}@staff.test`, password: 'x', otp: '000000' });

describe('state-changing requests from another site are refused', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { publicUrl: 'https://desk.example.test' } });
  });
  afterAll(() => t.close());

  it('refuses a foreign Origin with 403 cross_origin, on the staff sign-in', async () => {
    const res = await request(t.url).post('/api/auth/login').set('Origin', 'https://evil.example').send(login());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('core.cross_origin');
  });

  it("answers normally with the own origin, PUBLIC_URL's origin, or no Origin and no Referer", async () => {
    for (const origin of [t.url, 'https://desk.example.test', 'HTTPS://DESK.example.test:443']) {
      const res = await request(t.url).post('/api/auth/login').set('Origin', origin).send(login());
      expect({ origin, status: res.status }).toEqual({ origin, status: 401 });
    }
    expect((await request(t.url).post('/api/auth/login').send(login())).status).toBe(401);
  });

  it('refuses Origin: null and an Origin that only looks alike', async () => {
    for (const origin of [
      'null',
      'https://desk.example.test.evil.example',
      'http://desk.example.test',
      `${t.url.replace('127.0.0.1', 'localhost')}`,
      'file://x',
    ]) {
      const res = await request(t.url).post('/api/auth/login').set('Origin', origin).send(login());
      expect({ origin, status: res.status, code: res.body.code }).toEqual({ origin, status: 403, code: 'core.cross_origin' });
    }
  });

  it('falls back to the Referer when no Origin is sent', async () => {
    const foreign = await request(t.url).post('/api/auth/login').set('Referer', 'https://evil.example/page').send(login());
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('core.cross_origin');
    const garbage = await request(t.url).post('/api/auth/login').set('Referer', 'not a url').send(login());
    expect(garbage.status).toBe(403);
    const own = await request(t.url).post('/api/auth/login').set('Referer', `${t.url}/login`).send(login());
    expect(own.status).toBe(401);
  });

  it("protects the customers' form: nothing is opened from a foreign page", async () => {
    const before = await t.dataSource.getRepository(IdentityCase).count();
    const res = await request(t.url)
      .post('/api/public/identity-cases')
      .set('Origin', 'https://evil.example')
      .send({ customerId: 'ab12345-ovh', accountType: 'individual', purpose: 'replace_email', contactEmail: 'victim@example.org' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('core.cross_origin');
    expect(await t.dataSource.getRepository(IdentityCase).count()).toBe(before);
  });

  it("protects a signed-in staff member's writes and leaves reads alone", async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const target = await createStaff(t.dataSource, ['agent']);
    const write = await admin
      .patch(`/api/staff/${target.user.id}`)
      .set('Origin', 'https://evil.example')
      .send({ roles: ['admin'], reason: 'csrf attempt' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('core.cross_origin');
    expect((await t.dataSource.getRepository(StaffUser).findOneByOrFail({ id: target.user.id })).roles).toEqual(['agent']);
    const read = await admin.get('/api/auth/me').set('Origin', 'https://evil.example');
    expect(read.status).toBe(200);
  });
});

describe('behind a reverse proxy', () => {
  const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'proxy.example.test' };

  it('with TRUST_PROXY the forwarded scheme and host are the own origin', async () => {
    const t = await startTestApp({ config: { trustProxy: true } });
    try {
      const res = await request(t.url).post('/api/auth/login').set(forwarded).set('Origin', 'https://proxy.example.test').send(login());
      expect(res.status).toBe(401);
      const foreign = await request(t.url).post('/api/auth/login').set(forwarded).set('Origin', 'https://evil.example').send(login());
      expect(foreign.status).toBe(403);
    } finally {
      await t.close();
    }
  });

  it('without TRUST_PROXY forwarded headers are ignored', async () => {
    const t = await startTestApp({ config: { trustProxy: false } });
    try {
      const res = await request(t.url).post('/api/auth/login').set(forwarded).set('Origin', 'https://proxy.example.test').send(login());
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('core.cross_origin');
    } finally {
      await t.close();
    }
  });
});
