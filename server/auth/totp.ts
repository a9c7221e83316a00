import { generate, verify } from 'otplib';

const PERIOD = 30;

/**
 * Verifies a staff TOTP code, one step of clock drift either way. Returns the time step it matched so the caller
 * stores it: a code at or before the last accepted step is refused (no replay within its window).
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null, nowMs: number): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  // otplib throws on some inputs (a clock behind the last accepted step): any doubt is a refusal, never a 500.
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: PERIOD,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) return null;
  return Math.floor(nowMs / 1000 / PERIOD) + result.delta;
}

export function totpCode(secret: string, nowMs = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) });
}
