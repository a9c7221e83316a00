import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { looksLikeCustomerId, normalizeCustomerId } from './customer-id';

/** The countries the provider serves: a national phone writing is also read as each of theirs. */
export const PHONE_REGIONS = ['FR', 'BE', 'CH', 'GB', 'DE', 'ES'] as const;

/** A reading of the typed number: its E.164 form and the region that gave it (null: written internationally). */
export interface PhoneCandidate {
  e164: string;
  region: string | null;
}

export type AccountQuery =
  | { kind: 'customer_id'; customerId: string }
  | { kind: 'email'; email: string }
  /** `e164` is the first reading (the agent's region); `candidates` all of them, in order of preference. */
  | { kind: 'phone'; e164: string; candidates: PhoneCandidate[] }
  | { kind: 'name'; text: string; customerId: string }
  | { kind: 'too_short' };

const PHONE_CHARS = /^[+()\d\s.\-/]+$/;

export function isPhoneRegion(region: string): boolean {
  return /^[A-Z]{2}$/.test(region) && isSupportedCountry(region);
}

/**
 * Every reading of a phone number as typed: written internationally (`+44…`, `0044…`) it has one; written
 * nationally (`07700 900123`, `06.12.34.56.78`, `612 34 56 78`) it is read with the agent's region first, then
 * with each region the provider serves, keeping the possible ones (lengths, not number ranges: Ofcom's drama
 * numbers and fresh ranges must still be found). Empty when the text is no phone number.
 */
export function phoneCandidates(raw: string, firstRegion = 'FR'): PhoneCandidate[] {
  const q = raw.trim();
  if (!PHONE_CHARS.test(q) || q.replace(/\D/g, '').length < 6) return [];
  const international = q.replace(/^00/, '+').replace(/^\+\s*/, '+');
  if (international.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(international);
    return parsed?.isPossible() ? [{ e164: parsed.number, region: parsed.country ?? null }] : [];
  }
  const regions = [...new Set([firstRegion, ...PHONE_REGIONS])].filter(isPhoneRegion);
  const seen = new Set<string>();
  const out: PhoneCandidate[] = [];
  for (const region of regions) {
    const parsed = parsePhoneNumberFromString(international, region as CountryCode);
    if (!parsed?.isPossible() || seen.has(parsed.number)) continue;
    seen.add(parsed.number);
    out.push({ e164: parsed.number, region });
  }
  return out;
}

/**
 * Routes a search box's text by its shape: a customer ID, an email, a phone number in any usual writing
 * (national numbers read with the agent's region, then the provider's countries), or else a name. A name query
 * still tries the text as a customer ID, so an odd ID shape is never refused.
 */
export function routeQuery(raw: string, phoneRegion = 'FR'): AccountQuery {
  const q = raw.trim();
  if (q.includes('@')) return { kind: 'email', email: q.toLowerCase() };
  if (looksLikeCustomerId(q)) return { kind: 'customer_id', customerId: normalizeCustomerId(q) };
  const candidates = phoneCandidates(q, phoneRegion);
  if (candidates.length) return { kind: 'phone', e164: candidates[0].e164, candidates };
  if (q.length < 3) return { kind: 'too_short' };
  return { kind: 'name', text: q, customerId: normalizeCustomerId(q) };
}

/**
 * Orders the accounts a phone search found: first those whose own country gave the reading that matched them
 * (a UK account found by `07700 900123` read as GB), then by the order of the readings (the agent's region
 * first), then by customer ID.
 */
export function rankPhoneMatches<A extends { phone: string | null; country: string; customerId: string }>(
  accounts: A[],
  candidates: PhoneCandidate[],
): A[] {
  const score = (a: A): [number, number] => {
    const readings = candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.e164 === a.phone);
    const own = readings.find(({ c }) => c.region === a.country);
    return own ? [0, own.i] : [1, readings[0]?.i ?? candidates.length];
  };
  return [...accounts].sort((x, y) => {
    const [sx, ix] = score(x);
    const [sy, iy] = score(y);
    return sx - sy || ix - iy || (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0);
  });
}
