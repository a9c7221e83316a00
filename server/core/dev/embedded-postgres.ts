import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join, resolve as resolvePath } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';

export const EMBEDDED_POSTGRES_DEFAULT_PORT = 54329;

/**
 * Every extension a migration may create must be loaded here: PGlite crashes the process on
 * `CREATE EXTENSION` of one that was not loaded when the instance was created.
 */
const EXTENSIONS = { pg_trgm, pgcrypto, citext, unaccent };

/** A pool opens one socket per client; pglite-socket's own default of one breaks every pool. */
const MAX_CONNECTIONS = 100;

const LOCK_FILE = 'embedded-postgres.lock';

export interface EmbeddedPostgres {
  url: string;
  /** A plain function, so that it can be handed on detached (`stops.push(pg.stop)`). */
  stop: () => Promise<void>;
}

/**
 * A development and test stand-in for PostgreSQL: PGlite (PostgreSQL 18 in WebAssembly), persisted
 * under `dataDir`, served over the wire protocol so that `pg` and TypeORM connect with a plain URL.
 * It listens on `port` (default 54329) or, when that is taken, on a free one: connect to the `url` returned.
 * Queries run on this process's thread, so a long one holds up its event loop too.
 *
 * It is one backend: all connections share one session (SET, session advisory locks, prepared
 * statement names), and while one connection is inside a transaction the others wait for it.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port?: number; host?: string }): Promise<EmbeddedPostgres> {
  const host = opts.host ?? '127.0.0.1';
  mkdirSync(opts.dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(opts.dataDir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create({ dataDir: opts.dataDir, extensions: EXTENSIONS });
    const scheduler = new SessionScheduler(db);
    const handlers = new Set<PGLiteSocketHandler>();
    const server = createServer((socket) => void attach(socket, scheduler, handlers));
    server.maxConnections = MAX_CONNECTIONS;
    const port = await listen(server, host, opts.port ?? EMBEDDED_POSTGRES_DEFAULT_PORT).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      return listen(server, host, 0);
    });
    const url = `postgres://postgres@${host.includes(':') ? `[${host}]` : host}:${port}/postgres`;
    writeFileSync(join(opts.dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, url }));

    let stopping: Promise<void> | undefined;
    const running = db;
    const stop = () =>
      (stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...handlers].map((handler) => handler.detach(true)));
        handlers.clear();
        await closed;
        await scheduler.idle();
        await running.close();
        releaseLock();
      })());
    return { url, stop };
  } catch (error) {
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}

async function attach(socket: Socket, scheduler: SessionScheduler, handlers: Set<PGLiteSocketHandler>): Promise<void> {
  const handler = new PGLiteSocketHandler({
    // pglite-socket's own queue interleaves the extended-protocol messages of different
    // connections (a large Bind split over several reads lands on another client's statement).
    queryQueue: scheduler as unknown as PGLiteSocketHandlerOptions['queryQueue'],
    closeOnDetach: true,
  });
  handlers.add(handler);
  const forget = () => handlers.delete(handler);
  handler.addEventListener('close', forget);
  handler.addEventListener('error', forget);
  try {
    await handler.attach(socket);
  } catch {
    forget();
    socket.destroy();
  }
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('Expected a TCP address'));
      else resolve(address.port);
    });
  });
}

/** Data directories this process has open; a lock file naming our own pid is otherwise left from a previous life. */
const openHere = new Set<string>();

/** PGlite's own postmaster.pid holds a fake pid, so it does not stop a second instance opening the same files. */
function acquireDataDirLock(dataDir: string): () => void {
  const path = join(resolvePath(dataDir), LOCK_FILE);
  if (openHere.has(path)) throw new Error(`Embedded PostgreSQL data in ${dataDir} is already open in this process`);
  for (;;) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(path);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new Error(
          `Embedded PostgreSQL data in ${dataDir} is already open in process ${holder.pid}` +
            `${holder.url ? ` (serving ${holder.url})` : ''}: stop it or connect to it, or delete ${path} if that process is not ours`,
          { cause: error },
        );
      }
      rmSync(path, { force: true });
    }
  }
  openHere.add(path);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    openHere.delete(path);
    if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
  };
}

function readLock(path: string): { pid: number; url?: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; url?: unknown };
    if (typeof parsed.pid !== 'number') return undefined;
    return { pid: parsed.pid, url: typeof parsed.url === 'string' ? parsed.url : undefined };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface PendingMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);
const TERMINATE = 0x58;
const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;

/**
 * Gives the one PGlite session to one connection at a time, from its first message until the backend
 * reports ReadyForQuery with an idle status: a whole simple query, a whole Parse…Sync run, a whole
 * transaction. Takes the place of pglite-socket's QueryQueueManager (same three methods).
 */
class SessionScheduler {
  private readonly queue: PendingMessage[] = [];
  private owner: number | null = null;
  /** Whether the owner's last output ended with ReadyForQuery, and with which transaction status. */
  private ownerReady = true;
  private ownerStatus = IDLE;
  private running: Promise<void> | undefined;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      this.pump();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId === handlerId) this.queue.splice(i, 1)[0].reject(new Error('Handler disconnected'));
    }
  }

  /** A connection that leaves mid-run or mid-transaction must not leave the shared session dirty. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    await this.running;
    if (this.owner !== handlerId) return;
    await this.resetSession();
    this.pump();
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private pump(): void {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.next() !== -1) this.pump();
    });
  }

  private async drain(): Promise<void> {
    for (let index = this.next(); index !== -1; index = this.next()) {
      const item = this.queue.splice(index, 1)[0];
      this.owner = item.handlerId;
      let bytes = 0;
      const tail = new MessageTail();
      try {
        await this.db.runExclusive(() =>
          this.db.execProtocolRawStream(item.message, {
            onRawData: (data) => {
              bytes += data.length;
              tail.push(data);
              item.onData(data);
            },
          }),
        );
      } catch (error) {
        this.ownerReady = false;
        item.reject(error);
        continue;
      }
      if (item.message[0] === TERMINATE) {
        // Terminate gets no answer; a real backend would end its session, so end this client's share of ours.
        await this.resetSession();
      } else {
        this.ownerReady = tail.lastType === READY_FOR_QUERY;
        if (this.ownerReady) this.ownerStatus = tail.status;
        if (this.ownerReady && this.ownerStatus === IDLE) this.release();
      }
      item.resolve(bytes);
    }
  }

  private next(): number {
    return this.owner === null ? (this.queue.length > 0 ? 0 : -1) : this.queue.findIndex((item) => item.handlerId === this.owner);
  }

  private async resetSession(): Promise<void> {
    await this.db.runExclusive(async () => {
      if (!this.ownerReady) await this.discard(SYNC);
      if (this.ownerStatus !== IDLE) await this.discard(simpleQuery('ROLLBACK'));
    });
    this.release();
  }

  /** Streams, not execProtocolRaw: PGlite keeps the last stream callback and would send the output to that client. */
  private async discard(message: Uint8Array): Promise<void> {
    const tail = new MessageTail();
    await this.db.execProtocolRawStream(message, { onRawData: (data) => tail.push(data) });
    this.ownerReady = tail.lastType === READY_FOR_QUERY;
    if (this.ownerReady) this.ownerStatus = tail.status;
  }

  private release(): void {
    this.owner = null;
    this.ownerReady = true;
    this.ownerStatus = IDLE;
  }
}

/** Follows backend message framing (type byte, int32 length) across chunks to know the last message's type. */
class MessageTail {
  lastType = 0;
  status = 0;
  private header = new Uint8Array(5);
  private headerBytes = 0;
  private remaining = 0;

  push(data: Uint8Array): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, data.length - offset);
        if (this.lastType === READY_FOR_QUERY) this.status = data[offset + take - 1];
        this.remaining -= take;
        offset += take;
        continue;
      }
      this.header[this.headerBytes++] = data[offset++];
      if (this.headerBytes < 5) continue;
      this.headerBytes = 0;
      this.lastType = this.header[0];
      this.remaining = new DataView(this.header.buffer).getInt32(1) - 4;
    }
  }
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
