import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import * as path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { normalizeCustomerId } from '../accounts/customer-id';
import { assertNotLocked } from '../accounts/account-lock.service';
import { CustomerAccount } from '../accounts/customer-account.entity';
import type { AccountType } from '../accounts/customer-account.entity';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import type { AuditActor, RequestMeta } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { conflict, DomainError, notFound } from '../core/http/errors';
import { QueueService } from '../core/queue/queue.service';
import { OutboxService } from '../notifications/outbox.service';
import { CaseDocument, DocumentKind } from './case-document.entity';
import { REQUIRED_BY_TYPE } from './checklist';
import { DocumentStore } from './document-store';
import { isAllowed, sniff } from './file-inspection';
import type { FormLanguage } from './form-language';
import { CasePurpose, IdentityCase } from './identity-case.entity';
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
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '').slice(0, 200);
  return cleaned || 'document';
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
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

  private async newCase(
    m: EntityManager,
    init: {
      customerIdGiven: string; accountType: AccountType; purpose: CasePurpose; contactEmail: string; channel: 'customer_form' | 'staff';
      openedBy: string | null; ip: string | null; language: FormLanguage | null;
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
    await m.update(IdentityCase, { id: row.id }, { emailCodeHash: this.hmac(`case-code:${row.id}`, code), accessTokenHash: this.hmac('case-token', token) });
    return { row, token, code, account };
  }

  /**
   * The customer's form. The answer never tells whether the customer ID exists: a case is opened either way
   * (flagged for the reviewer when nothing matches), and the limits count openings, not matches.
   */
  async openFromForm(dto: { customerId: string; accountType: AccountType; purpose: CasePurpose; contactEmail: string; language: FormLanguage }, meta: RequestMeta) {
    const customerIdGiven = normalizeCustomerId(dto.customerId);
    const now = this.clock.now().getTime();
    const [counts] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM identity_cases WHERE created_ip = $1 AND created_at > $2)::int AS ip,
              (SELECT count(*) FROM identity_cases WHERE customer_id_given = $3 AND created_at > $4)::int AS customer`,
      [meta.ip, new Date(now - 3600_000), customerIdGiven, new Date(now - 86_400_000)],
    );
    if (counts.ip >= OPENINGS_PER_IP_PER_HOUR || counts.customer >= OPENINGS_PER_CUSTOMER_PER_DAY) {
      throw new DomainError('throttled', 'Too many requests were opened from here or for this customer ID; try again later', undefined, { 'Retry-After': '3600' });
    }
    const result = await this.dataSource.transaction(async (m) => {
      await this.reserveCodeMail(m, dto.contactEmail, now);
      const opened = await this.newCase(m, { ...dto, customerIdGiven, channel: 'customer_form', openedBy: null, ip: meta.ip });
      const mail = await this.outbox.add(m, {
        accountId: opened.account?.id ?? null, template: 'case_email_code', language: dto.language,
        to: opened.row.contactEmail, params: { code: opened.code, customerId: customerIdGiven }, secretParams: ['code'],
      });
      await this.audit.record(m, {
        actor: null, meta, action: 'case.open', targetType: 'identity_case', targetId: opened.row.id, caseId: opened.row.id,
        reason: 'customer form', after: { purpose: dto.purpose, accountType: dto.accountType, customerId: customerIdGiven, flags: opened.row.fraudFlags },
      });
      return { opened, mailId: mail.id };
    });
    await this.outbox.relay([result.mailId]);
    return {
      caseId: result.opened.row.id,
      token: result.opened.token,
      requiredDocuments: REQUIRED_BY_TYPE[dto.accountType],
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
    const [{ sent }] = await m.query(
      `SELECT count(*)::int AS sent FROM identity_cases WHERE contact_email = $1 AND channel = 'customer_form' AND created_at > $2`,
      [to, new Date(now - 3600_000)],
    );
    if (sent >= this.config.formCodeMailsPerAddressPerHour) {
      throw new DomainError('throttled', 'Too many codes were sent to this address; try again in an hour', undefined, { 'Retry-After': '3600' }).because('too_many_code_mails');
    }
  }

  /** An agent opens a case for an account on the phone; the customer gets a mail with the form link and a code. */
  async openByStaff(actor: Actor, dto: { accountId: string; purpose: CasePurpose; contactEmail: string; callReference: string }) {
    const result = await this.dataSource.transaction(async (m) => {
      const account = isUuid(dto.accountId) ? await m.getRepository(CustomerAccount).findOne({ where: { id: dto.accountId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!account) throw notFound('No account with this id');
      assertNotLocked(account);
      const opened = await this.newCase(m, {
        customerIdGiven: account.customerId, accountType: account.accountType, purpose: dto.purpose, contactEmail: dto.contactEmail,
        channel: 'staff', openedBy: actor.id, ip: actor.meta.ip, language: null,
      });
      const link = `${this.config.publicUrl}/form/#/case/${opened.row.id}?token=${opened.token}`;
      const mail = await this.outbox.add(m, {
        accountId: account.id, template: 'case_invitation', language: account.language, to: opened.row.contactEmail,
        params: { code: opened.code, link, customerId: account.customerId }, secretParams: ['code', 'link'],
      });
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: 'case.open', targetType: 'account', targetId: account.id, caseId: opened.row.id,
        reason: dto.callReference, after: { purpose: dto.purpose, channel: 'staff' },
      });
      return { row: opened.row, mailId: mail.id };
    });
    await this.outbox.relay([result.mailId]);
    return result.row;
  }

  /** The customer's token for a case; a wrong token is answered exactly like an unknown case. */
  async byToken(caseId: string, token: string | undefined): Promise<IdentityCase> {
    const row = isUuid(caseId) && token
      ? await this.dataSource.getRepository(IdentityCase).createQueryBuilder('c').addSelect('c.accessTokenHash').where('c.id = :caseId', { caseId }).getOne()
      : null;
    if (!row || !sameSecret(row.accessTokenHash, this.hmac('case-token', token!))) throw notFound('No such request, or the link has expired');
    return row;
  }

  async confirmEmail(caseId: string, token: string | undefined, code: string, meta: RequestMeta): Promise<{ confirmed: true }> {
    await this.byToken(caseId, token);
    return this.dataSource.transaction(async (m) => {
      const row = await m.getRepository(IdentityCase).createQueryBuilder('c').addSelect('c.emailCodeHash').setLock('pessimistic_write').where('c.id = :caseId', { caseId }).getOneOrFail();
      if (row.contactEmailConfirmedAt) return { confirmed: true as const };
      if (row.emailCodeFailures >= MAX_EMAIL_CODE_FAILURES) throw conflict('Too many wrong codes: start a new request');
      if (!row.emailCodeExpiresAt || row.emailCodeExpiresAt.getTime() <= this.clock.now().getTime()) throw conflict('The code has expired: start a new request');
      if (!sameSecret(row.emailCodeHash, this.hmac(`case-code:${row.id}`, code))) {
        await m.increment(IdentityCase, { id: row.id }, 'emailCodeFailures', 1);
        throw new DomainError('unprocessable', 'This code is not the one we sent', { code: 'wrong code' });
      }
      await m.update(IdentityCase, { id: row.id }, { contactEmailConfirmedAt: this.clock.now(), emailCodeHash: null });
      await this.audit.record(m, {
        actor: null, meta, action: 'case.contact_email.confirm', targetType: 'identity_case', targetId: row.id, caseId: row.id,
      });
      return { confirmed: true as const };
    });
  }

  /**
   * Adds documents. Every file is checked before any is stored (content, not name: JPEG, PNG or PDF; not empty),
   * so a request is taken whole or refused whole; files stored for a transaction that fails are removed.
   */
  async addDocuments(access: CaseAccess, kind: DocumentKind, files: UploadedFile[]): Promise<CaseDocument[]> {
    const { case: c, actor, meta } = access;
    if (!files?.length) throw new DomainError('unprocessable', 'Attach at least one file in the "files" field', { files: 'no file' });
    const open = actor ? ['collecting', 'submitted', 'in_review'] : ['collecting'];
    if (!open.includes(c.status)) throw conflict(`Documents can no longer be added to this case (${c.status})`);
    for (const f of files) {
      if (f.size === 0) throw new DomainError('unprocessable', `${cleanFileName(f.originalname)} is empty`, { files: 'empty file' });
      const type = await sniff(f.buffer);
      if (!isAllowed(type)) {
        throw new DomainError('unsupported_media_type', `${cleanFileName(f.originalname)} is not a JPEG, PNG or PDF file (whatever its name says)`);
      }
    }
    const keys = files.map(() => this.store.newKey());
    await Promise.all(files.map((f, i) => this.store.put(keys[i], f.buffer)));
    try {
      const saved = await this.dataSource.transaction(async (m) => {
        const locked = await m.getRepository(IdentityCase).findOne({ where: { id: c.id }, lock: { mode: 'pessimistic_write' } });
        if (!locked || !open.includes(locked.status)) throw conflict('Documents can no longer be added to this case');
        const count = await m.getRepository(CaseDocument).countBy({ caseId: c.id });
        if (count + files.length > MAX_DOCUMENTS_PER_CASE) throw conflict(`A case holds at most ${MAX_DOCUMENTS_PER_CASE} documents`);
        const docs = await m.save(
          files.map((f, i) =>
            m.create(CaseDocument, {
              caseId: c.id, kind, originalName: cleanFileName(f.originalname), sizeBytes: f.size, storageKey: keys[i],
              uploadedBy: actor?.id ?? null, state: 'uploaded', pdfFlags: [],
            }),
          ),
        );
        const who: AuditActor | null = actor ? auditActor(actor) : null;
        await this.audit.record(m, {
          actor: who, meta, action: 'case.documents.add', targetType: 'identity_case', targetId: c.id, caseId: c.id,
          after: { kind, documents: docs.map((d) => ({ id: d.id, name: d.originalName, size: d.sizeBytes })) },
        });
        return docs;
      });
      await this.relayDocuments(saved.map((d) => d.id));
      return saved;
    } catch (e) {
      await Promise.all(keys.map((k) => this.store.remove(k)));
      throw e;
    }
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
      if (row.status !== 'collecting') throw conflict(`This request is already ${row.status}`);
      if (!row.contactEmailConfirmedAt) throw new DomainError('unprocessable', 'Confirm your email address with the code we sent first', { code: 'not confirmed' });
      const kinds = new Set((await m.getRepository(CaseDocument).findBy({ caseId: row.id })).map((d) => d.kind));
      const missing = REQUIRED_BY_TYPE[row.accountType as AccountType].filter((k) => !kinds.has(k));
      if (missing.length) throw new DomainError('unprocessable', `Documents still missing: ${missing.join(', ')}`, { files: missing.join(', ') });
      await m.update(IdentityCase, { id: row.id }, { status: 'submitted', submittedAt: this.clock.now() });
      const account = row.accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: row.accountId }) : null;
      const mail = await this.outbox.add(m, {
        accountId: row.accountId, template: 'case_received', language: row.language ?? account?.language ?? 'fr', to: row.contactEmail,
        params: { customerId: row.customerIdGiven, caseRef: row.id.slice(0, 8) },
      });
      await this.audit.record(m, { actor: null, meta, action: 'case.submit', targetType: 'identity_case', targetId: row.id, caseId: row.id });
      return mail.id;
    });
    await this.outbox.relay([mailId]);
    return { status: 'submitted' as const };
  }

  /** What the customer's form may show: the state of their own request, nothing about the account. */
  async publicView(caseId: string, token: string | undefined) {
    const c = await this.byToken(caseId, token);
    const docs = await this.dataSource.getRepository(CaseDocument).find({ where: { caseId: c.id }, order: { createdAt: 'ASC' } });
    return {
      caseId: c.id, status: c.status, purpose: c.purpose, accountType: c.accountType, emailConfirmed: c.contactEmailConfirmedAt !== null,
      requiredDocuments: REQUIRED_BY_TYPE[c.accountType as AccountType], collectUntil: c.collectUntil.toISOString(),
      documents: docs.map((d) => ({ id: d.id, kind: d.kind, name: d.originalName, received: true })),
    };
  }

  async expireOverdue(): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(IdentityCase)
      .set({ status: 'expired' })
      .where('status = :collecting AND collect_until < :now', { collecting: 'collecting', now: this.clock.now() })
      .execute();
    return result.affected ?? 0;
  }
}
