import { createCipheriv, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AppConfig, DEV_DOCUMENTS_KEY, loadConfig } from '../server/core/config/config';
import { DomainError } from '../server/core/http/errors';
import { DocumentStore } from '../server/documents/document-store';
import { startS3, type TestS3 } from './support/s3';

/**
 * The document store's contract, run against each place the encrypted files can live: the local folder and a
 * real S3 server (s3rver) started here. Whatever holds them only ever sees envelopes.
 */
interface Backend {
  /** Recovery Desk's settings for this backend, with the given keys. */
  config(keys: Pick<AppConfig, 'documentsKey' | 'documentsKeyId' | 'documentsOldKeys'>): AppConfig;
  /** A stored object's bytes as the backend holds them; null when there is none. */
  raw(key: string): Promise<Buffer | null>;
  writeRaw(key: string, data: Buffer): Promise<void>;
  stop(): Promise<void>;
}

async function folderBackend(): Promise<Backend> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rd-store-contract-'));
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), key);
  return {
    config: (keys) => loadConfig(process.env, { ...keys, documentsStore: 'fs', documentsDir: dir, s3: null }),
    raw: (key) => fs.readFile(fileOf(key)).catch(() => null),
    async writeRaw(key, data) {
      await fs.mkdir(path.dirname(fileOf(key)), { recursive: true });
      await fs.writeFile(fileOf(key), data);
    },
    stop: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

async function s3Backend(): Promise<Backend> {
  // A prefix, as a bucket shared with other data would have: every object must land under it.
  const s3: TestS3 = await startS3('contract', 'rd/documents/');
  return {
    config: (keys) => loadConfig(process.env, { ...keys, documentsStore: 's3', s3: s3.settings }),
    raw: (key) => s3.raw(key),
    writeRaw: (key, data) => s3.writeRaw(key, data),
    stop: () => s3.stop(),
  };
}

const firstKey = randomBytes(32);
const secondKey = randomBytes(32);
/** The key of a deployment from before key ids: its envelopes (RDE1) carry none. */
const legacyKey = randomBytes(32);

/** An envelope as the store wrote it before key ids: magic, IV, tag, ciphertext. */
function legacyEnvelope(storageKey: string, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', legacyKey, iv);
  cipher.setAAD(Buffer.from(storageKey));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from('RDE1'), iv, cipher.getAuthTag(), body]);
}

const missing = { code: 'documents.file_missing', status: 'not_found' };

describe.each([
  ['the local folder', folderBackend],
  ['an S3 bucket', s3Backend],
])('the document store in %s', (_name, start) => {
  let backend: Backend;
  let store: DocumentStore;
  const opened: DocumentStore[] = [];
  const storeWith = (keys: Parameters<Backend['config']>[0]) => {
    const s = new DocumentStore(backend.config(keys));
    opened.push(s);
    return s;
  };

  beforeAll(async () => {
    backend = await start();
    store = storeWith({ documentsKey: firstKey, documentsKeyId: 'k1', documentsOldKeys: { legacy: legacyKey } });
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.onModuleDestroy()));
    await backend?.stop();
  });

  it('gives back a multi-MB document byte for byte, whole or streamed, and holds only its envelope', async () => {
    const plain = randomBytes(6 * 1024 * 1024 + 12_345);
    const key = store.newKey();
    await store.put(key, plain);
    expect((await store.get(key)).equals(plain)).toBe(true);
    expect((await buffer(await store.getStream(key))).equals(plain)).toBe(true);

    const raw = (await backend.raw(key))!;
    expect(raw.subarray(0, 7).toString()).toBe('RDE2\x02k1');
    expect(raw.length).toBe(4 + 1 + 2 + 12 + plain.length + 16);
    expect(raw.includes(plain.subarray(1_000_000, 1_000_064))).toBe(false);

    // Streamed in, of a length nobody announced (in S3: a multipart upload, past its 5 MB part size).
    const streamed = store.newKey();
    const chunks = Array.from({ length: 13 }, (_, i) => plain.subarray(i * 500_000, (i + 1) * 500_000));
    await store.putStream(streamed, Readable.from(chunks));
    expect((await buffer(await store.getStream(streamed))).equals(plain)).toBe(true);
    expect((await store.get(streamed)).equals(plain)).toBe(true);
    const rawStreamed = (await backend.raw(streamed))!;
    expect(rawStreamed.length).toBe(raw.length);
    expect(rawStreamed.subarray(0, 7).equals(raw.subarray(0, 7))).toBe(true);
    expect(rawStreamed.includes(plain.subarray(5_000_000, 5_000_064))).toBe(false);
  });

  it('answers a read of a missing object with the domain error, and deletes what it stored', async () => {
    const absent = store.newKey();
    await expect(store.get(absent)).rejects.toMatchObject(missing);
    await expect(store.getStream(absent)).rejects.toMatchObject(missing);
    expect(await store.exists(absent)).toBe(false);

    const key = store.newKey();
    await store.put(key, randomBytes(70_000));
    expect(await store.exists(key)).toBe(true);
    await store.remove(key);
    expect(await store.exists(key)).toBe(false);
    expect(await backend.raw(key)).toBeNull();
    const error: unknown = await store.get(key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject(missing);
    await expect(store.remove(key)).resolves.toBeUndefined();
  });

  it('refuses an altered object and one moved under another key', async () => {
    const key = store.newKey();
    await store.put(key, randomBytes(200_000));
    const raw = (await backend.raw(key))!;
    raw[150_000] ^= 1;
    const altered = store.newKey();
    await backend.writeRaw(altered, raw);
    await expect(store.get(altered)).rejects.toThrow();
    await expect(store.getStream(altered).then(buffer)).rejects.toThrow();
    raw[150_000] ^= 1;
    const moved = store.newKey();
    await backend.writeRaw(moved, raw);
    await expect(store.get(moved)).rejects.toThrow();
  });

  it('reads every document after a key rotation: those of the old key and those from before key ids', async () => {
    const before = randomBytes(300_000);
    const beforeKey = store.newKey();
    await store.put(beforeKey, before);
    const ancient = randomBytes(100_000);
    const ancientKey = store.newKey();
    await backend.writeRaw(ancientKey, legacyEnvelope(ancientKey, ancient));
    expect((await store.get(ancientKey)).equals(ancient)).toBe(true);

    // DOCUMENTS_KEY=<second> DOCUMENTS_KEY_ID=k2 DOCUMENTS_OLD_KEYS=k1:<first>,legacy:<legacy>
    const rotated = storeWith({ documentsKey: secondKey, documentsKeyId: 'k2', documentsOldKeys: { k1: firstKey, legacy: legacyKey } });
    expect((await rotated.get(beforeKey)).equals(before)).toBe(true);
    expect((await buffer(await rotated.getStream(beforeKey))).equals(before)).toBe(true);
    expect((await rotated.get(ancientKey)).equals(ancient)).toBe(true);
    expect((await buffer(await rotated.getStream(ancientKey))).equals(ancient)).toBe(true);

    const after = randomBytes(90_000);
    const afterKey = rotated.newKey();
    await rotated.put(afterKey, after);
    expect((await backend.raw(afterKey))!.subarray(0, 7).toString()).toBe('RDE2\x02k2');
    expect((await rotated.get(afterKey)).equals(after)).toBe(true);
    // The new key is not the old one: a process still on the old settings cannot read it.
    await expect(store.get(afterKey)).rejects.toThrow(/key id "k2"/);

    // Dropping an old key too early is named, not mistaken for a damaged file.
    const forgetful = storeWith({ documentsKey: secondKey, documentsKeyId: 'k2', documentsOldKeys: {} });
    await expect(forgetful.get(beforeKey)).rejects.toThrow(/key id "k1", which is neither DOCUMENTS_KEY_ID nor in DOCUMENTS_OLD_KEYS/);
    await expect(forgetful.get(ancientKey)).rejects.toThrow(/key id "legacy"/);
  });
});

describe('documents key settings', () => {
  const key = (b: Buffer) => b.toString('base64');
  const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/x', REDIS_URL: 'redis://r', SEED_DEMO: 'false' };
  const prod = { ...base, SESSION_SECRET: 'a-production-session-secret-of-enough-length' };

  it('reads the current key, its id and the old keys; envelopes without id belong to "legacy" by default', () => {
    const c = loadConfig({
      ...prod,
      DOCUMENTS_KEY: key(secondKey),
      DOCUMENTS_KEY_ID: 'k2',
      DOCUMENTS_OLD_KEYS: `k1:${key(firstKey)}, legacy:${key(legacyKey)}`,
    });
    expect(c.documentsKeyId).toBe('k2');
    expect(c.documentsKey.equals(secondKey)).toBe(true);
    expect(Object.keys(c.documentsOldKeys).sort()).toEqual(['k1', 'legacy']);
    expect(c.documentsOldKeys.k1.equals(firstKey)).toBe(true);
    expect(loadConfig({ ...prod, DOCUMENTS_KEY: key(firstKey) }).documentsKeyId).toBe('legacy');
    expect(loadConfig({}).documentsStore).toBe('fs');
  });

  it('refuses the development key in production, also as an old key, and malformed or repeated ids', () => {
    const dev = DEV_DOCUMENTS_KEY;
    expect(() => loadConfig({ ...prod, DOCUMENTS_KEY: dev })).toThrow('DOCUMENTS_KEY is the development default');
    expect(() =>
      loadConfig({ ...prod, DOCUMENTS_KEY: key(secondKey), DOCUMENTS_KEY_ID: 'k2', DOCUMENTS_OLD_KEYS: `legacy:${dev}` }),
    ).toThrow('DOCUMENTS_OLD_KEYS holds the development default key');
    expect(() => loadConfig({ DOCUMENTS_KEY_ID: 'no spaces' })).toThrow('DOCUMENTS_KEY_ID must be');
    expect(() => loadConfig({ DOCUMENTS_KEY_ID: 'k2', DOCUMENTS_OLD_KEYS: `k2:${key(firstKey)}` })).toThrow('names the key id "k2" twice');
    expect(() => loadConfig({ DOCUMENTS_OLD_KEYS: 'k1' })).toThrow('DOCUMENTS_OLD_KEYS must list id:base64-key pairs');
    expect(() => loadConfig({ DOCUMENTS_OLD_KEYS: 'k1:c2hvcnQ=' })).toThrow('key "k1" must be 32 bytes');
  });

  it('asks for a bucket and paired credentials when the store is S3', () => {
    expect(() => loadConfig({ DOCUMENTS_STORE: 's3' })).toThrow('S3_BUCKET is required');
    expect(() => loadConfig({ DOCUMENTS_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' })).toThrow('S3_SECRET_ACCESS_KEY is required');
    expect(() => loadConfig({ DOCUMENTS_STORE: 'disk' })).toThrow('DOCUMENTS_STORE must be one of fs, s3');
    expect(
      loadConfig({ DOCUMENTS_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' }).s3,
    ).toEqual({
      bucket: 'b',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: null,
      forcePathStyle: true,
      prefix: '',
    });
  });
});
