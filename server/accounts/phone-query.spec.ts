import { phoneCandidates, rankPhoneMatches, routeQuery } from './query-router';

/** The readings of a typed number, as E.164 with the region that gave each. */
const readings = (q: string, region?: string) => phoneCandidates(q, region).map((c) => `${c.region ?? 'intl'}:${c.e164}`);

describe('phones from anywhere: national writings of the six countries', () => {
  it.each([
    // France: leading 0, spaces, dots, dashes, 00 prefix, +33 with the (0).
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['FR', '06.12.34.56.78', '+33612345678'],
    ['FR', '06-12-34-56-78', '+33612345678'],
    ['FR', '0612345678', '+33612345678'],
    ['FR', '01 42 68 53 00', '+33142685300'],
    // Belgium: mobiles 04xx, Brussels 02.
    ['BE', '0470 12 34 56', '+32470123456'],
    ['BE', '0470/12.34.56', '+32470123456'],
    ['BE', '02 123 45 67', '+3221234567'],
    // Switzerland: 07x mobiles, 022 Geneva.
    ['CH', '079 123 45 67', '+41791234567'],
    ['CH', '022 123 45 67', '+41221234567'],
    // United Kingdom: Ofcom drama numbers (not "valid" ranges, still possible: they must be found).
    ['GB', '07700 900123', '+447700900123'],
    ['GB', '07700-900-123', '+447700900123'],
    ['GB', '020 7183 8750', '+442071838750'],
    // Germany: mobiles 015x/016x/017x, Berlin 030.
    ['DE', '0151 23456789', '+4915123456789'],
    ['DE', '030 1234567', '+49301234567'],
    // Spain: no trunk 0, nine digits.
    ['ES', '612 34 56 78', '+34612345678'],
    ['ES', '91 123 45 67', '+34911234567'],
  ])('%s: %p is read as %p whatever the agent’s region', (region, typed, e164) => {
    for (const agentRegion of ['FR', 'GB', 'DE']) {
      expect(readings(typed, agentRegion)).toContain(`${region}:${e164}`);
    }
  });

  it('reads the agent’s region first', () => {
    expect(readings('07700 900123', 'GB')[0]).toBe('GB:+447700900123');
    expect(readings('06 12 34 56 78', 'FR')[0]).toBe('FR:+33612345678');
    expect(readings('06 12 34 56 78', 'DE')[0]).toBe('DE:+49612345678');
    expect(routeQuery('07700 900123', 'GB')).toMatchObject({ kind: 'phone', e164: '+447700900123' });
  });

  it.each([
    ['+44 7700 900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['+44 (0)7700 900123', '+447700900123'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0041 79 123 45 67', '+41791234567'],
    ['+49 151 23456789', '+4915123456789'],
    ['+34 612-34-56-78', '+34612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
  ])('an international writing %p has one reading, %p', (typed, e164) => {
    const all = phoneCandidates(typed, 'FR');
    expect(all.map((c) => c.e164)).toEqual([e164]);
  });

  it('is no phone when too short or with letters', () => {
    expect(phoneCandidates('0612', 'FR')).toEqual([]);
    expect(phoneCandidates('06 12 AB 56 78', 'FR')).toEqual([]);
    expect(routeQuery('12345', 'FR').kind).not.toBe('phone');
  });

  it('prefers the account whose own country gave the matching reading', () => {
    const candidates = phoneCandidates('06 12 34 56 78', 'FR');
    const fr = { customerId: 'zz1-ovh', country: 'FR', phone: '+33612345678' };
    const de = { customerId: 'aa1-ovh', country: 'DE', phone: '+49612345678' };
    const foreignHeldFr = { customerId: 'bb1-ovh', country: 'BE', phone: '+33612345678' };
    expect(rankPhoneMatches([de, foreignHeldFr, fr], candidates).map((a) => a.customerId)).toEqual(['zz1-ovh', 'aa1-ovh', 'bb1-ovh']);
    const uk = { customerId: 'cc1-ovh', country: 'GB', phone: '+447700900123' };
    expect(rankPhoneMatches([uk], phoneCandidates('07700 900123', 'FR'))).toEqual([uk]);
  });
});
