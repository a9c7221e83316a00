import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomInt } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { accountsError } from './accounts.errors';
import { OutboxService } from '../notifications/outbox.service';
import type { StatedField } from './accounts.dto';
import { AccountsService } from './accounts.service';
import { CallerVerification, PossessionChannel } from './caller-verification.entity';
import { CustomerAccount } from './customer-account.entity';
import { maskEmail } from './masking';
import { phoneCandidates } from './query-router';
import { SecurityEvent } from './security-event.entity';
import { MAX_STATED_TRIES, StatedValueLimits } from './stated-value-limits.service';
import { CheckResult, VerificationCheck } from './verification-check.entity';
import { VerificationCode } from './verification-code.entity';
import { isUuid } from '../core/ids';
import { sameSecret } from '../core/secrets';
import { activeCode, checksOf, openVerification } from './accounts-queries.service';

export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_FAILURES = 5;
export const MAX_CODES_SENT = 5;

/**
 * The stated value as it may be on file. A phone number has one reading per region when written nationally: the
 * account's own country first, then the provider's (a UK customer says "07700 900123"); any may match.
 */
function normalizeStated(field: StatedField, value: string, country: string): string[] {
  switch (field) {
    case 'backup_email':
      return [value.trim().toLowerCase()];
    case 'phone':
      return phoneCandidates(value, country).map((c) => c.e164);
    case 'postal_code':
      return [value.replace(/\s+/g, '').toUpperCase()];
  }
}

function onFile(account: CustomerAccount, field: StatedField): string | null {
  switch (field) {
    case 'backup_email':
      return account.backupEmail?.toLowerCase() ?? null;
    case 'phone':
      return account.phone;
    case 'postal_code':
      return account.postalCode.replace(/\s+/g, '').toUpperCase();
  }
}

/**
 * The checks of one call. Possession: a one-time code mailed to an address on file, read back by the caller.
 * Knowledge: values the caller states, answered match / no match only. Results are recorded and audited; no
 * secret and no value on file ever leaves the server.
 */
@Injectable()
export class VerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly statedLimits: StatedValueLimits,
  ) {}

  private hashCode(verificationId: string, code: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`verification-code:${verificationId}:${code}`).digest('hex');
  }

  /** Opens the checks of a call, or returns the open one of the same agent, account and call reference. */
  async start(actor: Actor, accountId: string, callReference: string): Promise<CallerVerification> {
    return this.dataSource.transaction(async (m) => {
      const account = await this.accounts.get(accountId, m);
      const now = this.clock.now();
      const open = await openVerification(m, { accountId: account.id, agentId: actor.id, callReference, now });
      if (open) return open;
      const verification = await m.save(
        m.create(CallerVerification, {
          accountId: account.id,
          callReference,
          agentId: actor.id,
          startedAt: now,
          expiresAt: new Date(now.getTime() + this.config.verificationMinutes * 60_000),
          possessionProven: [],
          possessionProvenAt: null,
          lockedAt: null,
          codeFailures: 0,
          statedTries: {},
        }),
      );
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'verification.start',
        targetType: 'account',
        targetId: account.id,
        reason: callReference,
        after: { verificationId: verification.id },
      });
      return verification;
    });
  }

  /** Loads a verification the actor may see (their own calls), else 404; with `lock` for a state change. */
  async load(actor: Actor, id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<CallerVerification> {
    const v = isUuid(id)
      ? await m
          .getRepository(CallerVerification)
          .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!v || !actor.ability.can('read', asSubject('CallerVerification', { agentId: v.agentId })))
      throw accountsError('verification_not_found');
    return v;
  }

  private assertOpen(v: CallerVerification): void {
    if (v.expiresAt.getTime() <= this.clock.now().getTime()) throw accountsError('verification_expired');
  }

  async sendCode(actor: Actor, id: string, channel: PossessionChannel) {
    const result = await this.dataSource.transaction(async (m) => {
      const v = await this.load(actor, id, m, true);
      this.assertOpen(v);
      if (v.lockedAt) throw accountsError('code_checks_locked');
      const account = await this.accounts.get(v.accountId, m);
      const address = channel === 'backup_email' ? account.backupEmail : account.primaryEmail;
      if (!address) throw accountsError('no_backup_email');
      const sent = await m.getRepository(VerificationCode).countBy({ verificationId: v.id });
      if (sent >= MAX_CODES_SENT) throw accountsError('too_many_codes', { max: MAX_CODES_SENT });

      const now = this.clock.now();
      await m.update(VerificationCode, { verificationId: v.id, consumedAt: IsNull(), supersededAt: IsNull() }, { supersededAt: now });
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const destination = maskEmail(address)!;
      const saved = await m.save(
        m.create(VerificationCode, {
          verificationId: v.id,
          channel,
          destinationMasked: destination,
          codeHash: this.hashCode(v.id, code),
          sentAt: now,
          expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
          consumedAt: null,
          supersededAt: null,
        }),
      );
      const mail = await this.outbox.add(m, {
        accountId: account.id,
        template: 'verification_code',
        language: account.language,
        to: address,
        params: { code, customerId: account.customerId, minutes: String(CODE_TTL_MINUTES) },
        secretParams: ['code'],
      });
      await m.save(
        m.create(SecurityEvent, {
          accountId: account.id,
          at: now,
          kind: 'verification_code_sent',
          channel: 'phone_support',
          destinationMasked: destination,
          detail: channel,
          ip: null,
        }),
      );
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'verification.code.send',
        targetType: 'account',
        targetId: account.id,
        reason: v.callReference,
        after: { verificationId: v.id, channel, destination },
      });
      return { outboxId: mail.id, response: { codeId: saved.id, channel, destination, expiresAt: saved.expiresAt.toISOString() } };
    });
    await this.outbox.relay([result.outboxId]);
    return result.response;
  }

  private async recordCheck(
    m: EntityManager,
    actor: Actor,
    v: CallerVerification,
    kind: 'code' | 'stated_value',
    subject: string,
    result: CheckResult,
    extra: Record<string, unknown> = {},
  ) {
    await m.save(m.create(VerificationCheck, { verificationId: v.id, at: this.clock.now(), kind, subject, result }));
    await this.audit.record(m, {
      actor: auditActor(actor),
      meta: actor.meta,
      action: kind === 'code' ? 'verification.code.check' : 'verification.stated.check',
      outcome: result === 'match' ? 'success' : 'failure',
      targetType: 'account',
      targetId: v.accountId,
      reason: v.callReference,
      after: { verificationId: v.id, subject, result, ...extra },
    });
  }

  /** The caller reads the code back. Single use, 10 minutes, 5 wrong entries lock code checks for the call. */
  async checkCode(
    actor: Actor,
    id: string,
    code: string,
  ): Promise<{ result: CheckResult; attemptsLeft: number; possessionProven: PossessionChannel[] }> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const v = await this.load(actor, id, m, true);
      this.assertOpen(v);
      if (v.lockedAt) return { v, result: 'locked' as CheckResult, error: 'code_checks_locked' as const };
      const active = await activeCode(m, v.id);
      if (!active) return { v, result: null, error: 'no_code_sent' as const };
      const now = this.clock.now();
      let result: CheckResult;
      if (active.expiresAt.getTime() <= now.getTime()) {
        result = 'expired';
      } else if (/^\d{6}$/.test(code) && sameSecret(this.hashCode(v.id, code), active.codeHash)) {
        result = 'match';
        active.consumedAt = now;
        await m.save(active);
        if (!v.possessionProven.includes(active.channel)) v.possessionProven = [...v.possessionProven, active.channel];
        v.possessionProvenAt = now;
      } else {
        v.codeFailures += 1;
        result = v.codeFailures >= MAX_CODE_FAILURES ? 'locked' : 'no_match';
        if (result === 'locked') v.lockedAt = now;
      }
      await m.save(v);
      await this.recordCheck(m, actor, v, 'code', active.channel, result);
      return { v, result, error: null };
    });
    if (outcome.error) throw accountsError(outcome.error);
    return {
      result: outcome.result,
      attemptsLeft: Math.max(0, MAX_CODE_FAILURES - outcome.v.codeFailures),
      possessionProven: outcome.v.possessionProven,
    };
  }

  /**
   * A value the caller states, compared on the server: the answer is match / no match, never the value. The try
   * is reserved against the account's daily limits in the same transaction as the check, so parallel calls on
   * one account cannot exceed them; a refused try is audited (supervisors are alerted from the trail).
   */
  async checkStated(
    actor: Actor,
    id: string,
    field: StatedField,
    value: string,
  ): Promise<{ field: StatedField; result: CheckResult; attemptsLeft: number }> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const v = await this.load(actor, id, m, true);
      this.assertOpen(v);
      const tries = v.statedTries[field] ?? 0;
      if (tries >= MAX_STATED_TRIES) throw accountsError('stated_tries_exhausted', { field, max: MAX_STATED_TRIES });
      const refused = await this.statedLimits.reserve(v.accountId, field, m);
      if (refused) return { v, refused, answer: null };
      const account = await this.accounts.get(v.accountId, m);
      const expected = onFile(account, field);
      const given = normalizeStated(field, value, account.country);
      // Every reading is compared (no early exit), so the time taken does not tell which one matched.
      const matches = given.map((g) => sameSecret(g, expected ?? '')).filter(Boolean).length;
      const result: CheckResult = expected === null ? 'no_value_on_file' : matches > 0 ? 'match' : 'no_match';
      v.statedTries = { ...v.statedTries, [field]: tries + 1 };
      await m.save(v);
      const accountTriesLeft = await this.statedLimits.accountTriesLeft(v.accountId, m);
      await this.recordCheck(m, actor, v, 'stated_value', field, result, { accountTriesLeft });
      const attemptsLeft = (await this.statedLimits.triesLeft(v, m))[field];
      return { v, refused: null, answer: { field, result, attemptsLeft } };
    });
    if (outcome.answer) return outcome.answer;
    const { v, refused } = outcome;
    await this.audit.recordAlone({
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'verification.stated.throttled',
      outcome: 'denied',
      targetType: 'account',
      targetId: v.accountId,
      reason: v.callReference,
      after: { verificationId: v.id, subject: field, limit: refused.limit },
    });
    const hours = Math.ceil(refused.retryAfterSeconds / 3600);
    throw accountsError(
      'stated_throttled',
      { hours, retryAfterSeconds: refused.retryAfterSeconds },
      {
        headers: { 'Retry-After': String(refused.retryAfterSeconds) },
      },
    );
  }

  async state(actor: Actor, id: string) {
    const v = await this.load(actor, id);
    const [checks, active] = await Promise.all([checksOf(this.dataSource.manager, v.id), activeCode(this.dataSource.manager, v.id)]);
    const now = this.clock.now().getTime();
    return {
      id: v.id,
      accountId: v.accountId,
      callReference: v.callReference,
      startedAt: v.startedAt.toISOString(),
      expiresAt: v.expiresAt.toISOString(),
      expired: v.expiresAt.getTime() <= now,
      possessionProven: v.possessionProven,
      locked: v.lockedAt !== null,
      codeAttemptsLeft: Math.max(0, MAX_CODE_FAILURES - v.codeFailures),
      statedAttemptsLeft: await this.statedLimits.triesLeft(v, this.dataSource.manager),
      activeCode:
        active && active.expiresAt.getTime() > now
          ? { channel: active.channel, destination: active.destinationMasked, expiresAt: active.expiresAt.toISOString() }
          : null,
      checks: checks.map((c) => ({ at: c.at.toISOString(), kind: c.kind, subject: c.subject, result: c.result })),
    };
  }

  /** After a possession check passed on this call, its agent may see the contact data; each unmask is audited. */
  async unmask(actor: Actor, accountId: string, verificationId: string, reason: string): Promise<CustomerAccount> {
    return this.dataSource.transaction(async (m) => {
      const v = await this.load(actor, verificationId, m);
      if (v.accountId !== accountId) throw accountsError('verification_other_account');
      this.assertOpen(v);
      if (!v.possessionProven.length) {
        throw accountsError('contact_masked');
      }
      const account = await this.accounts.get(accountId, m);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'account.unmask',
        targetType: 'account',
        targetId: account.id,
        reason,
        after: { verificationId: v.id, callReference: v.callReference, possessionProven: v.possessionProven },
      });
      return account;
    });
  }
}
