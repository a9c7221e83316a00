import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  path: string;
  data: Buffer;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The evidence archive: `evidence.json`, the case's files, `manifest.json` (every other file's path, size and
 * SHA-256, and how to check the chain) and `SHA256SUMS` (`sha256sum -c` format, every file but itself).
 * Streamed by yazl as it is read.
 */
export function evidenceZip(bundle: object, files: ZipEntry[], at: Date, missing: object[] = []): Readable {
  const entries: ZipEntry[] = [{ path: 'evidence.json', data: Buffer.from(JSON.stringify(bundle, null, 2)) }, ...files];
  const manifest = {
    generatedAt: at.toISOString(),
    algorithm: 'sha256',
    files: entries.map((e) => ({ path: e.path, bytes: e.data.length, sha256: sha256(e.data) })),
    /** Documents the store could not give back (removed, or failing their authentication tag). */
    missing,
    chain:
      'Each entry of evidence.json "audit": hash = sha256(prevHash + "\\n" + canonical JSON of its chained fields, keys sorted); ' +
      'compare the hashes with GET /api/audit-events/:id or a chain verification.',
  };
  entries.push({ path: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) });
  const sums = entries.map((e) => `${sha256(e.data)}  ${e.path}\n`).join('');
  entries.push({ path: 'SHA256SUMS', data: Buffer.from(sums) });
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.path, { mtime: at });
  zip.end();
  return zip.outputStream as Readable;
}
