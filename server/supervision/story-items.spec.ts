import type { AuditEvent } from '../audit/audit-event.entity';
import { chainHash, GENESIS_HASH } from '../audit/audit-chain';
import { refReadings } from './case-ref';
import { byTime, entryVerifies, type StoryItem } from './story-items';
import { auditEntry } from '../../test/support/audit-entry';

const entry = (id: string, prevHash: string, action: string): AuditEvent => {
  const e = auditEntry({ id, actorEmail: 'a@staff.test', actorRoles: ['agent'], action, prevHash });
  e.hash = chainHash(prevHash, e);
  return e;
};

describe('a story’s chain verification', () => {
  const first = entry('1', GENESIS_HASH, 'case.open');
  const second = entry('2', first.hash, 'case.submit');

  it('verifies an entry whose hash matches its content and links to the one before it', () => {
    expect(entryVerifies(first, null)).toBe(true);
    expect(entryVerifies(second, first.hash)).toBe(true);
  });

  it('breaks on an edited entry or a missing link', () => {
    expect(entryVerifies({ ...second, action: 'case.reject' }, first.hash)).toBe(false);
    expect(entryVerifies(second, 'f'.repeat(64))).toBe(false);
    expect(entryVerifies(second, null)).toBe(false);
  });
});

describe('the references people type', () => {
  it('reads UUIDs, 8-character refs and customer IDs; refuses anything else', () => {
    expect(refReadings('1A2B3C4D-0000-4000-8000-000000000001')).toEqual({ uuid: '1a2b3c4d-0000-4000-8000-000000000001' });
    expect(refReadings(' 1a2b3c4d… ')).toEqual({ short: '1a2b3c4d' });
    expect(refReadings('AB12345')).toEqual({ customerId: 'ab12345-ovh' });
    // Letters then digits in hex: both readings, the resolver counts the matches of each.
    expect(refReadings('abcd1234')).toEqual({ short: 'abcd1234', customerId: 'abcd1234-ovh' });
    for (const bad of ['', '12345', '1a2b3c4', 'x'.repeat(60), "1a2b3c4d'; --"]) {
      expect(() => refReadings(bad)).toThrow(expect.objectContaining({ code: 'supervision.case_ref_malformed' }));
    }
  });
});

describe('the story’s order', () => {
  const item = (at: string, kind: StoryItem['kind'], id?: string): StoryItem => ({
    at,
    kind,
    code: 'x',
    who: { kind: 'system', email: null, roles: [] },
    caseKind: null,
    caseRef: null,
    params: {},
    audit: id ? { id, hash: '', prevHash: '', chain: 'verified' } : null,
  });

  it('orders by time, then decisions before their audit entry and its mail, then by chain position', () => {
    const t = '2026-01-01T10:00:00.000Z';
    const items = [
      item(t, 'mail'),
      item(t, 'audit', '10'),
      item(t, 'audit', '9'),
      item(t, 'decision'),
      item('2026-01-01T09:00:00.000Z', 'mail'),
    ];
    expect(items.sort(byTime).map((i) => `${i.kind}${i.audit?.id ?? ''}`)).toEqual(['mail', 'decision', 'audit9', 'audit10', 'mail']);
  });
});
