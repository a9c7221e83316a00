import { ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import { Redis } from 'ioredis';
import { until } from './wait';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * A redis-server of the test's own, without persistence, so a test may wipe, stop and restart it (the machine's
 * Redis is shared and never touched). A restart keeps the port and loses everything, as a crash would.
 */
export class OwnRedis {
  private child?: ChildProcess;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<string> {
    this.port ||= await freePort();
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await until(
      () =>
        this.command((r) => r.ping()).then(
          () => true,
          () => false,
        ),
      10_000,
    );
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }

  async wipe(): Promise<void> {
    await this.command((r) => r.flushall());
  }

  async command<T>(fn: (r: Redis) => Promise<T>): Promise<T> {
    const r = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return await fn(r);
    } finally {
      r.disconnect();
    }
  }
}
