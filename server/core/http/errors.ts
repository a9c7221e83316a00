/** The HTTP classes a domain error can fall in, and the status each answers. */
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

export type ErrorStatus = keyof typeof ERROR_STATUS;

/** The values a message needs (`{ status: 'rejected' }`, `{ maxBytes }`): sent to clients, which translate the code with them. */
export type ErrorParams = Record<string, string | number>;

/**
 * A refusal with a stable code (`<module>.<name>`, e.g. `recovery.possession_not_proven`) and its params. Each module
 * lists its codes, their HTTP class and English message in its own `*.errors.ts`; core only carries what it is given,
 * so it never imports a feature module.
 */
export class DomainError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly params: ErrorParams = {},
    /** Messages per field, in react-admin's `errors` shape. */
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Fills `%{name}` placeholders (polyglot's syntax, which the console's translations use too). */
export function interpolate(template: string, params: ErrorParams): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The compiler's proof that a `switch` over a code union handled every code. */
export function unhandledCode(code: never): never {
  throw new Error(`No HTTP status for error code ${String(code)}`);
}

export interface ErrorExtras {
  fields?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A module's error factory, with what tests need to check its catalogue: its codes and their statuses. */
export interface ErrorCatalogue<C extends string> {
  (code: C, params?: ErrorParams, extras?: ErrorExtras): DomainError;
  readonly module: string;
  readonly codes: readonly C[];
  readonly statusOf: (code: C) => ErrorStatus;
  readonly messages: Readonly<Record<C, string>>;
}

/**
 * Builds a module's error factory from its English message templates (one per code: the record type makes the
 * list complete) and its exhaustive status switch.
 */
export function errorCatalogue<C extends string>(
  module: string,
  messages: Record<C, string>,
  statusOf: (code: C) => ErrorStatus,
): ErrorCatalogue<C> {
  const make = (code: C, params: ErrorParams = {}, extras: ErrorExtras = {}) =>
    new DomainError(statusOf(code), `${module}.${code}`, interpolate(messages[code], params), params, extras.fields, extras.headers);
  return Object.assign(make, { module, codes: Object.keys(messages) as C[], statusOf, messages });
}
