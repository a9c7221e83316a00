import { isBigintId, isUuid } from '../ids';
import type { IdFormat } from './id-params';
import { coreError } from './core.errors';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url JSON. */
export function encodeKeyset(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

/** `idFormat`: the type of the list's id column, so that a cursor never carries an id its query cannot compare. */
export function decodeKeyset(cursor: string | undefined, idFormat: IdFormat = 'uuid'): { at: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    // Only what encodeKeyset writes: anything else (a year PostgreSQL cannot store, an id that is not a uuid)
    // failed in the database as a 500.
    if (typeof at !== 'string' || !(idFormat === 'uuid' ? isUuid : isBigintId)(id) || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 || date.getUTCFullYear() > 9999) {
      throw new Error('bad');
    }
    return { at: date, id };
  } catch {
    throw coreError('invalid_cursor', {}, { fields: { cursor: 'is not a cursor this API returned' } });
  }
}
