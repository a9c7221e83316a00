import { parseDay } from '../admin-ui/src/resources/identity-cases/dayInput';

describe('dates typed in the review console', () => {
  it('reads day-first dates with the usual separators, and ISO', () => {
    expect(parseDay('30/06/2031')).toBe('2031-06-30');
    expect(parseDay(' 1.2.2030 ')).toBe('2030-02-01');
    expect(parseDay('01-02-2030')).toBe('2030-02-01');
    expect(parseDay('01 02 2030')).toBe('2030-02-01');
    expect(parseDay('2031-06-30')).toBe('2031-06-30');
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
  });

  it('refuses what is not a calendar date', () => {
    for (const text of ['', '30/06/31', '31/02/2030', '29/02/2027', '13/13/2030', '00/01/2030', '2030/06/30', 'demain', '30/06/2031x']) {
      expect(parseDay(text)).toBeNull();
    }
  });
});
