import { looksLikeCustomerId, normalizeCustomerId } from './customer-id';
import { maskEmail, maskPhone, maskPostalCode } from './masking';
import { fallsBackToSimilar, wordsQuery } from './name-search';
import { routeQuery } from './query-router';

describe('customer IDs', () => {
  it.each([
    ['ab12345-ovh', 'ab12345-ovh'],
    ['AB12345-OVH', 'ab12345-ovh'],
    ['ab12345', 'ab12345-ovh'],
    ['  Ab123456-Ovh ', 'ab123456-ovh'],
    ['xx11111', 'xx11111-ovh'],
  ])('normalizes %p to %p', (input, expected) => {
    expect(normalizeCustomerId(input)).toBe(expected);
  });

  it('recognizes the usual shapes without making them a rule', () => {
    expect(looksLikeCustomerId('ab12345-ovh')).toBe(true);
    expect(looksLikeCustomerId('AB123456-OVH')).toBe(true);
    expect(looksLikeCustomerId('ab12345')).toBe(true);
    expect(looksLikeCustomerId('dupont')).toBe(false);
  });
});

describe('masking', () => {
  it('masks emails as p***@e***.com', () => {
    expect(maskEmail('pierre.dupont@example.com')).toBe('p***@e***.com');
    expect(maskEmail('a@b.fr')).toBe('a***@b***.fr');
    expect(maskEmail(null)).toBeNull();
  });

  it('masks phones keeping the country code, first digit and last two', () => {
    expect(maskPhone('+33612345612')).toBe('+33 6 ** ** ** 12');
    expect(maskPhone('+442071838750')).toBe('+44 2* **** **50');
  });

  it('masks postal codes after the département', () => {
    expect(maskPostalCode('75011')).toBe('75***');
  });
});

describe('search routing', () => {
  it.each([
    ['ab12345-ovh', { kind: 'customer_id', customerId: 'ab12345-ovh' }],
    ['AB12345', { kind: 'customer_id', customerId: 'ab12345-ovh' }],
    ['Pierre.Dupont@Example.com', { kind: 'email', email: 'pierre.dupont@example.com' }],
    ['06 12 34 56 12', { kind: 'phone', e164: '+33612345612' }],
    ['06.12.34.56.12', { kind: 'phone', e164: '+33612345612' }],
    ['+33 (0)6 12 34 56 12', { kind: 'phone', e164: '+33612345612' }],
    ['0033612345612', { kind: 'phone', e164: '+33612345612' }],
    ['+44 20 7183 8750', { kind: 'phone', e164: '+442071838750' }],
    ['Dupont', { kind: 'name', text: 'Dupont', customerId: 'dupont-ovh' }],
    ['Société Générale', { kind: 'name', text: 'Société Générale', customerId: 'sociétégénérale-ovh' }],
    ['du', { kind: 'too_short' }],
  ])('routes %p', (q, expected) => {
    if (expected.kind === 'phone') expect(routeQuery(q)).toMatchObject(expected);
    else expect(routeQuery(q)).toEqual(expected);
  });
});

describe('name search words', () => {
  it.each([
    ['Sophie Le', "'sophie' & '^le'"],
    ['sophie l', "'sophie' & '^l'"],
    ['Élodie LEFÈ', "'elodie' & '^lefe'"],
    ['Thomas', "'^thomas'"],
    ['Boulangeries Dupont', "'boulangeries' & '^dupont'"],
    ['Dupont Boulangeries', "'dupont' & 'boulangeries':*"],
    ['  jean-françois  müller ', "'jean' & 'francois' & '^muller'"],
    ["O'Brien & co", "'o' & 'brien' & '^co'"],
    ['Cœur Œ', "'coeur' & '^oe'"],
    ['martin martin', "'^martin'"],
    ["jean' | !martin:*", "'jean' & '^martin'"],
  ])('reads %p as %p', (text, expected) => {
    expect(wordsQuery(text)).toBe(expected);
  });

  it('has no words in punctuation alone', () => {
    expect(wordsQuery('%%% ---')).toBeNull();
  });

  it.each([
    ['Loïc Wr', false],
    ['loic w', false],
    ['Le', false],
    ['Sophie É.', false],
    ['Loïc Wri', true],
    ['elodie lefevrre', true],
    ['Œu', true], // folded to "oeu": the index's letters, not the typed ones
    ['%%% ---', true], // no word at all: only similar spellings can answer
  ])('goes on from %p to similar spellings unasked: %p', (text, expected) => {
    expect(fallsBackToSimilar(text)).toBe(expected);
  });
});
