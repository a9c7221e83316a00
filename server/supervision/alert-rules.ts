import type { AppConfig } from '../core/config/config';
import type { AuditEvent } from '../audit/audit-event.entity';
import type { AlertRule, AlertSubjectType } from './alert.entity';

/** How many entries matched, and the ids of the latest of them (the alert's evidence), oldest first. */
export interface Trail {
  count: number;
  ids: string[];
}

/** What a rule needs to know about the trail around an event; the scanner answers it with SQL. */
export interface TrailCounts {
  /** Entries of `action` by `actorId` in the hour up to `at`. */
  byActorLastHour(actorId: string, action: string, at: Date, where?: 'without_call'): Promise<Trail>;
  /** Recovery attempts and failed caller checks on one account in the day up to `at`. */
  attemptsOnAccountLastDay(accountId: string, at: Date): Promise<Trail>;
}

export interface Finding {
  rule: AlertRule;
  /** One incident, one alert: the key names the incident (rule, subject, window), not the entry. */
  dedupeKey: string;
  /** English, for mails and logs; the console renders the rule's sentence with `params` instead. */
  summary: string;
  params: Record<string, string | number | null>;
  /** The subject's type and id; the scanner resolves the names people know (customer ID, email, case ref). */
  subject: { type: AlertSubjectType; id: string | null };
  /** The audit entries behind the finding (the entry that crossed the line among them). */
  evidence: string[];
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
    const { count: n, ids } = await trail.byActorLastHour(e.actorId, SWAP, e.at);
    if (n > cfg.swapsPerHour) {
      found.push({
        rule: 'swap_burst',
        dedupeKey: `swap_burst:${e.actorId}:${hourOf(e.at)}`,
        summary: `${who} made ${n} backup→primary swaps within an hour (threshold ${cfg.swapsPerHour})`,
        params: { count: n, threshold: cfg.swapsPerHour, actorEmail: e.actorEmail },
        subject: { type: 'staff', id: e.actorId },
        evidence: ids,
        details: { count: n },
      });
    }
  }
  if (e.action === 'account.unmask' && e.actorId) {
    const { count: n, ids } = await trail.byActorLastHour(e.actorId, 'account.unmask', e.at);
    if (n > cfg.unmasksPerHour) {
      found.push({
        rule: 'unmask_burst',
        dedupeKey: `unmask_burst:${e.actorId}:${hourOf(e.at)}`,
        summary: `${who} unmasked ${n} accounts within an hour (threshold ${cfg.unmasksPerHour})`,
        params: { count: n, threshold: cfg.unmasksPerHour, actorEmail: e.actorEmail },
        subject: { type: 'staff', id: e.actorId },
        evidence: ids,
        details: { count: n },
      });
    }
  }
  if (e.action === 'account.search' && e.actorId && !(e.after as { callReference?: string } | null)?.callReference) {
    const { count: n, ids } = await trail.byActorLastHour(e.actorId, 'account.search', e.at, 'without_call');
    if (n > cfg.searchesWithoutCallPerHour) {
      found.push({
        rule: 'searches_without_call',
        dedupeKey: `searches_without_call:${e.actorId}:${hourOf(e.at)}`,
        summary: `${who} ran ${n} account searches without a call reference within an hour`,
        params: { count: n, threshold: cfg.searchesWithoutCallPerHour, actorEmail: e.actorEmail },
        subject: { type: 'staff', id: e.actorId },
        evidence: ids,
        details: { count: n },
      });
    }
  }
  if (ATTEMPT.test(e.action) && e.targetType === 'account' && e.targetId && (e.outcome !== 'success' || e.action.startsWith('recovery.'))) {
    const { count: n, ids } = await trail.attemptsOnAccountLastDay(e.targetId, e.at);
    if (n >= cfg.attemptsPerAccountPerDay) {
      found.push({
        rule: 'repeated_attempts',
        dedupeKey: `repeated_attempts:${e.targetId}:${dayOf(e.at)}`,
        summary: `${n} recovery attempts or failed caller checks on one account within a day`,
        params: { count: n, threshold: cfg.attemptsPerAccountPerDay },
        subject: { type: 'account', id: e.targetId },
        evidence: ids,
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
      params: {},
      subject: { type: 'account', id: e.targetId },
      evidence: [e.id],
      details: {},
    });
  }
  if (e.action === 'case.fraud_flag') {
    // One upload of several files (front, back, a second photo) flags each document: the incident is the case that
    // received documents seen on other accounts' cases, so one alert per case, each flagged document its evidence.
    const cases = (e.after as { cases?: string[] } | null)?.cases ?? [];
    found.push({
      rule: 'duplicate_document',
      dedupeKey: `duplicate_document:${e.caseId ?? e.targetId}`,
      summary: `The same document was sent for several accounts (${cases.length} cases)`,
      params: { cases: cases.length, otherCases: Math.max(cases.length - 1, 0) },
      subject: { type: 'document', id: e.targetId },
      evidence: [e.id],
      details: { ...(e.after ?? {}) },
    });
  }
  if (/^recovery\.[a-z_0-9]+\.report$/.test(e.action)) {
    found.push({
      rule: 'customer_report',
      dedupeKey: `customer_report:${e.caseId ?? e.id}`,
      summary: `A customer reported a recovery action: "this was not me"`,
      params: { action: e.action },
      subject: { type: 'account', id: e.targetType === 'account' ? e.targetId : null },
      evidence: [e.id],
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
      params: { caseRef: e.caseId?.slice(0, 8) ?? null, refusal: e.reason },
      subject: { type: 'identity_case', id: e.caseId },
      evidence: [e.id],
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
        params: { actorEmail: e.actorEmail, action: e.action, hour },
        subject: { type: 'staff', id: e.actorId },
        evidence: [e.id],
        details: { hour },
      });
    }
  }
  return found;
}
