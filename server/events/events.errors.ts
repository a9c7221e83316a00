import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the security event stream: code → English message (`%{param}` filled from the error's params). */
const MESSAGES = {
  webhook_not_found: 'No security webhook of this name is configured',
  resume_beyond_trail: 'The audit trail ends at %{lastId}: resume from %{next} at most',
};

export type EventsErrorCode = keyof typeof MESSAGES;

export function eventsStatus(code: EventsErrorCode): ErrorStatus {
  switch (code) {
    case 'webhook_not_found':
      return 'not_found';
    case 'resume_beyond_trail':
      return 'unprocessable';
    default:
      return unhandledCode(code);
  }
}

export const eventsError = errorCatalogue('events', MESSAGES, eventsStatus);
