import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { maskEmail } from '../accounts/masking';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { recoveryError } from './recovery.errors';
import { OutboxService } from '../notifications/outbox.service';
import { activeSupervisors } from '../staff/staff-queries.service';
import { RecoveryCase } from './recovery-case.entity';
import { RecoveryLink } from './recovery-link.entity';
import { OPEN_STATUSES } from './recovery-state';
import { RecoveryService } from './recovery.service';

/** What happens around an action: the customer's cancel and report links, a supervisor's reject, cancel and revert. */
@Injectable()
export class RecoveryAftercareService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly recovery: RecoveryService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private async liveLink(token: string) {
    const link = await this.dataSource.getRepository(RecoveryLink).findOneBy({ tokenHash: this.recovery.tokenHash(token) });
    if (!link || link.usedAt || link.expiresAt.getTime() <= this.clock.now().getTime()) throw recoveryError('link_invalid');
    return link;
  }

  /** What a link would do, for the page the customer lands on (GET changes nothing). */
  async describeLink(token: string) {
    const link = await this.liveLink(token);
    const c = await this.recovery.load(link.recoveryCaseId);
    return {
      action: c.action,
      status: c.status,
      effect: OPEN_STATUSES.includes(c.status) ? 'cancel' : c.status === 'executed' ? 'report' : 'none',
    };
  }

  /**
   * The customer's single-use link: during the hold it cancels the action; after execution it reports it, which
   * locks the account and alerts the supervisors.
   */
  async useLink(token: string, meta: RequestMeta) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const link = await m
        .getRepository(RecoveryLink)
        .findOne({ where: { tokenHash: this.recovery.tokenHash(token), usedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!link || link.expiresAt.getTime() <= this.clock.now().getTime()) throw recoveryError('link_invalid');
      await m.update(RecoveryLink, { id: link.id }, { usedAt: this.clock.now() });
      const c = await this.recovery.load(link.recoveryCaseId, m);
      const account = await this.recovery.lockAccount(m, c.accountId);
      if (OPEN_STATUSES.includes(c.status)) {
        await this.recovery.transition(m, c, 'cancelled', {
          closedCode: 'customer_cancelled',
          closedReason: `cancelled by the customer from ${link.sentToMasked}`,
        });
        const mailIds = await this.recovery.notifyAll(m, c, account, 'recovery_cancelled');
        await this.audit.record(m, {
          actor: null,
          meta,
          action: `recovery.${c.action}.cancel`,
          targetType: 'account',
          targetId: account.id,
          caseId: c.id,
          reason: 'customer link',
          after: { from: link.sentToMasked },
        });
        return { result: 'cancelled' as const, mailIds };
      }
      if (c.status !== 'executed') throw recoveryError('not_executed', { status: c.status });
      await m.update(RecoveryCase, { id: c.id }, { reportedAt: this.clock.now() });
      await m.update(
        CustomerAccount,
        { id: account.id },
        { status: 'locked', lockedAt: this.clock.now(), lockReason: `the customer reported the ${c.action} action: "this was not me"` },
      );
      const supervisors = await activeSupervisors(m);
      const mailIds: string[] = [];
      for (const s of supervisors) {
        const mail = await this.outbox.add(m, {
          accountId: null,
          template: 'staff_alert_report',
          language: 'en',
          to: s.email,
          params: { customerId: account.customerId, caseId: c.id, action: c.action, from: link.sentToMasked },
        });
        mailIds.push(mail.id);
      }
      await this.audit.record(m, {
        actor: null,
        meta,
        action: `recovery.${c.action}.report`,
        outcome: 'failure',
        targetType: 'account',
        targetId: account.id,
        caseId: c.id,
        reason: 'this was not me',
        after: { from: link.sentToMasked, accountLocked: true },
      });
      return { result: 'reported' as const, mailIds };
    });
    await this.outbox.relay(outcome.mailIds);
    return { result: outcome.result };
  }

  async reject(actor: Actor, id: string, reason: string) {
    return this.closeByStaff(actor, id, 'rejected', reason);
  }

  async cancel(actor: Actor, id: string, reason: string) {
    return this.closeByStaff(actor, id, 'cancelled', reason);
  }

  private async closeByStaff(actor: Actor, id: string, to: 'rejected' | 'cancelled', reason: string) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const c = await this.recovery.load(id, m);
      const account = await this.recovery.lockAccount(m, c.accountId);
      await this.recovery.transition(m, c, to, { closedReason: reason });
      const mailIds = await this.recovery.notifyAll(m, c, account, 'recovery_cancelled');
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: `recovery.${c.action}.${to === 'rejected' ? 'reject' : 'cancel'}`,
        targetType: 'account',
        targetId: account.id,
        caseId: c.id,
        reason,
      });
      return { c, mailIds };
    });
    await this.outbox.relay(outcome.mailIds);
    return outcome.c;
  }

  /** After a "this was not me" report, a supervisor puts a swapped account back as it was, within the window. */
  async revert(actor: Actor, id: string, reason: string) {
    return this.dataSource.transaction(async (m) => {
      const c = await this.recovery.load(id, m);
      if (c.action !== 'backup_to_primary') throw recoveryError('revert_not_a_swap');
      if (c.status !== 'executed' || !c.previous) throw recoveryError('revert_not_executed');
      if (c.revertedAt) throw recoveryError('already_reverted');
      const deadline = c.executedAt!.getTime() + this.config.recoveryReportDays * 86_400_000;
      if (this.clock.now().getTime() > deadline) throw recoveryError('revert_window_over');
      const account = await this.recovery.lockAccount(m, c.accountId);
      const done = await m
        .createQueryBuilder()
        .update(RecoveryCase)
        .set({ revertedAt: this.clock.now(), version: () => 'version + 1' })
        .where('id = :id AND version = :version AND reverted_at IS NULL', { id: c.id, version: c.version })
        .execute();
      if (!done.affected) throw recoveryError('concurrent_change');
      await m.update(
        CustomerAccount,
        { id: account.id },
        {
          primaryEmail: c.previous.primaryEmail,
          backupEmail: c.previous.backupEmail,
          flags: c.previous.flags as CustomerAccount['flags'],
          sessionsValidAfter: this.clock.now(),
        },
      );
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'recovery.backup_to_primary.revert',
        targetType: 'account',
        targetId: account.id,
        caseId: c.id,
        reason,
        before: { primaryEmail: maskEmail(account.primaryEmail) },
        after: { primaryEmail: maskEmail(c.previous.primaryEmail), backupEmail: maskEmail(c.previous.backupEmail) },
      });
      return { ...c, revertedAt: this.clock.now() };
    });
  }
}
