/**
 * `npm run bench:audit`: the audit trail at scale, through the real API. Over BENCH_AUDIT_ROWS (5,000,000) entries:
 *
 *  1. Deep paging: a 25-row page of a filtered list (`action=account.search`) at depth 1,000,000 against the same
 *     filter's first page. The API pages with keyset cursors (nextCursor = base64url of the last id); the cursor of
 *     depth 1,000,000 is computed with SQL (the id of the 1,000,000th matching row in the API's order, id DESC) rather
 *     than by walking 40,000 pages. Target: p95 (and p50) of the deep page ≤ 1.5 × page one's.
 *  2. Export: `GET /api/audit-events/export?actor=<the busiest staff member>` (1,000,000 rows) streamed and counted,
 *     rows per second, and the server's peak RSS above idle. Target: < 200 MB above idle.
 *
 * The API runs as a child process (`node dist/server/main.js api`) so that its memory can be sampled from
 * /proc/<pid>/status (VmRSS every 100 ms, and the kernel's own high-water mark VmHWM). Both parts hit that child.
 * It reports; it does not gate (exit 0 even when a target is missed).
 *
 * Environment: BENCH_AUDIT_DATABASE_URL (postgres://postgres@127.0.0.1:5432/recovery_desk_bench_audit, created,
 * migrated and seeded when it has fewer rows, kept across runs: to re-seed, drop the database, since the trail
 * refuses UPDATE, DELETE and TRUNCATE), BENCH_REDIS_URL (redis://127.0.0.1:6379/2), BENCH_AUDIT_ROWS (5000000),
 * BENCH_AUDIT_DEPTH (1000000), BENCH_AUDIT_REQUESTS (300 per page kind, after BENCH_AUDIT_WARMUP = 30),
 * BENCH_LOG_LEVEL (warn), BENCH_SHOW_PLAN (print every plan in full), BENCH_API_NODE_FLAGS (node flags for the API only,
 * e.g. "--trace-gc") and BENCH_API_STDOUT (a file for the API's stdout, ignored otherwise).
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { AuditQueryService } from '../server/audit/audit-query.service';
import { encodeKeyset } from '../server/core/http/cursor';
import type { AuditFilter } from '../server/audit/audit-query.service';
import { totpCode } from '../server/auth/totp';
import { createDataSource } from '../server/core/database/data-source';
import { runMigrations } from '../server/core/database/migrate';
import { schema } from '../server/schema';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET, seedDemoStaff } from '../server/staff/demo-staff';
import { ensureBenchDatabase } from './bench-database';

const env = process.env;
const DATABASE_URL = env.BENCH_AUDIT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/recovery_desk_bench_audit';
const REDIS_URL = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
const ROWS = Number(env.BENCH_AUDIT_ROWS ?? 5_000_000);
const DEPTH = Number(env.BENCH_AUDIT_DEPTH ?? 1_000_000);
const REQUESTS = Number(env.BENCH_AUDIT_REQUESTS ?? 300);
const WARMUP = Number(env.BENCH_AUDIT_WARMUP ?? 30);
const PAGE = 25;
const CHUNK = 250_000;
const SUPERVISOR = DEMO_STAFF.find((s) => s.roles.includes('supervisor'))!;

/** The list filter of the paging part (~60 % of the rows: depth 1,000,000 exists). */
const PAGE_FILTER = { action: 'account.search' };
/** The busiest staff member: one row in five, so ROWS / 5 (1,000,000) rows for the export. */
const BUSY_EMAIL = 'staff01@example.test';
const EXPORT_FILTER = { actor: BUSY_EMAIL };

const ROW_TARGET = 1.5;
const MEMORY_TARGET_MB = 200;

// ------------------------------------------------------------------------------------------------- bench database

/**
 * One chunk of synthetic entries, set-based. They do NOT form a valid hash chain (prev_hash and hash are not
 * SHA-256 of anything; GET /api/audit-events/verify would report the chain broken at the first one): this benchmark
 * measures reading, not verifying. `hash` is UNIQUE: the id-ordered hex prefix makes it unique and keeps the
 * unique index's inserts at its right edge (random md5 keys would make the seed several times slower on this
 * machine, with nothing to learn from it). Spread: 50 staff (staff01 an agent with one entry in five; agents,
 * reviewers, supervisors, admins each with a desk IP), a realistic action mix (account.search dominant), targets,
 * cases, and timestamps over one year in id order.
 */
const SEED_SQL = `
  WITH g AS (
    SELECT i,
      CASE WHEN i % 5 = 0 THEN 1 ELSE 2 + (hashint8(i)::bigint & 2147483647) % 49 END AS s,
      (hashint8(i + 1000000000000)::bigint & 2147483647) % 100 AS b
    FROM generate_series($1::bigint, $2::bigint) AS i
  ), r AS (
    SELECT i, s, b,
      CASE
        WHEN b < 60 THEN 'account.search'
        WHEN b < 70 THEN 'account.unmask'
        WHEN b < 76 THEN 'verification.start'
        WHEN b < 81 THEN 'verification.code.send'
        WHEN b < 85 THEN 'case.open'
        WHEN b < 87 THEN 'case.documents.add'
        WHEN b < 89 THEN 'recovery.backup_to_primary.execute'
        WHEN b < 97 THEN 'auth.login'
        ELSE 'auth.logout'
      END AS action,
      md5('account-' || (hashint8(i + 7)::bigint & 2147483647) % 200000)::uuid::text AS account_id,
      'RC-' || lpad(((hashint8(i + 13)::bigint & 2147483647) % 90000)::text, 6, '0') AS case_ref
    FROM g
  )
  INSERT INTO audit_events (at, actor_id, actor_email, actor_roles, action, outcome, target_type, target_id, case_id,
    reason, before, after, ip, request_id, prev_hash, hash)
  SELECT
    timestamptz '2025-01-01T00:00:00Z' + (i * $3::double precision) * interval '1 second',
    md5('staff-' || s)::uuid,
    'staff' || lpad(s::text, 2, '0') || '@example.test',
    CASE WHEN s <= 30 THEN '{agent}' WHEN s <= 42 THEN '{reviewer}' WHEN s <= 48 THEN '{supervisor}' ELSE '{admin}' END::text[],
    action,
    CASE WHEN action = 'auth.login' AND b = 96 THEN 'failure' WHEN action = 'account.unmask' AND b = 69 THEN 'denied' ELSE 'success' END,
    CASE
      WHEN action = 'account.search' THEN 'account_search'
      WHEN action LIKE 'auth.%' THEN 'staff_user'
      WHEN action LIKE 'case.%' OR action LIKE 'recovery.%' THEN 'identity_case'
      ELSE 'customer_account'
    END,
    CASE
      WHEN action = 'account.search' THEN NULL
      WHEN action LIKE 'auth.%' THEN md5('staff-' || s)::uuid::text
      WHEN action LIKE 'case.%' OR action LIKE 'recovery.%' THEN md5(case_ref)::uuid::text
      ELSE account_id
    END,
    CASE WHEN action LIKE 'case.%' OR action LIKE 'recovery.%' THEN case_ref END,
    CASE WHEN action = 'account.unmask' THEN 'Caller verified by code, asks for the contact details on file'
         WHEN action = 'recovery.backup_to_primary.execute' THEN 'Approved by a second supervisor after the hold' END,
    CASE WHEN action = 'recovery.backup_to_primary.execute' THEN jsonb_build_object('primaryEmail', 'old-' || (i % 100000) || '@example.net') END,
    CASE
      WHEN action = 'account.search' THEN jsonb_build_object('kind', 'customer_id', 'query', 'ab' || lpad((i % 999999)::text, 6, '0') || '-ovh',
        'results', 1, 'accountIds', jsonb_build_array(account_id), 'callReference', 'CALL-' || (i % 1000000))
      WHEN action = 'account.unmask' THEN jsonb_build_object('fields', jsonb_build_array('primaryEmail', 'phone'))
      WHEN action LIKE 'verification.%' THEN jsonb_build_object('channel', CASE WHEN i % 3 = 0 THEN 'email' ELSE 'sms' END)
      WHEN action = 'recovery.backup_to_primary.execute' THEN jsonb_build_object('primaryEmail', 'new-' || (i % 100000) || '@example.net')
    END,
    '10.20.' || s || '.' || (10 + s % 7),
    md5('request-' || i)::uuid::text,
    lpad(to_hex(i - 1), 16, '0') || substr(md5((i - 1)::text) || md5(((i - 1) * 7)::text), 17),
    lpad(to_hex(i), 16, '0') || substr(md5(i::text) || md5((i * 7)::text), 17)
  FROM r
  ORDER BY i`;

/** Created and migrated, the demo staff, and ROWS audit entries (seeded up to ROWS when fewer). */
async function prepareDatabase(): Promise<number> {
  await ensureBenchDatabase(DATABASE_URL);
  await runMigrations(DATABASE_URL, schema);
  const ds = createDataSource(DATABASE_URL, schema, 2);
  await ds.initialize();
  try {
    await seedDemoStaff(ds);
  } finally {
    await ds.destroy();
  }

  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query('SET statement_timeout = 0');
    await client.query('SET synchronous_commit = off');
    // Seeded entries are numbered 1..ROWS by the series (`i`), whatever ids the identity gives them.
    const {
      rows: [{ seeded }],
    } = await client.query(`SELECT count(*)::int AS seeded FROM audit_events WHERE actor_email LIKE 'staff__@example.test'`);
    if (seeded < ROWS) {
      console.log(
        `Seeding ${(ROWS - seeded).toLocaleString('en')} audit entries in chunks of ${CHUNK.toLocaleString('en')} (once: the database is kept for the next runs)…`,
      );
      const started = Date.now();
      const secondsPerRow = (365 * 24 * 3600) / ROWS;
      for (let lo = seeded + 1; lo <= ROWS; lo += CHUNK) {
        const hi = Math.min(ROWS, lo + CHUNK - 1);
        await client.query(SEED_SQL, [lo, hi, secondsPerRow]);
        console.log(`  ${hi.toLocaleString('en')} / ${ROWS.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
      console.log('VACUUM (ANALYZE) audit_events…');
      await client.query('VACUUM (ANALYZE) audit_events');
      console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const {
      rows: [{ n }],
    } = await client.query('SELECT count(*)::int AS n FROM audit_events');
    return n;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------------------------------------- the API, a child process

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startApi(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const main = path.join(__dirname, '..', 'server', 'main.js');
  // BENCH_API_NODE_FLAGS (e.g. "--trace-gc") go to the API only; BENCH_API_STDOUT keeps its stdout in a file.
  const flags = (env.BENCH_API_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const stdout = env.BENCH_API_STDOUT ? openSync(env.BENCH_API_STDOUT, 'w') : 'ignore';
  const child = spawn(process.execPath, [...flags, main, 'api'], {
    env: {
      ...env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: 'rdbenchaudit',
      LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'warn',
      MIGRATE_ON_START: 'false',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', stdout, 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { child, url };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not answer /api/health within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs the demo supervisor in; a TOTP code is single-use, so a run right after another waits for the next step. */
async function signIn(url: string): Promise<string> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: SUPERVISOR.email, password: DEMO_PASSWORD, otp: await totpCode(DEMO_TOTP_SECRET) }),
    });
    if (res.status === 200) {
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('sign-in answered 200 without a session cookie');
      return cookie;
    }
    if (attempt === 3) throw new Error(`sign-in of ${SUPERVISOR.email} failed: ${res.status} ${await res.text()}`);
    const wait = 30_000 - (Date.now() % 30_000) + 1_000;
    console.log(
      `Sign-in refused (${res.status}, the code was probably used by a previous run): waiting ${Math.ceil(wait / 1000)} s for the next one`,
    );
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new Error('unreachable');
}

// ------------------------------------------------------------------------------------------------- memory

function readMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

class MemorySampler {
  peak = 0;
  samples = 0;
  private timer?: NodeJS.Timeout;
  constructor(private readonly pid: number) {}
  start(): void {
    this.timer = setInterval(() => {
      const { rss } = readMemory(this.pid);
      this.samples += 1;
      if (rss > this.peak) this.peak = rss;
    }, 100);
  }
  stop(): void {
    clearInterval(this.timer);
    const { rss } = readMemory(this.pid);
    if (rss > this.peak) this.peak = rss;
  }
}

const MB = 1024 * 1024;

// ------------------------------------------------------------------------------------------------- paging

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

async function timedGet(
  url: string,
  cookie: string,
  check: (body: { data: { id: string }[]; nextCursor: string | null }) => void,
): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  check(JSON.parse(text));
  return ms;
}

/** Sequential requests, page one and the deep page alternating, so that any drift of the machine hits both alike. */
async function measurePaging(base: string, cookie: string, cursor: string, cursorId: bigint): Promise<{ first: Latency; deep: Latency }> {
  const qs = new URLSearchParams({ ...PAGE_FILTER, limit: String(PAGE) });
  const firstUrl = `${base}/api/audit-events?${qs.toString()}`;
  const deepUrl = `${base}/api/audit-events?${qs.toString()}&cursor=${cursor}`;
  const checkFirst = (b: { data: { id: string }[] }) => {
    if (b.data.length !== PAGE) throw new Error(`page one has ${b.data.length} rows`);
  };
  const checkDeep = (b: { data: { id: string }[] }) => {
    if (b.data.length !== PAGE || BigInt(b.data[0].id) >= cursorId)
      throw new Error(`the deep page is not after the cursor: ${JSON.stringify(b.data[0])}`);
  };
  const first: number[] = [];
  const deep: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
    const a = await timedGet(firstUrl, cookie, checkFirst);
    const b = await timedGet(deepUrl, cookie, checkDeep);
    if (i >= WARMUP) {
      first.push(a);
      deep.push(b);
    }
  }
  const summary = (times: number[]): Latency => {
    times.sort((x, y) => x - y);
    return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), n: times.length };
  };
  return { first: summary(first), deep: summary(deep) };
}

/** The SQL the API runs for a page, built by AuditQueryService's own filter, and its plan with EXPLAIN (ANALYZE). */
async function explainPage(filter: AuditFilter, afterId: string | null, limit: number): Promise<{ sql: string; plan: string }> {
  const ds = createDataSource(DATABASE_URL, schema, 1);
  await ds.initialize();
  try {
    const service = new AuditQueryService(ds, undefined as never);
    const qb = service['filtered'](filter);
    if (afterId) qb.andWhere('e.id < :afterId', { afterId });
    const [sql, params] = qb
      .orderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getQueryAndParameters();
    const rows: Record<string, string>[] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return { sql, plan: rows.map((r) => r['QUERY PLAN']).join('\n') };
  } finally {
    await ds.destroy();
  }
}

// ------------------------------------------------------------------------------------------------- export

async function streamExport(base: string, cookie: string): Promise<{ rows: number; bytes: number; seconds: number; firstByteMs: number }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${base}/api/audit-events/export?${new URLSearchParams(EXPORT_FILTER).toString()}`, { headers: { cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
  const firstByteMs = Number(process.hrtime.bigint() - started) / 1e6;
  let lines = 0;
  let bytes = 0;
  let last = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) lines += 1;
    last = chunk[chunk.length - 1];
  }
  if (last !== 10) throw new Error('the export ended in the middle of a line (the server broke it off)');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows: lines - 1, bytes, seconds, firstByteMs };
}

// ------------------------------------------------------------------------------------------------- main

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  console.log(
    `Recovery Desk audit benchmark: ${ROWS.toLocaleString('en')} entries, page depth ${DEPTH.toLocaleString('en')}, export of ${BUSY_EMAIL}'s entries`,
  );
  const total = await prepareDatabase();

  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  // The cursor of depth DEPTH: the id of the DEPTH-th matching row, newest first (the API's order).
  const deepRow = await client.query<{ id: string }>(`SELECT id FROM audit_events WHERE action = $1 ORDER BY id DESC OFFSET $2 LIMIT 1`, [
    PAGE_FILTER.action,
    DEPTH - 1,
  ]);
  if (!deepRow.rowCount) throw new Error(`fewer than ${DEPTH} entries match action=${PAGE_FILTER.action}`);
  const cursorId = deepRow.rows[0].id;
  const cursor = encodeKeyset(null, cursorId);
  const {
    rows: [{ matching }],
  } = await client.query(`SELECT count(*)::int AS matching FROM audit_events WHERE action = $1`, [PAGE_FILTER.action]);
  const {
    rows: [{ exportRows }],
  } = await client.query(`SELECT count(*)::int AS "exportRows" FROM audit_events WHERE actor_email = $1`, [BUSY_EMAIL]);
  await client.end();

  console.log(`Starting the API (node dist/server/main.js api)…`);
  const api = await startApi();
  const pid = api.child.pid!;
  let stopped = false;
  const stopApi = () => {
    if (!stopped && api.child.exitCode === null) api.child.kill('SIGTERM');
    stopped = true;
  };
  process.once('exit', stopApi);
  try {
    const cookie = await signIn(api.url);
    // One small request so the idle figure includes a used session and a compiled route, then settle.
    await timedGet(`${api.url}/api/audit-events?limit=1`, cookie, () => undefined);
    await new Promise((r) => setTimeout(r, 1_000));
    const idleSamples: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      idleSamples.push(readMemory(pid).rss);
      await new Promise((r) => setTimeout(r, 100));
    }
    const idle = Math.max(...idleSamples);
    const hwmBefore = readMemory(pid).hwm;

    console.log(`Export: ${exportRows.toLocaleString('en')} rows (actor=${BUSY_EMAIL}), idle RSS ${fmt(idle / MB)} MB…`);
    const sampler = new MemorySampler(pid);
    sampler.start();
    const exp = await streamExport(api.url, cookie);
    sampler.stop();
    const { rss: afterExport, hwm } = readMemory(pid);
    const peak = Math.max(sampler.peak, hwm > hwmBefore ? hwm : 0);
    const aboveIdle = (peak - idle) / MB;

    console.log(
      `Paging: ${REQUESTS} requests each (after ${WARMUP} warm-up), page one vs depth ${DEPTH.toLocaleString('en')} (cursor id ${cursorId})…`,
    );
    const paging = await measurePaging(api.url, cookie, cursor, BigInt(cursorId));
    const deepPlan = await explainPage(PAGE_FILTER, cursorId, PAGE);
    const firstPlan = await explainPage(PAGE_FILTER, null, PAGE);
    // The export's last batch is its deepest one: where a plan would go wrong, it is there.
    const exportPlan = await explainPage(EXPORT_FILTER, String(BigInt(cursorId) / 5n), 2000 - 1);
    const planLine = (plan: string) =>
      plan
        .split('\n')
        .filter((l) => /Scan|Limit|Execution Time/.test(l))
        .map((l) => l.trim())
        .join(' | ');
    // Keyset paging needs an index scan in id order that stops after 26 rows: (action, id) or the primary key
    // with a filter (the planner's choice for a filter this common); a Sort or a Seq Scan would read every match.
    const deepIndex = /Index (Only )?Scan/.test(deepPlan.plan) && !/Sort|Seq Scan/.test(deepPlan.plan);
    const deepIndexName = /Index (?:Only )?Scan (?:Backward )?using (\S+)/.exec(deepPlan.plan)?.[1] ?? '?';

    const p50Ratio = paging.deep.p50 / paging.first.p50;
    const p95Ratio = paging.deep.p95 / paging.first.p95;
    const rowsPerSecond = exp.rows / exp.seconds;

    console.log('');
    console.log(
      `Over ${total.toLocaleString('en')} audit entries; ${matching.toLocaleString('en')} match action=${PAGE_FILTER.action}. Latencies in ms, sequential, through the API.`,
    );
    console.log(
      `Machine: ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')} (1 / 5 / 15 min) at the end`,
    );
    console.log(`${''.padEnd(40)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'n'.padStart(6)}`);
    const line = (label: string, l: Latency) =>
      console.log(
        `${label.padEnd(40)} ${fmt(l.p50, 2).padStart(8)} ${fmt(l.p95, 2).padStart(8)} ${fmt(l.p99, 2).padStart(8)} ${String(l.n).padStart(6)}`,
      );
    line(`page one (${PAGE} rows)`, paging.first);
    line(`depth ${DEPTH.toLocaleString('en')} (${PAGE} rows)`, paging.deep);
    console.log('');
    console.log(`Deep page SQL: ${deepPlan.sql}`);
    console.log(`Deep page plan (EXPLAIN ANALYZE, BUFFERS):`);
    console.log(deepPlan.plan.replace(/^/gm, '    '));
    console.log(`Page one plan: ${planLine(firstPlan.plan)}`);
    console.log(`Export batch plan (actor, deep): ${planLine(exportPlan.plan)}`);
    if (env.BENCH_SHOW_PLAN) console.log(firstPlan.plan.replace(/^/gm, '    ') + '\n' + exportPlan.plan.replace(/^/gm, '    '));
    console.log('');
    console.log(
      `Export: ${exp.rows.toLocaleString('en')} rows (${exportRows.toLocaleString('en')} expected), ${fmt(exp.bytes / MB)} MB of CSV in ${fmt(exp.seconds, 1)} s ` +
        `(first byte after ${fmt(exp.firstByteMs, 0)} ms): ${fmt(rowsPerSecond, 0)} rows/s`,
    );
    console.log(
      `Server RSS: idle ${fmt(idle / MB)} MB, peak ${fmt(peak / MB)} MB (${sampler.samples} samples every 100 ms, and VmHWM ${fmt(hwm / MB)} MB), after ${fmt(afterExport / MB)} MB`,
    );
    console.log('');
    const checks: [string, boolean, string][] = [
      [
        `deep page p95 ≤ ${ROW_TARGET} × page one p95`,
        p95Ratio <= ROW_TARGET,
        `${fmt(paging.deep.p95, 2)} / ${fmt(paging.first.p95, 2)} ms = ${fmt(p95Ratio, 2)} ×`,
      ],
      [
        `deep page p50 ≤ ${ROW_TARGET} × page one p50`,
        p50Ratio <= ROW_TARGET,
        `${fmt(paging.deep.p50, 2)} / ${fmt(paging.first.p50, 2)} ms = ${fmt(p50Ratio, 2)} ×`,
      ],
      ['deep page: index scan in id order, no sort', deepIndex, deepIndex ? `Index Scan using ${deepIndexName}` : 'no (see the plan)'],
      [
        'export complete',
        exp.rows === exportRows,
        `${exp.rows.toLocaleString('en')} / ${exportRows.toLocaleString('en')} rows, ${fmt(rowsPerSecond, 0)} rows/s`,
      ],
      [
        `export peak RSS < ${MEMORY_TARGET_MB} MB above idle`,
        aboveIdle < MEMORY_TARGET_MB,
        `+${fmt(aboveIdle)} MB (${fmt(idle / MB)} → ${fmt(peak / MB)} MB)`,
      ],
    ];
    for (const [label, ok, value] of checks) console.log(`${verdict(ok)}  ${label.padEnd(44)} ${value}`);
  } finally {
    stopApi();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
