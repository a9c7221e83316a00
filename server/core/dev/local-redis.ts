import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import type { Socket } from 'node:net';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

export interface LocalRedis {
  url: string;
  /** A plain function, so that it can be handed on detached (`stops.push(redis.stop)`). */
  stop: () => Promise<void>;
  /** True when this call spawned redis-server; false when one already answered at the URL. */
  started: boolean;
}

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Uses the Redis at `url` when it answers; otherwise starts Debian's (or Homebrew's) redis-server on
 * that host and port, as a child of this process, with its files under `<dataDir>/redis`.
 *
 * The child keeps an append-only file (fsync once a second, no RDB snapshots): waiting and delayed
 * jobs then survive a restart of the development machine, as they would with a real deployment's
 * Redis, at almost no cost; correctness never depends on it, the outbox re-enqueues.
 */
export async function ensureLocalRedis(opts: { url: string; dataDir: string }): Promise<LocalRedis> {
  if ((await probe(opts.url)) !== 'silent') return { url: opts.url, stop: async () => undefined, started: false };

  const shown = redact(opts.url);
  const target = new URL(opts.url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new RedisUnavailableError(
      `Redis is not reachable at ${shown}, which is not on this machine: start it there or set REDIS_URL to one that runs`,
    );
  }
  const binary = findOnPath('redis-server');
  if (!binary) {
    throw new RedisUnavailableError(
      `Redis is not reachable at ${shown} and redis-server is not installed: install it (apt-get install redis-server, or brew install redis) or set REDIS_URL to a running Redis`,
    );
  }

  const dir = join(opts.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const args = [
    '--port',
    target.port || '6379',
    '--bind',
    ...(host === 'localhost' ? ['127.0.0.1', '-::1'] : [host]),
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--logfile',
    '',
  ];
  if (target.password) args.push('--requirepass', decodeURIComponent(target.password));

  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = new LastLine();
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk));
  // The child must not outlive us; 'exit' listeners run on a normal exit and on process.exit().
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  // A forgotten stop() must not keep a script alive: the exit hook above still ends the child.
  child.unref();
  for (const pipe of [child.stdout, child.stderr]) (pipe as Socket | null)?.unref();

  try {
    await waitUntilAnswering(opts.url, child, log, shown);
  } catch (error) {
    process.off('exit', killOnExit);
    await terminate(child);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      await terminate(child);
    })());
  return { url: opts.url, stop, started: true };
}

/**
 * One attempt, no reconnects, no queued commands: an absent Redis is "silent" within a second. Any reply
 * (wrong password, LOADING…) means a Redis is there, and a second one would only collide on its port.
 */
async function probe(url: string): Promise<'pong' | 'replied' | 'silent'> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    enableReadyCheck: false,
    // Its default of 2 s keeps a timer (and so a short-lived script) alive after a failed attempt.
    disconnectTimeout: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return 'pong';
  } catch (error) {
    return error instanceof Error && error.name === 'ReplyError' ? 'replied' : 'silent';
  } finally {
    client.disconnect();
  }
}

async function waitUntilAnswering(url: string, child: ChildProcess, log: LastLine, shown: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = signal ? `signal ${signal}` : `code ${code}`));
  child.once('error', (error) => (exited = error.message));
  while (Date.now() < deadline) {
    if (exited) throw new RedisUnavailableError(`redis-server for ${shown} stopped at once (${exited}): ${log.text || 'no output'}`);
    if ((await probe(url)) === 'pong') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new RedisUnavailableError(
    `redis-server for ${shown} did not answer within ${READY_TIMEOUT_MS / 1000} s: ${log.text || 'no output'}`,
  );
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an invalid URL)';
  }
}

/** Keeps the last non-empty line redis-server printed, to say why it did not start. */
class LastLine {
  text = '';
  push(chunk: Buffer): void {
    const lines = chunk
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > 0) this.text = lines[lines.length - 1];
  }
}
