import type { components } from './schema';

/** The API's answer and request shapes, generated from the server's OpenAPI document (`npm run api:types`). */
export type Schemas = components['schemas'];

/**
 * A list of every value of a server enum, for menus and filters: `tsc` fails when the list misses a value the
 * server answers, or holds one it does not know, so the console's copy cannot drift from the contract.
 */
export const everyValue =
  <U extends string>() =>
  <const T extends readonly U[]>(values: T & ([Exclude<U, T[number]>] extends [never] ? unknown : { missing: Exclude<U, T[number]> })): T =>
    values;
