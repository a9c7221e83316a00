import { createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { documentsError } from '../documents.errors';
import type { BlobStore } from './blob-store';

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** Envelopes as files on local disk, in a folder nothing serves, spread over 256 subfolders by key. */
export class FsBlobStore implements BlobStore {
  /** Slices go out in one writev: no multi-MB buffer to page-fault in. */
  readonly wholeWrites = false;

  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }

  /** Write then rename: a crash never leaves a half-written file under the final name. */
  private async atomically(key: string, writeTo: (tmp: string) => Promise<void>): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await writeTo(tmp);
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  write(key: string, parts: Buffer[]): Promise<void> {
    return this.atomically(key, async (tmp) => {
      const handle = await fs.open(tmp, 'w', 0o600);
      try {
        const { bytesWritten } = await handle.writev(parts);
        const expected = parts.reduce((n, b) => n + b.length, 0);
        if (bytesWritten !== expected) throw new Error(`short write storing ${key}: ${bytesWritten} of ${expected} bytes`);
      } finally {
        await handle.close();
      }
    });
  }

  writeStream(key: string, body: Readable): Promise<void> {
    return this.atomically(key, (tmp) => pipeline(body, createWriteStream(tmp, { mode: 0o600 })));
  }

  async read(key: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (e) {
      throw isMissing(e) ? documentsError('file_missing') : e;
    }
  }

  async readStream(key: string): Promise<Readable> {
    // Opened first, so a missing file throws here rather than as a stream error after the answer has begun.
    const handle = await fs.open(this.pathOf(key), 'r').catch((e: unknown) => {
      throw isMissing(e) ? documentsError('file_missing') : e;
    });
    return handle.createReadStream();
  }

  async exists(key: string): Promise<boolean> {
    return fs.access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {}
}
