import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import { accountsError } from './accounts.errors';
import { isUuid } from '../core/ids';
import { OutboxService } from '../notifications/outbox.service';
import { CustomerAccount } from './customer-account.entity';
import { maskEmail } from './masking';
import { SecurityEvent } from './security-event.entity';
import { VerificationService } from './verification.service';

/**
 * The one refusal every recovery action gives while the account is locked (swap, documents case opened by staff,
 * approval, execution): 409 `account_locked`. Callers hold the account row locked when they check.
 */
export function assertNotLocked(account: Pick<CustomerAccount, 'status'>): void {
  if (account.status === 'locked') {
    throw accountsError('locked');
  }
}

/** Every address on file, once each (primary first): who is told of a lock or an unlock. */
function addressesOf(account: CustomerAccount): string[] {
  return [...new Set([account.primaryEmail, account.backupEmail].filter((a): a is string => !!a).map((a) => a.toLowerCase()))];
}

function when(d: Date): string {
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export interface LockRequest {
  reason: string;
  /** The caller verification of the call: required from an agent (their own, live, with a code check passed). */
  verificationId?: string;
  /** The ticket or call the lock is made for (an agent's comes from the verification). */
  callReference?: string;
}

/**
 * "A hacked account is blocked on request" (domain.md). A supervisor locks any account; an agent locks only the
 * account of a caller verified on this call: the agent's own verification, not expired, with at least one
 * possession check (a code read back) passed — the same proof that lets them unmask. The permission rule says it
 * (`lock Account { callerVerified: true }` for agents), the service computes `callerVerified`. Unlocking is the
 * supervisors'. Each change commits with its audit entry, a security event on the account's timeline and a mail to
 * every address on file (FR/EN, customer ID in the subject), relayed after the commit.
 */
@Injectable()
export class AccountLockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifications: VerificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private async lockRow(m: EntityManager, id: string): Promise<CustomerAccount> {
    const account = isUuid(id)
      ? await m.getRepository(CustomerAccount).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!account) throw accountsError('not_found');
    return account;
  }

  /** Mails every address of the account (lock or unlock) and writes the matching event on its security timeline. */
  private async notify(m: EntityManager, account: CustomerAccount, kind: 'account_locked' | 'account_unlocked', now: Date, detail: string) {
    const to = addressesOf(account);
    const mails = [];
    for (const address of to) {
      mails.push(
        await this.outbox.add(m, {
          accountId: account.id,
          template: kind,
          language: account.language,
          to: address,
          params: { customerId: account.customerId, at: when(now) },
        }),
      );
    }
    await m.save(
      m.create(SecurityEvent, {
        accountId: account.id,
        at: now,
        kind,
        channel: 'phone_support',
        destinationMasked: to.map((a) => maskEmail(a)).join(', '),
        detail,
        ip: null,
      }),
    );
    return { to, mails };
  }

  async lock(actor: Actor, id: string, req: LockRequest): Promise<CustomerAccount> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const account = await this.lockRow(m, id);
      let callerVerified = false;
      let callReference = req.callReference ?? null;
      let verificationId: string | null = null;
      if (req.verificationId) {
        const v = await this.verifications.load(actor, req.verificationId, m);
        if (v.accountId !== account.id) throw accountsError('verification_other_account');
        callerVerified = v.expiresAt.getTime() > this.clock.now().getTime() && v.possessionProven.length > 0;
        callReference = v.callReference;
        verificationId = v.id;
      }
      if (!actor.ability.can('lock', asSubject('Account', { id: account.id, callerVerified }))) {
        throw accountsError('caller_not_verified');
      }
      if (account.status === 'locked') throw accountsError('already_locked');
      const now = this.clock.now();
      account.status = 'locked';
      account.lockedAt = now;
      account.lockReason = req.reason;
      await m.save(account);
      const { to, mails } = await this.notify(m, account, 'account_locked', now, `${actor.name}: ${req.reason}`);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'account.lock',
        targetType: 'account',
        targetId: account.id,
        reason: req.reason,
        before: { status: 'active' },
        after: {
          status: 'locked',
          callReference,
          verificationId,
          notified: to.map((a) => maskEmail(a)),
          outboxIds: mails.map((x) => x.id),
        },
      });
      return { account, mailIds: mails.map((x) => x.id) };
    });
    await this.outbox.relay(outcome.mailIds);
    return outcome.account;
  }

  /** A supervisor lifts a lock (asked for, or put by a "this was not me" report) once looked into; with a reason. */
  async unlock(actor: Actor, id: string, reason: string): Promise<CustomerAccount> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const account = await this.lockRow(m, id);
      if (account.status !== 'locked') throw accountsError('not_locked');
      const before = { status: 'locked', lockedAt: account.lockedAt?.toISOString() ?? null, lockReason: account.lockReason };
      const now = this.clock.now();
      account.status = 'active';
      account.lockedAt = null;
      account.lockReason = null;
      await m.save(account);
      const { to, mails } = await this.notify(m, account, 'account_unlocked', now, `${actor.name}: ${reason}`);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'account.unlock',
        targetType: 'account',
        targetId: account.id,
        reason,
        before,
        after: { status: 'active', notified: to.map((a) => maskEmail(a)), outboxIds: mails.map((x) => x.id) },
      });
      return { account, mailIds: mails.map((x) => x.id) };
    });
    await this.outbox.relay(outcome.mailIds);
    return outcome.account;
  }
}
