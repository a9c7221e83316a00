import { canonicalJson, chainHash, ChainRow, GENESIS_HASH, startCursor, verifyRows } from './audit-chain';

function entry(n: number, overrides: Partial<ChainRow> = {}): Omit<ChainRow, 'prevHash' | 'hash' | 'id'> {
  return {
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    actorId: '11111111-1111-4111-8111-111111111111',
    actorEmail: 'agent@example.test',
    actorRoles: ['agent'],
    action: 'account.search',
    outcome: 'success',
    targetType: 'account',
    targetId: `ab${n}-ovh`,
    caseId: null,
    reason: null,
    before: null,
    after: { n, nested: { b: 1, a: [2, { z: 1, y: 2 }] } },
    ip: '127.0.0.1',
    requestId: `req-${n}`,
    ...overrides,
  };
}

function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const e = entry(i);
    const hash = chainHash(prev, e);
    rows.push({ ...e, id: String(i), prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 2, y: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });

  it('verifies an intact chain', () => {
    const result = verifyRows(startCursor(), chain(5));
    expect(result).toMatchObject({ checked: 5, lastId: '5', firstBrokenId: null });
  });

  it('verifies in several batches exactly as in one', () => {
    const rows = chain(6);
    const oneGo = verifyRows(startCursor(), rows);
    const batched = verifyRows(verifyRows(startCursor(), rows.slice(0, 2)), rows.slice(2));
    expect(batched).toEqual(oneGo);
  });

  it('detects an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], reason: 'edited afterwards' };
    expect(verifyRows(startCursor(), rows).firstBrokenId).toBe('3');
  });

  it('detects an edit deep inside the masked values', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1], after: { n: 2, nested: { b: 1, a: [2, { z: 1, y: 3 }] } } };
    expect(verifyRows(startCursor(), rows).firstBrokenId).toBe('2');
  });

  it('detects a deleted row by the broken link of the next one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyRows(startCursor(), rows).firstBrokenId).toBe('3');
  });

  it('keeps the last intact anchor before the first break, even across batches', () => {
    const rows = chain(6);
    rows.splice(3, 1);
    const result = verifyRows(verifyRows(startCursor(), rows.slice(0, 2)), rows.slice(2));
    expect(result).toMatchObject({ firstBrokenId: '5', lastGood: { id: '3', hash: rows[2].hash, count: 3 } });
    expect(verifyRows(startCursor(), chain(3)).lastGood).toBeNull();
  });

  it('detects a row whose hash was recomputed after an edit (the next link breaks)', () => {
    const rows = chain(4);
    const edited = { ...rows[1], actorEmail: 'someone-else@example.test' };
    edited.hash = chainHash(edited.prevHash, edited);
    rows[1] = edited;
    expect(verifyRows(startCursor(), rows).firstBrokenId).toBe('3');
  });

  it('resumes from a checkpoint hash', () => {
    const rows = chain(4);
    const result = verifyRows(startCursor(rows[1].hash, rows[1].id), rows.slice(2));
    expect(result).toMatchObject({ checked: 2, firstBrokenId: null, lastId: '4' });
    expect(verifyRows(startCursor(GENESIS_HASH), rows.slice(2)).firstBrokenId).toBe('3');
  });
});
