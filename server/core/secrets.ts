import { timingSafeEqual } from 'node:crypto';

/** Compares two secrets (HMACs of codes or tokens) in constant time; a missing one never matches. */
export function sameSecret(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
