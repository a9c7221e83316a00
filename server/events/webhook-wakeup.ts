import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { WebhooksService } from './webhooks.service';

/** Time left to the appending transaction to commit before its entry is looked for; also folds a burst into one. */
const WAKE_DELAY_MS = 200;

/**
 * Low latency without work on the audit's hot path: an append only arms a timer (when none is armed); the timer
 * wakes the webhooks behind the trail. A wake-up that comes too early, or is lost with Redis, costs only latency:
 * the reconcile pass finds the same webhooks behind.
 */
@Injectable()
export class WebhookWakeup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SecurityWebhooks');
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.webhooks.hooks.length) this.audit.onAppend(() => this.soon());
  }

  private soon(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.webhooks.wakeBehind().catch((e: Error) => this.logger.debug(`wake-up skipped (${e.message}); the reconcile pass follows`));
    }, WAKE_DELAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
