/**
 * Customer IDs (NIC handles) come in many writings: `ab12345-ovh`, `AB12345-OVH`, `ab12345`, ` ab12345-ovh `.
 * Stored normalized: lower case with the `-ovh` suffix. A lookup is never refused for its shape alone.
 */
const SUFFIX = '-ovh';

export function normalizeCustomerId(input: string): string {
  const compact = input.trim().toLowerCase().replace(/\s+/g, '');
  const bare = compact.endsWith(SUFFIX) ? compact.slice(0, -SUFFIX.length) : compact;
  return bare + SUFFIX;
}

/** Looks like a customer ID: letters then digits, with or without the suffix (the usual shapes, not a rule). */
export function looksLikeCustomerId(input: string): boolean {
  return /^[a-z]{1,4}\d{2,9}(-ovh)?$/i.test(input.trim());
}
