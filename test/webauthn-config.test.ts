import { loadConfig } from '../server/core/config/config';
import { configProblem as problem } from './support/config';

/** The security key settings: working defaults for `npm start`, and a clear refusal of values browsers would reject. */
const PROD = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://rd@db.internal:5432/rd',
  REDIS_URL: 'redis://cache.internal:6379',
  SESSION_SECRET: 'a-real-secret-of-enough-length-0123456789',
  DOCUMENTS_KEY: Buffer.alloc(32, 7).toString('base64'),
  SEED_DEMO: 'false',
};

describe('security key settings', () => {
  it('default to the console’s own address, with no role required to use a key', () => {
    expect(loadConfig({}).webauthn).toEqual({
      rpId: 'localhost',
      rpName: 'Recovery Desk',
      origin: 'http://localhost:3000',
      requiredRoles: [],
    });
    expect(loadConfig({ PUBLIC_URL: 'https://desk.example.com/console/' }).webauthn).toMatchObject({
      rpId: 'desk.example.com',
      origin: 'https://desk.example.com',
    });
  });

  it('take an RP ID above the origin’s host and a list of roles', () => {
    const c = loadConfig({
      WEBAUTHN_ORIGIN: 'https://desk.example.com',
      WEBAUTHN_RP_ID: 'example.com',
      WEBAUTHN_RP_NAME: 'ACME Recovery',
      SECURITY_KEY_REQUIRED_ROLES: 'supervisor, admin',
    });
    expect(c.webauthn).toEqual({
      rpId: 'example.com',
      rpName: 'ACME Recovery',
      origin: 'https://desk.example.com',
      requiredRoles: ['supervisor', 'admin'],
    });
  });

  it('refuse values a browser would reject, and unknown roles', () => {
    expect(problem({ WEBAUTHN_ORIGIN: 'https://desk.example.com', WEBAUTHN_RP_ID: 'other.example.org' })).toMatch(
      /WEBAUTHN_RP_ID must be the host of WEBAUTHN_ORIGIN/,
    );
    expect(problem({ WEBAUTHN_ORIGIN: 'http://127.0.0.1:3000' })).toMatch(/WEBAUTHN_RP_ID must be a host name \(not an IP address\)/);
    expect(problem({ WEBAUTHN_ORIGIN: 'https://desk.example.com/login' })).toMatch(/WEBAUTHN_ORIGIN must be an origin only/);
    expect(problem({ SECURITY_KEY_REQUIRED_ROLES: 'supervisor,root' })).toMatch(
      /SECURITY_KEY_REQUIRED_ROLES must list roles .* got "root"/,
    );
    expect(problem({ ...PROD, WEBAUTHN_ORIGIN: 'http://desk.example.com' })).toMatch(/WEBAUTHN_ORIGIN must be https in production/);
    expect(loadConfig({ ...PROD, WEBAUTHN_ORIGIN: 'https://desk.example.com' }).webauthn.origin).toBe('https://desk.example.com');
  });
});
