import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CaseDocument } from '../server/documents/case-document.entity';
import { DocumentRetention } from '../server/documents/document-retention';
import { signIn, startTestApp, type TestApp } from './support/app';
import { openDataSource, prepareTestDatabase } from './support/db';
import { createStaff } from './support/factories';
import { jpegWithExif } from './support/files';
import { startS3, type TestS3 } from './support/s3';
import { until } from './support/wait';

const MAIN = path.resolve(__dirname, '../dist/server/main.js');

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A port the system hands out now, for a child process to listen on. */
function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Child {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** `node dist/server/main.js <role>`, as deployed: its own process, its own data folder. */
function startRole(role: 'api' | 'worker', env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, [MAIN, role], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Documents in object storage let API and worker run on different machines: here two processes with separate data
 * folders, sharing only PostgreSQL, Redis and a real S3 server (s3rver). A customer's upload reaches the API, the
 * worker processes it from the bucket, and the API serves the result the worker wrote.
 */
describe('an API and a worker in two processes sharing only PostgreSQL, Redis and S3', () => {
  let s3: TestS3;
  let ds: DataSource;
  const dirs: string[] = [];
  const children: Child[] = [];
  let inProcess: TestApp | undefined;

  beforeAll(async () => {
    await prepareTestDatabase();
    [s3, ds] = await Promise.all([startS3('two-process'), openDataSource()]);
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await inProcess?.close();
    await ds?.destroy();
    await s3?.stop();
    await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
  });

  it('processes a customer upload in the worker and serves its preview and original through the API', async () => {
    const common = {
      ...process.env,
      ...s3.env,
      QUEUE_PREFIX: `rd2p${process.env.TEST_WORKER_TAG}`,
      MIGRATE_ON_START: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    const [apiDir, workerDir] = await Promise.all(['api', 'worker'].map((r) => fs.mkdtemp(path.join(os.tmpdir(), `rd-2p-${r}-`))));
    dirs.push(apiDir, workerDir);
    const port = await ephemeralPort();
    const api = startRole('api', { ...common, DATA_DIR: apiDir, PORT: String(port) });
    const worker = startRole('worker', { ...common, DATA_DIR: workerDir });
    children.push(api, worker);
    const url = `http://127.0.0.1:${port}`;
    const running = (c: Child, name: string) => {
      if (c.child.exitCode !== null) throw new Error(`the ${name} process exited: ${c.output()}`);
    };
    await until(async () => {
      running(api, 'api');
      return (await fetch(`${url}/api/health`).catch(() => null))?.ok;
    }, 45_000);
    await until(async () => {
      running(worker, 'worker');
      return worker.output().includes('worker running');
    }, 45_000);

    const photo = await jpegWithExif(640, 400);
    const opened = await request(url)
      .post('/api/public/identity-cases')
      .send({ customerId: 'tp12345', accountType: 'individual', purpose: 'replace_email', contactEmail: 'tp@example.org' })
      .expect(201);
    const caseId: string = opened.body.caseId;
    await request(url)
      .post(`/api/public/identity-cases/${caseId}/documents`)
      .set('X-Case-Token', opened.body.token)
      .field('kind', 'identity_front')
      .attach('files', photo, 'front.jpg')
      .expect(201);

    const doc = await until(async () => {
      const d = await ds.getRepository(CaseDocument).findOneByOrFail({ caseId });
      return ['processed', 'rejected', 'failed', 'quarantined'].includes(d.state) && d;
    }, 30_000);
    expect(doc).toMatchObject({ state: 'processed', detectedType: 'image/jpeg', previewKey: `${doc.storageKey}.preview` });

    // Everything the two processes wrote is in the bucket, sealed; nothing in either data folder.
    for (const key of [doc.storageKey, `${doc.storageKey}.clean`, doc.previewKey!]) {
      expect((await s3.raw(key))?.subarray(0, 4).toString()).toBe('RDE2');
    }
    for (const dir of [apiDir, workerDir]) expect(await fs.readdir(dir)).not.toContain('documents');

    const reviewer = await signIn({ url } as TestApp, await createStaff(ds, ['reviewer']));
    const preview = await reviewer.get(`/api/identity-cases/${caseId}/documents/${doc.id}/preview`).buffer(true).parse(binary).expect(200);
    expect(preview.headers['content-type']).toMatch(/^image\/jpeg/);
    const meta = await sharp(preview.body as Buffer).metadata();
    expect(meta).toMatchObject({ format: 'jpeg' });
    expect(meta.exif).toBeUndefined();
    const original = await reviewer
      .get(`/api/identity-cases/${caseId}/documents/${doc.id}/original`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((original.body as Buffer).equals(photo)).toBe(true);

    // Purge deletes the objects from the bucket once the retention period has passed.
    await Promise.all(children.map((c) => c.stop()));
    inProcess = await startTestApp({ config: { documentsStore: 's3', s3: s3.settings, queuePrefix: common.QUEUE_PREFIX } });
    await ds.query(`UPDATE identity_cases SET status = 'rejected', decided_at = now() - interval '181 days' WHERE id = $1`, [caseId]);
    expect(await inProcess.app.get(DocumentRetention).purge()).toBe(1);
    for (const key of [doc.storageKey, `${doc.storageKey}.clean`, doc.previewKey!]) expect(await s3.raw(key)).toBeNull();
  }, 90_000);
});
