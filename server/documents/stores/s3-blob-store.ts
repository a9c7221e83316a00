import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  type GetObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { S3Settings } from '../../core/config/config';
import { documentsError } from '../documents.errors';
import type { BlobStore } from './blob-store';

/** S3's smallest multipart part: what a streamed upload holds in memory at most, one part at a time. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Envelopes as objects in an S3-compatible bucket, so every API and worker host reads what any other wrote. An
 * object appears whole or not at all (a PUT, or a multipart upload once completed): no temporary names needed.
 */
export class S3BlobStore implements BlobStore {
  /** A buffer body: the SDK retries a PUT that met a transient error (S3's SlowDown, a reset) only with one. */
  readonly wholeWrites = true;
  private readonly client: S3Client;

  constructor(private readonly s3: S3Settings) {
    this.client = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint ?? undefined,
      forcePathStyle: s3.forcePathStyle,
      credentials: s3.credentials ?? undefined,
      // Checksums only where S3 requires them: many S3-compatible services refuse the SDK's default trailing
      // checksums on streamed bodies, and the envelope's GCM tag already proves each file whole and unaltered.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private target(key: string) {
    return { Bucket: this.s3.bucket, Key: `${this.s3.prefix}${key}` };
  }

  async write(key: string, parts: Buffer[]): Promise<void> {
    const body = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    await this.client.send(new PutObjectCommand({ ...this.target(key), Body: body }));
  }

  async writeStream(key: string, body: Readable): Promise<void> {
    const upload = new Upload({ client: this.client, params: { ...this.target(key), Body: body }, partSize: PART_BYTES, queueSize: 1 });
    await upload.done();
  }

  private async get(key: string): Promise<GetObjectCommandOutput & { Body: Readable }> {
    try {
      return (await this.client.send(new GetObjectCommand(this.target(key)))) as GetObjectCommandOutput & { Body: Readable };
    } catch (e) {
      throw e instanceof NoSuchKey ? documentsError('file_missing') : e;
    }
  }

  /** Into one buffer of the announced length: no list of chunks concatenated into a second copy. */
  async read(key: string): Promise<Buffer> {
    const { Body, ContentLength } = await this.get(key);
    const out = Buffer.allocUnsafe(ContentLength ?? 0);
    let at = 0;
    for await (const chunk of Body as AsyncIterable<Buffer>) {
      if (at + chunk.length > out.length) {
        Body.destroy();
        throw new Error(`object ${key} is longer than announced`);
      }
      at += chunk.copy(out, at);
    }
    if (at !== out.length) throw new Error(`object ${key} ended after ${at} of ${out.length} bytes`);
    return out;
  }

  async readStream(key: string): Promise<Readable> {
    return (await this.get(key)).Body;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand(this.target(key)));
      return true;
    } catch (e) {
      if (e instanceof NotFound) return false;
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand(this.target(key)));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
