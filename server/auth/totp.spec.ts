import { totpCode, verifyTotp } from './totp';

const SECRET = 'DEMODEMODEMODEMODEMODEMODEMODEMO';
const T0 = Date.UTC(2026, 10, 25, 12, 0, 10);

describe('staff TOTP', () => {
  it('accepts the current code and returns its time step', async () => {
    const code = await totpCode(SECRET, T0);
    expect(await verifyTotp(SECRET, code, null, T0)).toBe(Math.floor(T0 / 30000));
  });

  it('accepts one step of drift but not two', async () => {
    const previous = await totpCode(SECRET, T0 - 30_000);
    expect(await verifyTotp(SECRET, previous, null, T0)).toBe(Math.floor(T0 / 30000) - 1);
    const old = await totpCode(SECRET, T0 - 90_000);
    expect(await verifyTotp(SECRET, old, null, T0)).toBeNull();
  });

  it('refuses a replay of an accepted step', async () => {
    const code = await totpCode(SECRET, T0);
    const step = await verifyTotp(SECRET, code, null, T0);
    expect(await verifyTotp(SECRET, code, step, T0 + 1000)).toBeNull();
  });

  it('refuses malformed and wrong codes', async () => {
    expect(await verifyTotp(SECRET, '12345', null, T0)).toBeNull();
    expect(await verifyTotp(SECRET, 'abcdef', null, T0)).toBeNull();
    const code = await totpCode(SECRET, T0);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await verifyTotp(SECRET, wrong, null, T0)).toBeNull();
  });
});

describe('staff TOTP against a clock that went back', () => {
  it('refuses, without throwing, a code older than the last accepted step', async () => {
    const code = await totpCode(SECRET, T0 - 3600_000);
    expect(await verifyTotp(SECRET, code, Math.floor(T0 / 30000), T0 - 3600_000)).toBeNull();
  });
});
