import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerAccount } from '../accounts/customer-account.entity';
import type { AccountType } from '../accounts/customer-account.entity';
import { toSummary } from '../accounts/accounts.dto';
import { TwoFactorMethod } from '../accounts/two-factor-method.entity';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { decodeKeyset, encodeKeyset } from '../core/http/cursor';
import { conflict, DomainError, notFound } from '../core/http/errors';
import { OutboxService } from '../notifications/outbox.service';
import { CaseDocument } from './case-document.entity';
import { CaseVerifiedHook } from './case-verified.port';
import { allRequiredAccepted, checklist, IDENTITY_HOLDER } from './checklist';
import type { DecisionDto } from './cases.dto';
import { downloadName } from './download-name';
import { DocumentStore } from './document-store';
import { sniff } from './file-inspection';
import { IdentityCase } from './identity-case.entity';
import { namesMatch, notExpired } from './name-match';
import { isUuid } from '../core/ids';

export const REVIEW_TARGET_MS = 72 * 3600_000;
const IDENTITY_KINDS = ['identity_front', 'identity_back'];

/** Whose name an identity document must carry: the holder, or the organisation's representative. */
function expectedHolder(account: CustomerAccount): string {
  return ['individual', 'sole_trader'].includes(account.accountType) ? account.name : account.legalRepresentative ?? account.name;
}

/** Compliance review: the queue, claiming, per-document decisions, and the case's outcome with the customer's mail. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly onVerified: CaseVerifiedHook,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private timing(c: IdentityCase) {
    if (!c.submittedAt) return { dueAt: null, late: false, msLeft: null };
    const due = c.submittedAt.getTime() + REVIEW_TARGET_MS;
    const end = c.decidedAt?.getTime() ?? this.clock.now().getTime();
    return { dueAt: new Date(due).toISOString(), late: end > due, msLeft: due - end };
  }

  summary(c: IdentityCase) {
    return {
      id: c.id, accountId: c.accountId, customerId: c.customerIdGiven, accountType: c.accountType, purpose: c.purpose, status: c.status,
      channel: c.channel, openedBy: c.openedBy, reviewerId: c.reviewerId, fraudFlags: c.fraudFlags, rejectionReason: c.rejectionReason,
      contactEmailConfirmed: c.contactEmailConfirmedAt !== null, createdAt: c.createdAt.toISOString(),
      submittedAt: c.submittedAt?.toISOString() ?? null, decidedAt: c.decidedAt?.toISOString() ?? null, ...this.timing(c),
    };
  }

  /** The review queue: submitted and in-review cases, oldest first (or any status when asked). Keyset pages. */
  async queue(actor: Actor, q: { status?: string; accountId?: string; limit?: number; cursor?: string }) {
    const limit = q.limit ?? 25;
    const after = decodeKeyset(q.cursor);
    const qb = this.dataSource.getRepository(IdentityCase).createQueryBuilder('c');
    if (q.status) qb.where('c.status = :status', { status: q.status });
    else qb.where("c.status IN ('submitted', 'in_review')");
    if (q.accountId) qb.andWhere('c.accountId = :accountId', { accountId: q.accountId });
    // Filtered in SQL by the same rule as the record check: who may not read others' cases sees their own.
    if (!actor.ability.can('read', asSubject('Case', { openedBy: null, status: null }))) {
      qb.andWhere("(c.openedBy = :me OR c.status = 'verified')", { me: actor.id });
    }
    if (after) qb.andWhere('(COALESCE(c.submittedAt, c.createdAt), c.id) > (:at, :id)', { at: after.at, id: after.id });
    const rows = await qb.orderBy('COALESCE(c.submitted_at, c.created_at)', 'ASC').addOrderBy('c.id', 'ASC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map((c) => this.summary(c)),
      nextCursor: rows.length > limit ? encodeKeyset(last.submittedAt ?? last.createdAt, last.id) : null,
    };
  }

  async load(actor: Actor, caseId: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<IdentityCase> {
    const c = isUuid(caseId)
      ? await m.getRepository(IdentityCase).findOne({ where: { id: caseId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!c || !actor.ability.can('read', asSubject('Case', { openedBy: c.openedBy, status: c.status }))) throw notFound('No case with this id');
    return c;
  }

  async detail(actor: Actor, caseId: string) {
    const c = await this.load(actor, caseId);
    const [docs, account, methods] = await Promise.all([
      this.dataSource.getRepository(CaseDocument).find({ where: { caseId: c.id }, order: { createdAt: 'ASC' } }),
      c.accountId ? this.dataSource.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null,
      c.accountId && c.purpose === 'disable_2fa' ? this.dataSource.getRepository(TwoFactorMethod).find({ where: { accountId: c.accountId }, order: { createdAt: 'ASC' } }) : [],
    ]);
    return {
      ...this.summary(c),
      // A 2FA disablement: the account's methods and those chosen to go (null: all of them).
      twoFactorMethodIds: c.twoFactorMethodIds,
      twoFactorMethods: methods.map((x) => ({ id: x.id, kind: x.kind, label: x.label })),
      account: account ? toSummary(account) : null,
      identityHolder: IDENTITY_HOLDER[c.accountType as AccountType],
      checklist: checklist(c.accountType as AccountType, docs),
      documents: docs.map((d) => ({
        id: d.id, kind: d.kind, name: d.originalName, sizeBytes: d.sizeBytes, state: d.state, processingNote: d.processingNote,
        detectedType: d.detectedType, sha256: d.sha256, scanVerdict: d.scanVerdict, pdfPages: d.pdfPages, pdfFlags: d.pdfFlags,
        width: d.width, height: d.height, hasPreview: d.previewKey !== null, decision: d.decision, decisionReason: d.decisionReason,
        decisionNote: d.decisionNote, holderName: d.holderName, documentExpiry: d.documentExpiry, nameMatches: d.nameMatches,
        decidedBy: d.decidedBy, decidedAt: d.decidedAt?.toISOString() ?? null, uploadedBy: d.uploadedBy, createdAt: d.createdAt.toISOString(),
      })),
    };
  }

  /**
   * For a 2FA disablement, the reviewer (who claimed the case) changes which registered methods go, e.g. after
   * the customer's form asked for it (no choice then: all methods). Carried to the recovery case at verification.
   */
  async chooseTwoFactorMethods(actor: Actor, caseId: string, ids: string[]) {
    return this.dataSource.transaction(async (m) => {
      const c = await this.load(actor, caseId, m, true);
      await this.assertIndependent(m, actor, c);
      if (c.status !== 'in_review' || c.reviewerId !== actor.id) throw conflict('Claim this case before choosing the methods to remove');
      if (c.purpose !== 'disable_2fa' || !c.accountId) throw new DomainError('unprocessable', 'Only a 2FA disablement of a known account removes methods').because('not_a_2fa_case');
      const methods = await m.getRepository(TwoFactorMethod).findBy({ accountId: c.accountId });
      const chosen = [...new Set(ids)].sort();
      if (chosen.some((id) => !methods.some((x) => x.id === id))) {
        throw new DomainError('unprocessable', 'A chosen 2FA method is not one of this account', { twoFactorMethodIds: 'unknown method' }).because('unknown_2fa_method');
      }
      const before = c.twoFactorMethodIds;
      await m.update(IdentityCase, { id: c.id }, { twoFactorMethodIds: chosen });
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: 'case.two_factor_methods.choose', targetType: 'identity_case', targetId: c.id, caseId: c.id,
        before: { twoFactorMethodIds: before }, after: { twoFactorMethodIds: chosen },
      });
      return { twoFactorMethodIds: chosen };
    });
  }

  /** Four eyes: nobody reviews a case they opened or uploaded documents for. */
  private async assertIndependent(m: EntityManager, actor: Actor, c: IdentityCase): Promise<void> {
    const uploaded = await m.getRepository(CaseDocument).countBy({ caseId: c.id, uploadedBy: actor.id });
    if (c.openedBy === actor.id || uploaded > 0) {
      throw new DomainError('forbidden', 'You opened this case or uploaded documents for it: another reviewer must decide it');
    }
  }

  async claim(actor: Actor, caseId: string) {
    const c = await this.dataSource.transaction(async (m) => {
      const row = await this.load(actor, caseId, m, true);
      await this.assertIndependent(m, actor, row);
      if (row.status === 'in_review' && row.reviewerId === actor.id) return row;
      if (row.status !== 'submitted') throw conflict(row.status === 'in_review' ? 'Another reviewer has claimed this case' : `This case is ${row.status}, not waiting for review`);
      row.status = 'in_review';
      row.reviewerId = actor.id;
      row.claimedAt = this.clock.now();
      await m.save(row);
      await this.audit.record(m, { actor: auditActor(actor), meta: actor.meta, action: 'case.claim', targetType: 'identity_case', targetId: row.id, caseId: row.id });
      return row;
    });
    return this.summary(c);
  }

  /**
   * One document's decision. Accepting an identity document needs the holder's name and expiry read on it; the
   * server compares them with the account and today. Any rejection rejects the case (the customer starts again);
   * the case is verified when every required document is accepted. The customer is told either way.
   */
  async decide(actor: Actor, caseId: string, documentId: string, dto: DecisionDto) {
    const result = await this.dataSource.transaction(async (m) => {
      const c = await this.load(actor, caseId, m, true);
      await this.assertIndependent(m, actor, c);
      if (c.status !== 'in_review' || c.reviewerId !== actor.id) throw conflict('Claim this case before deciding on its documents');
      const doc = isUuid(documentId) ? await m.getRepository(CaseDocument).findOneBy({ id: documentId, caseId: c.id }) : null;
      if (!doc) throw notFound('No document with this id in this case');
      if (doc.decision) throw conflict(`This document is already ${doc.decision}`);
      const now = this.clock.now();

      if (dto.decision === 'accepted') {
        if (doc.state === 'failed') throw conflict('Processing this file failed: process it again, or reject it');
        if (doc.state !== 'processed') throw conflict(doc.state === 'rejected' || doc.state === 'quarantined' ? 'This file could not be processed: reject it' : 'This file is still being processed');
        const account = c.accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null;
        if (!account) throw new DomainError('unprocessable', 'No account matches the customer ID of this case: reject it');
        if (IDENTITY_KINDS.includes(doc.kind)) {
          const fields: Record<string, string> = {};
          if (!dto.holderName) fields.holderName = 'read the holder’s full name on the document';
          if (!dto.expiry) fields.expiry = 'read the expiry date on the document';
          if (Object.keys(fields).length) throw new DomainError('invalid', 'An identity document needs the holder’s name and expiry', fields);
          doc.holderName = dto.holderName!;
          doc.documentExpiry = dto.expiry!;
          doc.nameMatches = namesMatch(dto.holderName!, expectedHolder(account));
          if (!doc.nameMatches) throw new DomainError('unprocessable', `The name on the document does not match ${IDENTITY_HOLDER[c.accountType as AccountType]} (${expectedHolder(account)}): reject it as name_mismatch`, { holderName: 'does not match the account' });
          if (!notExpired(dto.expiry!, now)) throw new DomainError('unprocessable', 'This identity document has expired: reject it as expired', { expiry: 'in the past' });
        }
        doc.decision = 'accepted';
      } else {
        if (!dto.reasonCode) throw new DomainError('invalid', 'Say why the document is rejected', { reasonCode: 'required to reject' });
        if (dto.reasonCode === 'other' && !dto.note?.trim()) throw new DomainError('invalid', 'Explain the "other" reason', { note: 'required with other' });
        doc.decision = 'rejected';
        doc.decisionReason = dto.reasonCode;
      }
      doc.decisionNote = dto.note?.trim() || null;
      doc.decidedBy = actor.id;
      doc.decidedAt = now;
      await m.save(doc);
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: `document.${dto.decision === 'accepted' ? 'accept' : 'reject'}`,
        targetType: 'document', targetId: doc.id, caseId: c.id, reason: dto.reasonCode ?? null,
        after: { kind: doc.kind, decision: doc.decision, nameMatches: doc.nameMatches, expiry: doc.documentExpiry },
      });

      const docs = await m.getRepository(CaseDocument).findBy({ caseId: c.id });
      const outcome = doc.decision === 'rejected' ? 'rejected' : allRequiredAccepted(c.accountType as AccountType, docs) ? 'verified' : null;
      const mailIds: string[] = [];
      let recoveryCaseId: string | null = null;
      if (outcome) {
        c.status = outcome;
        c.decidedAt = now;
        c.rejectionReason = outcome === 'rejected' ? doc.decisionReason : null;
        await m.save(c);
        await this.audit.record(m, {
          actor: auditActor(actor), meta: actor.meta, action: `case.${outcome === 'verified' ? 'verify' : 'reject'}`,
          targetType: 'identity_case', targetId: c.id, caseId: c.id, reason: c.rejectionReason, after: { status: outcome, ...this.timing(c) },
        });
        // A verified case opens its recovery action in this same transaction: it lands in the approvals inbox.
        const next = outcome === 'verified' ? await this.onVerified.run(m, c, actor) : null;
        if (next?.opened) {
          recoveryCaseId = next.recoveryCaseId;
          mailIds.push(...next.mailIds);
        }
        const account = c.accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null;
        const mail = await this.outbox.add(m, {
          accountId: c.accountId, template: outcome === 'verified' ? 'case_verified' : 'case_rejected', language: c.language ?? account?.language ?? 'fr',
          to: c.contactEmail,
          params: {
            customerId: c.customerIdGiven, caseRef: c.id.slice(0, 8), reason: c.rejectionReason ?? '',
            purpose: c.purpose, approvalPending: next?.opened ? 'yes' : 'no', holdHours: String(this.config.recoveryHoldHours),
          },
        });
        mailIds.unshift(mail.id);
      }
      return { mailIds, recoveryCaseId, caseStatus: c.status, document: { id: doc.id, decision: doc.decision, nameMatches: doc.nameMatches } };
    });
    if (result.mailIds.length) await this.outbox.relay(result.mailIds);
    return { caseStatus: result.caseStatus, recoveryCaseId: result.recoveryCaseId, document: result.document };
  }

  /** A document's preview or original, for staff allowed to see that very case; every view is audited. */
  async file(actor: Actor, caseId: string, documentId: string, which: 'preview' | 'original') {
    const c = await this.load(actor, caseId);
    if (!actor.ability.can('read', 'Document')) throw notFound('No document with this id in this case');
    const doc = isUuid(documentId) ? await this.dataSource.getRepository(CaseDocument).findOneBy({ id: documentId, caseId: c.id }) : null;
    if (!doc) throw notFound('No document with this id in this case');
    if (doc.purgedAt) throw notFound('This document was purged at the end of its retention period');
    const key = which === 'preview' ? doc.previewKey : doc.storageKey;
    if (!key) throw notFound('This document has no preview (yet)');
    const data = await this.store.get(key);
    await this.audit.recordAlone({
      actor: auditActor(actor), meta: actor.meta, action: which === 'preview' ? 'document.view' : 'document.download',
      targetType: 'document', targetId: doc.id, caseId: c.id,
    });
    // The bytes served decide the type (and the download's extension), whatever the customer named the file.
    const detected = which === 'preview' ? 'image/jpeg' : ((await sniff(data)) ?? doc.detectedType);
    return { data, type: detected ?? 'application/octet-stream', name: downloadName(doc.originalName, detected) };
  }
}
