/** Ids from a URL are checked before they reach a query: a malformed one is simply "not found". */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): boolean {
  return typeof value === 'string' && UUID.test(value);
}

const MAX_BIGINT = 9223372036854775807n;

/** A PostgreSQL bigint id as text: digits only, within the type's range (a larger one failed in the database). */
export function isBigintId(value: string | null | undefined): boolean {
  return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT;
}
