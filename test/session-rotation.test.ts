import request from 'supertest';
import { StaffSession } from '../server/auth/staff-session.entity';
import { totpCode } from '../server/auth/totp';
import { ConfigError, loadConfig } from '../server/core/config/config';
import { startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

// Rotating SESSION_SECRET (README, "Run in production"): the new secret goes in SESSION_SECRET, the old one in
// SESSION_SECRET_PREVIOUS; sessions made under the old one keep working and are re-keyed on their next request.
const OLD = 'old-session-secret-for-the-rotation-test-0001';
const NEW = 'new-session-secret-for-the-rotation-test-0002';
const OTHER = 'unrelated-session-secret-for-the-rotation-test';

describe('session secret rotation', () => {
  const apps: TestApp[] = [];
  const start = async (sessionSecret: string, sessionPreviousSecrets: string[] = []) => {
    // No session cache: each request below must reach the database, as on another replica.
    const t = await startTestApp({ config: { sessionSecret, sessionPreviousSecrets, sessionCacheMs: 0 } });
    apps.push(t);
    return t;
  };
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  it('keeps a session made under the previous secret, re-keys it, and refuses it under an unrelated secret', async () => {
    const before = await start(OLD);
    const staff = await createStaff(before.dataSource, ['agent']);
    const login = await request(before.url)
      .post('/api/auth/login')
      .send({ email: staff.email, password: staff.password, otp: await totpCode(staff.secret) });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^rd_session=/);
    const [row] = await before.dataSource.getRepository(StaffSession).findBy({ staffId: staff.user.id });
    const hashUnderOld = row.tokenHash;

    // Without the previous secret, the session is unknown: rotating without it signs everybody out.
    const unrelated = await start(OTHER);
    const refused = await request(unrelated.url).get('/api/auth/me').set('Cookie', cookie);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('auth.session_missing');

    const rotated = await start(NEW, [OLD]);
    const me = await request(rotated.url).get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(staff.email);
    const rekeyed = await rotated.dataSource.getRepository(StaffSession).findOneByOrFail({ id: row.id });
    expect(rekeyed.tokenHash).not.toBe(hashUnderOld);

    // Once re-keyed, the new secret alone knows it: the previous one can be dropped.
    const after = await start(NEW);
    expect((await request(after.url).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    expect((await request(before.url).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('refuses a short previous secret, and the development default in production', () => {
    expect(() => loadConfig({ ...process.env, SESSION_SECRET_PREVIOUS: 'short' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/rd',
        REDIS_URL: 'redis://redis:6379',
        SESSION_SECRET: NEW,
        SESSION_SECRET_PREVIOUS: `${OLD}, dev-only-session-secret-do-not-use-in-production`,
        DOCUMENTS_KEY: Buffer.alloc(32, 7).toString('base64'),
        PUBLIC_URL: 'https://desk.example.org',
      }),
    ).toThrow(/SESSION_SECRET_PREVIOUS/);
  });
});
