/** Errors that mean "PostgreSQL cannot be reached right now" rather than "this query is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** Connection failures, shutdowns, too many connections, and transient conflicts (deadlock, serialization). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300|40P01|40001)/;
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
  'the database system is starting up',
  'the database system is shutting down',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}

/** A unique constraint refused the row (SQLSTATE 23505): the caller answers 409. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } } | null)?.driverError?.code === '23505';
}
