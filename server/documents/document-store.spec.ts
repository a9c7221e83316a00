import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { loadConfig } from '../core/config/config';
import { DocumentStore } from './document-store';
import { keyringOf, open, sealWhole } from './stores/envelope';

describe('DocumentStore', () => {
  let dir: string;
  let store: DocumentStore;
  const documentsKey = randomBytes(32);
  /** The key before the first rotation: what envelopes without a key id were written with. */
  const legacyKey = randomBytes(32);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rd-store-'));
    store = new DocumentStore(
      loadConfig(process.env, {
        documentsDir: dir,
        documentsKey,
        documentsKeyId: 'k1',
        documentsOldKeys: { legacy: legacyKey },
        documentsStore: 'fs',
      }),
    );
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), key);

  /** The envelope as the store wrote it before key ids (RDE1, tag first), with one cipher.update. */
  async function putTheOldWay(key: string, plain: Buffer): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', legacyKey, iv);
    cipher.setAAD(Buffer.from(key));
    const body = cipher.update(plain);
    const rest = cipher.final();
    await fs.mkdir(path.dirname(fileOf(key)), { recursive: true });
    await fs.writeFile(fileOf(key), Buffer.concat([Buffer.from('RDE1'), iv, cipher.getAuthTag(), body, rest]));
  }

  /** Reads an envelope with one decipher.update, to show the sliced writer's output is plain RDE2. */
  async function getInOneGo(key: string): Promise<Buffer> {
    const raw = await fs.readFile(fileOf(key));
    expect(raw.subarray(0, 4).toString()).toBe('RDE2');
    const header = raw.subarray(0, 5 + raw[4] + 12);
    expect(header.subarray(5, 5 + raw[4]).toString()).toBe('k1');
    const decipher = createDecipheriv('aes-256-gcm', documentsKey, header.subarray(header.length - 12));
    decipher.setAAD(Buffer.concat([header, Buffer.from(key)]));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(header.length, raw.length - 16)), decipher.final()]);
  }

  // Around the 64 KB slice size, and a multi-MB document like the benchmark's.
  const sizes = [0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 7, 2_200_000];

  it.each(sizes)('reads back what it stored (%i bytes), whole or streamed, in one envelope format', async (size) => {
    const key = store.newKey();
    const plain = randomBytes(size);
    await store.put(key, plain);
    expect((await store.get(key)).equals(plain)).toBe(true);
    expect((await buffer(await store.getStream(key))).equals(plain)).toBe(true);
    expect((await getInOneGo(key)).equals(plain)).toBe(true);

    // In one buffer (what the S3 holder is given), the same envelope: same length, opened by the same code.
    const keys = keyringOf({ documentsKey, documentsKeyId: 'k1', documentsOldKeys: {} });
    const whole = sealWhole(keys, key, plain);
    expect(whole.length).toBe(4 + 1 + 2 + 12 + size + 16);
    expect(open(keys, key, whole).equals(plain)).toBe(true);
    expect((await fs.stat(fileOf(key))).size).toBe(4 + 1 + 2 + 12 + size + 16);

    // Streamed in odd-sized chunks (a header or a tag split across them), the same envelope comes out.
    const streamed = store.newKey();
    const chunks = [];
    for (let at = 0, n = 1; at < size; at += n, n = n * 3 + 7) chunks.push(plain.subarray(at, at + n));
    await store.putStream(streamed, Readable.from(chunks));
    expect((await getInOneGo(streamed)).equals(plain)).toBe(true);
    expect((await store.get(streamed)).equals(plain)).toBe(true);

    // Given as those slices (an upload as it arrived), stored and sealed whole the same.
    const sliced = store.newKey();
    await store.put(sliced, chunks);
    expect((await getInOneGo(sliced)).equals(plain)).toBe(true);
    expect(open(keys, sliced, sealWhole(keys, sliced, chunks)).equals(plain)).toBe(true);
  });

  it.each(sizes)('reads a document written before key ids, with the key rotated out (%i bytes)', async (size) => {
    const key = store.newKey();
    const plain = randomBytes(size);
    await putTheOldWay(key, plain);
    expect((await store.get(key)).equals(plain)).toBe(true);
    expect((await buffer(await store.getStream(key))).equals(plain)).toBe(true);
  });

  it('refuses a tampered file, a file stored under another key, and a file that is not an envelope', async () => {
    const key = store.newKey();
    await store.put(key, randomBytes(200_000));
    const raw = await fs.readFile(fileOf(key));
    raw[150_000] ^= 1;
    await fs.writeFile(fileOf(key), raw);
    await expect(store.get(key)).rejects.toThrow();
    await expect(store.getStream(key).then(buffer)).rejects.toThrow();

    const other = store.newKey();
    await store.put(other, randomBytes(1000));
    const moved = store.newKey();
    await fs.mkdir(path.dirname(fileOf(moved)), { recursive: true });
    await fs.copyFile(fileOf(other), fileOf(moved));
    await expect(store.get(moved)).rejects.toThrow();

    const plainFile = store.newKey();
    await fs.mkdir(path.dirname(fileOf(plainFile)), { recursive: true });
    await fs.writeFile(fileOf(plainFile), Buffer.from('%PDF-1.7 not encrypted'));
    await expect(store.get(plainFile)).rejects.toThrow('not an encrypted document');
    await expect(store.getStream(plainFile).then(buffer)).rejects.toThrow('not an encrypted document');

    const truncated = store.newKey();
    await store.put(truncated, randomBytes(1000));
    await fs.truncate(fileOf(truncated), 4 + 1 + 2 + 12 + 10);
    await expect(store.get(truncated)).rejects.toThrow();
    await expect(store.getStream(truncated).then(buffer)).rejects.toThrow();
  });

  it('leaves no temporary file behind, not even from a failing stream, and removes what it stored', async () => {
    const failing = store.newKey();
    const source = new Readable({ read() {} });
    source.push(randomBytes(100_000));
    setImmediate(() => source.destroy(new Error('client went away')));
    await expect(store.putStream(failing, source)).rejects.toThrow('client went away');
    expect(await store.exists(failing)).toBe(false);

    const key = store.newKey();
    await store.put(key, randomBytes(100_000));
    expect(await fs.readdir(path.dirname(fileOf(key)))).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    expect(await store.exists(key)).toBe(true);
    await store.remove(key);
    expect(await store.exists(key)).toBe(false);
  });
});
