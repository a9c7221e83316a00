import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { LEGACY_DOCUMENTS_KEY_ID, type AppConfig } from '../../core/config/config';

/**
 * The encryption envelope of every stored file, whatever holds it: AES-256-GCM, one random IV per file, the
 * storage key bound as additional data (a file copied under another key fails to open).
 *
 * - `RDE2` (written now): magic, key id length (1 byte), key id, IV, ciphertext, tag. The tag comes last so a file
 *   of unknown length can be encrypted as it streams; the header is authenticated with the storage key.
 * - `RDE1` (before key ids): magic, IV, tag, ciphertext. Read with the key whose id is LEGACY_DOCUMENTS_KEY_ID.
 */
const MAGIC = Buffer.from('RDE2');
const LEGACY_MAGIC = Buffer.from('RDE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LEGACY_HEADER_BYTES = 4 + IV_BYTES + TAG_BYTES;
/** Cipher slice: below the launcher's 128 KB mmap threshold, so each slice's output comes from the heap. */
const CHUNK_BYTES = 64 * 1024;

export interface Keyring {
  currentId: string;
  byId: ReadonlyMap<string, Buffer>;
}

export function keyringOf(config: Pick<AppConfig, 'documentsKey' | 'documentsKeyId' | 'documentsOldKeys'>): Keyring {
  return {
    currentId: config.documentsKeyId,
    byId: new Map([...Object.entries(config.documentsOldKeys), [config.documentsKeyId, config.documentsKey]]),
  };
}

function keyOf(keys: Keyring, id: string): Buffer {
  const key = keys.byId.get(id);
  // A key rotated out of DOCUMENTS_OLD_KEYS too early: an operator's mistake to name, never a corrupt file.
  if (!key) throw new Error(`document encrypted with key id "${id}", which is neither DOCUMENTS_KEY_ID nor in DOCUMENTS_OLD_KEYS`);
  return key;
}

interface Header {
  bytes: number;
  keyId: string;
  iv: Buffer;
  aad: Buffer;
  /** Set for RDE1, whose tag precedes the ciphertext. */
  tag: Buffer | null;
}

/** The header at the start of `raw`, or null when more bytes are needed to read it. */
function readHeader(raw: Buffer, storageKey: string): Header | null {
  if (raw.length < 5) return null;
  const magic = raw.subarray(0, 4);
  if (magic.equals(LEGACY_MAGIC)) {
    if (raw.length < LEGACY_HEADER_BYTES) return null;
    return {
      bytes: LEGACY_HEADER_BYTES,
      keyId: LEGACY_DOCUMENTS_KEY_ID,
      iv: raw.subarray(4, 4 + IV_BYTES),
      tag: raw.subarray(4 + IV_BYTES, LEGACY_HEADER_BYTES),
      aad: Buffer.from(storageKey),
    };
  }
  if (!magic.equals(MAGIC)) throw new Error('not an encrypted document');
  const bytes = 5 + raw[4] + IV_BYTES;
  if (raw.length < bytes) return null;
  return {
    bytes,
    keyId: raw.subarray(5, 5 + raw[4]).toString('latin1'),
    iv: raw.subarray(bytes - IV_BYTES, bytes),
    tag: null,
    aad: Buffer.concat([raw.subarray(0, bytes), Buffer.from(storageKey)]),
  };
}

function decipherFor(keys: Keyring, header: Header): DecipherGCM {
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keys, header.keyId), header.iv);
  decipher.setAAD(header.aad);
  if (header.tag) decipher.setAuthTag(header.tag);
  return decipher;
}

function startSealing(keys: Keyring, storageKey: string) {
  const id = Buffer.from(keys.currentId, 'latin1');
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([id.length]), id, iv]);
  const cipher = createCipheriv('aes-256-gcm', keyOf(keys, keys.currentId), iv);
  cipher.setAAD(Buffer.concat([header, Buffer.from(storageKey)]));
  return { header, cipher };
}

/** A document held whole or as the slices it arrived in (an upload's socket reads), cut into ≤ 64 KB pieces. */
export type Plain = Buffer | readonly Buffer[];

function* slicesOf(plain: Plain): Generator<Buffer> {
  for (const part of Buffer.isBuffer(plain) ? [plain] : plain) {
    for (let at = 0; at < part.length; at += CHUNK_BYTES) yield part.subarray(at, at + CHUNK_BYTES);
  }
}

function lengthOf(plain: Plain): number {
  return Buffer.isBuffer(plain) ? plain.length : plain.reduce((n, part) => n + part.length, 0);
}

/**
 * A whole document's envelope, as slices to write one after the other (no concatenated copy). Encrypted in 64 KB
 * slices: one cipher.update over a multi-MB buffer allocates its output as one big mmapped block (the launcher maps
 * every block ≥ 128 KB) and page-faults it in — measured 3× slower than the same bytes in slices.
 */
export function seal(keys: Keyring, storageKey: string, plain: Plain): Buffer[] {
  const { header, cipher } = startSealing(keys, storageKey);
  const parts = [header];
  for (const slice of slicesOf(plain)) parts.push(cipher.update(slice));
  parts.push(cipher.final(), cipher.getAuthTag()); // final is empty for GCM, written anyway
  return parts;
}

/**
 * The same envelope in one buffer, for a holder that needs it whole (an S3 PUT is retried and signed only with a
 * buffer body). Each slice is copied in as it is made, so no slice list lives beside it: memory stays that of seal.
 */
export function sealWhole(keys: Keyring, storageKey: string, plain: Plain): Buffer {
  const { header, cipher } = startSealing(keys, storageKey);
  const out = Buffer.allocUnsafe(header.length + lengthOf(plain) + TAG_BYTES);
  let at = header.copy(out, 0);
  for (const slice of slicesOf(plain)) at += cipher.update(slice).copy(out, at);
  at += cipher.final().copy(out, at);
  at += cipher.getAuthTag().copy(out, at);
  if (at !== out.length) throw new Error(`envelope of ${storageKey} is ${at} bytes, not ${out.length}`);
  return out;
}

/**
 * Opens a whole envelope in place: each 64 KB slice's plaintext is copied back over its own ciphertext, so the
 * file's buffer becomes the document's with no second multi-MB allocation. GCM is a stream mode: a slice's output
 * is never longer than its input and never overwrites ciphertext not yet read. A tampered file throws.
 */
export function open(keys: Keyring, storageKey: string, raw: Buffer): Buffer {
  const header = readHeader(raw, storageKey);
  if (!header || (!header.tag && raw.length < header.bytes + TAG_BYTES)) throw new Error('not an encrypted document');
  const decipher = decipherFor(keys, header);
  const end = header.tag ? raw.length : raw.length - TAG_BYTES;
  if (!header.tag) decipher.setAuthTag(raw.subarray(end));
  let written = header.bytes;
  for (let at = header.bytes; at < end; at += CHUNK_BYTES) {
    written += decipher.update(raw.subarray(at, Math.min(at + CHUNK_BYTES, end))).copy(raw, written);
  }
  written += decipher.final().copy(raw, written); // checks the tag
  return raw.subarray(header.bytes, written);
}

/** Encrypts a document of any length as it flows: header first, the tag once the input ends. */
export class SealStream extends Transform {
  private readonly cipher: CipherGCM;
  private header: Buffer | null;

  constructor(keys: Keyring, storageKey: string) {
    super();
    const started = startSealing(keys, storageKey);
    this.cipher = started.cipher;
    this.header = started.header;
  }

  private pushHeader(): void {
    if (this.header) this.push(this.header);
    this.header = null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pushHeader();
    for (let at = 0; at < chunk.length; at += CHUNK_BYTES) this.push(this.cipher.update(chunk.subarray(at, at + CHUNK_BYTES)));
    done();
  }

  override _flush(done: TransformCallback): void {
    this.pushHeader();
    const rest = this.cipher.final();
    if (rest.length) this.push(rest);
    this.push(this.cipher.getAuthTag());
    done();
  }
}

/**
 * Decrypts an envelope as it flows, holding back the last 16 bytes (RDE2's tag) until the end. The tag is checked
 * only then: a reader that must not act on unauthenticated bytes reads the whole document (DocumentStore.get);
 * an altered file makes this stream fail at its end, so a download of it is cut rather than completed.
 */
export class OpenStream extends Transform {
  private decipher: DecipherGCM | null = null;
  private legacy = false;
  /** Header bytes not yet complete, then the held-back tail. */
  private pending = Buffer.alloc(0);

  constructor(
    private readonly keys: Keyring,
    private readonly storageKey: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      if (!this.decipher) {
        this.pending = Buffer.concat([this.pending, chunk]);
        const header = readHeader(this.pending, this.storageKey);
        if (!header) return done();
        this.decipher = decipherFor(this.keys, header);
        this.legacy = header.tag !== null;
        chunk = this.pending.subarray(header.bytes);
        this.pending = Buffer.alloc(0);
      }
      if (this.legacy) {
        this.decipherOut(chunk);
      } else if (chunk.length >= TAG_BYTES) {
        this.decipherOut(this.pending);
        this.decipherOut(chunk.subarray(0, chunk.length - TAG_BYTES));
        this.pending = Buffer.from(chunk.subarray(chunk.length - TAG_BYTES));
      } else {
        const tail = Buffer.concat([this.pending, chunk]);
        const cut = Math.max(0, tail.length - TAG_BYTES);
        this.decipherOut(tail.subarray(0, cut));
        this.pending = tail.subarray(cut);
      }
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  /** Deciphers and passes on a slice of ciphertext (nothing for an empty one: an empty push is no data). */
  private decipherOut(ciphertext: Buffer): void {
    if (ciphertext.length) this.push(this.decipher!.update(ciphertext));
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.decipher || (!this.legacy && this.pending.length !== TAG_BYTES)) throw new Error('not an encrypted document');
      if (!this.legacy) this.decipher.setAuthTag(this.pending);
      const rest = this.decipher.final();
      if (rest.length) this.push(rest);
      done();
    } catch (e) {
      done(e as Error);
    }
  }
}
