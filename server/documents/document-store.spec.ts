import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AppConfig } from '../core/config/config';
import { DocumentStore } from './document-store';

describe('DocumentStore', () => {
  let dir: string;
  let store: DocumentStore;
  const documentsKey = randomBytes(32);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rd-store-'));
    store = new DocumentStore({ documentsDir: dir, documentsKey } as AppConfig);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), key);

  /** The envelope as the store wrote it before slicing: one cipher.update over the whole document. */
  async function putTheOldWay(key: string, plain: Buffer): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', documentsKey, iv);
    cipher.setAAD(Buffer.from(key));
    const body = cipher.update(plain);
    const rest = cipher.final();
    await fs.mkdir(path.dirname(fileOf(key)), { recursive: true });
    await fs.writeFile(fileOf(key), Buffer.concat([Buffer.from('RDE1'), iv, cipher.getAuthTag(), body, rest]));
  }

  /** Reads an envelope the old way (one decipher.update), to show the new writer's format is unchanged. */
  async function getTheOldWay(key: string): Promise<Buffer> {
    const raw = await fs.readFile(fileOf(key));
    expect(raw.subarray(0, 4).toString()).toBe('RDE1');
    const decipher = createDecipheriv('aes-256-gcm', documentsKey, raw.subarray(4, 16));
    decipher.setAAD(Buffer.from(key));
    decipher.setAuthTag(raw.subarray(16, 32));
    return Buffer.concat([decipher.update(raw.subarray(32)), decipher.final()]);
  }

  // Around the 64 KB slice size, and a multi-MB document like the benchmark's.
  const sizes = [0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 7, 2_200_000];

  it.each(sizes)('reads back what it stored (%i bytes), in the same envelope format as before', async (size) => {
    const key = store.newKey();
    const plain = randomBytes(size);
    await store.put(key, plain);
    expect((await store.get(key)).equals(plain)).toBe(true);
    expect((await getTheOldWay(key)).equals(plain)).toBe(true);
    expect((await fs.stat(fileOf(key))).size).toBe(4 + 12 + 16 + size);
  });

  it.each(sizes)('reads a document written by the previous code (%i bytes)', async (size) => {
    const key = store.newKey();
    const plain = randomBytes(size);
    await putTheOldWay(key, plain);
    expect((await store.get(key)).equals(plain)).toBe(true);
  });

  it('refuses a tampered file, a file stored under another key, and a file that is not an envelope', async () => {
    const key = store.newKey();
    await store.put(key, randomBytes(200_000));
    const raw = await fs.readFile(fileOf(key));
    raw[150_000] ^= 1;
    await fs.writeFile(fileOf(key), raw);
    await expect(store.get(key)).rejects.toThrow();

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
  });

  it('leaves no temporary file behind and removes what it stored', async () => {
    const key = store.newKey();
    await store.put(key, randomBytes(100_000));
    expect(await fs.readdir(path.dirname(fileOf(key)))).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    expect(await store.exists(key)).toBe(true);
    await store.remove(key);
    expect(await store.exists(key)).toBe(false);
  });
});
