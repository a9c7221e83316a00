import { errorCatalogue, ErrorStatus, unhandledCode } from './errors';

/** Refusals that belong to no feature: malformed input, unknown ids, a missing dependency. */
const MESSAGES = {
  invalid_input: 'Invalid input: %{fields}',
  invalid_text: 'Invalid input: %{field}',
  too_deep: 'Invalid input: %{field}',
  invalid_cursor: 'Invalid input: cursor',
  unknown_id: 'Not found: no such id',
  unknown_file: 'Not found: no such file',
  cross_origin: 'This request came from another site and was refused',
  queue_unavailable: 'The job queue is unavailable; try again shortly',
};

export type CoreErrorCode = keyof typeof MESSAGES;

export function coreStatus(code: CoreErrorCode): ErrorStatus {
  switch (code) {
    case 'invalid_input':
    case 'invalid_text':
    case 'too_deep':
    case 'invalid_cursor':
      return 'invalid';
    case 'unknown_id':
    case 'unknown_file':
      return 'not_found';
    case 'cross_origin':
      return 'forbidden';
    case 'queue_unavailable':
      return 'unavailable';
    default:
      return unhandledCode(code);
  }
}

export const coreError = errorCatalogue('core', MESSAGES, coreStatus);
