import { fetchUtils, HttpError } from 'react-admin';
import { i18nProvider } from './i18nProvider';

export const API_ROOT = '/api';

export interface ApiErrorBody {
  message?: string | string[];
  errors?: Record<string, string>;
  /** A domain refusal's stable `<module>.<name>` code, translated under `errors.<code>`. */
  code?: string;
  params?: Record<string, string | number>;
  [key: string]: unknown;
}

const messageOf = (body: ApiErrorBody | undefined, fallback: string): string => {
  const message = body?.message;
  if (Array.isArray(message)) return message.join(' ');
  return typeof message === 'string' && message !== '' ? message : fallback;
};

/**
 * A refusal in the console's language: `errors.<code>` with the answer's params, or the server's English message
 * when the console has no translation for the code.
 */
function refusalText(body: ApiErrorBody | undefined, fallback: string): string {
  const english = messageOf(body, fallback);
  const code = typeof body?.code === 'string' ? body.code : null;
  if (!code) return english;
  const key = `errors.${code}`;
  const params = body?.params && typeof body.params === 'object' ? body.params : {};
  // The server's English is the fallback for a code the console does not know yet (`_`).
  return i18nProvider.translate(key, { ...params, _: english });
}

/**
 * Same-origin JSON call. Failures become react-admin `HttpError`s whose body carries the server's
 * `{ errors: { field: message } }`, so forms show server-side validation on their fields.
 * `Accept-Language` follows the console's language (not the browser's), so the server can answer
 * its messages in the language on screen.
 */
export async function apiFetch(path: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Accept-Language', i18nProvider.getLocale());
  try {
    return await fetchUtils.fetchJson(`${API_ROOT}${path}`, {
      ...options,
      headers,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof HttpError) {
      const body = (error.body ?? undefined) as ApiErrorBody | undefined;
      throw new HttpError(refusalText(body, error.message), error.status, {
        ...body,
        errors: body?.errors,
      });
    }
    throw error;
  }
}

export const isHttpError = (error: unknown, status?: number): error is HttpError =>
  error instanceof HttpError && (status === undefined || error.status === status);

/** What the console shows of a failed call: the server's message, and its per-field messages if any. */
export function apiErrorOf(error: unknown): { status?: number; message: string; errors: Record<string, string> } {
  if (error instanceof HttpError) {
    const errors = (error.body as ApiErrorBody | undefined)?.errors;
    return { status: error.status, message: error.message, errors: errors && typeof errors === 'object' ? errors : {} };
  }
  return { message: error instanceof Error ? error.message : String(error), errors: {} };
}
