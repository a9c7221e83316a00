import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import type { BlobStore } from './stores/blob-store';
import { keyringOf, open, OpenStream, seal, SealStream, sealWhole, type Keyring, type Plain } from './stores/envelope';
import { FsBlobStore } from './stores/fs-blob-store';

function blobStoreFor(config: AppConfig): BlobStore {
  if (config.documentsStore === 'fs') return new FsBlobStore(config.documentsDir);
  if (!config.s3) throw new Error('DOCUMENTS_STORE is s3 but no S3 settings were loaded');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the AWS SDK (≈20 MB resident, 90 ms) loads only when used
  const { S3BlobStore } = require('./stores/s3-blob-store') as typeof import('./stores/s3-blob-store');
  return new S3BlobStore(config.s3);
}

/**
 * Encrypted documents (AES-256-GCM envelopes, see stores/envelope.ts), named by generated ids only, on local disk
 * or in an S3 bucket (DOCUMENTS_STORE). Encryption happens here, so neither holder ever sees plaintext. The
 * authentication tag makes a tampered file fail to open rather than open altered.
 */
@Injectable()
export class DocumentStore implements OnModuleDestroy {
  private readonly keys: Keyring;
  private readonly blobs: BlobStore;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = keyringOf(config);
    this.blobs = blobStoreFor(config);
  }

  private checked(key: string): string {
    if (!/^[0-9a-f-]{36}(\.[a-z]+)?$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return key;
  }

  newKey(): string {
    return randomUUID();
  }

  /** Stores a document given whole or as the slices it arrived in (an upload, never concatenated). */
  async put(key: string, plain: Plain): Promise<void> {
    this.checked(key);
    await this.blobs.write(key, this.blobs.wholeWrites ? [sealWhole(this.keys, key, plain)] : seal(this.keys, key, plain));
  }

  /** Stores a document of unknown length as it arrives; a failing source leaves nothing under the key. */
  async putStream(key: string, plain: Readable): Promise<void> {
    const sealed = new SealStream(this.keys, this.checked(key));
    let sourceError: Error | undefined;
    plain.once('error', (e) => {
      sourceError = e;
      sealed.destroy(e);
    });
    // The holder may start reading only later (after a mkdir, say): an error before then is its to report, not an
    // unhandled 'error' event.
    sealed.on('error', () => undefined);
    try {
      await this.blobs.writeStream(key, plain.pipe(sealed));
    } catch (e) {
      // The source's failure is the cause; an S3 upload reports its own abort instead.
      throw sourceError ?? e;
    }
  }

  /** The whole document, authenticated before it is returned. Throws `documents.file_missing` when there is none. */
  async get(key: string): Promise<Buffer> {
    return open(this.keys, key, await this.blobs.read(this.checked(key)));
  }

  /** The document as it is read: authenticated only at its end, where an altered file makes the stream fail. */
  async getStream(key: string): Promise<Readable> {
    const raw = await this.blobs.readStream(this.checked(key));
    const plain = new OpenStream(this.keys, key);
    raw.once('error', (e) => plain.destroy(e));
    return raw.pipe(plain);
  }

  exists(key: string): Promise<boolean> {
    return this.blobs.exists(this.checked(key));
  }

  remove(key: string): Promise<void> {
    return this.blobs.remove(this.checked(key));
  }

  onModuleDestroy(): Promise<void> {
    return this.blobs.close();
  }
}
