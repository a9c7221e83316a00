import { DataSource } from 'typeorm';
import { SecurityEvent } from '../server/accounts/security-event.entity';
import { keysetPage } from '../server/core/database/keyset';
import type { KeysetOrder } from '../server/core/database/keyset';
import { encodeKeyset } from '../server/core/http/cursor';
import { DomainError } from '../server/core/http/errors';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { openDataSource, prepareTestDatabase } from './support/db';
import { createAccount } from './support/factories';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8').toString('base64url');

describe('keyset paging (core/database/keyset)', () => {
  let ds: DataSource;
  let accountId: string;
  /** Ids in the order the database holds them, oldest first: three in one millisecond, two in the next, one later. */
  let ids: string[];

  beforeAll(async () => {
    await prepareTestDatabase();
    ds = await openDataSource();
    accountId = (await createAccount(ds)).id;
    const stamps = ['.123401', '.123999', '.123500', '.124001', '.124002', '.500000'].map((f) => `2026-03-01 10:00:00${f}+00`);
    ids = [];
    for (const at of stamps) {
      const [row] = await ds.query(
        `INSERT INTO mail_outbox (account_id, template, language, to_address, status, created_at) VALUES ($1, 'customer_id_reminder', 'fr', 'k@example.com', 'sent', $2) RETURNING id`,
        [accountId, at],
      );
      ids.push(row.id);
    }
  });
  afterAll(() => ds?.destroy());

  const outbox = () => ds.getRepository(OutboxMessage).createQueryBuilder('m').where('m.accountId = :accountId', { accountId });
  const order = (direction: 'ASC' | 'DESC'): KeysetOrder<OutboxMessage> => ({
    at: { sql: 'm.created_at', of: (m) => m.createdAt },
    id: 'm.id',
    idFormat: 'uuid',
    direction,
  });

  async function walk(direction: 'ASC' | 'DESC', limit: number): Promise<{ seen: OutboxMessage[]; pages: number }> {
    const seen: OutboxMessage[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await keysetPage(outbox(), order(direction), cursor, limit);
      seen.push(...page.data);
      pages += 1;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages < 20);
    return { seen, pages };
  }

  it.each(['ASC', 'DESC'] as const)('walks %s through rows sharing a millisecond, each row once, in (ms, id) order', async (direction) => {
    for (const limit of [1, 2, 4]) {
      const { seen, pages } = await walk(direction, limit);
      expect(seen.map((m) => m.id).sort()).toEqual([...ids].sort());
      expect(pages).toBe(Math.ceil(ids.length / limit));
      const keys = seen.map((m) => [m.createdAt.getTime(), m.id] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
      expect(keys).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    }
  });

  it('says there is no next page when the last page is full to the row', async () => {
    const all = await keysetPage(outbox(), order('ASC'), undefined, ids.length);
    expect(all.data).toHaveLength(ids.length);
    expect(all.nextCursor).toBeNull();
  });

  it('pages on the id alone where no timestamp is given', async () => {
    const repo = ds.getRepository(SecurityEvent);
    for (let i = 0; i < 5; i += 1) await repo.insert({ accountId, at: new Date('2026-03-01T10:00:00Z'), kind: 'login', channel: 'web' });
    const byId: KeysetOrder<SecurityEvent> = { at: null, id: 'e.id', idFormat: 'integer', direction: 'DESC' };
    const events = () => repo.createQueryBuilder('e').where('e.accountId = :accountId', { accountId });
    const first = await keysetPage(events(), byId, undefined, 3);
    const second = await keysetPage(events(), byId, first.nextCursor!, 3);
    const seen = [...first.data, ...second.data].map((e) => BigInt(e.id));
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort((a, b) => (a > b ? -1 : 1)));
    expect(second.nextCursor).toBeNull();
  });

  it('refuses, as 400 `core.invalid_cursor` on the cursor field, any cursor it did not write for this list', async () => {
    const foreign = [
      'not-a-cursor',
      b64('12'),
      b64({ at: '2026-01-01T00:00:00.000Z', id: ids[0] }),
      b64(['2026-01-01T00:00:00.000Z', ids[0], 'extra']),
      b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
      b64(['2026-01-01T00:00:00.000Z', '42']),
      b64(['-271821-04-20T00:00:00.000Z', ids[0]]),
      b64(['10000-01-01T00:00:00.000Z', ids[0]]),
      b64(['yesterday', ids[0]]),
      encodeKeyset(null, ids[0]),
    ];
    for (const cursor of foreign) {
      const error = await keysetPage(outbox(), order('ASC'), cursor, 2).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ status: 'invalid', code: 'core.invalid_cursor', fields: { cursor: expect.any(String) } });
    }
    const idOnly: KeysetOrder<SecurityEvent> = { at: null, id: 'e.id', idFormat: 'integer', direction: 'DESC' };
    const timedCursor = encodeKeyset(new Date(), '42');
    await expect(keysetPage(ds.getRepository(SecurityEvent).createQueryBuilder('e'), idOnly, timedCursor, 2)).rejects.toMatchObject({
      code: 'core.invalid_cursor',
    });
  });
});
