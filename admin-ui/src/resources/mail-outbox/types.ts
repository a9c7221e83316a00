import type { Schemas } from '../../api/types';

/** One customer mail, `GET /api/mail-outbox`: its state, never its content; the address masked (generated types). */
export type OutboxMessage = Schemas['OutboxMessageResponse'];
export type OutboxStatus = OutboxMessage['status'];
export type MailTemplate = OutboxMessage['template'];
