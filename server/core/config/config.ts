import * as path from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js/max';

/**
 * The one place that reads process.env. Everything else receives an AppConfig, validated once at boot.
 * A bad value throws ConfigError naming the variable; boot prints that one line and stops.
 */
export type Role = 'api' | 'worker' | 'all';
export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  role: Role;
  port: number;
  /** null: the dev runner starts an embedded PostgreSQL (never in production). */
  databaseUrl: string | null;
  /** Connections in the process's PostgreSQL pool. */
  poolSize: number;
  /** true when REDIS_URL was not given and the local default is used (the dev runner may start redis-server). */
  redisUrlDefaulted: boolean;
  redisUrl: string;
  /** Key prefix of every BullMQ queue: keeps tests and a dev server from taking each other's jobs. */
  queuePrefix: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long a resolved session and its staff member answer from memory: the bound on a disable made elsewhere. */
  sessionCacheMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginThrottle: { windowMinutes: number; maxPerAccount: number; maxPerIp: number };
  auditCheckpointEveryMs: number;
  /** Between two full re-verifications of the whole audit chain (the checkpoint job runs them when due). */
  auditFullVerifyEveryMs: number;
  dataDir: string;
  smtpUrl: string | null;
  mailDir: string;
  mailFrom: string;
  logLevel: string;
  seedDemo: boolean;
  /** First retry delay of a failed mail; doubles each attempt. */
  mailRetryBaseMs: number;
  mailMaxAttempts: number;
  /** A job whose worker stops renewing its lock for this long (a killed worker) is retried elsewhere. */
  queueLockMs: number;
  /** How often the worker looks for recovery cases past their hold whose execution job is missing (lost with Redis). */
  recoveryReconcileEveryMs: number;
  /** How often the worker checks that its scheduled jobs still exist in Redis, and re-creates the missing ones. */
  schedulesCheckEveryMs: number;
  /** How long a caller verification lasts (one call). */
  verificationMinutes: number;
  /** Region national phone numbers are read in first when the staff member set none (ISO 3166-1 alpha-2). */
  defaultPhoneRegion: string;
  /** Stated-value checks on one account over 24 hours, whatever the call (a new call does not reset them). */
  statedValueMaxTriesPerAccountPerDay: number;
  migrateOnStart: boolean;
  /** Encrypted document store (AES-256-GCM) on local disk, outside anything served. */
  documentsDir: string;
  documentsKey: Buffer;
  /** tcp://host:port of a clamd; null: no scanner configured (the verdict says so, it is never "clean"). */
  clamdUrl: string | null;
  uploadMaxBytes: number;
  uploadMaxFiles: number;
  imageMaxPixels: number;
  /**
   * Pixels a worker process decodes at once across its image jobs (about 10 MB of memory per megapixel while
   * re-encoding): a 12 MP photo is re-encoded alone, four 3 MP ones together. A bigger image runs alone.
   */
  imagePixelBudget: number;
  /** Days a customer has to submit a case before it expires. */
  caseCollectDays: number;
  /** Days after a case ends before its files are purged. */
  documentRetentionDays: number;
  /** Base URL of the links in customer mails (cancel, report, the documents form). */
  publicUrl: string;
  /** Hours between approval and execution of the high-risk recovery actions. */
  recoveryHoldHours: number;
  /** Days after a swap during which the old address may report it and a supervisor may revert it. */
  recoveryReportDays: number;
  /** Abuse alert thresholds (per staff member and hour unless said otherwise) and the working hours. */
  alerts: {
    swapsPerHour: number;
    unmasksPerHour: number;
    searchesWithoutCallPerHour: number;
    attemptsPerAccountPerDay: number;
    workingHours: { start: number; end: number; timeZone: string };
  };
  /** The built console, served at / by the api role. */
  uiDir: string;
  /** Hours a staff invitation or re-enrolment link stays valid. */
  staffInviteHours: number;
  /** Code mails the customers' form may send to one address in an hour: no mail bombing of someone else's inbox. */
  formCodeMailsPerAddressPerHour: number;
  /**
   * Staff security keys (WebAuthn): a key is bound to `rpId` (a host name, never an IP address) and its answers are
   * accepted only from `origin`. `requiredRoles`: a member holding one of these roles signs in with a key, never a
   * TOTP code (phishing-resistant, NIST 800-63B AAL3).
   */
  webauthn: { rpId: string; rpName: string; origin: string; requiredRoles: string[] };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

/** Marked development defaults: a production boot refuses them. */
export const DEV_SESSION_SECRET = 'dev-only-session-secret-do-not-use-in-production';
/** 32 bytes, base64: development only. */
export const DEV_DOCUMENTS_KEY = Buffer.from('dev-only-documents-key-NOT-SAFE!').toString('base64');

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback?: string): string {
  const v = env[name];
  if (v === undefined || v === '') {
    if (fallback === undefined) throw new ConfigError(name, 'is required');
    return fallback;
  }
  return v;
}

function optional(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** An ISO 3166-1 alpha-2 region libphonenumber knows (`GB`, not `UK`), upper-cased. */
function phoneRegion(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const region = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(region) || !isSupportedCountry(region)) {
    throw new ConfigError(name, `must be a two-letter country code such as FR, BE, CH, GB, DE or ES, got "${raw}"`);
  }
  return region;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** The staff roles, as auth/staff-user.entity lists them (core imports no feature module). */
const ROLE_NAMES = ['agent', 'reviewer', 'supervisor', 'admin'];

function webauthn(env: Env, production: boolean, publicUrl: string): AppConfig['webauthn'] {
  const given = url(env, 'WEBAUTHN_ORIGIN', ['http:', 'https:']);
  // By default the console's own address (PUBLIC_URL, http://localhost:3000 for `npm start`).
  const origin = new URL(given ?? new URL(publicUrl).origin);
  if (origin.origin !== origin.href.replace(/\/$/, '')) {
    throw new ConfigError('WEBAUTHN_ORIGIN', 'must be an origin only (scheme, host and port), without a path');
  }
  const local = origin.hostname === 'localhost' || origin.hostname.endsWith('.localhost');
  // Browsers offer WebAuthn only to secure contexts: https, or http on localhost. (Derived from an http PUBLIC_URL,
  // the origin is left alone: that deployment's keys cannot work, but nothing else changes for it.)
  if (given !== null && origin.protocol === 'http:' && !local && production) {
    throw new ConfigError('WEBAUTHN_ORIGIN', 'must be https in production');
  }
  const rpId = str(env, 'WEBAUTHN_RP_ID', origin.hostname).toLowerCase();
  // Checked when set: a PUBLIC_URL on an IP address still boots as before (keys only work on a host name).
  if (given !== null || optional(env, 'WEBAUTHN_RP_ID') !== null) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(rpId) || /^[\d.]+$/.test(rpId)) {
      throw new ConfigError('WEBAUTHN_RP_ID', `must be a host name (not an IP address), got "${rpId}"`);
    }
    if (origin.hostname !== rpId && !origin.hostname.endsWith(`.${rpId}`)) {
      throw new ConfigError('WEBAUTHN_RP_ID', `must be the host of WEBAUTHN_ORIGIN (${origin.hostname}) or a domain above it`);
    }
  }
  const requiredRoles = (optional(env, 'SECURITY_KEY_REQUIRED_ROLES') ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const unknown = requiredRoles.find((r) => !ROLE_NAMES.includes(r));
  if (unknown !== undefined) {
    throw new ConfigError('SECURITY_KEY_REQUIRED_ROLES', `must list roles among ${ROLE_NAMES.join(', ')}, got "${unknown}"`);
  }
  return { rpId, rpName: str(env, 'WEBAUTHN_RP_NAME', 'Recovery Desk'), origin: origin.origin, requiredRoles: [...new Set(requiredRoles)] };
}

function documentsKey(env: Env, production: boolean): Buffer {
  const raw = str(env, 'DOCUMENTS_KEY', production ? undefined : DEV_DOCUMENTS_KEY);
  if (production && raw === DEV_DOCUMENTS_KEY)
    throw new ConfigError('DOCUMENTS_KEY', 'is the development default, which production refuses');
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError('DOCUMENTS_KEY', 'must be 32 bytes encoded in base64 (openssl rand -base64 32)');
  return key;
}

export function loadConfig(env: Env = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';
  const dataDir = path.resolve(str(env, 'DATA_DIR', 'var'));

  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (production && databaseUrl === null) throw new ConfigError('DATABASE_URL', 'is required in production');
  const redisGiven = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (production && redisGiven === null) throw new ConfigError('REDIS_URL', 'is required in production');

  const sessionSecret = str(env, 'SESSION_SECRET', production ? undefined : DEV_SESSION_SECRET);
  if (production && sessionSecret === DEV_SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET', 'is the development default, which production refuses');
  }
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');

  const seedDemo = bool(env, 'SEED_DEMO', !production);
  if (production && seedDemo) throw new ConfigError('SEED_DEMO', 'cannot be on in production (demo staff have public passwords)');

  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? 'http://localhost:3000').replace(/\/$/, '');

  const config: AppConfig = {
    nodeEnv,
    role: oneOf(env, 'ROLE', ['api', 'worker', 'all'] as const, 'all'),
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    poolSize: int(env, 'POOL_SIZE', 10, 1, 500),
    redisUrlDefaulted: redisGiven === null,
    redisUrl: redisGiven ?? 'redis://127.0.0.1:6379',
    queuePrefix: str(env, 'QUEUE_PREFIX', 'rd'),
    sessionSecret,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 15, 1, 15),
    sessionCacheMs: int(env, 'SESSION_CACHE_MS', 1000, 0, 2000),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 12),
    cookieSecure: bool(env, 'COOKIE_SECURE', production),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    loginThrottle: {
      windowMinutes: int(env, 'LOGIN_THROTTLE_WINDOW_MINUTES', 15, 1, 1440),
      maxPerAccount: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      maxPerIp: int(env, 'LOGIN_MAX_FAILURES_PER_IP', 20, 1, 100000),
    },
    auditCheckpointEveryMs: int(env, 'AUDIT_CHECKPOINT_EVERY_SECONDS', 300, 5, 86400) * 1000,
    auditFullVerifyEveryMs: int(env, 'AUDIT_FULL_VERIFY_EVERY_SECONDS', 86400, 60, 30 * 86400) * 1000,
    dataDir,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailDir: path.resolve(str(env, 'MAIL_DIR', path.join(dataDir, 'mail'))),
    mailFrom: str(env, 'MAIL_FROM', 'Recovery Desk <no-reply@recovery-desk.invalid>'),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'warn' : 'info',
    ),
    seedDemo,
    mailRetryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', 5000, 10, 3600_000),
    mailMaxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 50),
    queueLockMs: int(env, 'QUEUE_LOCK_MS', 30_000, 1000, 600_000),
    recoveryReconcileEveryMs: int(env, 'RECOVERY_RECONCILE_EVERY_SECONDS', 60, 1, 86400) * 1000,
    schedulesCheckEveryMs: int(env, 'SCHEDULES_CHECK_EVERY_SECONDS', 60, 1, 3600) * 1000,
    verificationMinutes: int(env, 'VERIFICATION_MINUTES', 15, 1, 240),
    defaultPhoneRegion: phoneRegion(env, 'DEFAULT_PHONE_REGION', 'FR'),
    statedValueMaxTriesPerAccountPerDay: int(env, 'STATED_VALUE_MAX_TRIES_PER_ACCOUNT_PER_DAY', 5, 1, 100),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', !production),
    documentsDir: path.resolve(str(env, 'DOCUMENTS_DIR', path.join(dataDir, 'documents'))),
    documentsKey: documentsKey(env, production),
    clamdUrl: url(env, 'CLAMD_URL', ['tcp:']),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_MB', 10, 1, 100) * 1024 * 1024,
    uploadMaxFiles: int(env, 'UPLOAD_MAX_FILES', 5, 1, 20),
    imageMaxPixels: int(env, 'IMAGE_MAX_PIXELS', 40_000_000, 1_000_000, 200_000_000),
    imagePixelBudget: int(env, 'IMAGE_PIXEL_BUDGET', 12_000_000, 1_000_000, 400_000_000),
    caseCollectDays: int(env, 'CASE_COLLECT_DAYS', 14, 1, 90),
    documentRetentionDays: int(env, 'DOCUMENT_RETENTION_DAYS', 180, 1, 3650),
    publicUrl,
    recoveryHoldHours: int(env, 'RECOVERY_HOLD_HOURS', 24, 0, 720),
    recoveryReportDays: int(env, 'RECOVERY_REPORT_DAYS', 14, 1, 365),
    alerts: {
      swapsPerHour: int(env, 'ALERT_SWAPS_PER_HOUR', 5, 1, 10_000),
      unmasksPerHour: int(env, 'ALERT_UNMASKS_PER_HOUR', 15, 1, 10_000),
      searchesWithoutCallPerHour: int(env, 'ALERT_SEARCHES_WITHOUT_CALL_PER_HOUR', 20, 1, 100_000),
      attemptsPerAccountPerDay: int(env, 'ALERT_ATTEMPTS_PER_ACCOUNT_PER_DAY', 3, 1, 1000),
      workingHours: {
        start: int(env, 'WORKING_HOURS_START', 8, 0, 23),
        end: int(env, 'WORKING_HOURS_END', 20, 1, 24),
        timeZone: str(env, 'WORKING_HOURS_TZ', 'Europe/Paris'),
      },
    },
    uiDir: path.resolve(str(env, 'UI_DIR', path.join('dist', 'admin-ui'))),
    staffInviteHours: int(env, 'STAFF_INVITE_HOURS', 72, 1, 720),
    formCodeMailsPerAddressPerHour: int(env, 'FORM_CODE_MAILS_PER_ADDRESS_PER_HOUR', 5, 1, 1000),
    webauthn: webauthn(env, production, publicUrl),
  };
  return { ...config, ...overrides };
}
