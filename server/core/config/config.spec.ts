import { DEV_DOCUMENTS_KEY, DEV_SESSION_SECRET, loadConfig } from './config';
import { configProblem as problem } from '../../../test/support/config';

const PROD = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://rd@db.internal:5432/rd',
  REDIS_URL: 'redis://cache.internal:6379',
  SESSION_SECRET: 'a-real-secret-of-enough-length-0123456789',
  DOCUMENTS_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('configuration', () => {
  it('runs in development with no variables at all, on marked defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      nodeEnv: 'development',
      role: 'all',
      port: 3000,
      databaseUrl: null,
      redisUrlDefaulted: true,
      seedDemo: true,
    });
    expect(c.sessionSecret).toBe(DEV_SESSION_SECRET);
    expect(c.sessionIdleMinutes).toBe(15);
    expect(c.sessionAbsoluteHours).toBe(12);
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig(PROD);
    expect(c).toMatchObject({
      nodeEnv: 'production',
      cookieSecure: true,
      seedDemo: false,
      migrateOnStart: false,
      redisUrlDefaulted: false,
    });
  });

  it('names the variable in one line when a value is bad', () => {
    expect(problem({ PORT: 'eighty' })).toBe('Invalid configuration: PORT must be a whole number, got "eighty"');
    expect(problem({ PORT: '70000' })).toMatch(/^Invalid configuration: PORT must be between 0 and 65535/);
    expect(problem({ DATABASE_URL: 'mysql://x' })).toMatch(/^Invalid configuration: DATABASE_URL must start with postgres:/);
    expect(problem({ REDIS_URL: 'not a url' })).toBe('Invalid configuration: REDIS_URL is not a valid URL');
    expect(problem({ ROLE: 'both' })).toMatch(/^Invalid configuration: ROLE must be one of api, worker, all/);
    expect(problem({ SESSION_IDLE_MINUTES: '60' })).toMatch(/^Invalid configuration: SESSION_IDLE_MINUTES must be between 1 and 15/);
    expect(problem({ COOKIE_SECURE: 'maybe' })).toMatch(/^Invalid configuration: COOKIE_SECURE must be true or false/);
    expect(problem({ SESSION_SECRET: 'short' })).toMatch(/SESSION_SECRET must be at least 32 characters/);
  });

  it('reads the default phone region as a country code libphonenumber knows', () => {
    expect(loadConfig({}).defaultPhoneRegion).toBe('FR');
    expect(loadConfig({ DEFAULT_PHONE_REGION: 'gb' }).defaultPhoneRegion).toBe('GB');
    expect(problem({ DEFAULT_PHONE_REGION: 'UK' })).toMatch(
      /^Invalid configuration: DEFAULT_PHONE_REGION must be a two-letter country code/,
    );
    expect(problem({ DEFAULT_PHONE_REGION: 'France' })).toMatch(/DEFAULT_PHONE_REGION/);
  });

  it('refuses development defaults in production', () => {
    expect(problem({ ...PROD, SESSION_SECRET: DEV_SESSION_SECRET })).toMatch(/SESSION_SECRET is the development default/);
    const { SESSION_SECRET: _s, ...noSecret } = PROD;
    expect(problem(noSecret)).toBe('Invalid configuration: SESSION_SECRET is required');
    const { DATABASE_URL: _d, ...noDb } = PROD;
    expect(problem(noDb)).toMatch(/DATABASE_URL is required in production/);
    const { REDIS_URL: _r, ...noRedis } = PROD;
    expect(problem(noRedis)).toMatch(/REDIS_URL is required in production/);
    expect(problem({ ...PROD, DOCUMENTS_KEY: DEV_DOCUMENTS_KEY })).toMatch(/DOCUMENTS_KEY is the development default/);
    expect(problem({ ...PROD, DOCUMENTS_KEY: 'c2hvcnQ=' })).toMatch(/DOCUMENTS_KEY must be 32 bytes/);
    expect(problem({ ...PROD, SEED_DEMO: 'true' })).toMatch(/SEED_DEMO cannot be on in production/);
  });
});
