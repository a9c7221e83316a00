import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';
import { Redis } from 'ioredis';
import { ensureLocalRedis, RedisUnavailableError, type LocalRedis } from '../../server/core/dev/local-redis';

jest.setTimeout(20_000);

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    disconnectTimeout: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

describe('ensureLocalRedis', () => {
  let root: string;
  const started: LocalRedis[] = [];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'local-redis-'));
  });

  afterAll(async () => {
    for (const redis of started) await redis.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts redis-server on the URL when nothing answers, and stops it', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = join(root, 'spawned');
    const redis = await ensureLocalRedis({ url, dataDir });
    started.push(redis);

    expect(redis).toMatchObject({ url, started: true });
    const client = new Redis(url);
    try {
      await client.set('greeting', 'hello');
      expect(await client.get('greeting')).toBe('hello');
      expect(await client.config('GET', 'dir')).toEqual(['dir', join(dataDir, 'redis')]);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    } finally {
      client.disconnect();
    }

    await redis.stop();
    await redis.stop();
    expect(await answers(url)).toBe(false);
    expect(existsSync(join(dataDir, 'redis', 'appendonlydir'))).toBe(true);
  });

  it('uses a Redis that already answers and leaves it running', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const owner = await ensureLocalRedis({ url, dataDir: join(root, 'shared') });
    started.push(owner);

    const user = await ensureLocalRedis({ url, dataDir: join(root, 'unused') });
    expect(user).toMatchObject({ url, started: false });
    await user.stop();
    expect(await answers(url)).toBe(true);
    expect(existsSync(join(root, 'unused'))).toBe(false);
  });

  it('keeps queued data across a restart on the same data directory', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = join(root, 'persistent');
    const first = await ensureLocalRedis({ url, dataDir });
    started.push(first);
    const writer = new Redis(url);
    await writer.rpush('jobs', 'a', 'b');
    writer.disconnect();
    await first.stop();

    const second = await ensureLocalRedis({ url, dataDir });
    started.push(second);
    const reader = new Redis(url);
    try {
      expect(await reader.lrange('jobs', 0, -1)).toEqual(['a', 'b']);
    } finally {
      reader.disconnect();
    }
  });

  it('says on one line how to get Redis when redis-server is not installed', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const emptyPath = join(root, 'empty-path');
    mkdirSync(emptyPath);
    const path = process.env.PATH;
    process.env.PATH = emptyPath;
    let error: unknown;
    try {
      await ensureLocalRedis({ url, dataDir: join(root, 'none') });
    } catch (caught) {
      error = caught;
    } finally {
      process.env.PATH = path;
    }

    expect(error).toBeInstanceOf(RedisUnavailableError);
    const { message } = error as Error;
    expect(message).not.toContain('\n');
    expect(message).toContain(url);
    expect(message).toContain('apt-get install redis-server');
    expect(message).toContain('brew install redis');
    expect(message).toContain('REDIS_URL');
  });

  it('reports why redis-server could not start', async () => {
    // Something that accepts connections and never speaks holds the port.
    const squatter: Server = createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((listening) => squatter.listen(0, '127.0.0.1', listening));
    const { port } = squatter.address() as AddressInfo;
    try {
      const attempt = ensureLocalRedis({ url: `redis://127.0.0.1:${port}`, dataDir: join(root, 'squatted') });
      await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
      await expect(attempt).rejects.toThrow(/stopped at once \(code 1\): .*Failed listening on port/);
    } finally {
      squatter.close();
    }
  });

  it('ends the redis-server it started when the process exits without stop()', async () => {
    const modulePath = join(root, 'local-redis.js');
    const { code } = transformFileSync(resolve(__dirname, '../../server/core/dev/local-redis.ts'), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    writeFileSync(modulePath, code);
    const url = `redis://localhost:${await freePort()}`;
    const script = `require(${JSON.stringify(modulePath)})
      .ensureLocalRedis({ url: ${JSON.stringify(url)}, dataDir: ${JSON.stringify(join(root, 'orphan'))} })
      .then((redis) => console.log(redis.started));`;

    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') },
    });

    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true');
    for (let tries = 0; tries < 20 && (await answers(url)); tries++) await new Promise((wait) => setTimeout(wait, 100));
    expect(await answers(url)).toBe(false);
  });
});
