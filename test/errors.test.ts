import request from 'supertest';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

describe('errors answer clearly, never with internals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 and a message', async () => {
    const res = await request(t.url).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'The request body is not valid JSON' });
  });

  it('answers an oversized body with 413', async () => {
    const res = await request(t.url)
      .post('/api/auth/login')
      .send({ email: 'a@b.test', password: 'x'.repeat(200_000), otp: '000000' });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/too large/);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await request(t.url).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it('answers wrong field types and unknown fields with a message per field', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    const target = await createStaff(t.dataSource, ['agent']);
    const res = await admin.patch(`/api/staff/${target.user.id}`).send({ roles: ['wizard'], active: 'yes', isAdmin: true });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['active', 'isAdmin', 'reason', 'roles']);
    expect(res.body.errors.roles).toMatch(/agent, reviewer, supervisor, admin/);
  });

  it('sends a request id with every answer, and a 500 shows nothing internal', async () => {
    const res = await request(t.url).get('/api/health').set('X-Request-Id', 'probe-12345678');
    expect(res.headers['x-request-id']).toBe('probe-12345678');
    const forged = await request(t.url).get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets the usual security headers', async () => {
    const res = await request(t.url).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps API answers (personal data) out of every cache', async () => {
    const admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
    for (const path of ['/api/auth/me', '/api/staff', '/api/no-such-route']) {
      const res = await admin.get(path);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    }
  });
});
