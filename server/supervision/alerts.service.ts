import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_META } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { supervisionError } from './supervision.errors';
import { OutboxService } from '../notifications/outbox.service';
import { activeSupervisors } from '../staff/staff-queries.service';
import { evaluate, Finding, TrailCounts } from './alert-rules';
import { Alert } from './alert.entity';
import { ScanCursor } from './scan-cursor.entity';
import { isUuid } from '../core/ids';
import { REVIEW_TARGET_MS } from '../documents/review.service';
import {
  actorActionsLastHour,
  alertList,
  attemptsOnAccountLastDay,
  auditEventsAfter,
  overdueWithoutAlert,
  pendingAlertMails,
} from './supervision-queries.service';

const CURSOR = 'alerts';

/**
 * Reads the audit trail in order from where it stopped, applies the abuse rules, raises alerts (once per rule,
 * subject and window) and mails them to supervisors — alerts, mails and the cursor in one transaction.
 */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  private trail(m: EntityManager): TrailCounts {
    return {
      byActorLastHour: (actorId, action, at, where) => actorActionsLastHour(m, actorId, action, at, where),
      attemptsOnAccountLastDay: (accountId, at) => attemptsOnAccountLastDay(m, accountId, at),
    };
  }

  async scan(batch = 1000): Promise<{ scanned: number; raised: number }> {
    const outcome = await this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO scan_cursors (name, last_event_id) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`, [CURSOR]);
      const cursor = await m.getRepository(ScanCursor).findOneOrFail({ where: { name: CURSOR }, lock: { mode: 'pessimistic_write' } });
      const events = await auditEventsAfter(m, cursor.lastEventId, batch);
      const raised: Alert[] = await this.overdueReviews(m);
      if (!events.length) {
        await this.notify(m, raised);
        return { scanned: 0, raised };
      }
      const trail = this.trail(m);
      for (const e of events) {
        for (const f of await evaluate(e, trail, this.config.alerts)) {
          const inserted: { id: string }[] = await m.query(
            `INSERT INTO alerts (rule, dedupe_key, summary, staff_id, staff_email, target_id, case_id, event_id, details)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
            [f.rule, f.dedupeKey, f.summary, e.actorId, e.actorEmail, e.targetId, e.caseId, e.id, JSON.stringify(f.details)],
          );
          if (inserted.length) raised.push(m.create(Alert, { ...f, id: inserted[0].id, eventId: e.id, staffEmail: e.actorEmail }));
        }
      }
      await m.update(ScanCursor, { name: CURSOR }, { lastEventId: events[events.length - 1].id });
      await this.notify(m, raised);
      return { scanned: events.length, raised };
    });
    if (outcome.raised.length) await this.relayPending();
    return { scanned: outcome.scanned, raised: outcome.raised.length };
  }

  /**
   * The review SLA: a documents case submitted (or in review) with no decision 72 h after its submission raises one
   * alert per case and submission (a reupload restarts the clock, so a late second round alerts again). Not an
   * audit-entry rule: nothing happens at the breach, so the scan looks at the cases themselves (the queue index).
   * Each alert has its own audit entry (`case.review_overdue`), the event the alert points to.
   */
  private async overdueReviews(m: EntityManager): Promise<Alert[]> {
    const now = this.clock.now();
    const rows = await overdueWithoutAlert(m, new Date(now.getTime() - REVIEW_TARGET_MS));
    const raised: Alert[] = [];
    for (const c of rows) {
      const dueAt = new Date(c.submittedAt.getTime() + REVIEW_TARGET_MS);
      const details = {
        caseId: c.id,
        caseRef: c.id.slice(0, 8),
        customerId: c.customerId,
        submittedAt: c.submittedAt.toISOString(),
        dueAt: dueAt.toISOString(),
      };
      const event = await this.audit.record(m, {
        actor: null,
        meta: SYSTEM_META,
        action: 'case.review_overdue',
        targetType: 'identity_case',
        targetId: c.id,
        caseId: c.id,
        after: details,
      });
      const f: Finding = {
        rule: 'review_overdue',
        dedupeKey: `review_overdue:${c.id}:${c.submittedAt.getTime()}`,
        summary: `Documents case ${c.id.slice(0, 8)} of customer ${c.customerId} has had no decision since ${details.submittedAt} (72 h target passed at ${details.dueAt})`,
        details,
      };
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO alerts (rule, dedupe_key, summary, target_id, case_id, event_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [f.rule, f.dedupeKey, f.summary, c.id, c.id, event.id, JSON.stringify(f.details)],
      );
      if (inserted.length) raised.push(m.create(Alert, { ...f, id: inserted[0].id, eventId: event.id, targetId: c.id, caseId: c.id }));
    }
    return raised;
  }

  /** Raises one alert that no audit entry's rule finds (the trail itself is broken); false when it was raised already. */
  async raise(f: Finding, eventId: string): Promise<boolean> {
    const raised = await this.dataSource.transaction(async (m) => {
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO alerts (rule, dedupe_key, summary, event_id, details) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [f.rule, f.dedupeKey, f.summary, eventId, JSON.stringify(f.details)],
      );
      if (!inserted.length) return false;
      await this.notify(m, [m.create(Alert, { ...f, id: inserted[0].id, eventId })]);
      return true;
    });
    if (raised) await this.relayPending();
    return raised;
  }

  private async notify(m: EntityManager, raised: Alert[]): Promise<void> {
    if (!raised.length) return;
    const supervisors = await activeSupervisors(m);
    for (const alert of raised) {
      await this.audit.record(m, {
        actor: null,
        meta: SYSTEM_META,
        action: 'alert.raise',
        targetType: 'alert',
        targetId: alert.id,
        reason: alert.rule,
        after: { summary: alert.summary, eventId: alert.eventId },
      });
      for (const s of supervisors) {
        await this.outbox.add(m, {
          accountId: null,
          template: 'staff_alert',
          language: 'en',
          to: s.email,
          params: { rule: alert.rule, summary: alert.summary, alertId: alert.id },
        });
      }
    }
  }

  private async relayPending(): Promise<void> {
    await this.outbox.relay(await pendingAlertMails(this.dataSource.manager));
  }

  async list(status: 'open' | 'acknowledged' | undefined, limit: number) {
    return alertList(this.dataSource.manager, status, limit);
  }

  async acknowledge(actor: Actor, id: string, comment: string): Promise<Alert> {
    return this.dataSource.transaction(async (m) => {
      const alert = isUuid(id) ? await m.getRepository(Alert).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!alert) throw supervisionError('alert_not_found');
      if (alert.acknowledgedAt) throw supervisionError('alert_already_acknowledged');
      Object.assign(alert, { acknowledgedBy: actor.id, acknowledgedAt: this.clock.now(), ackComment: comment });
      await m.save(alert);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'alert.acknowledge',
        targetType: 'alert',
        targetId: alert.id,
        reason: comment,
      });
      return alert;
    });
  }
}
