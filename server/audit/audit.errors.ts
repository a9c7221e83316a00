import { errorCatalogue, ErrorStatus, unhandledCode } from '../core/http/errors';

/** Every refusal of the audit module: code → English message. */
const MESSAGES = {
  entry_not_found: 'No audit entry with this id',
};

export type AuditErrorCode = keyof typeof MESSAGES;

export function auditStatus(code: AuditErrorCode): ErrorStatus {
  switch (code) {
    case 'entry_not_found':
      return 'not_found';
    default:
      return unhandledCode(code);
  }
}

export const auditError = errorCatalogue('audit', MESSAGES, auditStatus);
