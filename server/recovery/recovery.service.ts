import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertNotLocked } from '../accounts/account-lock.service';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { maskEmail } from '../accounts/masking';
import { SecurityEvent } from '../accounts/security-event.entity';
import { TwoFactorMethod } from '../accounts/two-factor-method.entity';
import { twoFactorMethodsOf } from '../accounts/accounts-queries.service';
import { VerificationService } from '../accounts/verification.service';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import type { AuditActor, RequestMeta } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import type { DomainError } from '../core/http/errors';
import { accountsError } from '../accounts/accounts.errors';
import { recoveryError } from './recovery.errors';
import { QueueService } from '../core/queue/queue.service';
import { IdentityCase } from '../documents/identity-case.entity';
import { OutboxService } from '../notifications/outbox.service';
import { RecoveryCase } from './recovery-case.entity';
import { RecoveryLink } from './recovery-link.entity';
import { blocksAfter, documentsTouchedBy, lastApproval, noticesSent } from './recovery-queries.service';
import { move, OPEN_STATUSES, RecoveryAction, RecoveryClosedCode, RecoveryStatus, TransitionRefused } from './recovery-state';
import { isUuid } from '../core/ids';
import { isUniqueViolation } from '../core/database/database-errors';

const PURPOSE_OF: Record<Exclude<RecoveryAction, 'backup_to_primary'>, IdentityCase['purpose']> = {
  replace_contact_email: 'replace_email',
  disable_2fa: 'disable_2fa',
};
const ACTION_OF: Record<IdentityCase['purpose'], Exclude<RecoveryAction, 'backup_to_primary'>> = {
  replace_email: 'replace_contact_email',
  disable_2fa: 'disable_2fa',
};
const WHAT: Record<RecoveryAction, { fr: string; en: string }> = {
  backup_to_primary: { fr: "l'adresse de secours devient l'adresse principale", en: 'the backup email becomes the primary email' },
  replace_contact_email: { fr: "remplacement de l'adresse e-mail de contact", en: 'replacement of the contact email address' },
  disable_2fa: { fr: 'désactivation de la double authentification', en: 'two-factor authentication disabled' },
};

const KIND: Record<string, { fr: string; en: string }> = {
  totp: { fr: "application d'authentification", en: 'authenticator app' },
  security_key: { fr: 'clé de sécurité', en: 'security key' },
  sms: { fr: 'SMS', en: 'text message' },
  backup_codes: { fr: 'codes de secours', en: 'backup codes' },
};
const methodNames = (lang: 'fr' | 'en', xs: TwoFactorMethod[]) =>
  xs.map((x) => `${KIND[x.kind]?.[lang] ?? x.kind} ${lang === 'fr' ? `« ${x.label} »` : `"${x.label}"`}`).join(', ');

/** What a 2FA disablement removes and keeps, and what the customer must do after it, for the mails. */
function twoFactorSentence(
  lang: 'fr' | 'en',
  template: 'recovery_requested' | 'recovery_executed',
  removed: TwoFactorMethod[],
  kept: TwoFactorMethod[],
): string {
  const none = lang === 'fr' ? 'aucune' : 'none';
  if (lang === 'fr') {
    return (
      (template === 'recovery_requested' ? 'Méthodes qui seront retirées : ' : 'Méthodes retirées : ') +
      (methodNames('fr', removed) || none) +
      '.\n' +
      'Méthodes conservées : ' +
      (methodNames('fr', kept) || none) +
      '.\n' +
      (template === 'recovery_executed'
        ? 'Vous devez enregistrer une nouvelle méthode de double authentification à votre prochaine connexion.'
        : '')
    );
  }
  return (
    (template === 'recovery_requested' ? 'Methods that will be removed: ' : 'Methods removed: ') +
    (methodNames('en', removed) || none) +
    '.\n' +
    'Methods kept: ' +
    (methodNames('en', kept) || none) +
    '.\n' +
    (template === 'recovery_executed' ? 'You must register a new two-factor authentication method at your next sign-in.' : '')
  );
}

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
    await m.save(
      m.create(RecoveryLink, {
        recoveryCaseId: c.id,
        tokenHash: this.tokenHash(token),
        sentToMasked: maskEmail(to)!,
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * 86_400_000),
        usedAt: null,
      }),
    );
    return token;
  }

  tokenHash(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`recovery-link:${token}`).digest('hex');
  }

  /** The exact change an approval binds: any later edit of these makes the hash differ. */
  approvalHash(c: RecoveryCase, account: CustomerAccount): string {
    return createHash('sha256')
      .update(
        JSON.stringify([
          c.accountId,
          c.action,
          c.newValue,
          c.identityCaseId,
          c.verificationId,
          account.primaryEmail,
          account.backupEmail,
          // Appended only when set, so approvals made before the field existed keep their hash.
          ...(c.twoFactorMethodIds ? [[...c.twoFactorMethodIds].sort()] : []),
        ]),
      )
      .digest('hex');
  }

  /** Compare-and-set of a transition: the row moves only if nobody moved it since it was read. */
  async transition(m: EntityManager, c: RecoveryCase, to: RecoveryStatus, changes: Partial<RecoveryCase> = {}): Promise<void> {
    try {
      move(c.status, to, c.action);
    } catch (e) {
      if (e instanceof TransitionRefused) throw recoveryError('transition_refused', { from: e.from, to: e.to });
      throw e;
    }
    const result = await m
      .createQueryBuilder()
      .update(RecoveryCase)
      .set({ ...changes, status: to, version: () => 'version + 1' })
      .where('id = :id AND status = :status AND version = :version', { id: c.id, status: c.status, version: c.version })
      .execute();
    if (!result.affected) throw recoveryError('concurrent_change');
    Object.assign(c, changes, { status: to, version: c.version + 1 });
  }

  async lockAccount(m: EntityManager, accountId: string): Promise<CustomerAccount> {
    const account = isUuid(accountId)
      ? await m.getRepository(CustomerAccount).findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!account) throw accountsError('not_found');
    return account;
  }

  private async insertCase(m: EntityManager, init: Partial<RecoveryCase>): Promise<RecoveryCase> {
    try {
      return await m.save(m.create(RecoveryCase, { status: 'draft', version: 1, ...init }));
    } catch (e) {
      if (isUniqueViolation(e)) throw recoveryError('already_open');
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
      if (v.accountId !== account.id) throw accountsError('verification_other_account');
      if (v.expiresAt.getTime() <= this.clock.now().getTime()) throw recoveryError('verification_expired');
      assertNotLocked(account);
      if (!account.backupEmail) {
        throw recoveryError('no_backup_email');
      }
      if (account.backupEmail.toLowerCase() === account.primaryEmail.toLowerCase()) throw recoveryError('backup_same_as_primary');
      if (!v.possessionProven.includes('backup_email')) {
        throw recoveryError('possession_not_proven');
      }
      const c = await this.insertCase(m, {
        accountId: account.id,
        action: 'backup_to_primary',
        callReference: dto.callReference,
        reason: dto.reason,
        openedBy: actor.id,
        verificationId: v.id,
      });
      await this.transition(m, c, 'checks_passed');
      const now = this.clock.now();
      const previous = { primaryEmail: account.primaryEmail, backupEmail: account.backupEmail, flags: account.flags };
      const newPrimary = account.backupEmail;
      await m.update(
        CustomerAccount,
        { id: account.id },
        {
          primaryEmail: newPrimary,
          backupEmail: null,
          flags: [...new Set([...account.flags, 'backup_email_required' as const])],
          sessionsValidAfter: now,
        },
      );
      await this.transition(m, c, 'executed', { executedAt: now, previous, newValue: newPrimary });
      await m.save(
        m.create(SecurityEvent, {
          accountId: account.id,
          at: now,
          kind: 'contact_email_changed',
          channel: 'phone_support',
          destinationMasked: maskEmail(newPrimary),
          detail: 'backup email made primary',
          ip: null,
        }),
      );
      const token = await this.newLink(m, c, previous.primaryEmail, this.config.recoveryReportDays);
      const params = { customerId: account.customerId, callReference: dto.callReference };
      const mails = [
        await this.outbox.add(m, {
          accountId: account.id,
          template: 'recovery_swap_new_primary',
          language: account.language,
          to: newPrimary,
          params,
        }),
        await this.outbox.add(m, {
          accountId: account.id,
          template: 'recovery_changed_old_address',
          language: account.language,
          to: previous.primaryEmail,
          params: { ...params, link: this.link(token) },
          secretParams: ['link'],
        }),
      ];
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'recovery.backup_to_primary.execute',
        targetType: 'account',
        targetId: account.id,
        caseId: c.id,
        reason: dto.reason,
        before: { primaryEmail: maskEmail(previous.primaryEmail), backupEmail: maskEmail(previous.backupEmail) },
        after: {
          primaryEmail: maskEmail(newPrimary),
          backupEmail: null,
          flags: ['backup_email_required'],
          sessionsRevoked: true,
          callReference: dto.callReference,
        },
      });
      return { c, mailIds: mails.map((x) => x.id) };
    });
    await this.outbox.relay(outcome.mailIds);
    return outcome.c;
  }

  /**
   * Opens a documents-based action by hand: needs a verified identity case of the matching purpose for this
   * account. Kept for a verified case whose automatic opening could not happen (account locked then, an open case
   * of the same action, a case verified before the automatic opening existed). The documents prove identity: no
   * call verification is needed; one given must belong to the account.
   */
  async open(
    actor: Actor,
    dto: {
      accountId: string;
      action: 'replace_contact_email' | 'disable_2fa';
      identityCaseId: string;
      verificationId?: string;
      callReference: string;
      reason: string;
    },
  ) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const account = await this.lockAccount(m, dto.accountId);
      const idCase = isUuid(dto.identityCaseId) ? await m.getRepository(IdentityCase).findOneBy({ id: dto.identityCaseId }) : null;
      if (!idCase || idCase.accountId !== account.id) throw recoveryError('identity_case_unknown');
      if (idCase.purpose !== PURPOSE_OF[dto.action]) {
        throw recoveryError('identity_case_wrong_purpose', { purpose: idCase.purpose });
      }
      let verificationId: string | null = null;
      if (dto.verificationId) {
        const v = await this.verifications.load(actor, dto.verificationId, m);
        if (v.accountId !== account.id) throw accountsError('verification_other_account');
        verificationId = v.id;
      }
      const refused = await this.refusalToOpen(m, account, idCase);
      if (refused) throw refused;
      return this.openOnDocuments(m, actor, account, idCase, {
        verificationId,
        callReference: dto.callReference,
        reason: dto.reason,
        automatic: false,
      });
    });
    await this.outbox.relay(outcome.mailIds);
    return outcome.c;
  }

  /**
   * The reviewer's verification of a documents case opens its action at once (CaseVerifiedPort, called in the
   * reviewer's transaction): pending approval, in the supervisors' inbox. The audit actor is the reviewer (their
   * decision opened it); its owner (openedBy) is the agent who opened the documents case on the call, so it shows
   * among that agent's cases on the account page, or the reviewer for a case from the customer's form. Neither
   * may approve it (approve() refuses the opener, the reviewer and the documents' opener and uploaders). Where it
   * cannot be opened, the case stays verified and the reason is audited.
   */
  async openOnVerified(
    m: EntityManager,
    idCase: IdentityCase,
    reviewer: Actor,
  ): Promise<{ opened: true; recoveryCaseId: string; mailIds: string[] } | { opened: false; reason: string }> {
    if (!idCase.accountId) return { opened: false, reason: 'no account matches the case' };
    const account = await this.lockAccount(m, idCase.accountId);
    const refused = await this.refusalToOpen(m, account, idCase);
    if (refused) {
      await this.audit.record(m, {
        actor: auditActor(reviewer),
        meta: reviewer.meta,
        action: `recovery.${ACTION_OF[idCase.purpose]}.open`,
        outcome: 'denied',
        targetType: 'account',
        targetId: account.id,
        caseId: idCase.id,
        reason: refused.code,
        after: { identityCaseId: idCase.id, automatic: true },
      });
      return { opened: false, reason: refused.message };
    }
    const { c, mailIds } = await this.openOnDocuments(m, reviewer, account, idCase, {
      verificationId: null,
      callReference: `documents ${idCase.id.slice(0, 8)}`,
      reason: 'identity documents verified',
      automatic: true,
      owner: idCase.channel === 'staff' && idCase.openedBy ? idCase.openedBy : reviewer.id,
    });
    return { opened: true, recoveryCaseId: c.id, mailIds };
  }

  /** Why a verified identity case cannot open its action now, or null. Read under the account's row lock. */
  private async refusalToOpen(m: EntityManager, account: CustomerAccount, idCase: IdentityCase): Promise<DomainError | null> {
    const action = ACTION_OF[idCase.purpose];
    if (account.status === 'locked') return accountsError('locked');
    if (idCase.status !== 'verified') return recoveryError('identity_case_not_verified', { status: idCase.status });
    const open = await m.getRepository(RecoveryCase).countBy({ accountId: account.id, action, status: In(OPEN_STATUSES) });
    if (open) return recoveryError('already_open');
    // Documents serve one action: once an action rested on them (even cancelled by the customer or rejected), a
    // new one needs new documents, so a "this was not me" cannot be undone by opening the same action again.
    const used = await m.getRepository(RecoveryCase).countBy({ identityCaseId: idCase.id });
    if (used) return recoveryError('identity_case_used');
    if (action === 'replace_contact_email') {
      if (!idCase.contactEmailConfirmedAt) return recoveryError('contact_email_unconfirmed');
      if (idCase.contactEmail.toLowerCase() === account.primaryEmail.toLowerCase()) return recoveryError('already_primary');
    } else if ((await this.methodsToRemove(m, account.id, idCase)).length === 0) {
      return recoveryError('no_2fa_method');
    }
    return null;
  }

  /** The methods a 2FA disablement removes: those chosen on the identity case that still exist, else all. */
  private async methodsToRemove(m: EntityManager, accountId: string, idCase: IdentityCase): Promise<TwoFactorMethod[]> {
    const all = await twoFactorMethodsOf(m, accountId);
    return idCase.twoFactorMethodIds ? all.filter((x) => idCase.twoFactorMethodIds!.includes(x.id)) : all;
  }

  private async openOnDocuments(
    m: EntityManager,
    actor: Actor,
    account: CustomerAccount,
    idCase: IdentityCase,
    o: { verificationId: string | null; callReference: string; reason: string; automatic: boolean; owner?: string },
  ): Promise<{ c: RecoveryCase; mailIds: string[] }> {
    const action = ACTION_OF[idCase.purpose];
    const methods = action === 'disable_2fa' ? await this.methodsToRemove(m, account.id, idCase) : [];
    const c = await this.insertCase(m, {
      accountId: account.id,
      action,
      callReference: o.callReference,
      reason: o.reason,
      openedBy: o.owner ?? actor.id,
      identityCaseId: idCase.id,
      verificationId: o.verificationId,
      newValue: action === 'replace_contact_email' ? idCase.contactEmail : null,
      twoFactorMethodIds: action === 'disable_2fa' ? methods.map((x) => x.id).sort() : null,
    });
    await this.transition(m, c, 'checks_passed');
    await this.transition(m, c, 'pending_approval');
    const mailIds = await this.notifyAll(m, c, account, 'recovery_requested');
    await this.audit.record(m, {
      actor: auditActor(actor),
      meta: actor.meta,
      action: `recovery.${action}.open`,
      targetType: 'account',
      targetId: account.id,
      caseId: c.id,
      reason: o.reason,
      after: {
        identityCaseId: idCase.id,
        newValue: maskEmail(c.newValue),
        callReference: o.callReference,
        automatic: o.automatic,
        openedBy: c.openedBy,
        ...(c.twoFactorMethodIds ? { twoFactorMethods: methods.map((x) => ({ id: x.id, kind: x.kind })) } : {}),
      },
    });
    return { c, mailIds };
  }

  /** Mails every address the account has (and the new one): what happens, when, and a link to cancel or report. */
  async notifyAll(
    m: EntityManager,
    c: RecoveryCase,
    account: CustomerAccount,
    template: 'recovery_requested' | 'recovery_approved' | 'recovery_executed' | 'recovery_cancelled',
    twoFactor?: { removed: TwoFactorMethod[]; kept: TwoFactorMethod[] },
  ): Promise<string[]> {
    if (c.action === 'disable_2fa' && !twoFactor && c.twoFactorMethodIds) {
      const all = await twoFactorMethodsOf(m, account.id);
      twoFactor = {
        removed: all.filter((x) => c.twoFactorMethodIds!.includes(x.id)),
        kept: all.filter((x) => !c.twoFactorMethodIds!.includes(x.id)),
      };
    }
    const addresses = [
      ...new Set(
        [account.primaryEmail, account.backupEmail, c.newValue, ...(c.previous ? [c.previous.primaryEmail, c.previous.backupEmail] : [])]
          .filter((a): a is string => !!a)
          .map((a) => a.toLowerCase()),
      ),
    ];
    const notBefore =
      new Date(this.clock.now().getTime() + this.config.recoveryHoldHours * 3600_000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    const ids: string[] = [];
    for (const to of addresses) {
      const token =
        template === 'recovery_cancelled'
          ? null
          : await this.newLink(m, c, to, template === 'recovery_executed' ? this.config.recoveryReportDays : 30);
      const lang = account.language === 'en' ? 'en' : 'fr';
      const mail = await this.outbox.add(m, {
        accountId: account.id,
        template,
        language: account.language,
        to,
        params: {
          customerId: account.customerId,
          what: WHAT[c.action][lang],
          notBefore,
          ...(token ? { link: this.link(token) } : {}),
          ...(twoFactor && template !== 'recovery_cancelled'
            ? {
                next: twoFactorSentence(
                  lang,
                  template === 'recovery_executed' ? 'recovery_executed' : 'recovery_requested',
                  twoFactor.removed,
                  twoFactor.kept,
                ),
              }
            : {}),
        },
        secretParams: token ? ['link'] : [],
      });
      ids.push(mail.id);
    }
    return ids;
  }

  async load(id: string, m: EntityManager = this.dataSource.manager): Promise<RecoveryCase> {
    const c = isUuid(id) ? await m.getRepository(RecoveryCase).findOneBy({ id }) : null;
    if (!c) throw recoveryError('case_not_found');
    return c;
  }

  /** Four eyes: the approver is neither the opener nor anyone who reviewed or uploaded the documents it rests on. */
  async approve(actor: Actor, id: string) {
    const outcome = await this.dataSource.transaction(async (m) => {
      const c = await this.load(id, m);
      if (c.openedBy === actor.id) throw recoveryError('own_case');
      if (c.identityCaseId) {
        const idCase = await m.getRepository(IdentityCase).findOneByOrFail({ id: c.identityCaseId });
        const touched = await documentsTouchedBy(m, idCase.id, actor.id);
        if (idCase.reviewerId === actor.id || idCase.openedBy === actor.id || touched) {
          throw recoveryError('reviewed_documents');
        }
      }
      const account = await this.lockAccount(m, c.accountId);
      assertNotLocked(account);
      const now = this.clock.now();
      const holdUntil = new Date(now.getTime() + this.config.recoveryHoldHours * 3600_000);
      await this.transition(m, c, 'approved', { approvedBy: actor.id, approvedAt: now, approvalHash: this.approvalHash(c, account) });
      await this.transition(m, c, 'on_hold', { holdUntil });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: `recovery.${c.action}.approve`,
        targetType: 'account',
        targetId: c.accountId,
        caseId: c.id,
        after: { approvalHash: c.approvalHash, holdUntil: holdUntil.toISOString() },
      });
      // The customer's addresses learn the true state: approved, effective on the hold's end, with a cancel link.
      const mailIds = await this.notifyAll(m, c, account, 'recovery_approved');
      return { c, mailIds };
    });
    await this.outbox.relay(outcome.mailIds);
    return this.enqueueExecution(outcome.c);
  }

  private async enqueueExecution(outcome: RecoveryCase): Promise<RecoveryCase> {
    await this.queues
      .enqueue(
        'recovery.execute',
        { recoveryCaseId: outcome.id },
        {
          jobId: executeJobId(outcome.id),
          delay: Math.max(0, outcome.holdUntil!.getTime() - this.clock.now().getTime()),
        },
      )
      .catch((e: Error) => {
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
      if (c.status !== 'on_hold') throw recoveryError('not_on_hold', { status: c.status });
      const now = this.clock.now();
      if (c.holdUntil && now.getTime() < c.holdUntil.getTime())
        throw recoveryError('hold_not_over', { holdUntil: c.holdUntil.toISOString() });
      const account = await this.lockAccount(m, c.accountId);
      assertNotLocked(account);
      const notified = await noticesSent(m, account.id, account.primaryEmail.toLowerCase(), c.createdAt);
      if (!notified) throw recoveryError('notice_not_accepted');
      const who: AuditActor | null = actor ? auditActor(actor) : null;
      // A block after the approval (a takeover feared) voids it: the unblock must not let an approved change run
      // unannounced. The customer is told it was cancelled; a new procedure starts from new documents.
      // Ordered by the audit trail (one sequence, in commit order), not by clocks: a block or a "this was not me"
      // report on this account recorded after this case's approval.
      const approval = await lastApproval(m, c);
      const blockedSince = approval ? await blocksAfter(m, account.id, approval.id) : 0;
      // Voiding cancels the case and records why, under the same action the execution would have had.
      const voidApproval = async (closedCode: RecoveryClosedCode, closedReason: string, reason?: string) => {
        await this.transition(m, c, 'cancelled', { closedCode, closedReason });
        const target = { targetType: 'account', targetId: account.id, caseId: c.id } as const;
        await this.audit.record(m, { actor: who, meta, action: `recovery.${c.action}.void`, outcome: 'denied', ...target, reason });
      };
      if (blockedSince) {
        await voidApproval(
          'void_blocked_after_approval',
          'approval void: the account was blocked after the approval',
          'account_blocked_after_approval',
        );
        return { c, mailIds: await this.notifyAll(m, c, account, 'recovery_cancelled'), voided: true };
      }
      if (c.approvalHash !== this.approvalHash(c, account)) {
        await voidApproval('void_changed_since_approval', 'approval void: the account or the change differs from what was approved');
        return { c, mailIds: [] as string[], voided: true };
      }
      const previous = { primaryEmail: account.primaryEmail, backupEmail: account.backupEmail, flags: account.flags };
      let removed: TwoFactorMethod[] = [];
      let kept: TwoFactorMethod[] = [];
      if (c.action === 'replace_contact_email') {
        await m.update(CustomerAccount, { id: account.id }, { primaryEmail: c.newValue!, sessionsValidAfter: now });
      } else {
        // Only the chosen methods go (the stolen phone's app, not the security key); a case from before the choice
        // existed (ids null) removes them all, as it did. The customer must register a new method.
        removed = await m
          .getRepository(TwoFactorMethod)
          .find({ where: { accountId: account.id, ...(c.twoFactorMethodIds ? { id: In(c.twoFactorMethodIds) } : {}) } });
        if (removed.length) await m.delete(TwoFactorMethod, { id: In(removed.map((x) => x.id)) });
        kept = await m.getRepository(TwoFactorMethod).find({ where: { accountId: account.id } });
        await m.update(
          CustomerAccount,
          { id: account.id },
          {
            sessionsValidAfter: now,
            flags: [...new Set([...account.flags, 'reenrol_2fa_required' as const])],
          },
        );
      }
      await this.transition(m, c, 'executed', { executedAt: now, previous });
      await m.save(
        m.create(SecurityEvent, {
          accountId: account.id,
          at: now,
          kind: c.action === 'disable_2fa' ? '2fa_disabled' : 'contact_email_changed',
          channel: 'phone_support',
          destinationMasked: maskEmail(c.newValue),
          detail:
            c.action === 'disable_2fa'
              ? `recovery case ${c.id.slice(0, 8)}: ${removed.map((x) => x.kind).join(', ')} removed`
              : `recovery case ${c.id.slice(0, 8)}`,
          ip: null,
        }),
      );
      const mailIds = await this.notifyAll(m, c, { ...account, ...(c.newValue ? { primaryEmail: c.newValue } : {}) }, 'recovery_executed', {
        removed,
        kept,
      });
      await this.audit.record(m, {
        actor: who,
        meta,
        action: `recovery.${c.action}.execute`,
        targetType: 'account',
        targetId: account.id,
        caseId: c.id,
        before: { primaryEmail: maskEmail(previous.primaryEmail) },
        after: {
          primaryEmail: maskEmail(c.newValue ?? previous.primaryEmail),
          sessionsRevoked: true,
          ...(c.action === 'disable_2fa'
            ? {
                removedMethods: removed.map((x) => ({ id: x.id, kind: x.kind })),
                keptMethods: kept.length,
                flags: ['reenrol_2fa_required'],
              }
            : {}),
        },
      });
      return { c, mailIds, voided: false };
    });
    await this.outbox.relay(outcome.mailIds);
    if (outcome.voided) throw recoveryError('approval_void');
    return outcome.c;
  }
}
