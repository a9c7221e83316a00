/**
 * `npm run bench:documents [-- --files 200 --big 8 --upload-concurrency 4 --clamd]`: document processing through
 * the full path against the same processing function in a plain loop, on the same generated files, in one run.
 * It reports; it does not gate (exit 0 even when a target is missed).
 *
 * - Files: generated deterministically (seeded PRNG) with sharp and pdf-lib: noisy 2000×1500 JPEGs at quality 95
 *   with EXIF (orientation 6) of 2–3 MB, PNGs, multi-page PDFs with a scanned image; 70/15/15 %. Plus `--big`
 *   uploads of about 10 MB (UPLOAD_MAX_MB=10: 12 MP JPEGs, PNGs, 4-page PDFs of scans) for the memory figure.
 * - Full path: the API runs in this process (createHttpApp, role api), the worker is a separate process
 *   (`node dist/server/main.js worker`, same env) so its memory can be measured. Cases are opened through
 *   POST /api/public/identity-cases (one X-Forwarded-For and customer ID per case), their mails drained, then
 *   every file is uploaded (one file a request, `--upload-concurrency` requests in flight) and the clock runs from
 *   the first upload sent to the moment every document is in a final state in PostgreSQL (polled every 50 ms).
 * - Baseline: a separate process too (this file with --baseline), no HTTP, no queue: for each file, read it,
 *   DocumentStore.put, insert the row in state `uploaded`, DocumentProcessor.process(id), 4 files in flight (the
 *   worker's concurrency, WorkerService). Its clock covers all of it.
 *   Why storing is inside the baseline clock: the full-path clock starts at the first upload, so it covers storing
 *   the files too (the upload request stores them); starting it when the uploads are done instead would be
 *   wrong the other way, since the worker starts processing while the later files are still being uploaded. So
 *   both clocks cover "store + process" of the same files; what the full path adds is HTTP + multipart, the
 *   type check at upload, the audit write, the enqueue, BullMQ and the polling.
 * - Memory: VmRSS of the worker sampled from /proc every 100 ms, VmHWM (the kernel's exact peak, reset per phase
 *   with /proc/<pid>/clear_refs) and, via a preloaded probe (documents-probe.ts), JS heap and Buffer memory.
 *
 * Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/recovery_desk_bench_docs, dropped and
 * made anew at every run, left afterwards), BENCH_REDIS_URL (redis://127.0.0.1:6379/3, queue prefix
 * `rdbenchdocs`, its keys deleted at start and end), BENCH_LOG_LEVEL (warn). Flags may also be given as
 * BENCH_FILES, BENCH_BIG, BENCH_UPLOAD_CONCURRENCY, BENCH_CLAMD=true (a local fake clamd answering OK, used by
 * both sides; off by default: the scan step then records `not_configured` without reading the file), and
 * `--quiet-wait SECONDS` (120; 0: never) to wait before each throughput run for the machine to be idle, and
 * `--child-env KEY=VALUE` (repeatable) for the worker and the baseline process alike, e.g. MALLOC_ARENA_MAX=2,
 * LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 or VIPS_CONCURRENCY=1, to try memory settings.
 */
import { AuditService } from '../server/audit/audit.service';
import { Clock } from '../server/core/clock';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client } from 'pg';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../server/app';
import { loadConfig } from '../server/core/config/config';
import { createDataSource } from '../server/core/database/data-source';
import { runMigrations } from '../server/core/database/migrate';
import { QueueService } from '../server/core/queue/queue.service';
import { CaseDocument, FINAL_STATES } from '../server/documents/case-document.entity';
import { DocumentProcessor } from '../server/documents/document-processor';
import { DocumentStore } from '../server/documents/document-store';
import { IdentityCase } from '../server/documents/identity-case.entity';
import { schema } from '../server/schema';

const env = process.env;

function flag(name: string, fallback: string): string {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
  const arg = process.argv[i];
  if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
  const next = process.argv[i + 1];
  return next !== undefined && !next.startsWith('--') ? next : 'true';
}

/** Every `--child-env KEY=VALUE` (repeatable): extra environment for the worker and the baseline process alike. */
function childEnvFlags(): Record<string, string> {
  const out: Record<string, string> = {};
  process.argv.forEach((a, i) => {
    const v = a === '--child-env' ? process.argv[i + 1] : a.startsWith('--child-env=') ? a.slice('--child-env='.length) : undefined;
    if (v === undefined) return;
    const eq = v.indexOf('=');
    if (eq <= 0) throw new Error(`--child-env wants KEY=VALUE, got ${v}`);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  });
  return out;
}

function intFlag(name: string, fallback: number, min: number): number {
  const n = Number(flag(name, String(fallback)));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
}

const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/recovery_desk_bench_docs';
const REDIS_URL = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/3';
const QUEUE_PREFIX = 'rdbenchdocs';
const LOG_LEVEL = env.BENCH_LOG_LEVEL ?? 'warn';
/** WorkerService runs each queue with concurrency 4 (hard-coded there); the baseline keeps as many in flight. */
const CONCURRENCY = 4;
const FILES_PER_CASE = 10;
const UPLOAD_MAX_MB = 10;
const UPLOAD_MAX_BYTES = UPLOAD_MAX_MB * 1024 * 1024;
const PHASE_TIMEOUT_MS = 30 * 60_000;
const RATIO_TARGET = 0.85;
const MEMORY_TARGET_MB = 300;
const MB = 1024 * 1024;

type Mime = 'image/jpeg' | 'image/png' | 'application/pdf';
type FileSet = 'main' | 'big';

interface InputFile {
  name: string;
  path: string;
  mime: Mime;
  kind: string;
  size: number;
  pages?: number;
}

// ------------------------------------------------------------------------------------------------- file generation

/** mulberry32: a small seeded PRNG, so every run makes byte-identical files. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** RGB pixels: two gradients and a tint under per-pixel noise of ±amplitude (noise is what makes JPEGs big). */
function noisyPixels(width: number, height: number, amplitude: number, seed: number): Buffer {
  const next = prng(seed);
  const px = new Uint8ClampedArray(width * height * 3);
  const span = 2 * amplitude + 1;
  const tint = next() & 255;
  let i = 0;
  for (let y = 0; y < height; y++) {
    const gy = ((y * 255) / height) | 0;
    for (let x = 0; x < width; x++) {
      const n = next();
      px[i++] = ((x * 255) / width) + ((n & 255) % span) - amplitude;
      px[i++] = gy + (((n >>> 8) & 255) % span) - amplitude;
      px[i++] = tint + (((n >>> 16) & 255) % span) - amplitude;
    }
  }
  return Buffer.from(px.buffer, px.byteOffset, px.byteLength);
}

function jpeg(width: number, height: number, amplitude: number, seed: number): Promise<Buffer> {
  return sharp(noisyPixels(width, height, amplitude, seed), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'BenchCam', Model: `Bench ${seed}`, Copyright: 'GPS 48.85N 2.35E' } } })
    .toBuffer();
}

function png(width: number, height: number, amplitude: number, seed: number): Promise<Buffer> {
  return sharp(noisyPixels(width, height, amplitude, seed), { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A PDF of `pages` pages of text, with a scanned image on the first pages (one per image given). */
async function pdf(pages: number, seed: number, scans: Buffer[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < 28; l++) {
      page.drawText(`Bench document ${seed}, page ${p + 1}, line ${l + 1}: electricity bill, 12 rue de la Paix, 75002 Paris`, { x: 40, y: 800 - l * 16, size: 9, font });
    }
    if (scans[p]) page.drawImage(await doc.embedJpg(scans[p]), { x: 40, y: 40, width: 400, height: 300 });
  }
  return Buffer.from(await doc.save());
}

const KINDS = ['identity_front', 'identity_back', 'proof_of_address', 'other'];

/** File i of a set: its type (70 % JPEG, 15 % PNG, 15 % PDF, interleaved) and its content, always the same. */
async function makeFile(set: FileSet, i: number): Promise<{ data: Buffer; mime: Mime; ext: string; pages?: number }> {
  const seed = (set === 'main' ? 1_000 : 900_000) + i;
  if (set === 'main') {
    const slot = i % 20;
    if (slot < 14) return { data: await jpeg(2000, 1500, 48 + ((i * 7) % 48), seed), mime: 'image/jpeg', ext: 'jpg' };
    if (slot < 17) return { data: await png(1600, 1200, 1 + (i % 3), seed), mime: 'image/png', ext: 'png' };
    const pages = 2 + (i % 7);
    return { data: await pdf(pages, seed, [await jpeg(1000, 750, 24, seed + 500_000)]), mime: 'application/pdf', ext: 'pdf', pages };
  }
  // About 10 MB each, under the upload limit: 12 MP JPEGs, full-noise PNGs, PDFs of four 2.3 MB scans.
  const slot = i % 4;
  if (slot < 2) return { data: await jpeg(4000, 3000, 64, seed), mime: 'image/jpeg', ext: 'jpg' };
  if (slot === 2) return { data: await png(2200, 1560, 127, seed), mime: 'image/png', ext: 'png' };
  const scans = await Promise.all([0, 1, 2, 3].map((k) => jpeg(2000, 1500, 56, seed * 10 + k)));
  return { data: await pdf(4, seed, scans), mime: 'application/pdf', ext: 'pdf', pages: 4 };
}

async function generate(dir: string, set: FileSet, count: number): Promise<InputFile[]> {
  await fsp.mkdir(dir, { recursive: true });
  const files: InputFile[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const f = await makeFile(set, i);
    if (f.data.length > UPLOAD_MAX_BYTES) throw new Error(`generated ${set} file ${i} is ${f.data.length} bytes, over the ${UPLOAD_MAX_MB} MB upload limit`);
    const name = `${set}-${String(i).padStart(4, '0')}.${f.ext}`;
    const file = path.join(dir, name);
    await fsp.writeFile(file, f.data);
    files.push({ name, path: file, mime: f.mime, kind: KINDS[i % KINDS.length], size: f.data.length, pages: f.pages });
    if ((i + 1) % 50 === 0 || i + 1 === count) console.log(`  ${set}: ${i + 1} / ${count} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return files;
}

function describe(files: InputFile[]): string {
  const parts = (['image/jpeg', 'image/png', 'application/pdf'] as Mime[]).map((mime) => {
    const of = files.filter((f) => f.mime === mime);
    if (!of.length) return null;
    const sizes = of.map((f) => f.size);
    const label = mime === 'image/jpeg' ? 'JPEG' : mime === 'image/png' ? 'PNG' : 'PDF';
    const [lo, hi] = [Math.min(...of.map((f) => f.pages ?? 0)), Math.max(...of.map((f) => f.pages ?? 0))];
    const pages = mime === 'application/pdf' ? `, ${lo === hi ? lo : `${lo}–${hi}`} pages` : '';
    return `${of.length} ${label} ${mbs(Math.min(...sizes), 2)}–${mbs(Math.max(...sizes), 2)} MB${pages}`;
  });
  return `${files.length} files (${parts.filter(Boolean).join('; ')}), ${mbs(total(files), 1)} MB in all`;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const secs = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const total = (files: InputFile[]) => files.reduce((s, f) => s + f.size, 0);
const mbs = (bytes: number, digits = 1) => (bytes / MB).toFixed(digits);

// ------------------------------------------------------------------------------------------------- infrastructure

async function recreateDatabase(): Promise<void> {
  const name = new URL(DATABASE_URL).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad bench database name ${name}`);
  const adminUrl = new URL(DATABASE_URL);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  await runMigrations(DATABASE_URL, schema);
}

/** Deletes this bench's queue keys (its own prefix) and nothing else in the Redis database. */
async function clearQueues(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A stand-in for clamd speaking INSTREAM: reads the chunks to the zero-length end and answers OK. */
async function startFakeClamd(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = net.createServer((socket) => {
    let commandSeen = false;
    let header = Buffer.alloc(0);
    let remaining = 0;
    socket.on('error', () => undefined);
    socket.on('data', (d: Buffer) => {
      let off = 0;
      while (off < d.length) {
        if (!commandSeen) {
          const nul = d.indexOf(0, off);
          if (nul < 0) return;
          commandSeen = true;
          off = nul + 1;
        } else if (remaining > 0) {
          const take = Math.min(remaining, d.length - off);
          remaining -= take;
          off += take;
        } else {
          const take = Math.min(4 - header.length, d.length - off);
          header = Buffer.concat([header, d.subarray(off, off + take)]);
          off += take;
          if (header.length < 4) return;
          remaining = header.readUInt32BE(0);
          header = Buffer.alloc(0);
          if (remaining === 0) return void socket.end('stream: OK\0');
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The environment of the API (this process), the worker and the baseline: the same for all three. */
function appEnv(tmp: string, clamdUrl: string | null): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: 'production',
    DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DOCUMENTS_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: path.join(tmp, 'data'),
    DOCUMENTS_DIR: path.join(tmp, 'documents'),
    TRUST_PROXY: 'true',
    COOKIE_SECURE: 'false',
    UPLOAD_MAX_MB: String(UPLOAD_MAX_MB),
    UPLOAD_MAX_FILES: '5',
    SEED_DEMO: 'false',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL,
  };
  for (const k of ['SMTP_URL', 'ROLE', 'PORT', 'CLAMD_URL']) delete e[k];
  if (clamdUrl) e.CLAMD_URL = clamdUrl;
  return e;
}

// ------------------------------------------------------------------------------------------------- measuring

interface MemPhase {
  name: string;
  /** VmRSS at the start of the phase. */
  startRss: number;
  /** Highest VmRSS seen by the 100 ms sampling. */
  sampledPeak: number;
  /** VmHWM at the end of the phase, after a reset at its start (exact peak); null if the reset failed. */
  hwm: number | null;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  cpuMs: number;
}

function readStatus(pid: number): { rss: number; hwm: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** utime + stime of a process, in ms (clock ticks of 10 ms). */
function cpuMsOf(pid: number | string): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU ms used so far by every process of a given name (postgres backends, redis-server). */
function cpuMsOfCommand(names: string[]): number {
  let sum = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (names.includes(fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim())) sum += cpuMsOf(pid);
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineCpu(): { busy: number; total: number } {
  const [, ...v] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = v.map(Number);
  const totalTicks = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: totalTicks - n[3] - n[4], total: totalTicks };
}

/** Watches one child: RSS every 100 ms, the probe's memoryUsage reports, VmHWM per phase. */
class MemoryWatch {
  private current?: MemPhase;
  private cpuStart = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly child: ChildProcess,
    readonly label: string,
  ) {
    child.on('message', (m: { probe?: string; rss: number; heapUsed: number; external: number; arrayBuffers: number }) => {
      if (m?.probe !== 'mem' || !this.current) return;
      this.current.sampledPeak = Math.max(this.current.sampledPeak, m.rss);
      this.current.heapUsed = Math.max(this.current.heapUsed, m.heapUsed);
      this.current.external = Math.max(this.current.external, m.external);
      this.current.arrayBuffers = Math.max(this.current.arrayBuffers, m.arrayBuffers);
    });
    this.timer = setInterval(() => {
      const s = readStatus(child.pid!);
      if (s && this.current) this.current.sampledPeak = Math.max(this.current.sampledPeak, s.rss);
    }, 100);
    this.timer.unref();
  }

  rss(): number {
    return readStatus(this.child.pid!)?.rss ?? 0;
  }

  begin(name: string): void {
    let reset = true;
    try {
      fs.writeFileSync(`/proc/${this.child.pid}/clear_refs`, '5');
    } catch {
      reset = false;
    }
    const rss = this.rss();
    this.cpuStart = cpuMsOf(this.child.pid!);
    this.current = { name, startRss: rss, sampledPeak: rss, hwm: reset ? 0 : null, heapUsed: 0, external: 0, arrayBuffers: 0, cpuMs: 0 };
  }

  end(): MemPhase {
    const phase = this.current!;
    const s = readStatus(this.child.pid!);
    if (phase.hwm !== null) phase.hwm = s?.hwm ?? null;
    phase.cpuMs = cpuMsOf(this.child.pid!) - this.cpuStart;
    this.current = undefined;
    return phase;
  }

  peak(p: MemPhase): number {
    return Math.max(p.hwm ?? 0, p.sampledPeak);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

interface CpuWindow {
  machineBusyPct: number;
  selfMs: number;
  /** The backends connected to the bench database (pg_stat_activity), not the rest of the server. */
  postgresMs: number;
  redisMs: number;
  /** Busy CPU of the machine not accounted for by this bench's processes: anything else running meanwhile. */
  othersMs: number;
}

async function benchBackends(ds: DataSource): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)]));
}

/** Starts a CPU window over the whole machine; the returned function closes it (childPid: the measured process). */
async function cpuWindow(ds: DataSource, childPid: number): Promise<() => Promise<CpuWindow>> {
  const m0 = machineCpu();
  const self0 = process.cpuUsage();
  const child0 = cpuMsOf(childPid);
  const pg0 = await benchBackends(ds);
  const redis0 = cpuMsOfCommand(['redis-server']);
  return async () => {
    const m1 = machineCpu();
    const self = process.cpuUsage(self0);
    const childMs = cpuMsOf(childPid) - child0;
    let postgresMs = 0;
    for (const [pid, ms] of await benchBackends(ds)) postgresMs += ms - (pg0.get(pid) ?? 0);
    const redisMs = cpuMsOfCommand(['redis-server']) - redis0;
    const busyMs = (m1.busy - m0.busy) * 10;
    const selfMs = (self.user + self.system) / 1000;
    return {
      machineBusyPct: (100 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total),
      selfMs,
      postgresMs,
      redisMs,
      othersMs: Math.max(0, busyMs - selfMs - childMs - postgresMs - redisMs),
    };
  };
}

async function inPool<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * On a shared machine: before a measured run, waits (up to maxMs) for a 2 s window where the machine is less than
 * 15 % busy, this bench's processes being idle then. Says how long it waited and how busy it still was.
 */
async function waitQuiet(maxMs: number): Promise<void> {
  if (maxMs <= 0) return;
  const started = Date.now();
  let busy = 100;
  for (;;) {
    const a = machineCpu();
    await sleep(2000);
    const b = machineCpu();
    busy = (100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total);
    if (busy < 15 || Date.now() - started >= maxMs) break;
  }
  const waited = Date.now() - started;
  if (busy >= 15) console.log(`  (the machine is still ${fmt(busy, 0)} % busy with other work after ${secs(waited)}: going on; see the CPU rows)`);
  else if (waited > 2500) console.log(`  (waited ${secs(waited)} for the machine to quiet down)`);
}

// ------------------------------------------------------------------------------------------------- full path

interface OpenedCase {
  caseId: string;
  token: string;
  ip: string;
}

interface FullResult {
  files: number;
  ms: number;
  uploadMs: number;
  failedUploads: string[];
  states: Record<string, number>;
  jobs: { count: number; runSumMs: number; attempts: number; firstStartMs: number; lastFinishToSeenMs: number };
  mem: MemPhase;
  cpu: CpuWindow;
}

let caseSeq = 0;

async function openCase(baseUrl: string): Promise<OpenedCase> {
  caseSeq += 1;
  const ip = `10.77.${(caseSeq >> 8) & 255}.${caseSeq & 255}`;
  const res = await fetch(`${baseUrl}/api/public/identity-cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ customerId: `bd${String(caseSeq).padStart(6, '0')}`, accountType: 'individual', purpose: 'replace_email', contactEmail: `bench${caseSeq}@example.org` }),
  });
  if (res.status !== 201) throw new Error(`opening a case answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { caseId: string; token: string };
  return { caseId: body.caseId, token: body.token, ip };
}

async function openCases(baseUrl: string, files: number): Promise<OpenedCase[]> {
  const cases: OpenedCase[] = [];
  for (let i = 0; i < Math.ceil(files / FILES_PER_CASE); i++) cases.push(await openCase(baseUrl));
  return cases;
}

/**
 * One upload: a multipart body (field `kind`, one file in `files`) built by hand and sent with node:http, the
 * cheapest client there is, because it shares this process's CPU with the API (fetch + FormData cost several
 * ms more per file).
 */
async function upload(baseUrl: string, c: OpenedCase, file: InputFile): Promise<string> {
  const data = await fsp.readFile(file.path);
  const boundary = `----rdbench${randomBytes(12).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${file.kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.mime}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(`${baseUrl}/api/public/identity-cases/${c.caseId}/documents`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, 'x-case-token': c.token, 'x-forwarded-for': c.ip },
    }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      r.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
  if (res.status !== 201) throw new Error(`${file.name}: ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as { documents: { id: string }[] }).documents[0].id;
}

async function waitFinal(ds: DataSource, ids: string[], startedAt: number): Promise<void> {
  for (;;) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM case_documents WHERE id = ANY($1::uuid[]) AND state = ANY($2)`, [ids, FINAL_STATES]);
    if (n >= ids.length) return;
    if (performance.now() - startedAt > PHASE_TIMEOUT_MS) throw new Error(`only ${n} of ${ids.length} documents final after ${PHASE_TIMEOUT_MS / 60_000} min`);
    await sleep(50);
  }
}

async function statesOf(ds: DataSource, ids: string[]): Promise<Record<string, number>> {
  const rows: { state: string; n: number }[] = await ds.query(`SELECT state, count(*)::int AS n FROM case_documents WHERE id = ANY($1::uuid[]) GROUP BY state`, [ids]);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

async function fullPath(app: INestApplication, baseUrl: string, worker: MemoryWatch, name: string, files: InputFile[], cases: OpenedCase[], uploadConcurrency: number): Promise<FullResult> {
  const ds = app.get(DataSource);
  const ids: string[] = [];
  const failedUploads: string[] = [];
  worker.begin(name);
  const cpu = await cpuWindow(ds, worker.child.pid!);
  const startedEpoch = Date.now();
  const started = performance.now();
  await inPool(files, uploadConcurrency, async (file, i) => {
    try {
      ids.push(await upload(baseUrl, cases[Math.floor(i / FILES_PER_CASE)], file));
    } catch (e) {
      failedUploads.push((e as Error).message.slice(0, 200));
    }
  });
  const uploadMs = performance.now() - started;
  await waitFinal(ds, ids, started);
  const ms = performance.now() - started;
  const seenEpoch = Date.now();
  const cpuUsed = await cpu();
  const mem = worker.end();

  const idSet = new Set(ids);
  const jobs = (await app.get(QueueService).queue('documents').getJobs(['completed', 'failed'], 0, -1)).filter((j) => idSet.has(j.data?.documentId));
  const runs = jobs.filter((j) => j.processedOn && j.finishedOn);
  return {
    files: ids.length,
    ms,
    uploadMs,
    failedUploads,
    states: await statesOf(ds, ids),
    jobs: {
      count: jobs.length,
      runSumMs: runs.reduce((s, j) => s + (j.finishedOn! - j.processedOn!), 0),
      attempts: jobs.reduce((s, j) => s + j.attemptsMade, 0),
      firstStartMs: Math.min(...runs.map((j) => j.processedOn!)) - startedEpoch,
      lastFinishToSeenMs: seenEpoch - Math.max(...runs.map((j) => j.finishedOn!)),
    },
    mem,
    cpu: cpuUsed,
  };
}

// ------------------------------------------------------------------------------------------------- baseline

interface BaselineItem {
  path: string;
  name: string;
  kind: string;
  caseId: string;
}

interface BaselineDone {
  type: 'done';
  ms: number;
  states: Record<string, number>;
  storeSumMs: number;
  processSumMs: number;
}

interface BaselineResult extends Omit<BaselineDone, 'type'> {
  files: number;
  mem: MemPhase;
  cpu: CpuWindow;
}

/** The child side: the processing function with nothing around it, 4 files in flight. */
async function baselineChild(): Promise<void> {
  const config = loadConfig(process.env, { role: 'worker' });
  const ds = createDataSource(config.databaseUrl!, schema);
  await ds.initialize();
  const store = new DocumentStore(config);
  const processor = new DocumentProcessor(config, ds, store, new AuditService(ds, new Clock()));
  const docs = ds.getRepository(CaseDocument);
  process.on('message', (m: { type: string; items?: BaselineItem[] }) => {
    if (m.type === 'exit') {
      void ds.destroy().finally(() => process.exit(0));
      return;
    }
    if (m.type !== 'run') return;
    void (async () => {
      const states: Record<string, number> = {};
      let storeSumMs = 0;
      let processSumMs = 0;
      const started = performance.now();
      await inPool(m.items!, CONCURRENCY, async (item) => {
        const a = performance.now();
        const data = await fsp.readFile(item.path);
        const key = store.newKey();
        await store.put(key, data);
        const doc = await docs.save(
          docs.create({ caseId: item.caseId, kind: item.kind as CaseDocument['kind'], originalName: item.name, sizeBytes: data.length, storageKey: key, uploadedBy: null, state: 'uploaded', pdfFlags: [] }),
        );
        const b = performance.now();
        const state = await processor.process(doc.id);
        processSumMs += performance.now() - b;
        storeSumMs += b - a;
        states[state] = (states[state] ?? 0) + 1;
      });
      const done: BaselineDone = { type: 'done', ms: performance.now() - started, states, storeSumMs, processSumMs };
      process.send!(done);
    })().catch((e: unknown) => process.send!({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
  });
  process.send!({ type: 'ready' });
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type?: string; message?: string }) => {
      if (m?.type === 'error') {
        cleanup();
        reject(new Error(`baseline: ${m.message}`));
      } else if (m?.type === type) {
        cleanup();
        resolve(m as T);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`baseline process exited with ${code}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Case rows for the baseline's documents, written directly (the baseline has no HTTP). */
async function baselineCases(ds: DataSource, count: number): Promise<string[]> {
  const repo = ds.getRepository(IdentityCase);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    caseSeq += 1;
    const row = await repo.save(
      repo.create({
        accountId: null, customerIdGiven: `bb${String(caseSeq).padStart(6, '0')}-ovh`, accountType: 'individual', purpose: 'replace_email', status: 'collecting',
        contactEmail: `bench${caseSeq}@example.org`, contactEmailConfirmedAt: null, emailCodeExpiresAt: null, emailCodeFailures: 0, channel: 'customer_form',
        openedBy: null, reviewerId: null, fraudFlags: ['no_matching_account'], rejectionReason: null, createdIp: '10.78.0.1', collectUntil: new Date(Date.now() + 14 * 86_400_000),
      }),
    );
    ids.push(row.id);
  }
  return ids;
}

async function baselineRun(ds: DataSource, child: ChildProcess, watch: MemoryWatch, name: string, files: InputFile[], caseIds: string[]): Promise<BaselineResult> {
  const items: BaselineItem[] = files.map((f, i) => ({ path: f.path, name: f.name, kind: f.kind, caseId: caseIds[Math.floor(i / FILES_PER_CASE)] }));
  watch.begin(name);
  const cpu = await cpuWindow(ds, child.pid!);
  const done = nextMessage<BaselineDone>(child, 'done');
  child.send({ type: 'run', items });
  const result = await done;
  const cpuUsed = await cpu();
  const mem = watch.end();
  return { files: files.length, ms: result.ms, states: result.states, storeSumMs: result.storeSumMs, processSumMs: result.processSumMs, mem, cpu: cpuUsed };
}

// ------------------------------------------------------------------------------------------------- worker process

async function startWorker(workerEnv: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; watch: MemoryWatch }> {
  const main = path.resolve(__dirname, '../server/main.js');
  const probe = path.resolve(__dirname, 'documents-probe.js');
  const child = spawn(process.execPath, ['--require', probe, main, 'worker'], { env: workerEnv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const watch = new MemoryWatch(child, 'worker');
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the worker did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code} while starting`)));
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.includes('worker running')) {
          clearTimeout(timer);
          resolve();
        } else if (line.trim()) {
          console.log(`  [worker] ${line.slice(0, 300)}`);
        }
      }
    });
  });
  return { child, watch };
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

// ------------------------------------------------------------------------------------------------- report

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

function memRow(label: string, p: MemPhase, idle: number, peakOf: (p: MemPhase) => number): string[] {
  const peak = peakOf(p);
  return [label, `${mbs(p.startRss)} MB`, `${mbs(peak)} MB`, `${mbs(peak - idle)} MB`, `${mbs(p.heapUsed)} MB`, `${mbs(p.arrayBuffers)} MB`, secs(p.cpuMs)];
}

// ------------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const FILES = intFlag('files', 200, 1);
  const BIG = intFlag('big', 8, 0);
  const UPLOAD_CONCURRENCY = intFlag('upload-concurrency', CONCURRENCY, 1);
  const CLAMD = flag('clamd', 'false') === 'true';
  const QUIET_WAIT_MS = intFlag('quiet-wait', 120, 0) * 1000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-docs-'));
  let app: INestApplication | undefined;
  let worker: { child: ChildProcess; watch: MemoryWatch } | undefined;
  let baseline: ChildProcess | undefined;
  let clamd: Awaited<ReturnType<typeof startFakeClamd>> | undefined;
  try {
    console.log(`Recovery Desk document processing bench: ${FILES} files + ${BIG} uploads of ~10 MB, concurrency ${CONCURRENCY}, ${os.cpus().length} CPUs, scanner: ${CLAMD ? 'fake clamd (OK)' : 'none'}`);
    console.log(`Generating the files (seeded, the same every run) in ${tmp}…`);
    const mainFiles = await generate(path.join(tmp, 'inputs'), 'main', FILES);
    const bigFiles = await generate(path.join(tmp, 'inputs'), 'big', BIG);

    console.log(`Database ${new URL(DATABASE_URL).pathname.slice(1)} made anew and migrated; queue keys ${QUEUE_PREFIX}:* cleared on ${REDIS_URL}`);
    await recreateDatabase();
    await clearQueues();
    if (CLAMD) clamd = await startFakeClamd();
    const childEnv = appEnv(tmp, clamd?.url ?? null);
    Object.assign(process.env, childEnv);
    const extraEnv = childEnvFlags();
    Object.assign(childEnv, extraEnv);
    if (Object.keys(extraEnv).length) console.log(`Extra environment of the worker and the baseline process: ${Object.entries(extraEnv).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    if (!clamd) delete process.env.CLAMD_URL;
    delete process.env.SMTP_URL;

    app = await createHttpApp(loadConfig(process.env, { role: 'api', port: 0 }));
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const ds = app.get(DataSource);
    worker = await startWorker(childEnv);
    console.log(`API in this process (${baseUrl}), worker pid ${worker.child.pid}`);

    // Cases first (their confirmation mails go through the worker's mail queue): not part of what is measured.
    const mainCases = await openCases(baseUrl, mainFiles.length);
    const bigCases = await openCases(baseUrl, bigFiles.length);
    for (const started = Date.now(); ; ) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'pending'`);
      if (n === 0) break;
      if (Date.now() - started > 60_000) {
        console.log(`  (${n} mails still pending after 60 s; going on)`);
        break;
      }
      await sleep(100);
    }
    await sleep(1500);
    const workerIdle = worker.watch.rss();

    console.log(`Full path: ${describe(mainFiles)}, ${UPLOAD_CONCURRENCY} uploads in flight…`);
    await waitQuiet(QUIET_WAIT_MS);
    const full = await fullPath(app, baseUrl, worker.watch, 'main', mainFiles, mainCases, UPLOAD_CONCURRENCY);
    console.log(`  ${full.files} documents final in ${secs(full.ms)} (uploads done after ${secs(full.uploadMs)})`);
    let fullBig: FullResult | undefined;
    if (bigFiles.length) {
      console.log(`Full path, ~10 MB uploads: ${describe(bigFiles)}…`);
      fullBig = await fullPath(app, baseUrl, worker.watch, 'big', bigFiles, bigCases, UPLOAD_CONCURRENCY);
      console.log(`  ${fullBig.files} documents final in ${secs(fullBig.ms)}`);
    }

    // The baseline stores the same files again: drop the full path's rows so the duplicate check (same SHA-256 on
    // another case raises a fraud flag) finds no twins, as it found none for the full path, and its stored files.
    await ds.query(`DELETE FROM case_documents`);
    await fsp.rm(path.join(tmp, 'documents'), { recursive: true, force: true });
    const mainCaseIds = await baselineCases(ds, Math.ceil(mainFiles.length / FILES_PER_CASE));
    const bigCaseIds = await baselineCases(ds, Math.ceil(bigFiles.length / FILES_PER_CASE));

    const probe = path.resolve(__dirname, 'documents-probe.js');
    baseline = fork(__filename, ['--baseline'], { env: childEnv, execArgv: ['--require', probe], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const baselineWatch = new MemoryWatch(baseline, 'baseline');
    await nextMessage(baseline, 'ready');
    await sleep(1500);
    const baselineIdle = baselineWatch.rss();
    console.log(`Baseline (pid ${baseline.pid}): the same ${mainFiles.length} files, store + process in a plain loop, ${CONCURRENCY} in flight…`);
    await waitQuiet(QUIET_WAIT_MS);
    const base = await baselineRun(ds, baseline, baselineWatch, 'main', mainFiles, mainCaseIds);
    console.log(`  ${base.files} documents final in ${secs(base.ms)}`);
    let baseBig: BaselineResult | undefined;
    if (bigFiles.length) {
      console.log(`Baseline, ~10 MB uploads…`);
      baseBig = await baselineRun(ds, baseline, baselineWatch, 'big', bigFiles, bigCaseIds);
      console.log(`  ${baseBig.files} documents final in ${secs(baseBig.ms)}`);
    }
    baseline.send({ type: 'exit' });
    baselineWatch.stop();

    // ---------------------------------------------------------------------------------------------- report
    const fullRate = full.files / (full.ms / 1000);
    const baseRate = base.files / (base.ms / 1000);
    const ratio = fullRate / baseRate;
    const bytes = total(mainFiles);
    const peakOf = (p: MemPhase) => worker!.watch.peak(p);
    const workerPeak = fullBig ? peakOf(fullBig.mem) : peakOf(full.mem);
    const workerPeakAll = Math.max(peakOf(full.mem), fullBig ? peakOf(fullBig.mem) : 0);
    const states = (s: Record<string, number>) => Object.entries(s).map(([k, v]) => `${v} ${k}`).join(', ');

    console.log('');
    console.log(`Files: ${describe(mainFiles)}`);
    if (bigFiles.length) console.log(`Memory set: ${describe(bigFiles)}`);
    console.log(`Scanner: ${CLAMD ? 'fake clamd answering OK (both sides)' : 'none (CLAMD_URL unset on both sides: the scan step records not_configured)'}; PDF previews: ${fs.existsSync('/usr/bin/pdftoppm') ? 'pdftoppm' : 'none (no pdftoppm)'}`);
    console.log('');
    console.log(table([
      ['', 'full path', 'baseline'],
      ['clock covers', 'first upload sent → all final in PG', 'read + store + insert + process, 4 in flight'],
      ['files', String(full.files), String(base.files)],
      ['MB', mbs(bytes), mbs(bytes)],
      ['wall time', secs(full.ms), secs(base.ms)],
      ['files / s', fmt(fullRate), fmt(baseRate)],
      ['MB / s', fmt(bytes / MB / (full.ms / 1000)), fmt(bytes / MB / (base.ms / 1000))],
      ['final states', states(full.states), states(base.states)],
      ['upload phase', `${secs(full.uploadMs)} (${full.failedUploads.length} failed)`, `store ${secs(base.storeSumMs)} summed`],
      ['processing, summed over files', `${secs(full.jobs.runSumMs)} in ${full.jobs.count} jobs`, `${secs(base.processSumMs)} in process()`],
      ['slot use (summed / (wall × 4))', `${fmt((100 * full.jobs.runSumMs) / (full.ms * CONCURRENCY), 0)} %`, `${fmt((100 * (base.processSumMs + base.storeSumMs)) / (base.ms * CONCURRENCY), 0)} %`],
      ['CPU: worker / baseline process', secs(full.mem.cpuMs), secs(base.mem.cpuMs)],
      ['CPU: this process (API + client)', secs(full.cpu.selfMs), secs(base.cpu.selfMs)],
      ['CPU: postgres (bench DB) / redis-server', `${secs(full.cpu.postgresMs)} / ${secs(full.cpu.redisMs)}`, `${secs(base.cpu.postgresMs)} / ${secs(base.cpu.redisMs)}`],
      ['machine busy', `${fmt(full.cpu.machineBusyPct, 0)} %`, `${fmt(base.cpu.machineBusyPct, 0)} %`],
      ['CPU: other processes on the machine', secs(full.cpu.othersMs), secs(base.cpu.othersMs)],
    ]));
    console.log(`Full path jobs: first started ${secs(full.jobs.firstStartMs)} after the first upload; all final seen ${full.jobs.lastFinishToSeenMs} ms after the last job finished; ${full.jobs.attempts} attempts.`);
    for (const [label, r] of [['full path', full], ['baseline', base]] as const) {
      const share = r.cpu.othersMs / (r.ms * os.cpus().length);
      if (share > 0.05) console.log(`WARNING: other processes used ${fmt(100 * share, 0)} % of the machine's CPU during the ${label} run: its figure is disturbed; run again on a quiet machine.`);
    }
    if (full.failedUploads.length) console.log(`Failed uploads: ${full.failedUploads.slice(0, 5).join(' | ')}`);
    console.log('');
    console.log('Memory (RSS; peak = max of VmHWM reset at the phase start and 100 ms samples; heap/arrayBuffers = max of the probe every 100 ms):');
    const memRows = [['', 'RSS at start', 'peak', 'peak − idle', 'JS heap', 'Buffers', 'CPU']];
    memRows.push([`worker, idle (before any upload)`, `${mbs(workerIdle)} MB`, '', '', '', '', '']);
    memRows.push(memRow(`worker, ${mainFiles.length} files`, full.mem, workerIdle, peakOf));
    if (fullBig) memRows.push(memRow(`worker, ${bigFiles.length} × ~10 MB`, fullBig.mem, workerIdle, peakOf));
    memRows.push([`baseline process, idle`, `${mbs(baselineIdle)} MB`, '', '', '', '', '']);
    memRows.push(memRow(`baseline, ${mainFiles.length} files`, base.mem, baselineIdle, (p) => baselineWatch.peak(p)));
    if (baseBig) memRows.push(memRow(`baseline, ${bigFiles.length} × ~10 MB`, baseBig.mem, baselineIdle, (p) => baselineWatch.peak(p)));
    console.log(table(memRows));
    console.log('');
    console.log(`${verdict(ratio >= RATIO_TARGET)}  throughput ratio full path / baseline ≥ ${RATIO_TARGET}: ${fmt(fullRate)} / ${fmt(baseRate)} files/s = ${fmt(ratio, 3)}`);
    console.log(
      `${verdict(workerPeak < MEMORY_TARGET_MB * MB)}  worker peak RSS < ${MEMORY_TARGET_MB} MB ${fullBig ? 'with ~10 MB uploads' : '(no ~10 MB uploads: --big 0)'}: ${mbs(workerPeak)} MB (${mbs(workerPeak - workerIdle)} MB above idle; whole run ${mbs(workerPeakAll)} MB)`,
    );
  } finally {
    await stopChild(baseline);
    if (worker) {
      worker.watch.stop();
      await stopChild(worker.child);
    }
    await app?.close().catch(() => undefined);
    await clamd?.close();
    await clearQueues().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv.includes('--baseline')) {
  baselineChild().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
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
