/**
 * The typed map of every job: its name, its queue and its payload. Payloads carry ids only, never personal data
 * (queue data sits in Redis in clear text). Each job has exactly one handler, checked when a worker boots.
 */
export interface JobPayloads {
  'audit.checkpoint': Record<string, never>;
  'sessions.sweep': Record<string, never>;
  'mail.send': { outboxId: string };
  'mail.reconcile': Record<string, never>;
  'document.process': { documentId: string };
  'documents.reconcile': Record<string, never>;
  'cases.expire': Record<string, never>;
  'documents.purge': Record<string, never>;
  'recovery.execute': { recoveryCaseId: string };
  'recovery.reconcile': Record<string, never>;
  'alerts.scan': Record<string, never>;
  'webhook.deliver': { webhook: string };
  'webhooks.reconcile': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const QUEUE_NAMES = ['maintenance', 'mail', 'documents', 'recovery'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Jobs a worker process runs at once, per queue. A document job holds its decrypted file (up to 10 MB) and,
 * within the pixel budget, a decoded image, on CPU-bound work: measured on 2 cores with 10 MB uploads, 4 at a
 * time gave 9.4 files/s at a 282 MB peak, 3 gave 9.2 at 286 MB, 2 gave 8.8 at 252 MB: two keep the worker well
 * under its 300 MB target for 7 % less throughput (scale out with worker processes, not concurrency).
 */
export const QUEUE_CONCURRENCY: Record<QueueName, number> = { maintenance: 2, mail: 4, documents: 2, recovery: 4 };

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'audit.checkpoint': 'maintenance',
  'sessions.sweep': 'maintenance',
  'mail.send': 'mail',
  'mail.reconcile': 'maintenance',
  'document.process': 'documents',
  'documents.reconcile': 'maintenance',
  'cases.expire': 'maintenance',
  'documents.purge': 'maintenance',
  'recovery.execute': 'recovery',
  'recovery.reconcile': 'maintenance',
  'alerts.scan': 'maintenance',
  // Outbound deliveries, like mails; one job per webhook at a time, so a slow receiver holds one slot at most.
  'webhook.deliver': 'mail',
  'webhooks.reconcile': 'maintenance',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];
