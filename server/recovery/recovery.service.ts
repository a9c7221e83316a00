import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { assertNotLocked } from '../accounts/account-lock.service';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { maskEmail } from '../accounts/masking';
import { SecurityEvent } from '../accounts/security-event.entity';
import { TwoFactorMethod } from '../accounts/two-factor-method.entity';
import { VerificationService } from '../accounts/verification.service';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import type { AuditActor, RequestMeta } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { conflict, DomainError, notFound } from '../core/http/errors';
import { QueueService } from '../core/queue/queue.service';
import { CaseDocument } from '../documents/case-document.entity';
import { IdentityCase } from '../documents/identity-case.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { OutboxService } from '../notifications/outbox.service';
import { RecoveryCase } from './recovery-case.entity';
import { RecoveryLink } from './recovery-link.entity';
import { move, RecoveryAction, RecoveryStatus, TransitionRefused } from './recovery-state';
import { isUuid } from '../core/ids';
import { isUniqueViolation } from '../core/database/database-errors';

const PURPOSE_OF: Record<Exclude<RecoveryAction, 'backup_to_primary'>, IdentityCase['purpose']> = {
  replace_contact_email: 'replace_email',
  disable_2fa: 'disable_2fa',
};
const WHAT: Record<RecoveryAction, { fr: string; en: string }> = {
  backup_to_primary: { fr: "l'adresse de secours devient l'adresse principale", en: 'the backup email becomes the primary email' },
  replace_contact_email: { fr: "remplacement de l'adresse e-mail de contact", en: 'replacement of the contact email address' },
  disable_2fa: { fr: 'désactivation de la double authentification', en: 'two-factor authentication disabled' },
};

/** One execution job per case: the approval and the reconciler enqueue under this id, so a case runs once. */
export const executeJobId = (caseId: string) => `exec-${caseId}`;

/**
 * The three actions that change who controls an account. Every step is a transition of the case's state machine,
 * made with a compare-and-set on (status, version) in one transaction with its audit entry and its mails; no other
 * code writes an account's emails or 2FA.
 */
@Injectable()
export class RecoveryService {
  private readonly logger = new Logger('Recovery');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly verifications: VerificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  private link(token: string): string {
    return `${this.config.publicUrl}/form/#/link/${token}`;
  }

  private async newLink(m: EntityManager, c: RecoveryCase, to: string, days: number): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    await m.save(m.create(RecoveryLink, {
      recoveryCaseId: c.id, tokenHash: this.tokenHash(token), sentToMasked: maskEmail(to)!, createdAt: now,
      expiresAt: new Date(now.getTime() + days * 86_400_000), usedAt: null,
    }));
    return token;
  }

  tokenHash(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`recovery-link:${token}`).digest('hex');
  }

  /** The exact change an approval binds: any later edit of these makes the hash differ. */
  approvalHash(c: RecoveryCase, account: CustomerAccount): string {
    return createHash('sha256')
      .update(JSON.stringify([c.accountId, c.action, c.newValue, c.identityCaseId, c.verificationId, account.primaryEmail, account.backupEmail]))
      .digest('hex');
  }

  /** Compare-and-set of a transition: the row moves only if nobody moved it since it was read. */
  async transition(m: EntityManager, c: RecoveryCase, to: RecoveryStatus, changes: Partial<RecoveryCase> = {}): Promise<void> {
    try {
      move(c.status, to, c.action);
    } catch (e) {
      if (e instanceof TransitionRefused) throw conflict(e.message);
      throw e;
    }
    const result = await m
      .createQueryBuilder()
      .update(RecoveryCase)
      .set({ ...changes, status: to, version: () => 'version + 1' })
      .where('id = :id AND status = :status AND version = :version', { id: c.id, status: c.status, version: c.version })
      .execute();
    if (!result.affected) throw conflict('This case was changed at the same time by someone else; reload it');
    Object.assign(c, changes, { status: to, version: c.version + 1 });
  }

  async lockAccount(m: EntityManager, accountId: string): Promise<CustomerAccount> {
    const account = isUuid(accountId) ? await m.getRepository(CustomerAccount).findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!account) throw notFound('No account with this id');
    return account;
  }

  private async insertCase(m: EntityManager, init: Partial<RecoveryCase>): Promise<RecoveryCase> {
    try {
      return await m.save(m.create(RecoveryCase, { status: 'draft', version: 1, ...init }));
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('This account already has an open case for this action');
      throw e;
    }
  }

  /**
   * The phone procedure: the backup email becomes the primary, at once, by the agent on the call — only when the
   * caller proved possession of that backup email during this call and the account allows it.
   */
  async swapBackupToPrimary(actor: Actor, dto: { accountId: string; verificationId: string; callReference: string; reason: string }) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const account = await this.lockAccount(m, dto.accountId);
      const v = await this.verifications.load(actor, dto.verificationId, m);
      if (v.accountId !== account.id) throw new DomainError('unprocessable', 'This verification belongs to another account');
      if (v.expiresAt.getTime() <= this.clock.now().getTime()) throw conflict('This call’s verification has expired; verify the caller again');
      assertNotLocked(account);
      if (!account.backupEmail) {
        throw new DomainError('unprocessable', 'This account has no backup email: the phone desk cannot help; the customer must use the identity-documents procedure');
      }
      if (account.backupEmail.toLowerCase() === account.primaryEmail.toLowerCase()) throw new DomainError('unprocessable', 'The backup email is the same as the primary email');
      if (!v.possessionProven.includes('backup_email')) {
        throw new DomainError('unprocessable', 'The caller has not proven possession of the backup email on this call: send a code to it first');
      }
      const c = await this.insertCase(m, {
        accountId: account.id, action: 'backup_to_primary', callReference: dto.callReference, reason: dto.reason, openedBy: actor.id, verificationId: v.id,
      });
      await this.transition(m, c, 'checks_passed');
      const now = this.clock.now();
      const previous = { primaryEmail: account.primaryEmail, backupEmail: account.backupEmail, flags: account.flags };
      const newPrimary = account.backupEmail;
      await m.update(CustomerAccount, { id: account.id }, {
        primaryEmail: newPrimary, backupEmail: null, flags: [...new Set([...account.flags, 'backup_email_required' as const])], sessionsValidAfter: now,
      });
      await this.transition(m, c, 'executed', { executedAt: now, previous, newValue: newPrimary });
      await m.save(m.create(SecurityEvent, {
        accountId: account.id, at: now, kind: 'contact_email_changed', channel: 'phone_support', destinationMasked: maskEmail(newPrimary), detail: 'backup email made primary', ip: null,
      }));
      const token = await this.newLink(m, c, previous.primaryEmail, this.config.recoveryReportDays);
      const params = { customerId: account.customerId, callReference: dto.callReference };
      const mails = [
        await this.outbox.add(m, { accountId: account.id, template: 'recovery_swap_new_primary', language: account.language, to: newPrimary, params }),
        await this.outbox.add(m, {
          accountId: account.id, template: 'recovery_changed_old_address', language: account.language, to: previous.primaryEmail,
          params: { ...params, link: this.link(token) }, secretParams: ['link'],
        }),
      ];
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: 'recovery.backup_to_primary.execute', targetType: 'account', targetId: account.id,
        caseId: c.id, reason: dto.reason,
        before: { primaryEmail: maskEmail(previous.primaryEmail), backupEmail: maskEmail(previous.backupEmail) },
        after: { primaryEmail: maskEmail(newPrimary), backupEmail: null, flags: ['backup_email_required'], sessionsRevoked: true, callReference: dto.callReference },
      });
      return { c, mailIds: mails.map((x) => x.id) };
    });
    await this.outbox.relay(outcome.mailIds);
    return outcome.c;
  }

  /** Opens a documents-based action: needs a verified identity case of the matching purpose for this account. */
  async open(actor: Actor, dto: { accountId: string; action: 'replace_contact_email' | 'disable_2fa'; identityCaseId: string; verificationId?: string; callReference: string; reason: string }) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const account = await this.lockAccount(m, dto.accountId);
      assertNotLocked(account);
      const idCase = isUuid(dto.identityCaseId) ? await m.getRepository(IdentityCase).findOneBy({ id: dto.identityCaseId }) : null;
      if (!idCase || idCase.accountId !== account.id) throw new DomainError('unprocessable', 'No identity-documents case of this account has this id');
      if (idCase.status !== 'verified') throw new DomainError('unprocessable', `The identity-documents case is ${idCase.status}, not verified`);
      if (idCase.purpose !== PURPOSE_OF[dto.action]) throw new DomainError('unprocessable', `The identity-documents case was opened to ${idCase.purpose.replace('_', ' ')}, not for this action`);
      const used = await m.getRepository(RecoveryCase).countBy({ identityCaseId: idCase.id, status: 'executed' });
      if (used) throw conflict('This identity-documents case was already used for an executed action');
      let newValue: string | null = null;
      let verificationId: string | null = null;
      if (dto.action === 'replace_contact_email') {
        if (!idCase.contactEmailConfirmedAt) throw new DomainError('unprocessable', 'The new address was never confirmed by its code');
        if (idCase.contactEmail.toLowerCase() === account.primaryEmail.toLowerCase()) throw new DomainError('unprocessable', 'The new address is already the primary email');
        newValue = idCase.contactEmail;
      } else {
        if (!dto.verificationId) throw new DomainError('invalid', 'A 2FA disablement needs the caller verification of the call', { verificationId: 'required' });
        const v = await this.verifications.load(actor, dto.verificationId, m);
        if (v.accountId !== account.id) throw new DomainError('unprocessable', 'This verification belongs to another account');
        if (!v.possessionProven.includes('primary_email')) {
          throw new DomainError('unprocessable', 'The caller has not proven possession of the primary email on this call: send a code to it first');
        }
        if ((await m.getRepository(TwoFactorMethod).countBy({ accountId: account.id })) === 0) throw new DomainError('unprocessable', 'This account has no 2FA method to disable');
        verificationId = v.id;
      }
      const c = await this.insertCase(m, {
        accountId: account.id, action: dto.action, callReference: dto.callReference, reason: dto.reason, openedBy: actor.id,
        identityCaseId: idCase.id, verificationId, newValue,
      });
      await this.transition(m, c, 'checks_passed');
      await this.transition(m, c, 'pending_approval');
      const mailIds = await this.notifyAll(m, c, account, 'recovery_requested');
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: `recovery.${dto.action}.open`, targetType: 'account', targetId: account.id, caseId: c.id,
        reason: dto.reason, after: { identityCaseId: idCase.id, newValue: maskEmail(newValue), callReference: dto.callReference },
      });
      return { c, mailIds };
    });
    await this.outbox.relay(outcome.mailIds);
    return outcome.c;
  }

  /** Mails every address the account has (and the new one): what happens, when, and a link to cancel or report. */
  async notifyAll(m: EntityManager, c: RecoveryCase, account: CustomerAccount, template: 'recovery_requested' | 'recovery_executed' | 'recovery_cancelled'): Promise<string[]> {
    const addresses = [...new Set([account.primaryEmail, account.backupEmail, c.newValue, ...(c.previous ? [c.previous.primaryEmail, c.previous.backupEmail] : [])]
      .filter((a): a is string => !!a).map((a) => a.toLowerCase()))];
    const notBefore = new Date(this.clock.now().getTime() + this.config.recoveryHoldHours * 3600_000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    const ids: string[] = [];
    for (const to of addresses) {
      const token = template === 'recovery_cancelled' ? null : await this.newLink(m, c, to, template === 'recovery_executed' ? this.config.recoveryReportDays : 30);
      const lang = account.language === 'en' ? 'en' : 'fr';
      const mail = await this.outbox.add(m, {
        accountId: account.id, template, language: account.language, to,
        params: { customerId: account.customerId, what: WHAT[c.action][lang], notBefore, ...(token ? { link: this.link(token) } : {}) },
        secretParams: token ? ['link'] : [],
      });
      ids.push(mail.id);
    }
    return ids;
  }

  async load(id: string, m: EntityManager = this.dataSource.manager): Promise<RecoveryCase> {
    const c = isUuid(id) ? await m.getRepository(RecoveryCase).findOneBy({ id }) : null;
    if (!c) throw notFound('No recovery case with this id');
    return c;
  }

  /** Four eyes: the approver is neither the opener nor anyone who reviewed or uploaded the documents it rests on. */
  async approve(actor: Actor, id: string) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const c = await this.load(id, m);
      if (c.openedBy === actor.id) throw new DomainError('forbidden', 'You opened this case: another supervisor must approve it');
      if (c.identityCaseId) {
        const idCase = await m.getRepository(IdentityCase).findOneByOrFail({ id: c.identityCaseId });
        const touched = await m.getRepository(CaseDocument).createQueryBuilder('d')
          .where('d.caseId = :cid AND (d.decidedBy = :me OR d.uploadedBy = :me)', { cid: idCase.id, me: actor.id }).getCount();
        if (idCase.reviewerId === actor.id || idCase.openedBy === actor.id || touched) {
          throw new DomainError('forbidden', 'You reviewed or handled the documents of this case: another supervisor must approve it');
        }
      }
      const account = await this.lockAccount(m, c.accountId);
      assertNotLocked(account);
      const now = this.clock.now();
      const holdUntil = new Date(now.getTime() + this.config.recoveryHoldHours * 3600_000);
      await this.transition(m, c, 'approved', { approvedBy: actor.id, approvedAt: now, approvalHash: this.approvalHash(c, account) });
      await this.transition(m, c, 'on_hold', { holdUntil });
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: `recovery.${c.action}.approve`, targetType: 'account', targetId: c.accountId, caseId: c.id,
        after: { approvalHash: c.approvalHash, holdUntil: holdUntil.toISOString() },
      });
      return c;
    });
    await this.queues.enqueue('recovery.execute', { recoveryCaseId: outcome.id }, {
      jobId: executeJobId(outcome.id), delay: Math.max(0, outcome.holdUntil!.getTime() - this.clock.now().getTime()),
    }).catch((e: Error) => {
      // The approval stands (it is committed); the reconciler enqueues the execution once the hold is over.
      this.logger.warn(`recovery case ${outcome.id}: execution not enqueued now (${e.message}); the reconciler will`);
    });
    return outcome;
  }

  /**
   * Executes an approved action once its hold is over and the mails about it reached the old addresses. Called by
   * the delayed job, or by a supervisor; twice, or twice at once, changes the account once (the second gets 409).
   */
  async execute(actor: Actor | null, id: string, meta: RequestMeta) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const c = await this.load(id, m);
      if (c.status !== 'on_hold') throw conflict(`This case is ${c.status.replace('_', ' ')}, not waiting to be executed`);
      const now = this.clock.now();
      if (c.holdUntil && now.getTime() < c.holdUntil.getTime()) throw conflict(`The hold lasts until ${c.holdUntil.toISOString()}: not before`);
      const account = await this.lockAccount(m, c.accountId);
      assertNotLocked(account);
      const notified = await m.getRepository(OutboxMessage).createQueryBuilder('o')
        .where('o.accountId = :aid AND o.toAddress = :to AND o.template = :t AND o.createdAt >= :since AND o.status = :sent', {
          aid: account.id, to: account.primaryEmail.toLowerCase(), t: 'recovery_requested', since: c.createdAt, sent: 'sent',
        }).getCount();
      if (!notified) throw conflict('The mail to the current address has not been accepted by the mail server yet: execution waits for it');
      const who: AuditActor | null = actor ? auditActor(actor) : null;
      if (c.approvalHash !== this.approvalHash(c, account)) {
        await this.transition(m, c, 'cancelled', { closedReason: 'approval void: the account or the change differs from what was approved' });
        await this.audit.record(m, { actor: who, meta, action: `recovery.${c.action}.void`, outcome: 'denied', targetType: 'account', targetId: account.id, caseId: c.id });
        return { c, mailIds: [] as string[], voided: true };
      }
      const previous = { primaryEmail: account.primaryEmail, backupEmail: account.backupEmail, flags: account.flags };
      if (c.action === 'replace_contact_email') {
        await m.update(CustomerAccount, { id: account.id }, { primaryEmail: c.newValue!, sessionsValidAfter: now });
      } else {
        await m.delete(TwoFactorMethod, { accountId: account.id });
        await m.update(CustomerAccount, { id: account.id }, { sessionsValidAfter: now });
      }
      await this.transition(m, c, 'executed', { executedAt: now, previous });
      await m.save(m.create(SecurityEvent, {
        accountId: account.id, at: now, kind: c.action === 'disable_2fa' ? '2fa_disabled' : 'contact_email_changed', channel: 'phone_support',
        destinationMasked: maskEmail(c.newValue), detail: `recovery case ${c.id.slice(0, 8)}`, ip: null,
      }));
      const mailIds = await this.notifyAll(m, c, { ...account, ...(c.newValue ? { primaryEmail: c.newValue } : {}) } as CustomerAccount, 'recovery_executed');
      await this.audit.record(m, {
        actor: who, meta, action: `recovery.${c.action}.execute`, targetType: 'account', targetId: account.id, caseId: c.id,
        before: { primaryEmail: maskEmail(previous.primaryEmail) }, after: { primaryEmail: maskEmail(c.newValue ?? previous.primaryEmail), sessionsRevoked: true },
      });
      return { c, mailIds, voided: false };
    });
    await this.outbox.relay(outcome.mailIds);
    if (outcome.voided) throw conflict('The approval no longer matches the account or the change: the case was cancelled');
    return outcome.c;
  }
}
