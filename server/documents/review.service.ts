import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerAccount } from '../accounts/customer-account.entity';
import type { AccountType } from '../accounts/customer-account.entity';
import { toSummary } from '../accounts/accounts.dto';
import { TwoFactorMethod } from '../accounts/two-factor-method.entity';
import { twoFactorMethodsOf } from '../accounts/accounts-queries.service';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { documentsError } from './documents.errors';
import { OutboxService } from '../notifications/outbox.service';
import { CaseDocument, DATED_KINDS, IDENTITY_KINDS, REUPLOAD_REASONS } from './case-document.entity';
import type { DocumentKind, ReuploadReason } from './case-document.entity';
import { CaseVerifiedHook } from './case-verified.port';
import { allRequiredAccepted, checklist, IDENTITY_HOLDER } from './checklist';
import { CasesService } from './cases.service';
import { oldestAcceptedIssue, proofDateProblem } from './document-rules';
import type { DecisionDto } from './cases.dto';
import { REJECTION_CODES } from './case-document.entity';
import { downloadName } from './download-name';
import { DocumentStore } from './document-store';
import { sniff } from './file-inspection';
import { IdentityCase } from './identity-case.entity';
import { documentsOf, duplicateEvidence, reviewQueue } from './documents-queries.service';
import { flagsToAcknowledge, identityVerdict } from './review-checks';
import type { AckFlag } from './review-checks';
import { isUuid } from '../core/ids';

export const REVIEW_TARGET_MS = 72 * 3600_000;

/** Compliance review: the queue, claiming, per-document decisions, and the case's outcome with the customer's mail. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly cases: CasesService,
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
      id: c.id,
      accountId: c.accountId,
      customerId: c.customerIdGiven,
      accountType: c.accountType,
      purpose: c.purpose,
      status: c.status,
      channel: c.channel,
      openedBy: c.openedBy,
      reviewerId: c.reviewerId,
      fraudFlags: c.fraudFlags,
      rejectionReason: c.rejectionReason,
      addressVariant: c.addressVariant,
      reuploadKind: c.reuploadKind,
      reuploadReason: c.reuploadReason,
      reuploadNote: c.reuploadNote,
      contactEmailConfirmed: c.contactEmailConfirmedAt !== null,
      createdAt: c.createdAt.toISOString(),
      submittedAt: c.submittedAt?.toISOString() ?? null,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      ...this.timing(c),
    };
  }

  /** The review queue: submitted and in-review cases, oldest first (or any status when asked). Keyset pages. */
  async queue(actor: Actor, q: { status?: string; accountId?: string; limit?: number; cursor?: string }) {
    const page = await reviewQueue(this.dataSource.manager, actor, q);
    return { data: page.data.map((c) => this.summary(c)), nextCursor: page.nextCursor };
  }

  async load(actor: Actor, caseId: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<IdentityCase> {
    const c = isUuid(caseId)
      ? await m
          .getRepository(IdentityCase)
          .findOne({ where: { id: caseId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!c || !actor.ability.can('read', asSubject('Case', { openedBy: c.openedBy, status: c.status })))
      throw documentsError('case_not_found');
    return c;
  }

  async detail(actor: Actor, caseId: string) {
    const c = await this.load(actor, caseId);
    // Which other customer sent the same file is for those who judge it (reviewers) or oversee (supervisors), not
    // for the agent who opened the case.
    const seesDuplicates = actor.ability.can('review', 'Case') || actor.ability.can('read', 'AuditEvent');
    const [docs, account, methods, duplicates] = await Promise.all([
      documentsOf(this.dataSource.manager, c.id),
      c.accountId ? this.dataSource.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null,
      c.accountId && c.purpose === 'disable_2fa' ? twoFactorMethodsOf(this.dataSource.manager, c.accountId) : [],
      seesDuplicates && c.fraudFlags.includes('duplicate_document') ? duplicateEvidence(this.dataSource.manager, c) : [],
    ]);
    return {
      ...this.summary(c),
      // A 2FA disablement: the account's methods and those chosen to go (null: all of them).
      twoFactorMethodIds: c.twoFactorMethodIds,
      twoFactorMethods: methods.map((x) => ({ id: x.id, kind: x.kind, label: x.label })),
      account: account ? toSummary(account) : null,
      identityHolder: IDENTITY_HOLDER[c.accountType as AccountType],
      checklist: checklist(c.accountType, docs, c.addressVariant),
      // The duplicate flag's evidence: the other cases holding one of this case's files.
      duplicates,
      documents: docs.map((d) => ({
        id: d.id,
        kind: d.kind,
        name: d.originalName,
        sizeBytes: d.sizeBytes,
        state: d.state,
        processingNote: d.processingNote,
        detectedType: d.detectedType,
        sha256: d.sha256,
        scanVerdict: d.scanVerdict,
        pdfPages: d.pdfPages,
        pdfFlags: d.pdfFlags,
        width: d.width,
        height: d.height,
        hasPreview: d.previewKey !== null,
        decision: d.decision,
        decisionReason: d.decisionReason,
        decisionNote: d.decisionNote,
        holderName: d.holderName,
        documentExpiry: d.documentExpiry,
        nameMatches: d.nameMatches,
        identityType: d.identityType,
        issuedOn: d.issuedOn,
        superseded: d.decision === 'reupload',
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt?.toISOString() ?? null,
        uploadedBy: d.uploadedBy,
        createdAt: d.createdAt.toISOString(),
        flagsToAcknowledge: flagsToAcknowledge(c, d),
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
      if (c.status !== 'in_review' || c.reviewerId !== actor.id) throw documentsError('claim_before_methods');
      if (c.purpose !== 'disable_2fa' || !c.accountId) throw documentsError('not_a_2fa_case');
      const methods = await m.getRepository(TwoFactorMethod).findBy({ accountId: c.accountId });
      const chosen = [...new Set(ids)].sort();
      if (chosen.some((id) => !methods.some((x) => x.id === id))) {
        throw documentsError('unknown_2fa_method', {}, { fields: { twoFactorMethodIds: 'unknown method' } });
      }
      const before = c.twoFactorMethodIds;
      await m.update(IdentityCase, { id: c.id }, { twoFactorMethodIds: chosen });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'case.two_factor_methods.choose',
        targetType: 'identity_case',
        targetId: c.id,
        caseId: c.id,
        before: { twoFactorMethodIds: before },
        after: { twoFactorMethodIds: chosen },
      });
      return { twoFactorMethodIds: chosen };
    });
  }

  /** Four eyes: nobody reviews a case they opened or uploaded documents for. */
  private async assertIndependent(m: EntityManager, actor: Actor, c: IdentityCase): Promise<void> {
    const uploaded = await m.getRepository(CaseDocument).countBy({ caseId: c.id, uploadedBy: actor.id });
    if (c.openedBy === actor.id || uploaded > 0) {
      throw documentsError('own_case');
    }
  }

  async claim(actor: Actor, caseId: string) {
    const c = await this.dataSource.transaction(async (m) => {
      const row = await this.load(actor, caseId, m, true);
      await this.assertIndependent(m, actor, row);
      if (row.status === 'in_review' && row.reviewerId === actor.id) return row;
      if (row.status !== 'submitted')
        throw row.status === 'in_review'
          ? documentsError('already_claimed')
          : documentsError('not_waiting_for_review', { status: row.status });
      row.status = 'in_review';
      row.reviewerId = actor.id;
      row.claimedAt = this.clock.now();
      await m.save(row);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'case.claim',
        targetType: 'identity_case',
        targetId: row.id,
        caseId: row.id,
      });
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
      if (c.status !== 'in_review' || c.reviewerId !== actor.id) throw documentsError('claim_before_decision');
      const doc = isUuid(documentId) ? await m.getRepository(CaseDocument).findOneBy({ id: documentId, caseId: c.id }) : null;
      if (!doc) throw documentsError('document_not_found');
      if (doc.decision) throw documentsError('already_decided', { decision: doc.decision });
      const now = this.clock.now();

      if (dto.decision === 'reupload') return this.askReupload(m, actor, c, doc, dto);
      if (dto.decision === 'accepted') {
        if (doc.state === 'failed') throw documentsError('processing_failed');
        if (doc.state !== 'processed')
          throw documentsError(doc.state === 'rejected' || doc.state === 'quarantined' ? 'not_processable' : 'still_processing');
        const account = c.accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null;
        if (!account) throw documentsError('no_matching_account');
        if (IDENTITY_KINDS.includes(doc.kind)) {
          const fields: Record<string, string> = {};
          if (!dto.holderName) fields.holderName = 'read the holder’s full name on the document';
          if (!dto.expiry) fields.expiry = 'read the expiry date on the document';
          const identityType = dto.identityType ?? doc.identityType;
          if (!identityType) fields.identityType = 'say which identity document this is';
          if (Object.keys(fields).length) {
            throw documentsError(fields.identityType ? 'identity_type_required' : 'identity_fields_required', {}, { fields });
          }
          if (doc.kind === 'identity_back' && identityType === 'passport') {
            throw documentsError('passport_has_no_back', {}, { fields: { identityType: 'passport has one page' } });
          }
          const otherSide = await m.getRepository(CaseDocument).findOne({
            where: { caseId: c.id, kind: doc.kind === 'identity_front' ? 'identity_back' : 'identity_front', decision: 'accepted' },
          });
          if (otherSide?.identityType && otherSide.identityType !== identityType) {
            throw documentsError(
              'identity_type_conflict',
              { identityType: otherSide.identityType },
              { fields: { identityType: `must be ${otherSide.identityType}` } },
            );
          }
          // The reviewer's reading is the document's type, for both of its sides.
          doc.identityType = identityType!;
          await m
            .createQueryBuilder()
            .update(CaseDocument)
            .set({ identityType: identityType! })
            .where("case_id = :caseId AND kind IN ('identity_front', 'identity_back') AND decision IS DISTINCT FROM 'reupload'", {
              caseId: c.id,
            })
            .execute();
          const verdict = identityVerdict(account, dto.holderName!, dto.expiry, now);
          doc.holderName = dto.holderName!;
          doc.documentExpiry = dto.expiry!;
          doc.nameMatches = verdict.nameMatches;
          if (!doc.nameMatches)
            throw documentsError(
              'name_mismatch',
              { holder: IDENTITY_HOLDER[c.accountType as AccountType], expectedName: verdict.expectedName },
              { fields: { holderName: 'does not match the account' } },
            );
          if (verdict.expired) throw documentsError('identity_expired', {}, { fields: { expiry: 'in the past' } });
        }
        if (DATED_KINDS.includes(doc.kind)) {
          if (!dto.issuedOn) throw documentsError('issued_on_required', {}, { fields: { issuedOn: 'read the date on the document' } });
          const problem = proofDateProblem(dto.issuedOn, now);
          if (problem === 'proof_date_invalid') throw documentsError(problem, {}, { fields: { issuedOn: 'not a date' } });
          if (problem === 'proof_in_future') throw documentsError(problem, {}, { fields: { issuedOn: 'in the future' } });
          if (problem === 'proof_too_old') {
            throw documentsError(problem, { oldestIssue: oldestAcceptedIssue(now) }, { fields: { issuedOn: 'older than 3 months' } });
          }
          doc.issuedOn = dto.issuedOn;
        }
        // Last: what was read on the document is checked first, then the flags' confirmation.
        this.assertAcknowledged(c, doc, dto.acknowledgedFlags ?? []);
        doc.decision = 'accepted';
      } else {
        if (!dto.reasonCode) throw documentsError('reason_required', {}, { fields: { reasonCode: 'required to reject' } });
        if (!(REJECTION_CODES as readonly string[]).includes(dto.reasonCode)) {
          throw documentsError('reason_not_for_decision', {}, { fields: { reasonCode: 'not a rejection reason' } });
        }
        if (dto.reasonCode === 'other' && !dto.note?.trim())
          throw documentsError('note_required', {}, { fields: { note: 'required with other' } });
        doc.decision = 'rejected';
        doc.decisionReason = dto.reasonCode;
      }
      doc.decisionNote = dto.note?.trim() || null;
      doc.decidedBy = actor.id;
      doc.decidedAt = now;
      await m.save(doc);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: `document.${dto.decision === 'accepted' ? 'accept' : 'reject'}`,
        targetType: 'document',
        targetId: doc.id,
        caseId: c.id,
        reason: dto.reasonCode ?? null,
        after: {
          kind: doc.kind,
          decision: doc.decision,
          nameMatches: doc.nameMatches,
          expiry: doc.documentExpiry,
          identityType: doc.identityType,
          issuedOn: doc.issuedOn,
          // The flags the reviewer confirmed seeing (duplicate document, active PDF content): accountability.
          ...(doc.decision === 'accepted' ? { acknowledgedFlags: flagsToAcknowledge(c, doc) } : {}),
        },
      });

      const docs = await m.getRepository(CaseDocument).findBy({ caseId: c.id });
      const outcome =
        doc.decision === 'rejected' ? 'rejected' : allRequiredAccepted(c.accountType, docs, c.addressVariant) ? 'verified' : null;
      const mailIds: string[] = [];
      let recoveryCaseId: string | null = null;
      if (outcome) {
        c.status = outcome;
        c.decidedAt = now;
        c.rejectionReason = outcome === 'rejected' ? doc.decisionReason : null;
        await m.save(c);
        await this.audit.record(m, {
          actor: auditActor(actor),
          meta: actor.meta,
          action: `case.${outcome === 'verified' ? 'verify' : 'reject'}`,
          targetType: 'identity_case',
          targetId: c.id,
          caseId: c.id,
          reason: c.rejectionReason,
          after: { status: outcome, ...this.timing(c) },
        });
        // A verified case opens its recovery action in this same transaction: it lands in the approvals inbox.
        const next = outcome === 'verified' ? await this.onVerified.run(m, c, actor) : null;
        if (next?.opened) {
          recoveryCaseId = next.recoveryCaseId;
          mailIds.push(...next.mailIds);
        }
        const account = c.accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null;
        const mail = await this.outbox.add(m, {
          accountId: c.accountId,
          template: outcome === 'verified' ? 'case_verified' : 'case_rejected',
          language: c.language ?? account?.language ?? 'fr',
          to: c.contactEmail,
          params: {
            customerId: c.customerIdGiven,
            caseRef: c.id.slice(0, 8),
            reason: c.rejectionReason ?? '',
            purpose: c.purpose,
            approvalPending: next?.opened ? 'yes' : 'no',
            holdHours: String(this.config.recoveryHoldHours),
          },
        });
        mailIds.unshift(mail.id);
      }
      return {
        mailIds,
        recoveryCaseId,
        caseStatus: c.status,
        document: { id: doc.id, decision: doc.decision, nameMatches: doc.nameMatches },
      };
    });
    if (result.mailIds.length) await this.outbox.relay(result.mailIds);
    return { caseStatus: result.caseStatus, recoveryCaseId: result.recoveryCaseId, document: result.document };
  }

  /** A flagged case or file is accepted only once the reviewer confirms having seen each flag's evidence. */
  private assertAcknowledged(c: IdentityCase, doc: CaseDocument, acknowledged: AckFlag[]): void {
    const missing = flagsToAcknowledge(c, doc).filter((flag) => !acknowledged.includes(flag));
    if (missing.length) {
      throw documentsError('flags_not_acknowledged', { flags: missing.join(', ') }, { fields: { acknowledgedFlags: missing.join(', ') } });
    }
  }

  /**
   * The live check beside the decision: the name and expiry the reviewer is typing, judged exactly as accepting
   * would judge them. Reads only: nothing stored, nothing audited.
   */
  async nameCheck(actor: Actor, caseId: string, documentId: string, dto: { holderName: string; expiry?: string }) {
    const c = await this.load(actor, caseId);
    const doc = isUuid(documentId) ? await this.dataSource.getRepository(CaseDocument).findOneBy({ id: documentId, caseId: c.id }) : null;
    if (!doc) throw documentsError('document_not_found');
    if (!IDENTITY_KINDS.includes(doc.kind)) throw documentsError('not_an_identity_document', { kind: doc.kind });
    const account = c.accountId ? await this.dataSource.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null;
    if (!account) throw documentsError('no_matching_account');
    return identityVerdict(account, dto.holderName, dto.expiry, this.clock.now());
  }

  /**
   * The reviewer asks for one document again (unreadable, cut, glare, other): the file stays as evidence, marked
   * `reupload`; the case waits for the customer (its review clock stops), who gets a mail with a fresh link that
   * lets them send only that kind. Accepted documents stay accepted.
   */
  private async askReupload(m: EntityManager, actor: Actor, c: IdentityCase, doc: CaseDocument, dto: DecisionDto) {
    if (!dto.reasonCode || !(REUPLOAD_REASONS as readonly string[]).includes(dto.reasonCode)) {
      throw documentsError(
        'reupload_reason_required',
        { reasons: REUPLOAD_REASONS.join(', ') },
        { fields: { reasonCode: 'required to ask again' } },
      );
    }
    const note = dto.note?.trim() || null;
    if (dto.reasonCode === 'other' && !note)
      throw documentsError('reupload_note_required', {}, { fields: { note: 'required with other' } });
    const now = this.clock.now();
    Object.assign(doc, { decision: 'reupload', decisionReason: dto.reasonCode, decisionNote: note, decidedBy: actor.id, decidedAt: now });
    await m.save(doc);
    // Only an `other` reason's note is the customer's to read; any other note stays the reviewer's, on the document.
    const mailId = await this.awaitDocument(
      m,
      actor,
      c,
      doc.kind,
      dto.reasonCode as ReuploadReason,
      dto.reasonCode === 'other' ? note : null,
    );
    await this.audit.record(m, {
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'document.reupload',
      targetType: 'document',
      targetId: doc.id,
      caseId: c.id,
      reason: dto.reasonCode,
      after: { kind: doc.kind, status: c.status, note, collectUntil: c.collectUntil.toISOString() },
    });
    return {
      mailIds: [mailId],
      recoveryCaseId: null,
      caseStatus: c.status,
      document: { id: doc.id, decision: doc.decision, nameMatches: doc.nameMatches },
    };
  }

  /**
   * The reviewer asks for a document the checklist still misses (an ID card's back never sent, the old address's
   * proof once the case turned out to be "moved"): same path as a reupload, with no file superseded.
   */
  async requestMissing(actor: Actor, caseId: string, dto: { kind: DocumentKind; note?: string }) {
    const result = await this.dataSource.transaction(async (m) => {
      const c = await this.load(actor, caseId, m, true);
      await this.assertIndependent(m, actor, c);
      if (c.status !== 'in_review' || c.reviewerId !== actor.id) throw documentsError('claim_before_request');
      const docs = await m.getRepository(CaseDocument).findBy({ caseId: c.id });
      const missing = checklist(c.accountType, docs, c.addressVariant).flatMap((i) => i.missing);
      if (!missing.includes(dto.kind)) {
        throw documentsError(
          'document_not_missing',
          { kind: dto.kind, missing: missing.join(', ') || 'nothing' },
          { fields: { kind: 'not missing' } },
        );
      }
      const note = dto.note?.trim() || null;
      const mailId = await this.awaitDocument(m, actor, c, dto.kind, 'missing', note);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'case.document.request',
        targetType: 'identity_case',
        targetId: c.id,
        caseId: c.id,
        reason: 'missing',
        after: { kind: dto.kind, status: c.status, note, collectUntil: c.collectUntil.toISOString() },
      });
      return { mailId, summary: this.summary(c) };
    });
    await this.outbox.relay([result.mailId]);
    return result.summary;
  }

  /** The case waits for one kind of document from the customer: fresh link mailed (with `note`), review clock stopped. */
  private async awaitDocument(
    m: EntityManager,
    actor: Actor,
    c: IdentityCase,
    kind: DocumentKind,
    reason: IdentityCase['reuploadReason'] & string,
    note: string | null,
  ) {
    const now = this.clock.now();
    Object.assign(c, {
      status: 'awaiting_reupload',
      reuploadKind: kind,
      reuploadReason: reason,
      reuploadNote: note,
      reviewerId: null,
      claimedAt: null,
      collectUntil: new Date(now.getTime() + this.cases.collectDaysMs()),
    });
    await m.save(c);
    const token = await this.cases.issueToken(m, c.id);
    const account = c.accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: c.accountId }) : null;
    const mail = await this.outbox.add(m, {
      accountId: c.accountId,
      template: 'case_reupload',
      language: c.language ?? account?.language ?? 'fr',
      to: c.contactEmail,
      params: {
        customerId: c.customerIdGiven,
        caseRef: c.id.slice(0, 8),
        kind,
        reason,
        note: note ?? '',
        link: this.cases.caseLink(c.id, token),
        until: c.collectUntil.toISOString().slice(0, 10),
      },
      secretParams: ['link'],
    });
    return mail.id;
  }

  /** A document's preview or original, for staff allowed to see that very case; every view is audited. */
  async file(actor: Actor, caseId: string, documentId: string, which: 'preview' | 'original') {
    const c = await this.load(actor, caseId);
    if (!actor.ability.can('read', 'Document')) throw documentsError('document_not_found');
    const doc = isUuid(documentId) ? await this.dataSource.getRepository(CaseDocument).findOneBy({ id: documentId, caseId: c.id }) : null;
    if (!doc) throw documentsError('document_not_found');
    if (doc.purgedAt) throw documentsError('document_purged');
    const key = which === 'preview' ? doc.previewKey : doc.storageKey;
    if (!key) throw documentsError('no_preview');
    const data = await this.store.get(key);
    await this.audit.recordAlone({
      actor: auditActor(actor),
      meta: actor.meta,
      action: which === 'preview' ? 'document.view' : 'document.download',
      targetType: 'document',
      targetId: doc.id,
      caseId: c.id,
    });
    // The bytes served decide the type (and the download's extension), whatever the customer named the file.
    const detected = which === 'preview' ? 'image/jpeg' : ((await sniff(data)) ?? doc.detectedType);
    return { data, type: detected ?? 'application/octet-stream', name: downloadName(doc.originalName, detected) };
  }
}
