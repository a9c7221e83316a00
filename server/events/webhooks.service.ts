import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import type { AppConfig, SecurityWebhook } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { QueueService } from '../core/queue/queue.service';
import { eventsError } from './events.errors';
import { WebhookCursor } from './webhook-cursor.entity';
import { raisedAlertIds, signedDelivery, SignedDelivery, streamEvent } from './webhook-payload';
import { alertsByIds, cursorsByName, entriesAfter, lastAuditId } from './webhook-queries.service';

export type BatchOutcome =
  { status: 'idle' | 'busy' } | { status: 'delivered'; count: number; lastId: string } | { status: 'failed'; error: string };

export interface WebhookState {
  name: string;
  /** Scheme, host and port only: a webhook's path often carries its own secret (chat webhooks). */
  origin: string;
  lastDeliveredId: string;
  /** Audit entries written after the last delivered one. */
  lag: number;
  lastDeliveredAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  failures: number;
}

/** One job per webhook: its id names the webhook, so a wake-up while it waits or retries adds nothing. */
export const deliverJobId = (name: string) => `webhook-${name}`;

/**
 * The security event stream: each configured webhook receives the audit trail in id order, in signed batches,
 * from its cursor on; the cursor moves only when the receiver answered 2xx. Alerts travel in it as the
 * `alert.raise` entries that record them.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('SecurityWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  get hooks(): SecurityWebhook[] {
    return this.config.securityWebhooks;
  }

  hook(name: string): SecurityWebhook {
    const hook = this.hooks.find((h) => h.name === name);
    if (!hook) throw eventsError('webhook_not_found');
    return hook;
  }

  /**
   * POSTs the next batch after the cursor, inside a transaction that holds the cursor's row: a second worker finds
   * it locked and leaves (busy), so a webhook never has two batches in flight and never sees N+1 before N was
   * acknowledged. A failure is recorded on the row and the cursor stays where it was.
   */
  async deliverBatch(hook: SecurityWebhook): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO webhook_cursors (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [hook.name]);
      const cursor = await m
        .getRepository(WebhookCursor)
        .findOne({ where: { name: hook.name }, lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' } });
      if (!cursor) return { status: 'busy' as const };
      const entries = await entriesAfter(m, cursor.lastDeliveredId, this.config.securityWebhookBatch);
      if (!entries.length) return { status: 'idle' as const };
      const alerts = await alertsByIds(m, raisedAlertIds(entries));
      const now = this.clock.now();
      const delivery = signedDelivery(
        hook,
        entries.map((e) => streamEvent(e, alerts)),
        now,
      );
      const error = await this.post(hook, delivery);
      const lastId = entries[entries.length - 1].id;
      if (error) {
        await m
          .createQueryBuilder()
          .update(WebhookCursor)
          .set({ lastError: error.slice(0, 500), lastAttemptAt: now, failures: () => 'failures + 1' })
          .where('name = :name', { name: hook.name })
          .execute();
        return { status: 'failed' as const, error };
      }
      await m.update(
        WebhookCursor,
        { name: hook.name },
        { lastDeliveredId: lastId, lastDeliveredAt: now, lastAttemptAt: now, lastError: null, failures: 0 },
      );
      return { status: 'delivered' as const, count: entries.length, lastId };
    });
  }

  /** null when the receiver acknowledged (2xx), else why not. A redirect is not an acknowledgement. */
  private async post(hook: SecurityWebhook, delivery: SignedDelivery): Promise<string | null> {
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.securityWebhookTimeoutMs),
      });
      await res.body?.cancel();
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError') return `no answer within ${this.config.securityWebhookTimeoutMs} ms`;
      return err.cause?.code ?? err.cause?.message ?? err.message;
    }
  }

  /** Makes sure the webhook's delivery job exists (waiting, retrying or running). Throws when Redis is down. */
  async wake(name: string): Promise<void> {
    await this.queues.ensure('webhook.deliver', { webhook: name }, deliverJobId(name), {
      attempts: this.config.securityWebhookMaxAttempts,
      backoff: { type: 'exponential', delay: this.config.securityWebhookRetryBaseMs },
      // The cursor, not the job id, says what was delivered: finished jobs need not be kept.
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  /** Wakes every webhook behind the audit trail; the reconcile pass and the append wake-up call it. */
  async wakeBehind(): Promise<string[]> {
    if (!this.hooks.length) return [];
    const states = await this.states();
    const behind = states.filter((s) => s.lag > 0).map((s) => s.name);
    for (const name of behind) await this.wake(name);
    return behind;
  }

  async states(m: EntityManager = this.dataSource.manager): Promise<WebhookState[]> {
    const head = await lastAuditId(m);
    const cursors = new Map(
      (
        await cursorsByName(
          m,
          this.hooks.map((h) => h.name),
        )
      ).map((c) => [c.name, c]),
    );
    return this.hooks.map((h) => {
      const c = cursors.get(h.name);
      const last = c?.lastDeliveredId ?? '0';
      return {
        name: h.name,
        origin: new URL(h.url).origin,
        lastDeliveredId: last,
        lag: Math.max(0, Number(BigInt(head) - BigInt(last))),
        lastDeliveredAt: c?.lastDeliveredAt ?? null,
        lastAttemptAt: c?.lastAttemptAt ?? null,
        lastError: c?.lastError ?? null,
        failures: c?.failures ?? 0,
      };
    });
  }

  async head(): Promise<string> {
    return lastAuditId(this.dataSource.manager);
  }

  /**
   * Moves the webhook's cursor so that the next POST starts at `fromId` (back, to replay what a receiver lost;
   * forward, to skip history it does not want), audited with both positions. Waits for a batch in flight.
   */
  async resume(actor: Actor, name: string, fromId: string): Promise<WebhookState> {
    this.hook(name);
    // The state as this transaction leaves it: once woken, the delivery may move the cursor at once.
    const state = await this.dataSource.transaction(async (m) => {
      const head = await lastAuditId(m);
      const next = BigInt(head) + 1n;
      if (BigInt(fromId) > next) throw eventsError('resume_beyond_trail', { lastId: head, next: next.toString() });
      await m.query(`INSERT INTO webhook_cursors (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
      const cursor = await m.getRepository(WebhookCursor).findOneOrFail({ where: { name }, lock: { mode: 'pessimistic_write' } });
      const lastDeliveredId = (BigInt(fromId) - 1n).toString();
      await m.update(WebhookCursor, { name }, { lastDeliveredId, lastError: null, failures: 0 });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'audit.stream.resume',
        targetType: 'webhook',
        targetId: name,
        before: { lastDeliveredId: cursor.lastDeliveredId },
        after: { lastDeliveredId, fromId },
      });
      return (await this.states(m)).find((s) => s.name === name)!;
    });
    try {
      await this.wake(name);
    } catch (e) {
      this.logger.warn(`webhook ${name} not woken now (${(e as Error).message}); the reconcile pass will`);
    }
    return state;
  }
}
