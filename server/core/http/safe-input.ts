import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { coreError } from './core.errors';

/** Deeper than any body this API takes; class-transformer recursed past the stack on 3,000 nested arrays. */
const MAX_DEPTH = 20;
const LONE_SURROGATE = /\p{Cs}/u;

type Problem = { field: string; message: string; reason: 'invalid_text' | 'too_deep' };

function problemIn(value: unknown, field: string, depth: number): Problem | null {
  if (typeof value === 'string') {
    // PostgreSQL refuses NUL in text and lone surrogates in JSON, and validator's isEmail throws on the latter.
    if (value.includes('\u0000')) return { field, message: 'contains a NUL character', reason: 'invalid_text' };
    if (LONE_SURROGATE.test(value)) return { field, message: 'is not valid Unicode text', reason: 'invalid_text' };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { field, message: `is nested more than ${MAX_DEPTH} levels deep`, reason: 'too_deep' };
  for (const [key, inner] of Object.entries(value)) {
    const at = field ? `${field}.${key}` : key;
    const found = problemIn(key, at, depth + 1) ?? problemIn(inner, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * `@IsOptional()` lets null through as "absent", and services then read `dto.roles` as null (a 500 on
 * PATCH /api/staff/:id with `"roles": null`). Absent it is: the field is dropped, and a required one is reported
 * missing by validation.
 */
function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/**
 * Runs before validation on every body, query and path parameter: text that no column or validator can take
 * (NUL, lone UTF-16 surrogates) and absurdly nested bodies answer 400 with a code, instead of failing deep down
 * as a 500; null body fields count as absent. Other unusual text (RTL marks, %, _, quotes) is legitimate and
 * left to the DTOs and parameterised SQL.
 */
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found = problemIn(value, metadata.data ?? '', 0);
    if (found) {
      const field = found.field || metadata.type;
      throw coreError(found.reason, { field }, { fields: { [field]: found.message } });
    }
    return metadata.type === 'body' ? withoutNulls(value) : value;
  }
}
