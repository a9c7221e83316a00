import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';
import { Client, Pool } from 'pg';

jest.setTimeout(30_000);

/**
 * PGlite loads its WebAssembly through dynamic import(), which jest's module sandbox refuses without
 * --experimental-vm-modules. So the module under test runs in a plain Node child, as it does under
 * `npm start`, and the tests talk to it the way the application does: over TCP with `pg`.
 */
class EmbeddedPostgresHost {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async launch(workDir: string): Promise<EmbeddedPostgresHost> {
    const modulePath = join(workDir, 'embedded-postgres.js');
    const source = resolve(__dirname, '../../server/core/dev/embedded-postgres.ts');
    const { code } = transformFileSync(source, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    writeFileSync(modulePath, code);
    const hostPath = join(workDir, 'host.js');
    writeFileSync(hostPath, HOST_SCRIPT);
    const child = fork(hostPath, [modulePath], {
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((ready, fail) => {
      child.once('message', () => ready());
      child.once('exit', (code) => fail(new Error(`embedded-postgres host exited with ${code}`)));
    });
    return new EmbeddedPostgresHost(child);
  }

  async start(args: { dataDir: string; port?: number }): Promise<{ key: number; url: string }> {
    const reply = await this.call('start', args);
    if (!reply.ok) throw new Error(reply.message);
    return { key: reply.key!, url: reply.url! };
  }

  async stop(key: number): Promise<void> {
    const reply = await this.call('stop', { key });
    if (!reply.ok) throw new Error(reply.message);
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.disconnect();
    await exited;
  }

  private call(cmd: string, args: object): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((done) => {
      this.pending.set(id, done);
      this.child.send({ id, cmd, args });
    });
  }
}

interface Reply {
  id: number;
  ok: boolean;
  key?: number;
  url?: string;
  message?: string;
}

const HOST_SCRIPT = `
const { startEmbeddedPostgres } = require(process.argv[2]);
const running = new Map();
let nextKey = 1;
process.on('message', async ({ id, cmd, args }) => {
  try {
    if (cmd === 'start') {
      const db = await startEmbeddedPostgres(args);
      const key = nextKey++;
      running.set(key, db);
      process.send({ id, ok: true, key, url: db.url });
    } else {
      await running.get(args.key).stop();
      running.delete(args.key);
      process.send({ id, ok: true });
    }
  } catch (error) {
    process.send({ id, ok: false, message: error.message });
  }
});
process.on('disconnect', async () => {
  for (const db of running.values()) await db.stop();
  process.exit(0);
});
process.send({ ready: true });
`;

describe('startEmbeddedPostgres', () => {
  let root: string;
  let dataDir: string;
  let host: EmbeddedPostgresHost;
  let db: { key: number; url: string } | undefined;
  let pool: Pool | undefined;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'embedded-pg-'));
    dataDir = join(root, 'pglite');
    host = await EmbeddedPostgresHost.launch(root);
    db = await host.start({ dataDir, port: 0 });
    pool = new Pool({ connectionString: db.url, max: 10 });
    // PGlite's first start runs initdb in WebAssembly: ~10 s on a quiet 2-core machine, over 30 s when busy.
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await host?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the extensions the schema uses over a plain postgres URL', async () => {
    expect(db!.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    for (const name of ['pg_trgm', 'pgcrypto', 'citext', 'unaccent']) await pool!.query(`CREATE EXTENSION IF NOT EXISTS ${name}`);
    await pool!.query(`CREATE TABLE person (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, email citext UNIQUE)`);
    await pool!.query(`CREATE INDEX person_name_trgm ON person USING gin (name gin_trgm_ops)`);
    await pool!.query(`INSERT INTO person (name, email) VALUES ($1, $2), ($3, $4)`, [
      'Hélène Dupont',
      'Helene@Example.com',
      'Jean Martin',
      'jean@example.com',
    ]);

    const { rows } = await pool!.query<{ name: string; score: number }>(
      `SELECT name, similarity(unaccent(name), unaccent($1)) AS score FROM person ORDER BY score DESC`,
      ['helene dupond'],
    );
    expect(rows[0].name).toBe('Hélène Dupont');
    expect(rows[0].score).toBeGreaterThan(0.5);
    expect((await pool!.query(`SELECT count(*)::int AS n FROM person WHERE email = 'HELENE@example.com'`)).rows[0].n).toBe(1);
    expect((await pool!.query(`SELECT unaccent('Éléonore') AS a`)).rows[0].a).toBe('Eleonore');
  });

  it('runs plpgsql triggers and advisory transaction locks', async () => {
    await pool!.query(`CREATE TABLE ledger (id bigserial PRIMARY KEY, note text NOT NULL)`);
    await pool!.query(`CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'ledger is append-only (%)', TG_OP; END $$`);
    await pool!.query(`CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
    await pool!.query(`INSERT INTO ledger (note) VALUES ('first')`);
    await expect(pool!.query(`UPDATE ledger SET note = 'changed'`)).rejects.toThrow('ledger is append-only (UPDATE)');

    const client = await pool!.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [7]);
      await client.query(`INSERT INTO ledger (note) VALUES ('locked')`);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await pool!.query(`SELECT count(*)::int AS n FROM ledger`)).rows[0].n).toBe(2);
  });

  it('answers 10 concurrent queries from a pool of 10', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => (await pool!.query(`SELECT $1::int * 3 AS v, pg_sleep(0.01)`, [i])).rows[0].v),
    );
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i * 3));
    expect(pool!.totalCount).toBe(10);
  });

  it('keeps another connection out of a query whose messages arrive in pieces', async () => {
    // As a large Bind split over several reads does: Parse now, Bind…Sync 100 ms later.
    const slow = new Client({ connectionString: db!.url, query_timeout: 5_000 });
    await slow.connect();
    type Write = (chunk: Buffer, ...rest: unknown[]) => boolean;
    const stream = (slow as unknown as { connection: { stream: { write: Write } } }).connection.stream;
    const write = stream.write.bind(stream);
    let held: Buffer[] | undefined;
    stream.write = (chunk, ...rest) => {
      if (held) return held.push(chunk) > 0;
      if (chunk[0] !== 0x42) return write(chunk, ...rest);
      held = [chunk];
      setTimeout(() => {
        const rest = held!;
        held = undefined;
        for (const part of rest) write(part);
      }, 100);
      return true;
    };
    try {
      const slowQuery = slow.query('SELECT length($1::text) AS v', ['x'.repeat(1000)]);
      await new Promise((parsed) => setTimeout(parsed, 20));
      const [slowResult, otherResult] = await Promise.all([slowQuery, pool!.query('SELECT $1::int * 3 AS v', [5])]);
      expect(slowResult.rows[0].v).toBe(1000);
      expect(otherResult.rows[0].v).toBe(15);
    } finally {
      await slow.end();
    }
  });

  it('runs transactions from different connections one after the other', async () => {
    await pool!.query(`CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (0)`);
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const client = await pool!.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ n: number }>('SELECT n FROM counter');
          await client.query('UPDATE counter SET n = $1', [rows[0].n + 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    expect((await pool!.query('SELECT n FROM counter')).rows[0].n).toBe(10);
  });

  it('rolls back the transaction of a connection that goes away', async () => {
    const client = new Client({ connectionString: db!.url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO ledger (note) VALUES ('abandoned')`);
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();

    expect((await pool!.query(`SELECT count(*)::int AS n FROM ledger WHERE note = 'abandoned'`)).rows[0].n).toBe(0);
  });

  it('refuses a second instance on the same data, in the same process or in a live other one', async () => {
    await expect(host.start({ dataDir })).rejects.toThrow('already open in this process');

    const lockedDir = join(root, 'locked');
    mkdirSync(lockedDir);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60_000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(lockedDir, 'embedded-postgres.lock'), JSON.stringify({ pid: holder.pid, url: 'postgres://elsewhere' }));
      await expect(host.start({ dataDir: lockedDir })).rejects.toThrow(`already open in process ${holder.pid}`);
    } finally {
      const exited = new Promise((done) => holder.once('exit', done));
      holder.kill();
      await exited;
    }
    const afterHolderDied = await host.start({ dataDir: lockedDir, port: 0 });
    await host.stop(afterHolderDied.key);
  });

  it('takes a free port when the one asked for is busy', async () => {
    const busyPort = Number(new URL(db!.url).port);
    const second = await host.start({ dataDir: join(root, 'other'), port: busyPort });
    try {
      expect(Number(new URL(second.url).port)).not.toBe(busyPort);
      const client = new Client({ connectionString: second.url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
      await client.end();
    } finally {
      await host.stop(second.key);
    }
  });

  it('keeps its data across a stop and a start', async () => {
    await pool!.end();
    pool = undefined;
    await host.stop(db!.key);
    db = undefined;
    expect(existsSync(join(dataDir, 'embedded-postgres.lock'))).toBe(false);

    db = await host.start({ dataDir, port: 0 });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM person ORDER BY name');
      expect(rows.map((row) => row.name)).toEqual(['Hélène Dupont', 'Jean Martin']);
      expect((await client.query(`SELECT similarity('dupont', 'dupond') > 0 AS ok`)).rows[0].ok).toBe(true);
    } finally {
      await client.end();
    }
  });
});
