import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerVerification } from '../accounts/caller-verification.entity';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { maskEmail } from '../accounts/masking';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { chainHash } from '../audit/audit-chain';
import type { Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service';
import { toAuditEventResponse } from '../audit/audit.dto';
import { Clock } from '../core/clock';
import { supervisionError } from './supervision.errors';
import { DomainError } from '../core/http/errors';
import { IdentityCase } from '../documents/identity-case.entity';
import { RecoveryCase } from '../recovery/recovery-case.entity';
import { DocumentStore } from '../documents/document-store';
import { downloadName } from '../documents/download-name';
import type { CaseDocument } from '../documents/case-document.entity';
import { resolveCaseRef } from './case-ref';
import { predecessorHashes } from './case-story-queries.service';
import { evidenceZip, type ZipEntry } from './evidence-zip';
import { entryVerifies } from './story-items';
import { checksOf } from '../accounts/accounts-queries.service';
import { documentsOf } from '../documents/documents-queries.service';
import { auditOfCases, mailsSince } from './supervision-queries.service';

/** A file the store could not give back: removed (`gone`) or failing its authentication tag (`integrity`). */
export interface MissingFile {
  path: string;
  documentId: string;
  reason: 'gone' | 'integrity';
}

/** What a zip export collects while the bundle is built: the files, and what the audit entry lists of them. */
class ZipFiles {
  readonly files: ZipEntry[] = [];
  readonly sent: { path: string; documentId: string; sha256: string }[] = [];
  readonly missing: MissingFile[] = [];
}

/**
 * A case's evidence for a security officer: what was checked, decided, approved and mailed, and the audit entries
 * with their chain hashes. Each entry's hash is recomputed here; against the live chain, `prevHash`/`hash` let
 * anyone check the bundle independently (sha256(prevHash + "\n" + canonical entry)).
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: DocumentStore,
  ) {}

  /**
   * The bundle as JSON, or (`zip`) an archive of `evidence.json`, the case's processed documents (decrypted, as
   * the reviewer sees them: the original and its preview) and `manifest.json` + `SHA256SUMS` with every file's
   * SHA-256. `ref`: the case's UUID, its 8-character reference or the customer ID of its account.
   */
  async export(actor: Actor, kind: 'recovery_case' | 'identity_case', ref: string, format: 'json' | 'zip' = 'json') {
    const notFound = () => supervisionError(kind === 'recovery_case' ? 'recovery_case_not_found' : 'identity_case_not_found');
    const { id } = await resolveCaseRef(this.dataSource.manager, ref, kind, notFound);
    if (format === 'json')
      return { bundle: await (kind === 'recovery_case' ? this.recoveryCase(actor, id) : this.identityCase(actor, id)) };
    const collected = new ZipFiles();
    const bundle = await (kind === 'recovery_case' ? this.recoveryCase(actor, id, collected) : this.identityCase(actor, id, collected));
    const zip: Readable = evidenceZip(bundle, collected.files, new Date(bundle.generatedAt), collected.missing);
    return { bundle, zip, fileName: `evidence-${kind.replace('_', '-')}-${id.slice(0, 8)}.zip` };
  }

  /**
   * The processed documents' files, decrypted: the original (its SHA-256 is the document's) and the preview. A file
   * the store cannot give back (gone, or failing its authentication tag) is listed as missing, never skipped silently.
   */
  private async documentFiles(docs: CaseDocument[], out: ZipFiles): Promise<void> {
    let n = 0;
    const add = async (path: string, key: string, documentId: string) => {
      try {
        const data = await this.store.get(key);
        out.files.push({ path, data });
        out.sent.push({ path, documentId, sha256: createHash('sha256').update(data).digest('hex') });
      } catch (e) {
        const gone = e instanceof DomainError && e.code === 'documents.file_missing';
        out.missing.push({ path, documentId, reason: gone ? 'gone' : 'integrity' });
        // A file failing its tag was altered (or the key changed): an operator must know, not only the manifest.
        if (!gone) this.logger.warn(`evidence export: document ${documentId} (${path}) fails its integrity check`);
      }
    };
    for (const d of docs) {
      if (d.state !== 'processed' || d.purgedAt) continue;
      n += 1;
      const stem = `${String(n).padStart(2, '0')}-${d.kind}-${d.id.slice(0, 8)}`;
      await add(`documents/${downloadName(stem, d.detectedType)}`, d.storageKey, d.id);
      if (d.previewKey) await add(`previews/${stem}.jpg`, d.previewKey, d.id);
    }
  }

  async recoveryCase(actor: Actor, id: string, withFiles?: ZipFiles) {
    const c = await this.dataSource.getRepository(RecoveryCase).findOneBy({ id });
    if (!c) throw supervisionError('recovery_case_not_found');
    const [account, identity, checks, mails] = await Promise.all([
      this.dataSource.getRepository(CustomerAccount).findOneBy({ id: c.accountId }),
      c.identityCaseId ? this.identityPart(c.identityCaseId, withFiles) : null,
      c.verificationId ? this.checks(c.verificationId) : [],
      mailsSince(this.dataSource.manager, c.accountId, c.createdAt),
    ]);
    const caseIds = [c.id, ...(c.identityCaseId ? [c.identityCaseId] : [])];
    return this.finish(
      actor,
      'recovery_case',
      c.id,
      {
        case: {
          id: c.id,
          action: c.action,
          status: c.status,
          callReference: c.callReference,
          reason: c.reason,
          openedBy: c.openedBy,
          newValue: maskEmail(c.newValue),
          approvalHash: c.approvalHash,
          approvedBy: c.approvedBy,
          approvedAt: c.approvedAt,
          holdUntil: c.holdUntil,
          executedAt: c.executedAt,
          closedReason: c.closedReason,
          reportedAt: c.reportedAt,
          revertedAt: c.revertedAt,
        },
        account: account
          ? { id: account.id, customerId: account.customerId, primaryEmail: maskEmail(account.primaryEmail), status: account.status }
          : null,
        callerChecks: checks,
        identityCase: identity,
        mails: mails.map((m) => ({
          id: m.id,
          template: m.template,
          to: maskEmail(m.toAddress),
          status: m.status,
          attempts: m.attempts,
          sentAt: m.sentAt,
          createdAt: m.createdAt,
        })),
      },
      caseIds,
      withFiles,
    );
  }

  async identityCase(actor: Actor, id: string, withFiles?: ZipFiles) {
    const part = await this.identityPart(id, withFiles);
    if (!part) throw supervisionError('identity_case_not_found');
    return this.finish(actor, 'identity_case', id, { identityCase: part }, [id], withFiles);
  }

  private async identityPart(id: string, withFiles?: ZipFiles) {
    const c = await this.dataSource.getRepository(IdentityCase).findOneBy({ id });
    if (!c) return null;
    const docs = await documentsOf(this.dataSource.manager, c.id);
    if (withFiles) await this.documentFiles(docs, withFiles);
    return {
      id: c.id,
      purpose: c.purpose,
      status: c.status,
      accountType: c.accountType,
      customerId: c.customerIdGiven,
      fraudFlags: c.fraudFlags,
      reviewerId: c.reviewerId,
      submittedAt: c.submittedAt,
      decidedAt: c.decidedAt,
      rejectionReason: c.rejectionReason,
      addressVariant: c.addressVariant,
      documents: docs.map((d) => ({
        id: d.id,
        kind: d.kind,
        sha256: d.sha256,
        detectedType: d.detectedType,
        state: d.state,
        scanVerdict: d.scanVerdict,
        pdfFlags: d.pdfFlags,
        decision: d.decision,
        decisionReason: d.decisionReason,
        nameMatches: d.nameMatches,
        documentExpiry: d.documentExpiry,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        identityType: d.identityType,
        issuedOn: d.issuedOn,
      })),
    };
  }

  private async checks(verificationId: string) {
    const v = await this.dataSource.getRepository(CallerVerification).findOneBy({ id: verificationId });
    const checks = await checksOf(this.dataSource.manager, verificationId);
    return {
      verificationId,
      callReference: v?.callReference ?? null,
      agentId: v?.agentId ?? null,
      checks: checks.map((c) => ({ at: c.at, kind: c.kind, subject: c.subject, result: c.result })),
    };
  }

  private async finish(actor: Actor, kind: string, id: string, body: Record<string, unknown>, caseIds: string[], zip?: ZipFiles) {
    const entries = await auditOfCases(this.dataSource.manager, caseIds);
    const recomputed = entries.every((e) => chainHash(e.prevHash, e) === e.hash);
    const previous = await predecessorHashes(
      this.dataSource.manager,
      entries.map((e) => e.id),
    );
    const firstBroken = entries.find((e) => !entryVerifies(e, previous.get(e.id)));
    await this.audit.recordAlone({
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'evidence.export',
      targetType: kind,
      targetId: id,
      caseId: id,
      // A zip carries the documents themselves: the entry names every file that left and every one that could not.
      after: zip ? { entries: entries.length, format: 'zip', files: zip.sent, missing: zip.missing } : { entries: entries.length },
    });
    return {
      kind,
      generatedAt: this.clock.now().toISOString(),
      generatedBy: actor.email,
      ...body,
      audit: entries.map(toAuditEventResponse),
      integrity: {
        entries: entries.length,
        hashesRecomputed: recomputed,
        chainVerified: !firstBroken,
        firstBrokenId: firstBroken?.id ?? null,
        algorithm: 'sha256(prevHash + "\\n" + canonical JSON of the entry)',
      },
    };
  }
}
