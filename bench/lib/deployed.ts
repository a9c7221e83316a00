import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { totpCode } from '../../server/auth/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/staff/demo-staff';

/** The repository's root (this file runs from dist/bench/lib). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Deployed {
  child: ChildProcess;
  /** The node process's pid (the launcher execs node, so it is the launcher's pid). */
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a process of the product as it is deployed: `sh server/bin/node-with-allocator.sh dist/server/main.js
 * <role>`, the default LOG_LEVEL (none is set here unless `env` sets it), its own process. `env` adds the
 * bench's database, Redis and whatever the scenario needs; NODE_ENV defaults to development only because the bench
 * speaks plain HTTP (production asks for secure cookies) and uses the demo secrets.
 */
export async function startDeployed(
  role: 'api' | 'worker' | 'all',
  env: Record<string, string>,
  opts: { stdout?: string } = {},
): Promise<Deployed> {
  const port = await freePort();
  const stdout = opts.stdout ? openSync(opts.stdout, 'w') : 'ignore';
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    MIGRATE_ON_START: 'false',
    SEED_DEMO: 'false',
    ...env,
  };
  // The harness's own settings must not leak into the product (LOG_LEVEL stays the product's default).
  if (!('LOG_LEVEL' in env)) delete childEnv.LOG_LEVEL;
  const child = spawn(
    'sh',
    [path.join(REPO_ROOT, 'server/bin/node-with-allocator.sh'), path.join(REPO_ROOT, 'dist/server/main.js'), role],
    {
      cwd: REPO_ROOT,
      env: childEnv,
      stdio: ['ignore', stdout, 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  if (role === 'worker') return { child, pid: child.pid!, url, stop };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${role} process exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { child, pid: child.pid!, url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${role} process did not answer /api/health within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs a demo staff member in; a TOTP code is single-use, so a run right after another waits for the next step. */
export async function signIn(url: string, email: string): Promise<string> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD, otp: await totpCode(DEMO_TOTP_SECRET) }),
    });
    if (res.status === 200) {
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('sign-in answered 200 without a session cookie');
      return cookie;
    }
    if (attempt === 3) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    const wait = 30_000 - (Date.now() % 30_000) + 1_000;
    console.log(
      `Sign-in refused (${res.status}, the code was probably used by a previous run): waiting ${Math.ceil(wait / 1000)} s for the next one`,
    );
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new Error('unreachable');
}

/** VmRSS and VmHWM (the kernel's peak) of a process, in bytes. */
export function readMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

/** Samples a process's RSS every 50 ms and keeps the peak. */
export class MemorySampler {
  peak = 0;
  samples = 0;
  private timer?: NodeJS.Timeout;
  constructor(private readonly pid: number) {}
  start(): this {
    this.peak = readMemory(this.pid).rss;
    this.timer = setInterval(() => {
      const { rss } = readMemory(this.pid);
      this.samples += 1;
      if (rss > this.peak) this.peak = rss;
    }, 50);
    return this;
  }
  stop(): number {
    clearInterval(this.timer);
    const { rss } = readMemory(this.pid);
    if (rss > this.peak) this.peak = rss;
    return this.peak;
  }
}
