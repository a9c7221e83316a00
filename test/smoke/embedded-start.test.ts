import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { totpCode } from '../../server/auth/totp';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/server/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no healthy answer within ${timeoutMs} ms:\n${output()}`);
}

/** Boots the built product as `npm start` does, with DATABASE_URL unset: it must come up on the embedded PostgreSQL. */
describe('npm start on the embedded PostgreSQL', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-smoke-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates, seeds and answers a healthy /api/health, then the demo supervisor can sign in', async () => {
    expect(fs.existsSync(MAIN)).toBe(true);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      REDIS_URL: process.env.REDIS_URL,
      QUEUE_PREFIX: `rdsmoke${process.env.TEST_WORKER_TAG}`,
      LOG_LEVEL: 'warn',
    };
    let out = '';
    child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));

    const res = await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => out, 90_000);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up', redis: 'up' });
    expect(out).toContain('Embedded PostgreSQL (PGlite)');
    expect(out).toContain(`http://localhost:${port}`);
    expect(out).toContain('supervisor@example.test');

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'supervisor@example.test',
        password: 'Demo-Passw0rd!',
        otp: await totpCode('DEMODEMODEMODEMODEMODEMODEMODEMO'),
      }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const audit = await fetch(`http://127.0.0.1:${port}/api/audit-events?action=auth.login`, { headers: { cookie } });
    expect(audit.status).toBe(200);
    expect(((await audit.json()) as { data: unknown[] }).data[0]).toMatchObject({
      actorEmail: 'supervisor@example.test',
      action: 'auth.login',
    });

    // SIGTERM: the API drains, the worker closes, the embedded database stops, and the process exits cleanly.
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
