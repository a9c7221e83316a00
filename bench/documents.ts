/**
 * `npm run bench:documents [-- --files 200 --rounds 2 --big 8 --clamd …]` (flags below):
 * document processing through the full path against the same processing function in a plain loop, on the same
 * generated files, in one run. It reports; it does not gate (exit 0 even when a target is missed).
 *
 * - Files: generated deterministically (seeded PRNG) with sharp and pdf-lib: noisy 2000×1500 JPEGs at quality 95
 *   with EXIF (orientation 6) of 2–3 MB, PNGs, multi-page PDFs with a scanned image; 70/15/15 %. Plus `--big`
 *   uploads of about 10 MB (UPLOAD_MAX_MB=10: 12 MP JPEGs, PNGs, 4-page PDFs of scans) for the memory figure.
 * - Full path: the API runs in this process (createHttpApp, role api), the worker is a separate process
 *   (`node dist/server/main.js worker`, same env) so its memory can be measured. Cases are opened through
 *   POST /api/public/identity-cases (one X-Forwarded-For and customer ID per case) and their mails drained before
 *   anything is timed; then every file is uploaded (one file a request, `--upload-concurrency` requests in
 *   flight) and the clock runs from the first upload sent to the moment every document is in a final state in
 *   PostgreSQL (polled every 50 ms).
 * - Baseline: a separate process too (this file with --baseline), no HTTP, no queue: for each file, read it,
 *   DocumentStore.put, insert the row in state `uploaded`, DocumentProcessor.process(id), as many files in flight as the
 *   worker's concurrency, WorkerService).
 *   What the clocks cover: the full-path clock starts at the first upload, so it covers storing the files too (the
 *   upload request stores them); starting it when the uploads are done instead would flatter the full path,
 *   since the worker starts processing while later files are still being uploaded. So the baseline clock covers
 *   storing as well: both cover "store + process" of the same files, and what the full path adds is HTTP and
 *   multipart parsing, the type check at upload, the transaction with its audit entry, the enqueue, BullMQ, and
 *   the polling (at most 50 ms per round).
 * - Rounds: the files are dealt into `--rounds` slices, each run by both sides in ABBA order, so that other work
 *   on a shared machine and any drift weigh on both alike; each side's time is the sum over its rounds. More
 *   rounds average bursty load better, but each round costs the full path one pipeline fill (~0.2 s: the first
 *   upload must be stored and enqueued before the worker can start), which a single long run pays once. Between
 *   two runs the documents of the first are deleted (rows and stored files) so the duplicate check finds no twin.
 *   The CPU used per file by the bench's own processes (this one, the worker or baseline process, their
 *   PostgreSQL backends, Redis) is reported beside the wall clock: it does not move with other load.
 * - Memory: VmRSS of the worker sampled from /proc every 100 ms, VmHWM (the kernel's exact peak, reset per phase
 *   with /proc/<pid>/clear_refs) and, via a preloaded probe (documents-probe.ts), JS heap and Buffer memory.
 *   The same for the baseline process, to tell the processing function's own memory from the worker's.
 *
 * Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/recovery_desk_bench_docs, dropped and
 * made anew at every run, left afterwards), BENCH_REDIS_URL (redis://127.0.0.1:6379/3, queue prefix
 * `rdbenchdocs`, its keys deleted at start and end), BENCH_LOG_LEVEL (warn). Flags may also be given as
 * BENCH_FILES (200), BENCH_ROUNDS (2), BENCH_BIG (8), BENCH_UPLOAD_CONCURRENCY (4), BENCH_QUIET_WAIT (20: seconds
 * to wait before each run for the machine to go idle; 0: never), BENCH_MAX_OTHERS (10: a round in which other
 * processes took more than this % of the CPUs is run again), BENCH_RETRIES (2: at most that many times),
 * BENCH_CLAMD=true (a local fake clamd answering OK, used by both sides; off by default: the scan step then
 * records `not_configured` without reading the file). And
 * `--child-env KEY=VALUE` (repeatable) adds to the environment of the worker and the baseline process alike,
 * e.g. MALLOC_ARENA_MAX=2 or LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2, to try memory settings.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../server/app';
import { AuditService } from '../server/audit/audit.service';
import { Clock } from '../server/core/clock';
import { loadConfig } from '../server/core/config/config';
import { createDataSource } from '../server/core/database/data-source';
import { runMigrations } from '../server/core/database/migrate';
import { QueueService } from '../server/core/queue/queue.service';
import { QUEUE_CONCURRENCY } from '../server/core/queue/jobs';
import { CaseDocument, FINAL_STATES } from '../server/documents/case-document.entity';
import { DocumentProcessor } from '../server/documents/document-processor';
import { DocumentStore } from '../server/documents/document-store';
import { ImageBudget } from '../server/documents/image-budget';
import { recreateBenchDatabase } from './bench-database';
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
/** The worker's concurrency on the documents queue; the baseline keeps as many in flight. */
const CONCURRENCY = QUEUE_CONCURRENCY.documents;
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
      px[i++] = (x * 255) / width + ((n & 255) % span) - amplitude;
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
  return sharp(noisyPixels(width, height, amplitude, seed), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A PDF of `pages` pages of text, with a scanned image on the first pages (one per image given). */
async function pdf(pages: number, seed: number, scans: Buffer[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < 28; l++) {
      page.drawText(`Bench document ${seed}, page ${p + 1}, line ${l + 1}: electricity bill, 12 rue de la Paix, 75002 Paris`, {
        x: 40,
        y: 800 - l * 16,
        size: 9,
        font,
      });
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
    if (f.data.length > UPLOAD_MAX_BYTES)
      throw new Error(`generated ${set} file ${i} is ${f.data.length} bytes, over the ${UPLOAD_MAX_MB} MB upload limit`);
    const name = `${set}-${String(i).padStart(4, '0')}.${f.ext}`;
    const file = path.join(dir, name);
    await fsp.writeFile(file, f.data);
    files.push({ name, path: file, mime: f.mime, kind: KINDS[i % KINDS.length], size: f.data.length, pages: f.pages });
    if ((i + 1) % 50 === 0 || i + 1 === count)
      console.log(`  ${set}: ${i + 1} / ${count} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
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
  await recreateBenchDatabase(DATABASE_URL);
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
  wallMs: number;
  machineBusyMs: number;
  /** This process: the API, the upload client, the polling. */
  selfMs: number;
  /** The measured child: the worker (full path) or the baseline process. */
  childMs: number;
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
  const t0 = performance.now();
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
      wallMs: performance.now() - t0,
      machineBusyMs: busyMs,
      selfMs,
      childMs,
      postgresMs,
      redisMs,
      othersMs: Math.max(0, busyMs - selfMs - childMs - postgresMs - redisMs),
    };
  };
}

function addCpu(a: CpuWindow | undefined, b: CpuWindow): CpuWindow {
  if (!a) return { ...b };
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof CpuWindow)[]) out[k] += b[k];
  return out;
}

/** CPU of everything the bench itself runs (this process, the measured child, its PostgreSQL backends, Redis). */
const ownCpu = (c: CpuWindow) => c.selfMs + c.childMs + c.postgresMs + c.redisMs;

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
  let busy: number;
  for (;;) {
    const a = machineCpu();
    await sleep(2000);
    const b = machineCpu();
    busy = (100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total);
    if (busy < 15 || Date.now() - started >= maxMs) break;
  }
  const waited = Date.now() - started;
  if (busy >= 15)
    console.log(`  (the machine is still ${fmt(busy, 0)} % busy with other work after ${secs(waited)}: going on; see the CPU rows)`);
  else if (waited > 2500) console.log(`  (waited ${secs(waited)} for the machine to quiet down)`);
}

// ------------------------------------------------------------------------------------------------- full path

interface OpenedCase {
  caseId: string;
  token: string;
  ip: string;
}

interface JobStats {
  count: number;
  runSumMs: number;
  attempts: number;
  /** From the first upload sent to the first job started. */
  firstStartMs: number;
  /** From the last job finished to the poll that saw every document final. */
  lastFinishToSeenMs: number;
}

interface SliceResult {
  ids: string[];
  ms: number;
  cpu: CpuWindow;
  states?: Record<string, number>;
}

interface FullSlice extends SliceResult {
  uploadMs: number;
  /** CPU of this process while the uploads ran (the API's upload handling and the client), not the polling after. */
  uploadSelfMs: number;
  failedUploads: string[];
  jobs: JobStats;
}

let caseSeq = 0;

async function openCase(baseUrl: string): Promise<OpenedCase> {
  caseSeq += 1;
  const ip = `10.77.${(caseSeq >> 8) & 255}.${caseSeq & 255}`;
  const res = await fetch(`${baseUrl}/api/public/identity-cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({
      customerId: `bd${String(caseSeq).padStart(6, '0')}`,
      accountType: 'individual',
      purpose: 'replace_email',
      contactEmail: `bench${caseSeq}@example.org`,
    }),
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
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.mime}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/api/public/identity-cases/${c.caseId}/documents`,
      {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': body.length,
          'x-case-token': c.token,
          'x-forwarded-for': c.ip,
        },
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        r.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (res.status !== 201) throw new Error(`${file.name}: ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as { documents: { id: string }[] }).documents[0].id;
}

async function waitFinal(ds: DataSource, ids: string[], startedAt: number, worker: ChildProcess): Promise<void> {
  for (;;) {
    if (worker.exitCode !== null || worker.signalCode !== null)
      throw new Error(`the worker exited (${worker.exitCode ?? worker.signalCode}) before the documents were final`);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM case_documents WHERE id = ANY($1::uuid[]) AND state = ANY($2)`, [
      ids,
      FINAL_STATES,
    ]);
    if (n >= ids.length) return;
    if (performance.now() - startedAt > PHASE_TIMEOUT_MS)
      throw new Error(`only ${n} of ${ids.length} documents final after ${PHASE_TIMEOUT_MS / 60_000} min`);
    await sleep(50);
  }
}

async function statesOf(ds: DataSource, ids: string[]): Promise<Record<string, number>> {
  const rows: { state: string; n: number }[] = await ds.query(
    `SELECT state, count(*)::int AS n FROM case_documents WHERE id = ANY($1::uuid[]) GROUP BY state`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Uploads `files` (each to its case) and waits until every document is final in PostgreSQL. */
async function fullSlice(
  app: INestApplication,
  baseUrl: string,
  worker: ChildProcess,
  files: { file: InputFile; c: OpenedCase }[],
  uploadConcurrency: number,
): Promise<FullSlice> {
  const ds = app.get(DataSource);
  const ids: string[] = [];
  const failedUploads: string[] = [];
  const cpu = await cpuWindow(ds, worker.pid!);
  const startedEpoch = Date.now();
  const started = performance.now();
  const self0 = process.cpuUsage();
  await inPool(files, uploadConcurrency, async ({ file, c }) => {
    try {
      ids.push(await upload(baseUrl, c, file));
    } catch (e) {
      failedUploads.push((e as Error).message.slice(0, 200));
    }
  });
  const uploadMs = performance.now() - started;
  const selfUpload = process.cpuUsage(self0);
  await waitFinal(ds, ids, started, worker);
  const ms = performance.now() - started;
  const seenEpoch = Date.now();
  const cpuUsed = await cpu();

  // The document is final in PostgreSQL a moment before BullMQ marks its job completed: wait for that (untimed).
  const idSet = new Set(ids);
  let jobs: Job[] = [];
  for (const until = Date.now() + 5000; Date.now() < until; await sleep(50)) {
    jobs = (await app.get(QueueService).queue('documents').getJobs(['completed', 'failed'], 0, -1)).filter((j) =>
      idSet.has(j.data?.documentId),
    );
    if (jobs.length >= ids.length) break;
  }
  const runs = jobs.filter((j) => j.processedOn && j.finishedOn);
  return {
    ids,
    ms,
    cpu: cpuUsed,
    uploadMs,
    uploadSelfMs: (selfUpload.user + selfUpload.system) / 1000,
    failedUploads,
    jobs: {
      count: jobs.length,
      runSumMs: runs.reduce((s, j) => s + (j.finishedOn! - j.processedOn!), 0),
      attempts: jobs.reduce((s, j) => s + j.attemptsMade, 0),
      firstStartMs: runs.length ? Math.min(...runs.map((j) => j.processedOn!)) - startedEpoch : NaN,
      lastFinishToSeenMs: runs.length ? seenEpoch - Math.max(...runs.map((j) => j.finishedOn!)) : NaN,
    },
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
  ids: string[];
  ms: number;
  storeSumMs: number;
  processSumMs: number;
}

interface BaselineSlice extends SliceResult {
  storeSumMs: number;
  processSumMs: number;
}

/** The child side: the processing function with nothing around it, as many files in flight as the worker. */
async function baselineChild(): Promise<void> {
  const config = loadConfig(process.env, { role: 'worker' });
  const ds = createDataSource(config.databaseUrl!, schema);
  await ds.initialize();
  const store = new DocumentStore(config);
  const processor = new DocumentProcessor(config, ds, store, new AuditService(ds, new Clock()), new ImageBudget(config));
  const docs = ds.getRepository(CaseDocument);
  process.on('message', (m: { type: string; items?: BaselineItem[] }) => {
    if (m.type === 'exit') {
      void ds.destroy().finally(() => process.exit(0));
      return;
    }
    if (m.type !== 'run') return;
    void (async () => {
      const ids: string[] = [];
      let storeSumMs = 0;
      let processSumMs = 0;
      const started = performance.now();
      await inPool(m.items!, CONCURRENCY, async (item) => {
        const a = performance.now();
        const data = await fsp.readFile(item.path);
        const key = store.newKey();
        await store.put(key, data);
        const doc = await docs.save(
          docs.create({
            caseId: item.caseId,
            kind: item.kind as CaseDocument['kind'],
            originalName: item.name,
            sizeBytes: data.length,
            storageKey: key,
            uploadedBy: null,
            state: 'uploaded',
            pdfFlags: [],
          }),
        );
        const b = performance.now();
        await processor.process(doc.id);
        processSumMs += performance.now() - b;
        storeSumMs += b - a;
        ids.push(doc.id);
      });
      const done: BaselineDone = { type: 'done', ids, ms: performance.now() - started, storeSumMs, processSumMs };
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
async function baselineCases(ds: DataSource, files: number): Promise<string[]> {
  const repo = ds.getRepository(IdentityCase);
  const ids: string[] = [];
  for (let i = 0; i < Math.ceil(files / FILES_PER_CASE); i++) {
    caseSeq += 1;
    const row = await repo.save(
      repo.create({
        accountId: null,
        customerIdGiven: `bb${String(caseSeq).padStart(6, '0')}-ovh`,
        accountType: 'individual',
        purpose: 'replace_email',
        status: 'collecting',
        contactEmail: `bench${caseSeq}@example.org`,
        contactEmailConfirmedAt: null,
        emailCodeExpiresAt: null,
        emailCodeFailures: 0,
        channel: 'customer_form',
        openedBy: null,
        reviewerId: null,
        fraudFlags: ['no_matching_account'],
        rejectionReason: null,
        createdIp: '10.78.0.1',
        collectUntil: new Date(Date.now() + 14 * 86_400_000),
      }),
    );
    ids.push(row.id);
  }
  return ids;
}

async function baselineSlice(ds: DataSource, child: ChildProcess, files: { file: InputFile; caseId: string }[]): Promise<BaselineSlice> {
  const items: BaselineItem[] = files.map(({ file, caseId }) => ({ path: file.path, name: file.name, kind: file.kind, caseId }));
  const cpu = await cpuWindow(ds, child.pid!);
  const done = nextMessage<BaselineDone>(child, 'done');
  child.send({ type: 'run', items });
  const result = await done;
  return { ids: result.ids, ms: result.ms, cpu: await cpu(), storeSumMs: result.storeSumMs, processSumMs: result.processSumMs };
}

// ------------------------------------------------------------------------------------------------- processes

/**
 * Both measured processes start the way `npm start` and a deployment do, through the launcher that sets the
 * memory allocator (it execs node: the pid, the IPC channel and the probe stay).
 */
const LAUNCHER = path.resolve(__dirname, '../../server/bin/node-with-allocator.sh');

async function startWorker(workerEnv: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; watch: MemoryWatch }> {
  const main = path.resolve(__dirname, '../server/main.js');
  const probe = path.resolve(__dirname, 'documents-probe.js');
  const child = spawn('sh', [LAUNCHER, '--require', probe, main, 'worker'], {
    env: workerEnv,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
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

async function startBaseline(childEnv: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; watch: MemoryWatch }> {
  const probe = path.resolve(__dirname, 'documents-probe.js');
  const child = spawn('sh', [LAUNCHER, '--require', probe, __filename, '--baseline'], {
    env: childEnv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const watch = new MemoryWatch(child, 'baseline');
  await nextMessage(child, 'ready');
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

/**
 * After each measured run: its rows and stored files go, so the next run (the other side, same files) finds no
 * twin by SHA-256 (which would add a fraud-flag write and an audit entry the run before it did not have).
 */
async function forget(ds: DataSource, documentsDir: string, ids: string[]): Promise<void> {
  await ds.query(`DELETE FROM case_documents WHERE id = ANY($1::uuid[])`, [ids]);
  await fsp.rm(documentsDir, { recursive: true, force: true });
}

// ------------------------------------------------------------------------------------------------- report

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

function memRow(label: string, p: MemPhase, idle: number, peak: number): string[] {
  return [
    label,
    `${mbs(p.startRss)} MB`,
    `${mbs(peak)} MB`,
    `${mbs(peak - idle)} MB`,
    `${mbs(p.heapUsed)} MB`,
    `${mbs(p.arrayBuffers)} MB`,
  ];
}

// ------------------------------------------------------------------------------------------------- main

interface Side {
  files: number;
  ms: number;
  cpu?: CpuWindow;
  states: Record<string, number>;
}

async function main(): Promise<void> {
  const FILES = intFlag('files', 200, 1);
  const BIG = intFlag('big', 8, 0);
  const ROUNDS = Math.min(intFlag('rounds', 2, 1), FILES);
  const UPLOAD_CONCURRENCY = intFlag('upload-concurrency', CONCURRENCY, 1);
  const CLAMD = flag('clamd', 'false') === 'true';
  const QUIET_WAIT_MS = intFlag('quiet-wait', 20, 0) * 1000;
  const MAX_OTHERS = intFlag('max-others', 10, 0) / 100;
  const RETRIES = intFlag('retries', 2, 0);
  const cores = os.cpus().length;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-docs-'));
  const documentsDir = path.join(tmp, 'documents');
  let app: INestApplication | undefined;
  let worker: { child: ChildProcess; watch: MemoryWatch } | undefined;
  let baseline: { child: ChildProcess; watch: MemoryWatch } | undefined;
  let clamd: Awaited<ReturnType<typeof startFakeClamd>> | undefined;
  try {
    console.log(
      `Recovery Desk document processing bench: ${FILES} files in ${ROUNDS} rounds + ${BIG} uploads of ~10 MB, concurrency ${CONCURRENCY}, ${cores} CPUs, scanner: ${CLAMD ? 'fake clamd (OK)' : 'none'}`,
    );
    console.log(`Generating the files (seeded, the same every run) in ${tmp}…`);
    const mainFiles = await generate(path.join(tmp, 'inputs'), 'main', FILES);
    const bigFiles = await generate(path.join(tmp, 'inputs'), 'big', BIG);

    console.log(
      `Database ${new URL(DATABASE_URL).pathname.slice(1)} made anew and migrated; queue keys ${QUEUE_PREFIX}:* cleared on ${REDIS_URL}`,
    );
    await recreateDatabase();
    await clearQueues();
    if (CLAMD) clamd = await startFakeClamd();
    const childEnv = appEnv(tmp, clamd?.url ?? null);
    Object.assign(process.env, childEnv);
    for (const k of ['CLAMD_URL', 'SMTP_URL', 'ROLE', 'PORT']) if (!(k in childEnv)) delete process.env[k];
    const extraEnv = childEnvFlags();
    Object.assign(childEnv, extraEnv);
    if (Object.keys(extraEnv).length)
      console.log(
        `Extra environment of the worker and the baseline process: ${Object.entries(extraEnv)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );

    app = await createHttpApp(loadConfig(process.env, { role: 'api', port: 0 }));
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const ds = app.get(DataSource);
    worker = await startWorker(childEnv);
    baseline = await startBaseline(childEnv);
    console.log(`API in this process (${baseUrl}), worker pid ${worker.child.pid}, baseline pid ${baseline.child.pid}`);

    // Cases first (their confirmation mails go through the worker's mail queue): not part of what is measured.
    const fullCases = await openCases(baseUrl, FILES);
    const fullBigCases = await openCases(baseUrl, BIG);
    const baseCases = await baselineCases(ds, FILES);
    const baseBigCases = await baselineCases(ds, BIG);
    for (const started = Date.now(); ;) {
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
    const baselineIdle = baseline.watch.rss();

    // Rounds: the files are dealt into ROUNDS slices; each slice goes through both sides, in the order
    // full/baseline, then baseline/full, and so on (ABBA), so that other work on the machine and any drift
    // (caches, table growth) weigh on both sides alike. Each side sees every file exactly once.
    console.log(`Throughput: ${describe(mainFiles)}, ${ROUNDS} round(s), ${UPLOAD_CONCURRENCY} uploads in flight on the full path…`);
    const full: Side & { uploadMs: number; uploadSelfMs: number; failed: string[]; jobs: JobStats[] } = {
      files: 0,
      ms: 0,
      states: {},
      uploadMs: 0,
      uploadSelfMs: 0,
      failed: [],
      jobs: [],
    };
    const base: Side & { storeSumMs: number; processSumMs: number } = { files: 0, ms: 0, states: {}, storeSumMs: 0, processSumMs: 0 };
    const perRound: { order: string; full: number; base: number; fullOthers: number; baseOthers: number; attempts: number }[] = [];
    const merge = (into: Record<string, number>, from: Record<string, number>) => {
      for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
    };
    worker.watch.begin('main');
    baseline.watch.begin('main');
    for (let r = 0; r < ROUNDS; r++) {
      const slice = mainFiles.map((file, i) => ({ file, i })).filter(({ i }) => i % ROUNDS === r);
      const fullFirst = r % 2 === 0;
      const order = fullFirst ? 'full, baseline' : 'baseline, full';
      for (let attempt = 1; ; attempt++) {
        let f: FullSlice | undefined;
        let b: BaselineSlice | undefined;
        for (const side of fullFirst ? ['full', 'base'] : ['base', 'full']) {
          await waitQuiet(QUIET_WAIT_MS);
          if (side === 'full') {
            f = await fullSlice(
              app,
              baseUrl,
              worker.child,
              slice.map(({ file, i }) => ({ file, c: fullCases[Math.floor(i / FILES_PER_CASE)] })),
              UPLOAD_CONCURRENCY,
            );
            f.states = await statesOf(ds, f.ids);
            await forget(ds, documentsDir, f.ids);
          } else {
            b = await baselineSlice(
              ds,
              baseline.child,
              slice.map(({ file, i }) => ({ file, caseId: baseCases[Math.floor(i / FILES_PER_CASE)] })),
            );
            b.states = await statesOf(ds, b.ids);
            await forget(ds, documentsDir, b.ids);
          }
        }
        const fullOthers = f!.cpu.othersMs / (f!.ms * cores);
        const baseOthers = b!.cpu.othersMs / (b!.ms * cores);
        const line = `  round ${r + 1}/${ROUNDS} (${slice.length} files, ${order}): full path ${secs(f!.ms)}, baseline ${secs(b!.ms)}, ratio ${fmt(b!.ms / f!.ms, 3)}; other processes ${fmt(100 * fullOthers, 0)} % / ${fmt(100 * baseOthers, 0)} % of the CPUs`;
        if (Math.max(fullOthers, baseOthers) > MAX_OTHERS && attempt <= RETRIES) {
          console.log(`${line}: disturbed, again (${attempt}/${RETRIES})`);
          continue;
        }
        console.log(line);
        merge(full.states, f!.states!);
        Object.assign(full, {
          files: full.files + f!.ids.length,
          ms: full.ms + f!.ms,
          uploadMs: full.uploadMs + f!.uploadMs,
          uploadSelfMs: full.uploadSelfMs + f!.uploadSelfMs,
          cpu: addCpu(full.cpu, f!.cpu),
        });
        full.failed.push(...f!.failedUploads);
        full.jobs.push(f!.jobs);
        merge(base.states, b!.states!);
        Object.assign(base, {
          files: base.files + b!.ids.length,
          ms: base.ms + b!.ms,
          storeSumMs: base.storeSumMs + b!.storeSumMs,
          processSumMs: base.processSumMs + b!.processSumMs,
          cpu: addCpu(base.cpu, b!.cpu),
        });
        perRound.push({ order, full: f!.ms, base: b!.ms, fullOthers, baseOthers, attempts: attempt });
        break;
      }
    }
    const fullMem = worker.watch.end();
    const baseMem = baseline.watch.end();

    // The ~10 MB uploads: for the memory figure (not in the throughput ratio). Same order, same cleanup.
    let fullBig: { mem: MemPhase; slice: FullSlice } | undefined;
    let baseBig: { mem: MemPhase; slice: BaselineSlice } | undefined;
    if (bigFiles.length) {
      console.log(`Memory: ${describe(bigFiles)}, full path then baseline…`);
      worker.watch.begin('big');
      const f = await fullSlice(
        app,
        baseUrl,
        worker.child,
        bigFiles.map((file, i) => ({ file, c: fullBigCases[Math.floor(i / FILES_PER_CASE)] })),
        UPLOAD_CONCURRENCY,
      );
      fullBig = { mem: worker.watch.end(), slice: f };
      await forget(ds, documentsDir, f.ids);
      baseline.watch.begin('big');
      const b = await baselineSlice(
        ds,
        baseline.child,
        bigFiles.map((file, i) => ({ file, caseId: baseBigCases[Math.floor(i / FILES_PER_CASE)] })),
      );
      baseBig = { mem: baseline.watch.end(), slice: b };
      await forget(ds, documentsDir, b.ids);
      console.log(`  full path ${secs(f.ms)}, baseline ${secs(b.ms)}`);
    }

    // ---------------------------------------------------------------------------------------------- report
    const fullRate = full.files / (full.ms / 1000);
    const baseRate = base.files / (base.ms / 1000);
    const ratio = fullRate / baseRate;
    const fullCpu = full.cpu!;
    const baseCpu = base.cpu!;
    const cpuRatio = ownCpu(baseCpu) / base.files / (ownCpu(fullCpu) / full.files);
    const bytes = total(mainFiles);
    const jobs = full.jobs;
    const runSumMs = jobs.reduce((s, j) => s + j.runSumMs, 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const states = (s: Record<string, number>) =>
      Object.entries(s)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
    const perFile = (ms: number, n: number) => `${fmt(ms / n, 0)} ms/file`;

    console.log('');
    console.log(`Files: ${describe(mainFiles)}`);
    if (bigFiles.length) console.log(`Memory set: ${describe(bigFiles)}`);
    console.log(
      `Scanner: ${CLAMD ? 'fake clamd answering OK (both sides)' : 'none (CLAMD_URL unset on both sides: the scan step records not_configured)'}; PDF previews: ${fs.existsSync('/usr/bin/pdftoppm') ? 'pdftoppm' : 'none (no pdftoppm)'}`,
    );
    console.log('');
    console.log(
      table([
        ['', 'full path', 'baseline'],
        ['clock covers', 'first upload sent → all final in PG', `read + store + insert + process(), ${CONCURRENCY} in flight`],
        ['files', String(full.files), String(base.files)],
        ['MB', mbs(bytes), mbs(bytes)],
        [`wall time (${ROUNDS} rounds)`, secs(full.ms), secs(base.ms)],
        ['files / s', fmt(fullRate), fmt(baseRate)],
        ['MB / s', fmt(bytes / MB / (full.ms / 1000)), fmt(bytes / MB / (base.ms / 1000))],
        ['final states', states(full.states), states(base.states)],
        ['uploads / storing', `${secs(full.uploadMs)} wall (${full.failed.length} failed)`, `${secs(base.storeSumMs)} summed over files`],
        [
          'processing, summed over files',
          `${secs(runSumMs)} in ${jobs.reduce((s, j) => s + j.count, 0)} jobs`,
          `${secs(base.processSumMs)} in process()`,
        ],
        [
          'slot use (summed / (wall × 4))',
          `${fmt((100 * runSumMs) / (full.ms * CONCURRENCY), 0)} %`,
          `${fmt((100 * (base.processSumMs + base.storeSumMs)) / (base.ms * CONCURRENCY), 0)} %`,
        ],
        ['CPU: worker / baseline process', perFile(fullCpu.childMs, full.files), perFile(baseCpu.childMs, base.files)],
        ['CPU: this process (API + client)', perFile(fullCpu.selfMs, full.files), perFile(baseCpu.selfMs, base.files)],
        ['  of which while uploading', perFile(full.uploadSelfMs, full.files), ''],
        [
          'CPU: postgres (bench DB) + redis',
          perFile(fullCpu.postgresMs + fullCpu.redisMs, full.files),
          perFile(baseCpu.postgresMs + baseCpu.redisMs, base.files),
        ],
        ['CPU: all of the above', perFile(ownCpu(fullCpu), full.files), perFile(ownCpu(baseCpu), base.files)],
        [
          `CPU: other processes (of ${cores} CPUs)`,
          `${fmt((100 * fullCpu.othersMs) / (full.ms * cores), 0)} %`,
          `${fmt((100 * baseCpu.othersMs) / (base.ms * cores), 0)} %`,
        ],
      ]),
    );
    console.log(
      `Full path pipeline: first job started ${fmt(mean(jobs.map((j) => j.firstStartMs)), 0)} ms after the first upload of a round (mean), all final seen ${fmt(mean(jobs.map((j) => j.lastFinishToSeenMs)), 0)} ms after the last job finished (mean), ${jobs.reduce((s, j) => s + j.attempts, 0)} attempts for ${full.files} jobs.`,
    );
    if (ROUNDS > 1) {
      console.log(
        table([
          ['round', 'order', 'full path', 'baseline', 'ratio', 'others (full / base)', 'attempts'],
          ...perRound.map((r, i) => [
            String(i + 1),
            r.order,
            secs(r.full),
            secs(r.base),
            fmt(r.base / r.full, 3),
            `${fmt(100 * r.fullOthers, 0)} % / ${fmt(100 * r.baseOthers, 0)} %`,
            String(r.attempts),
          ]),
        ]),
      );
    }
    if (full.failed.length) console.log(`Failed uploads: ${full.failed.slice(0, 5).join(' | ')}`);
    const disturbed = Math.max(fullCpu.othersMs / (full.ms * cores), baseCpu.othersMs / (base.ms * cores));
    if (disturbed > 0.05) {
      console.log(
        `WARNING: other processes took up to ${fmt(100 * disturbed, 0)} % of the machine during the runs: the wall-clock ratio is disturbed; the CPU ratio (CPU per file of the bench's own processes) is the steadier figure. Run again on a quiet machine.`,
      );
    }
    console.log('');
    console.log(
      'Memory (RSS; peak = the larger of VmHWM, reset at the phase start, and the 100 ms samples; JS heap and Buffers = highest probe report):',
    );
    const memRows = [['', 'RSS at start', 'peak', 'peak − idle', 'JS heap', 'Buffers']];
    memRows.push([`worker, idle (before any upload)`, `${mbs(workerIdle)} MB`, '', '', '', '']);
    memRows.push(memRow(`worker, ${mainFiles.length} files`, fullMem, workerIdle, worker.watch.peak(fullMem)));
    if (fullBig) memRows.push(memRow(`worker, ${bigFiles.length} × ~10 MB`, fullBig.mem, workerIdle, worker.watch.peak(fullBig.mem)));
    memRows.push([`baseline process, idle`, `${mbs(baselineIdle)} MB`, '', '', '', '']);
    memRows.push(memRow(`baseline, ${mainFiles.length} files`, baseMem, baselineIdle, baseline.watch.peak(baseMem)));
    if (baseBig) memRows.push(memRow(`baseline, ${bigFiles.length} × ~10 MB`, baseBig.mem, baselineIdle, baseline.watch.peak(baseBig.mem)));
    console.log(table(memRows));

    const workerPeak = worker.watch.peak(fullBig?.mem ?? fullMem);
    const workerPeakAll = Math.max(worker.watch.peak(fullMem), fullBig ? worker.watch.peak(fullBig.mem) : 0);
    console.log('');
    console.log(
      `${verdict(ratio >= RATIO_TARGET)}  throughput ratio full path / baseline ≥ ${RATIO_TARGET}: ${fmt(fullRate)} / ${fmt(baseRate)} files/s = ${fmt(ratio, 3)}   (CPU ratio: ${fmt(cpuRatio, 3)})`,
    );
    console.log(
      `${verdict(workerPeak < MEMORY_TARGET_MB * MB)}  worker peak RSS < ${MEMORY_TARGET_MB} MB ${fullBig ? 'with ~10 MB uploads' : '(no ~10 MB uploads: --big 0)'}: ${mbs(workerPeak)} MB (${mbs(workerPeak - workerIdle)} MB above idle; whole run ${mbs(workerPeakAll)} MB)`,
    );
    baseline.child.send({ type: 'exit' });
  } finally {
    baseline?.watch.stop();
    await stopChild(baseline?.child);
    worker?.watch.stop();
    await stopChild(worker?.child);
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
