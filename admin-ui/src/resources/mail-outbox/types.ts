export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** One customer mail, `GET /api/mail-outbox`: its state, never its content; the address masked. */
export interface OutboxMessage {
  id: string;
  accountId: string | null;
  template: string;
  language: string;
  to: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
