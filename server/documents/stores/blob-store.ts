import type { Readable } from 'node:stream';

/**
 * Where encrypted envelopes are kept, by storage key. A blob store never sees plaintext: DocumentStore seals before
 * writing and opens after reading. A read of a key that holds nothing throws `documents.file_missing`.
 */
export interface BlobStore {
  /** True when write() wants the envelope in one buffer rather than as slices. */
  readonly wholeWrites: boolean;
  /** Stores an envelope already in memory, given as slices in order; the key holds all of it or nothing. */
  write(key: string, parts: Buffer[]): Promise<void>;
  /** Stores an envelope of unknown length as it streams in; the key holds all of it or nothing. */
  writeStream(key: string, body: Readable): Promise<void>;
  read(key: string): Promise<Buffer>;
  readStream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removing a key that holds nothing is not an error. */
  remove(key: string): Promise<void>;
  close(): Promise<void>;
}
