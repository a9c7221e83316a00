import { CreateBucketCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../server/core/config/config';

// Node 20 is the project's choice for now (see stack-notes); the SDK's notice of its coming end would only bury the
// tests' output, here and in the processes they start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface TestS3 {
  /** The settings a Recovery Desk process needs to use this server's bucket. */
  settings: S3Settings;
  /** The same, as environment variables for a child process. */
  env: Record<string, string>;
  /** An object's bytes as the server holds them (null when there is none). */
  raw(key: string): Promise<Buffer | null>;
  writeRaw(key: string, data: Buffer): Promise<void>;
  stop(): Promise<void>;
}

/** A real S3 server (s3rver, files in a temporary folder) on an ephemeral port, with one empty bucket. */
export async function startS3(bucket = 'documents', prefix = ''): Promise<TestS3> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'rd-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver checks signatures against its one account.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const settings: S3Settings = { bucket, endpoint, region: 'us-east-1', credentials, forcePathStyle: true, prefix };
  return {
    settings,
    env: {
      DOCUMENTS_STORE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: prefix,
    },
    async raw(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + key }));
        return Buffer.from(await res.Body!.transformToByteArray());
      } catch (e) {
        if (e instanceof NoSuchKey) return null;
        throw e;
      }
    },
    async writeRaw(key, data) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + key, Body: data }));
    },
    async stop() {
      client.destroy();
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
