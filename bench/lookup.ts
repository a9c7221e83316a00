/**
 * `npm run bench:lookup`: account lookup by customer ID through the full stack (HTTP, session, CASL, TypeORM, audit
 * write) against a bare `node:http` + `pg` server doing the same query and the same audit insert, over 1,000,000
 * seeded accounts, under the same load (autocannon, in a child process so it does not share the servers' event
 * loop). Then name search through the full stack, and EXPLAIN's verdict on its plan. It reports; it does not gate
 * (exit 0 even when a target is missed).
 *
 * Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/recovery_desk_bench, created, migrated and
 * seeded if needed, kept across runs), BENCH_REDIS_URL (redis://127.0.0.1:6379/2), BENCH_ACCOUNTS (1000000),
 * BENCH_CONNECTIONS (10), BENCH_DURATION (10 s a run), BENCH_JIT_WARMUP (10 s of each workload on each server before
 * any measurement), BENCH_WARMUP (3 s before each run), BENCH_ROUNDS (3 paired
 * rounds of bare and full stack; the verdicts use the median ratio), BENCH_LOG_LEVEL (warn).
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as os from 'node:os';
import type { AddressInfo } from 'node:net';
import { Pool, type QueryResult } from 'pg';
import { seedAccounts } from '../server/accounts/demo-accounts';
import { ensureBenchDatabase, recreateBenchDatabase } from './bench-database';
import { SIMILAR_SETUP, SIMILAR_SQL, WORDS_SQL, wordsQuery } from '../server/accounts/name-search';
import { normalizeCustomerId } from '../server/accounts/customer-id';
import { maskEmail, maskPhone } from '../server/accounts/masking';
import { createHttpApp } from '../server/app';
import { chainHash, ChainRow, startCursor, verifyRows } from '../server/audit/audit-chain';
import { AUDIT_APPEND_SQL, auditAppendParams } from '../server/audit/audit.service';
import { totpCode } from '../server/auth/totp';
import { loadConfig } from '../server/core/config/config';
import { createDataSource } from '../server/core/database/data-source';
import { runMigrations } from '../server/core/database/migrate';
import { schema } from '../server/schema';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET, seedDemoStaff } from '../server/staff/demo-staff';

const env = process.env;
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/recovery_desk_bench';
const REDIS_URL = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
const ACCOUNTS = Number(env.BENCH_ACCOUNTS ?? 1_000_000);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(env.BENCH_DURATION ?? 10);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const JIT_WARMUP = Number(env.BENCH_JIT_WARMUP ?? 10);
const WARMUP = Number(env.BENCH_WARMUP ?? 3);
/** The app's pool size (dataSourceOptions' default); the bare server gets the same. */
const POOL_SIZE = 10;
const AGENT = DEMO_STAFF.find((s) => s.roles.includes('agent'))!;

// ------------------------------------------------------------------------------------------------- load generator

interface LoadJob {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  duration: number;
}

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Child-process side: runs autocannon over the paths in turn and keeps every response time for exact percentiles. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.duration,
        headers: job.headers,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: job.paths[next++ % job.paths.length] }) }],
      },
      (err, res) => (err ? reject(err as Error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: times.length / job.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Parent side: one autocannon run in a child process (this same file, started with --load). */
function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    child.on('message', (m: { result?: LoadResult; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      result = m.result;
    });
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code}`))));
    child.send(job);
  });
}

// ------------------------------------------------------------------------------------------------- bench database

/** Migrated, demo staff, and ACCOUNTS accounts (seeded when fewer: a smaller earlier seed means a fresh database). */
async function prepareDatabase(): Promise<void> {
  await ensureBenchDatabase(DATABASE_URL);
  await runMigrations(DATABASE_URL, schema);
  let ds = createDataSource(DATABASE_URL, schema, 2);
  await ds.initialize();
  try {
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM customer_accounts');
    if (n > 0 && n < ACCOUNTS) {
      console.log(`The bench database has ${n} accounts, fewer than ${ACCOUNTS}: making it anew`);
      await ds.destroy();
      await recreateBenchDatabase(DATABASE_URL);
      await runMigrations(DATABASE_URL, schema);
      ds = createDataSource(DATABASE_URL, schema, 2);
      await ds.initialize();
    }
    await seedDemoStaff(ds);
    if (n < ACCOUNTS) {
      console.log(`Seeding ${ACCOUNTS.toLocaleString('en')} accounts (a few minutes, once: the database is kept for the next runs)…`);
      const started = Date.now();
      await seedAccounts(ds, ACCOUNTS, {
        onProgress: (done, total) => {
          if (done % 200_000 < 50_000 || done === total)
            console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        },
      });
      console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}

// ------------------------------------------------------------------------------------------------- bare server

interface AccountRow {
  id: string;
  customer_id: string;
  account_type: string;
  name: string;
  company_name: string | null;
  primary_email: string;
  backup_email: string | null;
  phone: string | null;
  city: string;
  country: string;
  status: string;
}

type AuditFields = Parameters<typeof chainHash>[1];

/** AuditService.recordAlone in plain pg: the same function call, one autocommit statement (lock, last hash, sha256, insert). */
async function writeAudit(pool: Pool, fields: AuditFields): Promise<void> {
  await pool.query(AUDIT_APPEND_SQL, auditAppendParams(fields));
}

/**
 * The same work as GET /api/accounts?q=<customer ID> without the framework: the lookup by customer_id, then the
 * audit entry (the same `audit_append` call: advisory lock, last hash, sha256 over the canonical entry, insert), the same
 * masked summary in the answer. No session: that is part of what the full stack adds. `/no-audit/accounts`
 * skips the audit write (breakdown only).
 */
function startBareServer(pool: Pool, agent: { id: string; email: string; roles: string[] }): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://bench');
      const q = url.searchParams.get('q');
      const withAudit = url.pathname === '/api/accounts';
      if ((!withAudit && url.pathname !== '/no-audit/accounts') || !q) {
        res.writeHead(404).end();
        return;
      }
      const customerId = normalizeCustomerId(q);
      const found = await pool.query<AccountRow>(
        `SELECT id, customer_id, account_type, name, company_name, legal_representative, primary_email, backup_email, phone,
           address_line, postal_code, city, country, language, status, flags, created_at, updated_at
         FROM customer_accounts WHERE customer_id = $1`,
        [customerId],
      );
      const fields: AuditFields = {
        at: new Date(),
        actorId: agent.id,
        actorEmail: agent.email,
        actorRoles: [...agent.roles].sort(),
        action: 'account.search',
        outcome: 'success',
        targetType: 'account_search',
        targetId: null,
        caseId: null,
        reason: null,
        before: null,
        after: {
          kind: 'customer_id',
          query: customerId,
          results: found.rows.length,
          accountIds: found.rows.map((r) => r.id),
          callReference: null,
        },
        ip: req.socket.remoteAddress ?? null,
        requestId: randomUUID(),
      };
      if (withAudit) await writeAudit(pool, fields);
      const data = found.rows.map((a) => ({
        id: a.id,
        customerId: a.customer_id,
        accountType: a.account_type,
        name: a.name,
        companyName: a.company_name,
        primaryEmail: maskEmail(a.primary_email),
        phone: maskPhone(a.phone),
        city: a.city,
        country: a.country,
        status: a.status,
        hasBackupEmail: a.backup_email !== null,
      }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ data, nextCursor: null }));
    })().catch((e: unknown) => {
      console.error('bare server:', e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ------------------------------------------------------------------------------------------------- full stack

async function startFullStack(): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig(
    {
      ...env,
      NODE_ENV: 'development',
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: 'rdbench',
      LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'warn',
      MIGRATE_ON_START: 'false',
      SEED_DEMO: 'false',
    },
    { role: 'api', port: 0 },
  );
  const app = await createHttpApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

/** Signs the demo agent in; a TOTP code is single-use, so a run right after another waits for the next step. */
async function signIn(url: string): Promise<string> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: AGENT.email, password: DEMO_PASSWORD, otp: await totpCode(DEMO_TOTP_SECRET) }),
    });
    if (res.status === 200) {
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('sign-in answered 200 without a session cookie');
      return cookie;
    }
    if (attempt === 3) throw new Error(`sign-in of ${AGENT.email} failed: ${res.status} ${await res.text()}`);
    const wait = 30_000 - (Date.now() % 30_000) + 1_000;
    console.log(
      `Sign-in refused (${res.status}, the code was probably used by a previous run): waiting ${Math.ceil(wait / 1000)} s for the next one`,
    );
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new Error('unreachable');
}

// ------------------------------------------------------------------------------------------------- report

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function row(label: string, r: LoadResult): string {
  const failures = r.non2xx + r.errors + r.timeouts;
  return `${label.padEnd(34)} ${fmt(r.rps).padStart(9)} ${fmt(r.p50, 2).padStart(9)} ${fmt(r.p95, 2).padStart(9)} ${fmt(r.p99, 2).padStart(9)} ${String(r.requests).padStart(9)} ${String(failures).padStart(7)}`;
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'FAIL';
}

/** The two stages of AccountsService.searchByName, for EXPLAIN (the very same SQL, imported). */
async function explainNameSearch(pool: Pool, text: string): Promise<{ words: string; similar: string }> {
  const client = await pool.connect();
  const plan = (res: QueryResult) => res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  try {
    const words = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${WORDS_SQL}`, [text, normalizeCustomerId(text), wordsQuery(text)]);
    await client.query('BEGIN');
    await client.query(SIMILAR_SETUP);
    const similar = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${SIMILAR_SQL}`, [text, normalizeCustomerId(text)]);
    await client.query('ROLLBACK');
    return { words: plan(words), similar: plan(similar) };
  } finally {
    client.release();
  }
}

const usesTrigram = (plan: string) => /Index Scan on customer_accounts_search_trgm/.test(plan);

async function verifyAuditTail(pool: Pool, n: number): Promise<{ checked: number; broken: string | null }> {
  const res = await pool.query(
    `SELECT id, at, actor_id AS "actorId", actor_email AS "actorEmail", actor_roles AS "actorRoles", action, outcome,
       target_type AS "targetType", target_id AS "targetId", case_id AS "caseId", reason, before, after, ip,
       request_id AS "requestId", prev_hash AS "prevHash", hash
     FROM (SELECT * FROM audit_events ORDER BY id DESC LIMIT $1) t ORDER BY id`,
    [n],
  );
  const rows = res.rows as ChainRow[];
  if (!rows.length) return { checked: 0, broken: null };
  const cursor = verifyRows(startCursor(rows[0].prevHash), rows);
  return { checked: cursor.checked, broken: cursor.firstBrokenId };
}

// ------------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  console.log(
    `Recovery Desk lookup benchmark: ${ACCOUNTS.toLocaleString('en')} accounts, ${CONNECTIONS} connections, ${DURATION} s a run (${WARMUP} s warm-up)`,
  );
  await prepareDatabase();

  const pool = new Pool({ connectionString: DATABASE_URL, max: POOL_SIZE });
  const [{ n: accounts }] = (await pool.query('SELECT count(*)::int AS n FROM customer_accounts')).rows;
  const agentRow = (await pool.query('SELECT id, email, roles FROM staff_users WHERE email = $1', [AGENT.email])).rows[0];
  if (!agentRow) throw new Error(`no ${AGENT.email} in the bench database`);
  // Customer IDs spread over the table, in the shapes agents type (mostly as printed, some upper case or bare).
  const sample = (
    await pool.query<{ customer_id: string; name: string }>(
      `SELECT customer_id, name FROM customer_accounts WHERE random() < 4000.0 / greatest($1::int, 1) LIMIT 4000`,
      [accounts],
    )
  ).rows;
  const idPaths = sample.map((r, i) => {
    const shape = i % 10 === 0 ? r.customer_id.toUpperCase() : i % 10 === 1 ? r.customer_id.replace(/-ovh$/, '') : r.customer_id;
    return `/api/accounts?q=${encodeURIComponent(shape)}`;
  });
  // Names as an agent types them from the caller's words: full names, often without accents, sometimes lower case.
  const namePaths = sample.slice(0, 1000).map((r, i) => {
    const plain = r.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const text = i % 3 === 0 ? r.name : i % 3 === 1 ? plain : plain.toLowerCase();
    return `/api/accounts?q=${encodeURIComponent(text)}`;
  });

  const bare = await startBareServer(pool, agentRow);
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const full = await startFullStack();
  const cookie = await signIn(full.url);
  const headers = { cookie };

  // Both answer the same thing (the full stack routes by shape; a customer ID goes to the same exact lookup).
  const probe = idPaths[2];
  const [fromBare, fromFull] = await Promise.all([
    fetch(bareUrl + probe).then((r) => r.json() as Promise<{ data: { customerId: string }[] }>),
    fetch(full.url + probe, { headers }).then((r) => r.json() as Promise<{ data: { customerId: string }[] }>),
  ]);
  if (fromBare.data[0]?.customerId !== fromFull.data[0]?.customerId) {
    throw new Error(`the two servers disagree on ${probe}: ${JSON.stringify(fromBare)} vs ${JSON.stringify(fromFull)}`);
  }

  const job = (url: string, paths: string[], duration: number): LoadJob => ({ url, paths, headers, connections: CONNECTIONS, duration });
  // Each measurement runs right after a warm-up of the same server and workload: JIT-compiled code, and pool
  // connections whose PostgreSQL backends have their caches filled (pg closes clients idle for 10 s, so a
  // warm-up done before another 10-second run would leave the second server reconnecting while measured).
  const measure = async (label: string, url: string, paths: string[]): Promise<LoadResult> => {
    console.log(`Measuring: ${label} (${WARMUP} s warm-up, then ${DURATION} s)…`);
    await load(job(url, paths, WARMUP));
    return load(job(url, paths, DURATION));
  };
  // Steady state first: both servers (the full stack has far more code for the JIT to optimise) run each
  // workload once for a while before anything is measured, as a server does in its first minutes of service.
  console.log(`Warming up both servers for ${JIT_WARMUP} s each (steady state)…`);
  await load(job(bareUrl, idPaths, JIT_WARMUP));
  await load(job(full.url, idPaths, JIT_WARMUP));
  await load(job(full.url, namePaths, JIT_WARMUP));

  // Paired rounds, the order alternating, and the median of the rounds' ratios: a shared, virtualised machine
  // drifts over a minute, and one slow stretch should not decide the verdict either way.
  const rounds: { bare: LoadResult; full: LoadResult }[] = [];
  for (let r = 1; r <= ROUNDS; r += 1) {
    const bareFirst = r % 2 === 1;
    const first = bareFirst
      ? await measure(`round ${r}/${ROUNDS}, bare node:http + pg, customer-ID lookup`, bareUrl, idPaths)
      : await measure(`round ${r}/${ROUNDS}, full stack, customer-ID lookup`, full.url, idPaths);
    const second = bareFirst
      ? await measure(`round ${r}/${ROUNDS}, full stack, customer-ID lookup`, full.url, idPaths)
      : await measure(`round ${r}/${ROUNDS}, bare node:http + pg, customer-ID lookup`, bareUrl, idPaths);
    rounds.push(bareFirst ? { bare: first, full: second } : { bare: second, full: first });
  }
  const nameResult = await measure('full stack, name search', full.url, namePaths);

  // Breakdown (BENCH_BREAKDOWN=0 skips it): the session and guard alone, and the bare lookup without its audit write.
  const breakdown = env.BENCH_BREAKDOWN !== '0';
  let meResult: LoadResult | undefined;
  let bareNoAudit: LoadResult | undefined;
  let similarResult: LoadResult | undefined;
  if (breakdown) {
    similarResult = await measure(
      'breakdown: full stack, name search asking for similar spellings (the typo stage)',
      full.url,
      namePaths.map((p) => `${p}&similar=true`),
    );
    meResult = await measure('breakdown: full stack, GET /api/auth/me (session + guard, no lookup, no audit)', full.url, ['/api/auth/me']);
    bareNoAudit = await measure(
      'breakdown: bare, lookup without the audit write',
      bareUrl,
      idPaths.map((p) => p.replace('/api/accounts', '/no-audit/accounts')),
    );
  }

  const explainName = await explainNameSearch(pool, 'elodie lefevre');
  const explainId = await pool.query(`EXPLAIN SELECT * FROM customer_accounts WHERE customer_id = $1`, [sample[0].customer_id]);
  const idPlan = explainId.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join(' ');
  const audit = await verifyAuditTail(pool, 2_000);

  const throughputRatio = median(rounds.map((r) => r.full.rps / r.bare.rps));
  const p99Ratio = median(rounds.map((r) => r.full.p99 / r.bare.p99));
  const nameRatio = nameResult.p95 / median(rounds.map((r) => r.full.p95));
  const failures = (r: LoadResult) => r.non2xx + r.errors + r.timeouts;
  const bareFailures = rounds.reduce((n, r) => n + failures(r.bare), 0);
  const fullFailures = rounds.reduce((n, r) => n + failures(r.full), 0);

  console.log('');
  console.log(
    `Over ${accounts.toLocaleString('en')} accounts, ${CONNECTIONS} connections, ${DURATION} s each (latencies in ms, 2xx answers only):`,
  );
  // Servers, PostgreSQL and the load generator share this machine: a busy machine skews the ratios.
  console.log(
    `Machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min) at the end`,
  );
  console.log(
    `${''.padEnd(34)} ${'req/s'.padStart(9)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'requests'.padStart(9)} ${'failed'.padStart(7)}`,
  );
  rounds.forEach((r, i) => {
    console.log(row(`round ${i + 1}: bare node:http + pg, by ID`, r.bare));
    console.log(
      `${row(`round ${i + 1}: full stack, by ID`, r.full)}   ratio ${fmt(r.full.rps / r.bare.rps, 2)} ×, p99 ${fmt(r.full.p99 / r.bare.p99, 2)} ×`,
    );
  });
  console.log(row('full stack, name search', nameResult));
  if (meResult && bareNoAudit && similarResult) {
    console.log(row('  breakdown: full, similar spellings', similarResult));
    console.log(row('  breakdown: full, /api/auth/me', meResult));
    console.log(row('  breakdown: bare by ID, no audit', bareNoAudit));
  }
  console.log('');
  console.log(`Exact lookup plan: ${idPlan.replace(/\s+/g, ' ').trim()}`);
  const nameUsesTrigram = usesTrigram(explainName.words) && usesTrigram(explainName.similar);
  for (const [stage, plan] of [
    ['all words', explainName.words],
    ['similar spellings', explainName.similar],
  ] as const) {
    console.log(
      `Name search plan, ${stage} stage, uses the trigram index (customer_accounts_search_trgm): ${usesTrigram(plan) ? 'yes' : 'NO'}`,
    );
    if (!usesTrigram(plan) || env.BENCH_SHOW_PLAN) console.log(plan.replace(/^/gm, '    '));
  }
  console.log(
    `Audit chain, last ${audit.checked} entries (both servers' writes): ${audit.broken ? `BROKEN at id ${audit.broken}` : 'intact'}`,
  );
  console.log('');
  const checks: [string, boolean, string][] = [
    ['full-stack throughput ≥ 0.5 × bare', throughputRatio >= 0.5, `${fmt(throughputRatio, 2)} × (median of ${ROUNDS} rounds)`],
    ['full-stack p99 ≤ 2 × bare p99', p99Ratio <= 2, `${fmt(p99Ratio, 2)} × (median of ${ROUNDS} rounds)`],
    ['name search p95 ≤ 5 × exact lookup p95', nameRatio <= 5, `${fmt(nameRatio, 2)} × (exact: median p95 of the rounds)`],
    [
      'name search plans use the trigram index',
      nameUsesTrigram,
      nameUsesTrigram ? 'Bitmap Index Scan on customer_accounts_search_trgm (both stages)' : 'no',
    ],
    [
      'no failed requests',
      bareFailures + fullFailures + failures(nameResult) === 0,
      `${bareFailures} / ${fullFailures} / ${failures(nameResult)}`,
    ],
  ];
  for (const [label, ok, value] of checks) console.log(`${verdict(ok)}  ${label.padEnd(42)} ${value}`);

  await full.app.close();
  await new Promise((r) => bare.close(r));
  await pool.end();
}

if (process.argv.includes('--load')) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (e: unknown) => process.send!({ error: e instanceof Error ? e.message : String(e) }, () => process.exit(1)),
    );
  });
} else {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
}
