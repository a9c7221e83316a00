import { HttpError, type TranslateFunction } from 'react-admin';
import { apiErrorOf } from '../../providers/http';

/**
 * What the console shows of a refused call: the server's stable code in the console's language (`cases.codes.*`),
 * else the server's own words; and its per-field messages.
 */
export function refusalOf(error: unknown, translate: TranslateFunction): { message: string; errors: Record<string, string>; status?: number } {
  const problem = apiErrorOf(error);
  const code = error instanceof HttpError ? (error.body as { code?: unknown } | undefined)?.code : undefined;
  const message = typeof code === 'string' ? translate(`cases.codes.${code}`, { _: problem.message }) : problem.message;
  return { ...problem, message };
}
