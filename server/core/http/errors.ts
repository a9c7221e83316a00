/** Domain errors carry a code; the exception filter maps each code to one HTTP status. */
export const ERROR_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A single-use or expiring link that was used or has expired. */
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  throttled: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Messages per field, in react-admin's `errors` shape. */
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** A finer code than the status's (e.g. `cross_origin`), stable for clients and tests: the answer's `code`. */
  reason?: string;

  because(reason: string): this {
    this.reason = reason;
    return this;
  }
}

export const notFound = (what = 'Not found') => new DomainError('not_found', what);
export const conflict = (message: string) => new DomainError('conflict', message);
