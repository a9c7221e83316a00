import type { AppConfig } from '../core/config/config';
import type { AuditEvent } from '../audit/audit-event.entity';
import type { AlertRule } from './alert.entity';

/** What a rule needs to know about the trail around an event; the scanner answers it with SQL. */
export interface TrailCounts {
  /** Entries of `action` by `actorId` in the hour up to `at`. */
  byActorLastHour(actorId: string, action: string, at: Date, where?: 'without_call'): Promise<number>;
  /** Recovery attempts and failed caller checks on one account in the day up to `at`. */
  attemptsOnAccountLastDay(accountId: string, at: Date): Promise<number>;
}

export interface Finding {
  rule: AlertRule;
  dedupeKey: string;
  summary: string;
  details: Record<string, unknown>;
}

const SWAP = 'recovery.backup_to_primary.execute';
const SENSITIVE =
  /^(recovery\.[a-z_0-9]+\.(execute|approve|revert|open)|account\.unmask|staff\.(roles\.change|disable|enable|create|mfa_reset.*))$/;
const OPEN = /^recovery\.(replace_contact_email|disable_2fa)\.open$/;
const ATTEMPT = /^(recovery\.[a-z_0-9]+\.(open|execute)|verification\.(code|stated)\.check)$/;

const hourOf = (at: Date) => at.toISOString().slice(0, 13);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export function localHour(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(at));
}

/**
 * The abuse rules, each with its threshold from the configuration. A rule fires on the entry that crosses its
 * line; the dedupe key makes a burst one alert per staff member (or account) and window.
 */
export async function evaluate(e: AuditEvent, trail: TrailCounts, cfg: AppConfig['alerts']): Promise<Finding[]> {
  const found: Finding[] = [];
  const who = e.actorEmail ?? 'someone';
  if (e.action === SWAP && e.actorId) {
    const n = await trail.byActorLastHour(e.actorId, SWAP, e.at);
    if (n > cfg.swapsPerHour) {
      found.push({
        rule: 'swap_burst',
        dedupeKey: `swap_burst:${e.actorId}:${hourOf(e.at)}`,
        summary: `${who} made ${n} backup→primary swaps within an hour (threshold ${cfg.swapsPerHour})`,
        details: { count: n },
      });
    }
  }
  if (e.action === 'account.unmask' && e.actorId) {
    const n = await trail.byActorLastHour(e.actorId, 'account.unmask', e.at);
    if (n > cfg.unmasksPerHour) {
      found.push({
        rule: 'unmask_burst',
        dedupeKey: `unmask_burst:${e.actorId}:${hourOf(e.at)}`,
        summary: `${who} unmasked ${n} accounts within an hour (threshold ${cfg.unmasksPerHour})`,
        details: { count: n },
      });
    }
  }
  if (e.action === 'account.search' && e.actorId && !(e.after as { callReference?: string } | null)?.callReference) {
    const n = await trail.byActorLastHour(e.actorId, 'account.search', e.at, 'without_call');
    if (n > cfg.searchesWithoutCallPerHour) {
      found.push({
        rule: 'searches_without_call',
        dedupeKey: `searches_without_call:${e.actorId}:${hourOf(e.at)}`,
        summary: `${who} ran ${n} account searches without a call reference within an hour`,
        details: { count: n },
      });
    }
  }
  if (ATTEMPT.test(e.action) && e.targetType === 'account' && e.targetId && (e.outcome !== 'success' || e.action.startsWith('recovery.'))) {
    const n = await trail.attemptsOnAccountLastDay(e.targetId, e.at);
    if (n >= cfg.attemptsPerAccountPerDay) {
      found.push({
        rule: 'repeated_attempts',
        dedupeKey: `repeated_attempts:${e.targetId}:${dayOf(e.at)}`,
        summary: `${n} recovery attempts or failed caller checks on one account within a day`,
        details: { count: n },
      });
    }
  }
  const statedLimit =
    e.action === 'verification.stated.throttled' ||
    (e.action === 'verification.stated.check' && (e.after as { accountTriesLeft?: number } | null)?.accountTriesLeft === 0);
  if (statedLimit && e.targetId) {
    found.push({
      rule: 'stated_value_limit',
      dedupeKey: `stated_value_limit:${e.targetId}:${dayOf(e.at)}`,
      summary: 'Stated-value checks on one account reached their daily limit: someone may be guessing the data on file',
      details: {},
    });
  }
  if (e.action === 'case.fraud_flag') {
    found.push({
      rule: 'duplicate_document',
      dedupeKey: `duplicate_document:${e.targetId}`,
      summary: 'The same document was sent for several accounts',
      details: { ...(e.after ?? {}) },
    });
  }
  if (/^recovery\.[a-z_0-9]+\.report$/.test(e.action)) {
    found.push({
      rule: 'customer_report',
      dedupeKey: `customer_report:${e.caseId ?? e.id}`,
      summary: `A customer reported a recovery action: "this was not me"`,
      details: { ...(e.after ?? {}) },
    });
  }
  // A verified documents case whose action could not open by itself (account blocked then, same action already
  // open…): the customer was told support takes it over, so a supervisor must see it.
  if (OPEN.test(e.action) && e.outcome === 'denied' && (e.after as { automatic?: boolean } | null)?.automatic) {
    found.push({
      rule: 'verified_without_action',
      dedupeKey: `verified_without_action:${e.caseId ?? e.id}`,
      summary: `A verified documents case could not open its recovery action (${e.reason ?? 'refused'}): open it by hand or close it`,
      details: { refusal: e.reason, identityCaseId: e.caseId, caseRef: e.caseId?.slice(0, 8) ?? null },
    });
  }
  if (e.actorId && SENSITIVE.test(e.action)) {
    const hour = localHour(e.at, cfg.workingHours.timeZone);
    if (hour < cfg.workingHours.start || hour >= cfg.workingHours.end) {
      found.push({
        rule: 'off_hours',
        dedupeKey: `off_hours:${e.id}`,
        summary: `${who} did ${e.action} at ${String(hour).padStart(2, '0')}h, outside working hours`,
        details: { hour },
      });
    }
  }
  return found;
}
