import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';

const MAGIC = Buffer.from('RDE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypted files on local disk (AES-256-GCM, one random IV per file), named by generated ids only, in a folder
 * nothing serves. The authentication tag makes a tampered file fail to open rather than open altered.
 */
@Injectable()
export class DocumentStore {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}(\.[a-z]+)?$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(this.config.documentsDir, key.slice(0, 2), key);
  }

  newKey(): string {
    return randomUUID();
  }

  async put(key: string, plain: Buffer): Promise<void> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.config.documentsKey, iv);
    cipher.setAAD(Buffer.from(key));
    const body = cipher.update(plain);
    const rest = cipher.final(); // empty for GCM, written anyway
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a crash never leaves a half-written file under the final name. The parts are written
    // as they are (no concatenated copy of a 10 MB document).
    const tmp = `${file}.${process.pid}.tmp`;
    const handle = await fs.open(tmp, 'w', 0o600);
    try {
      const parts = [MAGIC, iv, cipher.getAuthTag(), body, rest];
      const { bytesWritten } = await handle.writev(parts);
      const expected = parts.reduce((n, b) => n + b.length, 0);
      if (bytesWritten !== expected) throw new Error(`short write storing ${key}: ${bytesWritten} of ${expected} bytes`);
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Buffer> {
    const raw = await fs.readFile(this.pathOf(key));
    if (!raw.subarray(0, 4).equals(MAGIC)) throw new Error('not an encrypted document');
    const iv = raw.subarray(4, 4 + IV_BYTES);
    const tag = raw.subarray(4 + IV_BYTES, 4 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.config.documentsKey, iv);
    decipher.setAAD(Buffer.from(key));
    decipher.setAuthTag(tag);
    const plain = decipher.update(raw.subarray(4 + IV_BYTES + TAG_BYTES));
    const rest = decipher.final(); // checks the tag: a tampered file throws here
    return rest.length ? Buffer.concat([plain, rest]) : plain;
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
}
