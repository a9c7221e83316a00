import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { looksLikeCustomerId, normalizeCustomerId } from './customer-id';

export type AccountQuery =
  | { kind: 'customer_id'; customerId: string }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; e164: string }
  | { kind: 'name'; text: string; customerId: string }
  | { kind: 'too_short' };

const PHONE_CHARS = /^[+()\d\s.\-/]+$/;

/**
 * Routes a search box's text by its shape: a customer ID, an email, a phone number in any usual writing
 * (French numbers without a country code), or else a name. A name query still tries the text as a customer ID,
 * so an odd ID shape is never refused.
 */
export function routeQuery(raw: string, defaultCountry: 'FR' = 'FR'): AccountQuery {
  const q = raw.trim();
  if (q.includes('@')) return { kind: 'email', email: q.toLowerCase() };
  if (looksLikeCustomerId(q)) return { kind: 'customer_id', customerId: normalizeCustomerId(q) };
  if (PHONE_CHARS.test(q) && q.replace(/\D/g, '').length >= 6) {
    const international = q.replace(/^00/, '+');
    const parsed = parsePhoneNumberFromString(international, defaultCountry);
    if (parsed?.isPossible()) return { kind: 'phone', e164: parsed.number };
  }
  if (q.length < 3) return { kind: 'too_short' };
  return { kind: 'name', text: q, customerId: normalizeCustomerId(q) };
}
