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
  /**
   * Secrets SESSION_SECRET replaced (SESSION_SECRET_PREVIOUS, comma-separated): a session made under one of them
   * still signs in, and is re-keyed to the current secret on its first request.
   */
  sessionPreviousSecrets: string[];
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
  /** The folder of the encrypted documents (AES-256-GCM) when documentsStore is `fs`, outside anything served. */
  documentsDir: string;
  /** The key new documents are encrypted with; its id is written in each envelope (documentsKeyId). */
  documentsKey: Buffer;
  documentsKeyId: string;
  /** Earlier keys by id, kept to read what they encrypted after a rotation; never used to write. */
  documentsOldKeys: Record<string, Buffer>;
  /** Where the encrypted files live: `fs` under documentsDir, or `s3` in the bucket of `s3`. */
  documentsStore: 'fs' | 's3';
  /** Set when documentsStore is `s3`. */
  s3: S3Settings | null;
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
  /** The security event stream: every audit entry and alert POSTed, signed, to each webhook. Off when empty. */
  securityWebhooks: SecurityWebhook[];
  /** Audit entries per POST at most. */
  securityWebhookBatch: number;
  securityWebhookTimeoutMs: number;
  /** First retry delay of a failed POST; doubles each attempt, then the reconcile pass starts over. */
  securityWebhookRetryBaseMs: number;
  securityWebhookMaxAttempts: number;
  /** How often the worker starts the delivery of webhooks behind the audit trail (and re-creates lost jobs). */
  securityWebhookPollMs: number;
  /** Staff sign-in through the company's OpenID Connect provider; null (OIDC_ISSUER unset): off. */
  oidc: OidcConfig | null;
  /** Password + TOTP sign-in (small desks, break-glass); false refuses it. Off needs OIDC on. */
  localLogin: boolean;
  /**
   * Prometheus metrics, on a port of their own (never the public API's). `port` null: off; 0: any free port (tests).
   * `cacheMs`: how long a scrape reuses the database and queue figures of the previous one.
   */
  metrics: { port: number | null; host: string; cacheMs: number };
  /**
   * Staff security keys (WebAuthn): a key is bound to `rpId` (a host name, never an IP address) and its answers are
   * accepted only from `origin`. `requiredRoles`: a member holding one of these roles signs in with a key, never a
   * TOTP code (phishing-resistant, NIST 800-63B AAL3).
   */
  webauthn: { rpId: string; rpName: string; origin: string; requiredRoles: string[] };
}

/** A receiver of the security event stream (a SIEM, a chat bridge). */
export interface SecurityWebhook {
  /** Stable: the delivery position is kept under it. Letters, digits, `-` and `_`. */
  name: string;
  url: string;
  /** HMAC-SHA256 key of the signature header; at least 32 characters. */
  secret: string;
}

export interface S3Settings {
  bucket: string;
  /** null: AWS itself, chosen by region. Set for any other S3-compatible service (MinIO, Ceph, a provider's). */
  endpoint: string | null;
  region: string;
  /** null: the AWS SDK's own credential chain (instance role, web identity, AWS_* variables). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  forcePathStyle: boolean;
  /** Prepended to every object name, so one bucket can hold several deployments' documents. */
  prefix: string;
}

/** The role names of Recovery Desk, as the OIDC role map may name them (core cannot import the auth module). */
export const OIDC_MAPPABLE_ROLES = ['agent', 'reviewer', 'supervisor', 'admin'] as const;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Null: a public client (PKCE only, no client authentication). */
  clientSecret: string | null;
  /** Where the provider sends the browser back: OIDC_REDIRECT_URI, or PUBLIC_URL + /oidc/callback (a console page). */
  redirectUri: string;
  scopes: string;
  /** Shown on the console's button: "Sign in with <name>". */
  providerName: string;
  /** Claim (dotted path, e.g. realm_access.roles) whose values narrow the member's roles; null: no narrowing. */
  rolesClaim: string | null;
  /** Claim value → Recovery Desk roles it allows; empty: claim values are role names themselves. */
  roleMap: Record<string, string[]>;
  /** The ID token's acr must be one of these (empty: not checked). */
  requiredAcr: string[];
  /** The ID token's amr must contain every one of these (empty: not checked). */
  requiredAmr: string[];
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

/**
 * SECURITY_WEBHOOKS: a JSON list of `{ "name", "url", "secret" }`. https only in production, unless
 * SECURITY_WEBHOOKS_ALLOW_HTTP says the network in between is trusted (a sidecar, a private link).
 */
function securityWebhooks(env: Env, production: boolean): SecurityWebhook[] {
  const name = 'SECURITY_WEBHOOKS';
  const raw = optional(env, name);
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(name, 'must be a JSON list of {"name", "url", "secret"}');
  }
  if (!Array.isArray(parsed)) throw new ConfigError(name, 'must be a JSON list of {"name", "url", "secret"}');
  const allowHttp = bool(env, 'SECURITY_WEBHOOKS_ALLOW_HTTP', !production);
  const seen = new Set<string>();
  return parsed.map((item: unknown, i) => {
    const hook = (item ?? {}) as Record<string, unknown>;
    const { name: hookName, url: hookUrl, secret } = hook;
    const extra = Object.keys(hook).filter((k) => !['name', 'url', 'secret'].includes(k));
    if (typeof item !== 'object' || extra.length) throw new ConfigError(name, `entry ${i} must hold only name, url and secret`);
    if (typeof hookName !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(hookName)) {
      throw new ConfigError(name, `entry ${i}: name must be 1 to 40 letters, digits, - or _`);
    }
    if (seen.has(hookName)) throw new ConfigError(name, `entry ${i}: the name ${hookName} is used twice`);
    seen.add(hookName);
    let protocol: string;
    try {
      protocol = new URL(String(hookUrl)).protocol;
    } catch {
      throw new ConfigError(name, `${hookName}: url is not a valid URL`);
    }
    if (protocol !== 'https:' && !(protocol === 'http:' && allowHttp)) {
      throw new ConfigError(name, `${hookName}: url must start with https:// (http:// needs SECURITY_WEBHOOKS_ALLOW_HTTP=true)`);
    }
    if (typeof secret !== 'string' || secret.length < 32) throw new ConfigError(name, `${hookName}: secret must be at least 32 characters`);
    return { name: hookName, url: String(hookUrl), secret };
  });
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

/**
 * The id an envelope written before key ids existed is read with: the first key of a deployment carries it unless
 * DOCUMENTS_KEY_ID says otherwise, so those files stay readable once it moves to DOCUMENTS_OLD_KEYS.
 */
export const LEGACY_DOCUMENTS_KEY_ID = 'legacy';
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

function documentsKeyId(env: Env): string {
  const id = str(env, 'DOCUMENTS_KEY_ID', LEGACY_DOCUMENTS_KEY_ID).trim();
  if (!KEY_ID.test(id)) throw new ConfigError('DOCUMENTS_KEY_ID', 'must be 1 to 64 letters, digits, dots, dashes or underscores');
  return id;
}

/** `id:base64,id:base64`: the keys rotated out, kept for reading what they encrypted. */
function documentsOldKeys(env: Env, production: boolean, currentId: string): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  const raw = optional(env, 'DOCUMENTS_OLD_KEYS');
  if (raw === null) return keys;
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at).trim();
    const value = entry.slice(at + 1).trim();
    if (at < 0 || !KEY_ID.test(id)) throw new ConfigError('DOCUMENTS_OLD_KEYS', 'must list id:base64-key pairs separated by commas');
    if (id === currentId || id in keys) throw new ConfigError('DOCUMENTS_OLD_KEYS', `names the key id "${id}" twice`);
    if (production && value === DEV_DOCUMENTS_KEY)
      throw new ConfigError('DOCUMENTS_OLD_KEYS', 'holds the development default key, which production refuses');
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32) throw new ConfigError('DOCUMENTS_OLD_KEYS', `key "${id}" must be 32 bytes encoded in base64`);
    keys[id] = key;
  }
  return keys;
}

function s3Settings(env: Env): S3Settings {
  const accessKeyId = optional(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = optional(env, 'S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    throw new ConfigError(accessKeyId === null ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY', 'is required with its pair (or set neither)');
  }
  const prefix = str(env, 'S3_PREFIX', '');
  if (!/^[A-Za-z0-9._/-]*$/.test(prefix)) throw new ConfigError('S3_PREFIX', 'may hold only letters, digits and . _ - /');
  return {
    bucket: str(env, 'S3_BUCKET'),
    endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
    region: str(env, 'S3_REGION', 'us-east-1'),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', false),
    prefix,
  };
}

function list(env: Env, name: string): string[] {
  return (optional(env, name) ?? '')
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** `group=role[+role],…`: which Recovery Desk roles each value of the roles claim allows. */
function roleMap(env: Env, name: string): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const entry of (optional(env, name) ?? '').split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const roles = entry
      .slice(at + 1)
      .split('+')
      .map((r) => r.trim());
    if (at <= 0 || roles.some((r) => !(OIDC_MAPPABLE_ROLES as readonly string[]).includes(r))) {
      throw new ConfigError(name, `must read claim-value=role[+role],… with roles among ${OIDC_MAPPABLE_ROLES.join(', ')}, got "${entry}"`);
    }
    map[value] = [...new Set([...(map[value] ?? []), ...roles])];
  }
  return map;
}

function oidc(env: Env, production: boolean, publicUrl: string): OidcConfig | null {
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  if (issuer === null) return null;
  // Plain http only for a provider on this machine (tests, a local trial): tokens never cross a network in clear.
  if (production && new URL(issuer).protocol !== 'https:') throw new ConfigError('OIDC_ISSUER', 'must start with https:// in production');
  const redirectGiven = url(env, 'OIDC_REDIRECT_URI', ['https:', 'http:']);
  if (production && redirectGiven === null && optional(env, 'PUBLIC_URL') === null) {
    throw new ConfigError('OIDC_REDIRECT_URI', 'is required in production when PUBLIC_URL is not set');
  }
  // The provider comes back to the console's page, which hands its answer to the API (see LoginPage).
  if (redirectGiven !== null && !new URL(redirectGiven).pathname.endsWith('/oidc/callback')) {
    throw new ConfigError('OIDC_REDIRECT_URI', "must be the console's /oidc/callback page, e.g. https://desk.example.com/oidc/callback");
  }
  const scopes = list(env, 'OIDC_SCOPES');
  const requiredAcr = list(env, 'OIDC_REQUIRED_ACR');
  const requiredAmr = list(env, 'OIDC_REQUIRED_AMR');
  // The provider's sign-in replaces password + TOTP: in production it must prove its second factor.
  if (production && !requiredAcr.length && !requiredAmr.length) {
    throw new ConfigError('OIDC_REQUIRED_AMR', "or OIDC_REQUIRED_ACR must name the provider's second factor in production (e.g. mfa)");
  }
  return {
    issuer,
    clientId: str(env, 'OIDC_CLIENT_ID'),
    clientSecret: optional(env, 'OIDC_CLIENT_SECRET'),
    redirectUri: redirectGiven ?? `${publicUrl}/oidc/callback`,
    scopes: [...new Set(['openid', ...(scopes.length ? scopes : ['email', 'profile'])])].join(' '),
    providerName: str(env, 'OIDC_PROVIDER_NAME', new URL(issuer).hostname),
    rolesClaim: optional(env, 'OIDC_ROLES_CLAIM'),
    roleMap: roleMap(env, 'OIDC_ROLE_MAP'),
    requiredAcr,
    requiredAmr,
  };
}

/** The metrics port of a process on a host where an API and a worker may run side by side. */
export const METRICS_PORT_DEFAULT = 9464;
export const METRICS_PORT_DEFAULT_WORKER = 9465;

/**
 * METRICS_PORT: a port, or `off`. By default 9464, and 9465 for a worker, so that the default API and worker on
 * one host do not fight for a port; more processes on one host each need their own. Off by default in tests.
 */
function metricsPort(env: Env, nodeEnv: NodeEnv, role: Role): number | null {
  const raw = env.METRICS_PORT;
  if (raw === undefined || raw === '') {
    if (nodeEnv === 'test') return null;
    return role === 'worker' ? METRICS_PORT_DEFAULT_WORKER : METRICS_PORT_DEFAULT;
  }
  if (raw.toLowerCase() === 'off') return null;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new ConfigError('METRICS_PORT', `must be a port (0 to 65535) or off, got "${raw}"`);
  return Number(raw);
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
  const sessionPreviousSecrets = (env.SESSION_SECRET_PREVIOUS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const previous of sessionPreviousSecrets) {
    if (previous.length < 32) throw new ConfigError('SESSION_SECRET_PREVIOUS', 'must list secrets of at least 32 characters');
    if (production && previous === DEV_SESSION_SECRET) {
      throw new ConfigError('SESSION_SECRET_PREVIOUS', 'lists the development default, which production refuses');
    }
  }

  const seedDemo = bool(env, 'SEED_DEMO', !production);
  if (production && seedDemo) throw new ConfigError('SEED_DEMO', 'cannot be on in production (demo staff have public passwords)');

  const documentsStore = oneOf(env, 'DOCUMENTS_STORE', ['fs', 's3'] as const, 'fs');
  const keyId = documentsKeyId(env);
  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? 'http://localhost:3000').replace(/\/$/, '');
  const oidcConfig = oidc(env, production, publicUrl);
  const localLogin = oneOf(env, 'LOCAL_LOGIN', ['on', 'off'] as const, 'on') === 'on';
  if (!localLogin && oidcConfig === null)
    throw new ConfigError('LOCAL_LOGIN', 'can be off only with OIDC_ISSUER set (nobody could sign in)');

  const role = oneOf(env, 'ROLE', ['api', 'worker', 'all'] as const, 'all');
  const config: AppConfig = {
    nodeEnv,
    role,
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    poolSize: int(env, 'POOL_SIZE', 10, 1, 500),
    redisUrlDefaulted: redisGiven === null,
    redisUrl: redisGiven ?? 'redis://127.0.0.1:6379',
    queuePrefix: str(env, 'QUEUE_PREFIX', 'rd'),
    sessionSecret,
    sessionPreviousSecrets,
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
    documentsKeyId: keyId,
    documentsOldKeys: documentsOldKeys(env, production, keyId),
    documentsStore,
    s3: documentsStore === 's3' ? s3Settings(env) : null,
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
    securityWebhooks: securityWebhooks(env, production),
    securityWebhookBatch: int(env, 'SECURITY_WEBHOOK_BATCH', 100, 1, 1000),
    securityWebhookTimeoutMs: int(env, 'SECURITY_WEBHOOK_TIMEOUT_SECONDS', 10, 1, 120) * 1000,
    securityWebhookRetryBaseMs: int(env, 'SECURITY_WEBHOOK_RETRY_BASE_MS', 2000, 10, 3600_000),
    securityWebhookMaxAttempts: int(env, 'SECURITY_WEBHOOK_MAX_ATTEMPTS', 10, 1, 50),
    securityWebhookPollMs: int(env, 'SECURITY_WEBHOOK_POLL_SECONDS', 10, 1, 3600) * 1000,
    oidc: oidcConfig,
    localLogin,
    metrics: {
      port: metricsPort(env, nodeEnv, role),
      // Loopback unless configured: the figures are for the provider's Prometheus, not for the internet.
      host: str(env, 'METRICS_HOST', '127.0.0.1'),
      cacheMs: int(env, 'METRICS_CACHE_SECONDS', 10, 0, 300) * 1000,
    },
    webauthn: webauthn(env, production, publicUrl),
  };
  return { ...config, ...overrides };
}
