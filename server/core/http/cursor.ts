import { isBigintId, isUuid } from '../ids';
import type { IdFormat } from './id-params';
import { coreError } from './core.errors';

/** The sort key of the last row of a page: its timestamp (null where the list pages on its id alone) and id. */
export interface Keyset {
  at: Date | null;
  id: string;
}

/** What a list's cursors must hold, so that a cursor never carries a key its query cannot compare. */
export interface KeysetShape {
  timed: boolean;
  idFormat: IdFormat;
}

/** Opaque keyset cursors: base64url JSON of `[at as ISO text or null, id]`. */
export function encodeKeyset(at: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([at ? at.toISOString() : null, id]), 'utf8').toString('base64url');
}

function parse(cursor: string, shape: KeysetShape): Keyset | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, id] = value as unknown[];
  if (typeof id !== 'string' || !(shape.idFormat === 'uuid' ? isUuid : isBigintId)(id)) return null;
  if (!shape.timed) return at === null ? { at: null, id } : null;
  if (typeof at !== 'string') return null;
  const date = new Date(at);
  // A year PostgreSQL cannot store failed in the database as a 500.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 || date.getUTCFullYear() > 9999) return null;
  return { at: date, id };
}

/** Only what encodeKeyset wrote for a list of this shape; anything else is a 400 on the `cursor` field. */
export function decodeKeyset(cursor: string | undefined, shape: KeysetShape): Keyset | null {
  if (!cursor) return null;
  const keyset = parse(cursor, shape);
  if (!keyset) throw coreError('invalid_cursor', {}, { fields: { cursor: 'is not a cursor this API returned' } });
  return keyset;
}
