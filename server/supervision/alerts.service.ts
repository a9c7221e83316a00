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
import { auditEventsAfter, overdueWithoutAlert, pendingAlertMails } from './supervision-queries.service';
import {
  accountAttemptsLastDay,
  actorTrailLastHour,
  AlertFilter,
  alertSearch,
  EVIDENCE_CAP,
  evidenceOf,
  subjectNames,
} from './alert-queries.service';

/** Where the raising entry came from, beside the finding: who acted, on what. */
interface Origin {
  eventId: string;
  staffId?: string | null;
  staffEmail?: string | null;
  targetId?: string | null;
  caseId?: string | null;
}

/** One acknowledgement of a bulk request: done, or skipped with the code the console translates. */
export interface BulkOutcome {
  id: string;
  outcome: 'acknowledged' | 'skipped';
  reason: 'supervision.alert_not_found' | 'supervision.alert_already_acknowledged' | null;
}

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
      byActorLastHour: (actorId, action, at, where) => actorTrailLastHour(m, actorId, action, at, where),
      attemptsOnAccountLastDay: (accountId, at) => accountAttemptsLastDay(m, accountId, at),
    };
  }

  /**
   * One incident, one alert: a finding whose dedupe key exists adds its evidence to the open alert (and its latest
   * count to the params) instead of raising another. Returns the alert when this call raised it, else null.
   */
  private async upsert(m: EntityManager, f: Finding, o: Origin): Promise<Alert | null> {
    const subject = await subjectNames(m, f.subject.type, f.subject.id);
    if (f.subject.type === 'staff' && !subject.staffEmail) subject.staffEmail = o.staffEmail ?? null;
    const evidence = [...new Set([...f.evidence, o.eventId])].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).slice(-EVIDENCE_CAP);
    const rows: { id: string; inserted: boolean; created_at: Date }[] = await m.query(
      `INSERT INTO alerts (rule, dedupe_key, summary, params, subject, customer_id, evidence_ids, staff_id, staff_email, target_id, case_id, event_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint[], $8, $9, $10, $11, $12, $13)
       ON CONFLICT (dedupe_key) DO UPDATE SET
         params = EXCLUDED.params, summary = EXCLUDED.summary,
         evidence_ids = ARRAY(SELECT x FROM (SELECT DISTINCT unnest(alerts.evidence_ids || EXCLUDED.evidence_ids) AS x ORDER BY 1 DESC LIMIT ${EVIDENCE_CAP}) s ORDER BY x)
       WHERE alerts.acknowledged_at IS NULL
       RETURNING id, (xmax = 0) AS inserted, created_at`,
      [
        f.rule,
        f.dedupeKey,
        f.summary,
        JSON.stringify(f.params),
        JSON.stringify(subject),
        subject.customerId ?? null,
        evidence,
        o.staffId ?? null,
        o.staffEmail ?? null,
        o.targetId ?? null,
        o.caseId ?? null,
        o.eventId,
        JSON.stringify(f.details),
      ],
    );
    if (!rows[0]?.inserted) return null;
    return m.create(Alert, {
      ...f,
      id: rows[0].id,
      subject,
      customerId: subject.customerId ?? null,
      evidenceIds: evidence,
      eventId: o.eventId,
      staffId: o.staffId ?? null,
      staffEmail: o.staffEmail ?? null,
      targetId: o.targetId ?? null,
      caseId: o.caseId ?? null,
      createdAt: rows[0].created_at,
    });
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
          const origin = { eventId: e.id, staffId: e.actorId, staffEmail: e.actorEmail, targetId: e.targetId, caseId: e.caseId };
          const alert = await this.upsert(m, f, origin);
          if (alert) raised.push(alert);
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
        params: { caseRef: details.caseRef, customerId: c.customerId, submittedAt: details.submittedAt, dueAt: details.dueAt },
        subject: { type: 'identity_case', id: c.id },
        evidence: [event.id],
        details,
      };
      const alert = await this.upsert(m, f, { eventId: event.id, targetId: c.id, caseId: c.id });
      if (alert) raised.push(alert);
    }
    return raised;
  }

  /** Raises one alert that no audit entry's rule finds (the trail itself is broken); false when it was raised already. */
  async raise(f: Finding, eventId: string): Promise<boolean> {
    const raised = await this.dataSource.transaction(async (m) => {
      const alert = await this.upsert(m, f, { eventId });
      if (!alert) return false;
      await this.notify(m, [alert]);
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
        after: { summary: alert.summary, eventId: alert.eventId, subject: alert.subject },
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

  list(filter: AlertFilter): Promise<Alert[]> {
    return alertSearch(this.dataSource.manager, filter);
  }

  /** The audit entries behind the alert, oldest first. */
  async evidence(id: string) {
    const alert = isUuid(id) ? await this.dataSource.getRepository(Alert).findOneBy({ id }) : null;
    if (!alert) throw supervisionError('alert_not_found');
    return evidenceOf(this.dataSource.manager, alert.evidenceIds.length ? alert.evidenceIds : [alert.eventId]);
  }

  async acknowledge(actor: Actor, id: string, comment: string): Promise<Alert> {
    return this.dataSource.transaction(async (m) => {
      const alert = isUuid(id) ? await m.getRepository(Alert).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!alert) throw supervisionError('alert_not_found');
      if (alert.acknowledgedAt) throw supervisionError('alert_already_acknowledged');
      return this.ack(m, actor, alert, comment);
    });
  }

  /**
   * Several alerts, one comment: each open one acknowledged and audited on its own, the others skipped with the
   * reason. One transaction: all the acknowledgements are written, or none (a failure rolls every one back).
   */
  async acknowledgeMany(actor: Actor, ids: string[], comment: string): Promise<BulkOutcome[]> {
    return this.dataSource.transaction(async (m) => {
      // Ids as PostgreSQL prints them (lower case); rows locked one by one in id order, so two overlapping bulk
      // requests wait for each other instead of deadlocking.
      const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
      const found: Alert[] = [];
      for (const id of wanted.filter(isUuid).sort()) {
        const alert = await m.getRepository(Alert).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (alert) found.push(alert);
      }
      const byId = new Map(found.map((a) => [a.id, a]));
      const outcomes: BulkOutcome[] = [];
      for (const id of wanted) {
        const alert = byId.get(id);
        if (!alert) outcomes.push({ id, outcome: 'skipped', reason: 'supervision.alert_not_found' });
        else if (alert.acknowledgedAt) outcomes.push({ id, outcome: 'skipped', reason: 'supervision.alert_already_acknowledged' });
        else {
          await this.ack(m, actor, alert, comment);
          outcomes.push({ id, outcome: 'acknowledged', reason: null });
        }
      }
      return outcomes;
    });
  }

  private async ack(m: EntityManager, actor: Actor, alert: Alert, comment: string): Promise<Alert> {
    Object.assign(alert, { acknowledgedBy: actor.id, acknowledgedAt: this.clock.now(), ackComment: comment });
    await m.save(alert);
    await this.audit.record(m, {
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'alert.acknowledge',
      targetType: 'alert',
      targetId: alert.id,
      reason: comment,
      after: { rule: alert.rule, subject: alert.subject },
    });
    return alert;
  }
}
