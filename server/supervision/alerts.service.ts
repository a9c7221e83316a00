import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_META } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { conflict, notFound } from '../core/http/errors';
import { OutboxService } from '../notifications/outbox.service';
import { activeSupervisors } from '../staff/supervisors';
import { evaluate, Finding, TrailCounts } from './alert-rules';
import { Alert } from './alert.entity';
import { ScanCursor } from './scan-cursor.entity';
import { isUuid } from '../core/ids';

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
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private trail(m: EntityManager): TrailCounts {
    return {
      byActorLastHour: async (actorId, action, at, where) => {
        const [row] = await m.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action = $2 AND at > $3 AND at <= $4
           ${where === 'without_call' ? `AND coalesce(after->>'callReference', '') = ''` : ''}`,
          [actorId, action, new Date(at.getTime() - 3600_000), at],
        );
        return row.n;
      },
      attemptsOnAccountLastDay: async (accountId, at) => {
        const [row] = await m.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE target_type = 'account' AND target_id = $1 AND at > $2 AND at <= $3
           AND (action ~ '^recovery\\.[a-z_0-9]+\\.(open|execute)$' OR (action IN ('verification.code.check', 'verification.stated.check') AND outcome <> 'success'))`,
          [accountId, new Date(at.getTime() - 86_400_000), at],
        );
        return row.n;
      },
    };
  }

  async scan(batch = 1000): Promise<{ scanned: number; raised: number }> {
    const outcome = await this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO scan_cursors (name, last_event_id) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`, [CURSOR]);
      const cursor = await m.getRepository(ScanCursor).findOneOrFail({ where: { name: CURSOR }, lock: { mode: 'pessimistic_write' } });
      const events = await m.getRepository(AuditEvent).find({ where: { id: MoreThan(cursor.lastEventId) }, order: { id: 'ASC' }, take: batch });
      if (!events.length) return { scanned: 0, raised: [] as Alert[] };
      const trail = this.trail(m);
      const raised: Alert[] = [];
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
      await this.audit.record(m, { actor: null, meta: SYSTEM_META, action: 'alert.raise', targetType: 'alert', targetId: alert.id, reason: alert.rule, after: { summary: alert.summary, eventId: alert.eventId } });
      for (const s of supervisors) {
        await this.outbox.add(m, { accountId: null, template: 'staff_alert', language: 'en', to: s.email, params: { rule: alert.rule, summary: alert.summary, alertId: alert.id } });
      }
    }
  }

  private async relayPending(): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM mail_outbox WHERE status = 'pending' AND template = 'staff_alert' ORDER BY created_at LIMIT 500`);
    await this.outbox.relay(rows.map((r) => r.id));
  }

  async list(status: 'open' | 'acknowledged' | undefined, limit: number) {
    const where = status === 'open' ? { acknowledgedAt: IsNull() } : status === 'acknowledged' ? { acknowledgedAt: MoreThan(new Date(0)) } : {};
    return this.dataSource.getRepository(Alert).find({ where, order: { createdAt: 'DESC' }, take: limit });
  }

  async acknowledge(actor: Actor, id: string, comment: string): Promise<Alert> {
    return this.dataSource.transaction(async (m) => {
      const alert = isUuid(id) ? await m.getRepository(Alert).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!alert) throw notFound('No alert with this id');
      if (alert.acknowledgedAt) throw conflict('This alert was already acknowledged');
      Object.assign(alert, { acknowledgedBy: actor.id, acknowledgedAt: this.clock.now(), ackComment: comment });
      await m.save(alert);
      await this.audit.record(m, { actor: auditActor(actor), meta: actor.meta, action: 'alert.acknowledge', targetType: 'alert', targetId: alert.id, reason: comment });
      return alert;
    });
  }
}
