import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import * as path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { normalizeCustomerId } from '../accounts/customer-id';
import { assertNotLocked } from '../accounts/account-lock.service';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { maskEmail } from '../accounts/masking';
import { TwoFactorMethod } from '../accounts/two-factor-method.entity';
import type { AccountType } from '../accounts/customer-account.entity';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import type { AuditActor, AuditInput, RequestMeta } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { accountsError } from '../accounts/accounts.errors';
import { documentsError } from './documents.errors';
import { QueueService } from '../core/queue/queue.service';
import { OutboxService } from '../notifications/outbox.service';
import { CaseDocument, DocumentKind, IDENTITY_KINDS } from './case-document.entity';
import type { IdentityType } from './case-document.entity';
import { checklist, missingForSubmit, requiredKinds } from './checklist';
import { DocumentStore } from './document-store';
import { isAllowed, sniff } from './file-inspection';
import type { FormLanguage } from './form-language';
import { AddressVariant, CasePurpose, IdentityCase } from './identity-case.entity';
import { caseWithTokenHash, documentsOf, formCodeMailsSince, lockCaseWithCodeHash, recentFormOpenings } from './documents-queries.service';
import { isUuid } from '../core/ids';
import { sameSecret } from '../core/secrets';

const EMAIL_CODE_MINUTES = 30;
const MAX_EMAIL_CODE_FAILURES = 5;
const MAX_DOCUMENTS_PER_CASE = 20;
/** Form openings allowed per client IP an hour, and per customer ID a day (the answer is the same either way). */
export const OPENINGS_PER_IP_PER_HOUR = 10;
export const OPENINGS_PER_CUSTOMER_PER_DAY = 3;

/** Keeps a file's own name as cleaned metadata: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = path.posix.basename(name.replace(/\\/g, '/'));
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- stripping control characters from a file name is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned || 'document';
}

/** A file as the upload routes receive it (UploadInterceptor): its bytes as the slices they arrived in. */
export interface UploadedFile {
  originalname: string;
  chunks: readonly Buffer[];
  size: number;
}

export interface CaseAccess {
  case: IdentityCase;
  /** Null for the customer's own form. */
  actor: Actor | null;
  meta: RequestMeta;
}

/** Identity-verification cases: opening (customer form or staff), email confirmation, documents, submission. */
@Injectable()
export class CasesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  private hmac(purpose: string, value: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`${purpose}:${value}`).digest('hex');
  }

  /** How long a customer has to send their documents (or one asked again). */
  collectDaysMs(): number {
    return this.config.caseCollectDays * 86_400_000;
  }

  /** The form's link back to a case, with its token (mailed only: a secret param of the outbox). */
  caseLink(caseId: string, token: string): string {
    return `${this.config.publicUrl}/form/#/case/${caseId}?token=${token}`;
  }

  /**
   * A fresh access token for the case, inside the caller's transaction; only its HMAC is stored, and it replaces
   * the previous one (the newest mailed link is the one that works).
   */
  async issueToken(m: EntityManager, caseId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await m.update(IdentityCase, { id: caseId }, { accessTokenHash: this.hmac('case-token', token) });
    return token;
  }

  private async newCase(
    m: EntityManager,
    init: {
      customerIdGiven: string;
      accountType: AccountType;
      purpose: CasePurpose;
      contactEmail: string;
      channel: 'customer_form' | 'staff';
      openedBy: string | null;
      ip: string | null;
      language: FormLanguage | null;
      addressVariant?: AddressVariant;
    },
  ): Promise<{ row: IdentityCase; token: string; code: string; account: CustomerAccount | null }> {
    const account = await m.getRepository(CustomerAccount).findOneBy({ customerId: init.customerIdGiven });
    const token = randomBytes(24).toString('base64url');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.clock.now();
    const flags: IdentityCase['fraudFlags'] = [];
    if (!account) flags.push('no_matching_account');
    else if (account.accountType !== init.accountType) flags.push('account_type_mismatch');
    const row = await m.save(
      m.create(IdentityCase, {
        accountId: account?.id ?? null,
        customerIdGiven: init.customerIdGiven,
        accountType: init.accountType,
        purpose: init.purpose,
        addressVariant: init.accountType === 'individual' ? (init.addressVariant ?? 'standard') : 'standard',
        status: 'collecting',
        contactEmail: init.contactEmail.toLowerCase(),
        contactEmailConfirmedAt: null,
        emailCodeExpiresAt: new Date(now.getTime() + EMAIL_CODE_MINUTES * 60_000),
        emailCodeFailures: 0,
        channel: init.channel,
        language: init.language,
        openedBy: init.openedBy,
        reviewerId: null,
        fraudFlags: flags,
        rejectionReason: null,
        createdIp: init.ip,
        collectUntil: new Date(now.getTime() + this.config.caseCollectDays * 86_400_000),
      }),
    );
    await m.update(
      IdentityCase,
      { id: row.id },
      { emailCodeHash: this.hmac(`case-code:${row.id}`, code), accessTokenHash: this.hmac('case-token', token) },
    );
    return { row, token, code, account };
  }

  /**
   * The customer's form. The answer never tells whether the customer ID exists: a case is opened either way
   * (flagged for the reviewer when nothing matches), and the limits count openings, not matches.
   */
  async openFromForm(
    dto: {
      customerId: string;
      accountType: AccountType;
      purpose: CasePurpose;
      contactEmail: string;
      language: FormLanguage;
      addressVariant?: AddressVariant;
    },
    meta: RequestMeta,
  ) {
    const customerIdGiven = normalizeCustomerId(dto.customerId);
    const now = this.clock.now().getTime();
    const counts = await recentFormOpenings(this.dataSource.manager, {
      ip: meta.ip,
      ipSince: new Date(now - 3600_000),
      customerIdGiven,
      customerSince: new Date(now - 86_400_000),
    });
    if (counts.ip >= OPENINGS_PER_IP_PER_HOUR || counts.customer >= OPENINGS_PER_CUSTOMER_PER_DAY) {
      throw documentsError('too_many_requests', { retryAfterSeconds: 3600 }, { headers: { 'Retry-After': '3600' } });
    }
    const result = await this.dataSource.transaction(async (m) => {
      await this.reserveCodeMail(m, dto.contactEmail, now);
      const opened = await this.newCase(m, { ...dto, customerIdGiven, channel: 'customer_form', openedBy: null, ip: meta.ip });
      // The code mail carries the link back to the case, so the customer can go on from any browser until submitting.
      const mail = await this.outbox.add(m, {
        accountId: opened.account?.id ?? null,
        template: 'case_email_code',
        language: dto.language,
        to: opened.row.contactEmail,
        params: { code: opened.code, customerId: customerIdGiven, link: this.caseLink(opened.row.id, opened.token) },
        secretParams: ['code', 'link'],
      });
      await this.audit.record(m, {
        actor: null,
        meta,
        action: 'case.open',
        targetType: 'identity_case',
        targetId: opened.row.id,
        caseId: opened.row.id,
        reason: 'customer form',
        after: {
          purpose: dto.purpose,
          accountType: dto.accountType,
          customerId: customerIdGiven,
          flags: opened.row.fraudFlags,
          addressVariant: opened.row.addressVariant,
        },
      });
      return { opened, mailId: mail.id };
    });
    await this.outbox.relay([result.mailId]);
    return {
      caseId: result.opened.row.id,
      token: result.opened.token,
      addressVariant: result.opened.row.addressVariant,
      requiredDocuments: requiredKinds(dto.accountType, result.opened.row.addressVariant),
      collectUntil: result.opened.row.collectUntil.toISOString(),
    };
  }

  /**
   * One more code mail to an address typed on the form, within FORM_CODE_MAILS_PER_ADDRESS_PER_HOUR, or a 429 that
   * says nothing about the customer ID. The count runs under a transaction lock on the address, held until the
   * case (the mail's record) commits, so a burst of parallel openings cannot all see room for one more.
   */
  private async reserveCodeMail(m: EntityManager, address: string, now: number): Promise<void> {
    const to = address.toLowerCase();
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`form-code-mail:${to}`]);
    const sent = await formCodeMailsSince(m, to, new Date(now - 3600_000));
    if (sent >= this.config.formCodeMailsPerAddressPerHour) {
      throw documentsError('too_many_code_mails', { retryAfterSeconds: 3600 }, { headers: { 'Retry-After': '3600' } });
    }
  }

  /** An agent opens a case for an account on the phone; the customer gets a mail with the form link and a code. */
  async openByStaff(
    actor: Actor,
    dto: {
      accountId: string;
      purpose: CasePurpose;
      contactEmail?: string;
      contactOnFile?: 'primary' | 'backup';
      twoFactorMethodIds?: string[];
      callReference: string;
      addressVariant?: AddressVariant;
    },
  ) {
    const result = await this.dataSource.transaction(async (m) => {
      const account = isUuid(dto.accountId)
        ? await m.getRepository(CustomerAccount).findOne({ where: { id: dto.accountId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!account) throw accountsError('not_found');
      assertNotLocked(account);
      const contactEmail = this.staffContact(account, dto);
      let methodIds: string[] | null = null;
      if (dto.purpose === 'disable_2fa') {
        // No method at all is not refused here (the recovery case then cannot open; the console offers no button).
        const methods = await m.getRepository(TwoFactorMethod).findBy({ accountId: account.id });
        if (dto.twoFactorMethodIds) {
          const ids = [...new Set(dto.twoFactorMethodIds)];
          if (ids.some((id) => !methods.some((x) => x.id === id))) {
            throw documentsError('unknown_2fa_method', {}, { fields: { twoFactorMethodIds: 'unknown method' } });
          }
          methodIds = ids.sort();
        }
      } else if (dto.twoFactorMethodIds) {
        throw documentsError('methods_only_for_2fa', {}, { fields: { twoFactorMethodIds: 'only for disable_2fa' } });
      }
      const opened = await this.newCase(m, {
        customerIdGiven: account.customerId,
        accountType: account.accountType,
        purpose: dto.purpose,
        contactEmail,
        channel: 'staff',
        openedBy: actor.id,
        ip: actor.meta.ip,
        language: null,
        addressVariant: dto.addressVariant,
      });
      if (methodIds) await m.update(IdentityCase, { id: opened.row.id }, { twoFactorMethodIds: methodIds });
      const link = this.caseLink(opened.row.id, opened.token);
      const mail = await this.outbox.add(m, {
        accountId: account.id,
        template: 'case_invitation',
        language: account.language,
        to: opened.row.contactEmail,
        params: { code: opened.code, link, customerId: account.customerId },
        secretParams: ['code', 'link'],
      });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'case.open',
        targetType: 'account',
        targetId: account.id,
        caseId: opened.row.id,
        reason: dto.callReference,
        after: {
          purpose: dto.purpose,
          channel: 'staff',
          sentTo: dto.contactOnFile ?? 'new_address',
          contactEmail: maskEmail(contactEmail),
          twoFactorMethodIds: methodIds,
          addressVariant: opened.row.addressVariant,
        },
      });
      return { row: opened.row, mailId: mail.id };
    });
    await this.outbox.relay([result.mailId]);
    return result.row;
  }

  /**
   * Where the form link goes: an address on file (primary or backup, read here so the agent never types or sees
   * it) or a new address the agent typed, which the customer confirms with the mailed code. A new contact address
   * for an email replacement must be a new one: the addresses on file are what the customer lost.
   */
  private staffContact(
    account: CustomerAccount,
    dto: { purpose: CasePurpose; contactEmail?: string; contactOnFile?: 'primary' | 'backup' },
  ): string {
    if (!!dto.contactEmail === !!dto.contactOnFile) {
      throw documentsError('contact_choice', {}, { fields: { contactEmail: 'a new address, or contactOnFile' } });
    }
    if (dto.contactEmail) return dto.contactEmail;
    if (dto.purpose === 'replace_email') {
      throw documentsError('contact_on_file_not_for_replacement');
    }
    const onFile = dto.contactOnFile === 'backup' ? account.backupEmail : account.primaryEmail;
    if (!onFile) throw documentsError('no_backup_email');
    return onFile;
  }

  /** The customer's token for a case; a wrong token is answered exactly like an unknown case. */
  async byToken(caseId: string, token: string | undefined): Promise<IdentityCase> {
    const row = isUuid(caseId) && token ? await caseWithTokenHash(this.dataSource.manager, caseId) : null;
    if (!row || !sameSecret(row.accessTokenHash, this.hmac('case-token', token!))) throw documentsError('request_not_found');
    return row;
  }

  async confirmEmail(caseId: string, token: string | undefined, code: string, meta: RequestMeta): Promise<{ confirmed: true }> {
    await this.byToken(caseId, token);
    return this.dataSource.transaction(async (m) => {
      const row = await lockCaseWithCodeHash(m, caseId);
      if (row.contactEmailConfirmedAt) return { confirmed: true as const };
      if (row.emailCodeFailures >= MAX_EMAIL_CODE_FAILURES) throw documentsError('too_many_wrong_codes');
      if (!row.emailCodeExpiresAt || row.emailCodeExpiresAt.getTime() <= this.clock.now().getTime()) throw documentsError('code_expired');
      if (!sameSecret(row.emailCodeHash, this.hmac(`case-code:${row.id}`, code))) {
        await m.increment(IdentityCase, { id: row.id }, 'emailCodeFailures', 1);
        throw documentsError('wrong_code', {}, { fields: { code: 'wrong code' } });
      }
      await m.update(IdentityCase, { id: row.id }, { contactEmailConfirmedAt: this.clock.now(), emailCodeHash: null });
      await this.audit.record(m, {
        actor: null,
        meta,
        action: 'case.contact_email.confirm',
        targetType: 'identity_case',
        targetId: row.id,
        caseId: row.id,
      });
      return { confirmed: true as const };
    });
  }

  /**
   * Adds documents. Every file is checked before any is stored (content, not name: JPEG, PNG or PDF; not empty),
   * so a request is taken whole or refused whole; files stored for a transaction that fails are removed.
   */
  async addDocuments(access: CaseAccess, kind: DocumentKind, files: UploadedFile[], identityType?: IdentityType): Promise<CaseDocument[]> {
    const { case: c, actor, meta } = access;
    if (!files?.length) throw documentsError('no_file', {}, { fields: { files: 'no file' } });
    if (identityType && !IDENTITY_KINDS.includes(kind)) {
      throw documentsError('identity_type_not_applicable', {}, { fields: { identityType: 'only with identity_front or identity_back' } });
    }
    const open = actor ? ['collecting', 'submitted', 'in_review'] : ['collecting', 'awaiting_reupload'];
    if (!open.includes(c.status)) throw documentsError('case_closed', { status: c.status });
    this.assertRequestedKind(c, actor, kind);
    for (const f of files) {
      if (f.size === 0)
        throw documentsError('empty_file', { fileName: cleanFileName(f.originalname) }, { fields: { files: 'empty file' } });
      const type = await sniff(f.chunks);
      if (!isAllowed(type)) {
        throw documentsError('unsupported_file', { fileName: cleanFileName(f.originalname) });
      }
    }
    const keys = files.map(() => this.store.newKey());
    await Promise.all(files.map((f, i) => this.store.put(keys[i], f.chunks)));
    try {
      const saved = await this.dataSource.transaction(async (m) => {
        const locked = await m.getRepository(IdentityCase).findOne({ where: { id: c.id }, lock: { mode: 'pessimistic_write' } });
        if (!locked || !open.includes(locked.status)) throw documentsError('case_closed', { status: locked?.status ?? c.status });
        this.assertRequestedKind(locked, actor, kind);
        const count = await m.getRepository(CaseDocument).countBy({ caseId: c.id });
        if (count + files.length > MAX_DOCUMENTS_PER_CASE) throw documentsError('too_many_documents', { max: MAX_DOCUMENTS_PER_CASE });
        const docs = await m.save(
          files.map((f, i) =>
            m.create(CaseDocument, {
              caseId: c.id,
              kind,
              originalName: cleanFileName(f.originalname),
              sizeBytes: f.size,
              storageKey: keys[i],
              uploadedBy: actor?.id ?? null,
              state: 'uploaded',
              pdfFlags: [],
              identityType: identityType ?? null,
            }),
          ),
        );
        const who: AuditActor | null = actor ? auditActor(actor) : null;
        await this.audit.record(m, {
          actor: who,
          meta,
          action: 'case.documents.add',
          targetType: 'identity_case',
          targetId: c.id,
          caseId: c.id,
          after: {
            kind,
            identityType: identityType ?? null,
            documents: docs.map((d) => ({ id: d.id, name: d.originalName, size: d.sizeBytes })),
          },
        });
        // The document asked again is here: the case goes back to the queue at once, its 72 h starting now.
        const mailId = locked.status === 'awaiting_reupload' ? await this.resubmit(m, locked, meta) : null;
        return { docs, mailId };
      });
      await this.relayDocuments(saved.docs.map((d) => d.id));
      if (saved.mailId) await this.outbox.relay([saved.mailId]);
      return saved.docs;
    } catch (e) {
      await Promise.all(keys.map((k) => this.store.remove(k)));
      throw e;
    }
  }

  /** While a case awaits a reupload, the customer sends only the kind the reviewer asked for. */
  private assertRequestedKind(c: IdentityCase, actor: Actor | null, kind: DocumentKind): void {
    if (actor || c.status !== 'awaiting_reupload' || kind === c.reuploadKind) return;
    throw documentsError('not_the_requested_document', { kind: String(c.reuploadKind) }, { fields: { kind: `must be ${c.reuploadKind}` } });
  }

  /** Back to the review queue after a reupload: submitted again now (the 72 h restart), the request cleared. */
  private async resubmit(m: EntityManager, row: IdentityCase, meta: RequestMeta): Promise<string> {
    const now = this.clock.now();
    await m.update(
      IdentityCase,
      { id: row.id },
      {
        status: 'submitted',
        submittedAt: now,
        reviewerId: null,
        claimedAt: null,
        reuploadKind: null,
        reuploadReason: null,
        reuploadNote: null,
      },
    );
    return this.recordSubmitted(m, row, meta, { reason: 'reupload', after: { kind: row.reuploadKind, reupload: true } });
  }

  /** The customer sent the case (first time or after a re-upload): audited, and the customer told it was received. */
  private async recordSubmitted(m: EntityManager, row: IdentityCase, meta: RequestMeta, detail: Pick<AuditInput, 'reason' | 'after'> = {}) {
    const target = { targetType: 'identity_case', targetId: row.id, caseId: row.id } as const;
    await this.audit.record(m, { actor: null, meta, action: 'case.submit', ...target, ...detail });
    return this.receivedMail(m, row);
  }

  private async receivedMail(m: EntityManager, row: IdentityCase): Promise<string> {
    const account = row.accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: row.accountId }) : null;
    const mail = await this.outbox.add(m, {
      accountId: row.accountId,
      template: 'case_received',
      language: row.language ?? account?.language ?? 'fr',
      to: row.contactEmail,
      params: { customerId: row.customerIdGiven, caseRef: row.id.slice(0, 8) },
    });
    return mail.id;
  }

  /**
   * The individual checklist's variant. The customer changes it while collecting; staff also while the case waits
   * for or is in review (the reviewer sees the customer moved). Audited.
   */
  async setAddressVariant(c: IdentityCase, actor: Actor | null, meta: RequestMeta, variant: AddressVariant) {
    const open = actor ? ['collecting', 'submitted', 'in_review', 'awaiting_reupload'] : ['collecting'];
    return this.dataSource.transaction(async (m) => {
      const row = await m.getRepository(IdentityCase).findOneOrFail({ where: { id: c.id }, lock: { mode: 'pessimistic_write' } });
      if (!open.includes(row.status)) throw documentsError('checklist_closed', { status: row.status });
      if (row.accountType !== 'individual') {
        throw documentsError('variant_not_applicable');
      }
      if (row.addressVariant !== variant) {
        await m.update(IdentityCase, { id: row.id }, { addressVariant: variant });
        await this.audit.record(m, {
          actor: actor ? auditActor(actor) : null,
          meta,
          action: 'case.address_variant.change',
          targetType: 'identity_case',
          targetId: row.id,
          caseId: row.id,
          before: { addressVariant: row.addressVariant },
          after: { addressVariant: variant },
        });
      }
      return { addressVariant: variant, requiredDocuments: requiredKinds(row.accountType, variant) };
    });
  }

  /** After commit: one processing job per document, its id as job id. If Redis is down the reconciler does it. */
  private async relayDocuments(ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.queues.enqueue('document.process', { documentId: id }, { jobId: id }).catch(() => undefined);
    }
  }

  /** The customer sends the case for review: contact email confirmed and a file for every required document. */
  async submit(caseId: string, token: string | undefined, meta: RequestMeta) {
    const c = await this.byToken(caseId, token);
    const mailId = await this.dataSource.transaction(async (m) => {
      const row = await m.getRepository(IdentityCase).findOneOrFail({ where: { id: c.id }, lock: { mode: 'pessimistic_write' } });
      if (row.status !== 'collecting') throw documentsError('not_collecting', { status: row.status });
      if (!row.contactEmailConfirmedAt) throw documentsError('email_not_confirmed', {}, { fields: { code: 'not confirmed' } });
      const docs = await m.getRepository(CaseDocument).findBy({ caseId: row.id });
      const missing = missingForSubmit(row.accountType, docs, row.addressVariant);
      if (missing.length) {
        throw documentsError('documents_missing', { missing: missing.join(', ') }, { fields: { files: missing.join(', ') } });
      }
      await m.update(IdentityCase, { id: row.id }, { status: 'submitted', submittedAt: this.clock.now() });
      return this.recordSubmitted(m, row, meta);
    });
    await this.outbox.relay([mailId]);
    return { status: 'submitted' as const };
  }

  /** What the customer's form may show: the state of their own request, nothing about the account. */
  async publicView(caseId: string, token: string | undefined) {
    const c = await this.byToken(caseId, token);
    const docs = await documentsOf(this.dataSource.manager, c.id);
    return {
      caseId: c.id,
      status: c.status,
      purpose: c.purpose,
      accountType: c.accountType,
      emailConfirmed: c.contactEmailConfirmedAt !== null,
      addressVariant: c.addressVariant,
      requiredDocuments: requiredKinds(c.accountType, c.addressVariant),
      collectUntil: c.collectUntil.toISOString(),
      // What is still to send, per item (e.g. an ID card's back); decisions stay the reviewer's until the outcome.
      missing: missingForSubmit(
        c.accountType,
        docs.map((d) => ({ ...d, decision: d.decision === 'reupload' ? d.decision : null })),
        c.addressVariant,
      ),
      identityType: checklist(c.accountType, docs, c.addressVariant).find((i) => i.kind === 'identity_front')?.identityType ?? null,
      reupload: c.status === 'awaiting_reupload' ? { kind: c.reuploadKind, reason: c.reuploadReason, note: c.reuploadNote } : null,
      documents: docs.map((d) => ({
        id: d.id,
        kind: d.kind,
        name: d.originalName,
        received: true,
        identityType: d.identityType,
        superseded: d.decision === 'reupload',
      })),
    };
  }

  async expireOverdue(): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(IdentityCase)
      .set({ status: 'expired' })
      .where("status IN ('collecting', 'awaiting_reupload') AND collect_until < :now", { now: this.clock.now() })
      .execute();
    return result.affected ?? 0;
  }
}
