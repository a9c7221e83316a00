import { Injectable } from '@nestjs/common';
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

type FilesHook = (docs: CaseDocument[]) => Promise<number>;

/**
 * A case's evidence for a security officer: what was checked, decided, approved and mailed, and the audit entries
 * with their chain hashes. Each entry's hash is recomputed here; against the live chain, `prevHash`/`hash` let
 * anyone check the bundle independently (sha256(prevHash + "\n" + canonical entry)).
 */
@Injectable()
export class EvidenceService {
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
    const files: ZipEntry[] = [];
    const missing: string[] = [];
    const hook: FilesHook = (docs) => this.documentFiles(docs, files, missing);
    const bundle = await (kind === 'recovery_case' ? this.recoveryCase(actor, id, hook) : this.identityCase(actor, id, hook));
    const zip: Readable = evidenceZip(bundle, files, new Date(bundle.generatedAt), missing);
    return { bundle, zip, fileName: `evidence-${kind.replace('_', '-')}-${id.slice(0, 8)}.zip` };
  }

  /**
   * The processed documents' files, decrypted: the original (its SHA-256 is the document's) and the preview. A file
   * the store cannot give back (gone, or failing its authentication tag) is listed as missing, never skipped silently.
   */
  private async documentFiles(docs: CaseDocument[], out: ZipEntry[], missing: string[]): Promise<number> {
    let n = 0;
    const add = async (path: string, key: string) => {
      try {
        out.push({ path, data: await this.store.get(key) });
      } catch {
        missing.push(path);
      }
    };
    for (const d of docs) {
      if (d.state !== 'processed' || d.purgedAt) continue;
      n += 1;
      const stem = `${String(n).padStart(2, '0')}-${d.kind}-${d.id.slice(0, 8)}`;
      await add(`documents/${downloadName(stem, d.detectedType)}`, d.storageKey);
      if (d.previewKey) await add(`previews/${stem}.jpg`, d.previewKey);
    }
    return out.length;
  }

  async recoveryCase(actor: Actor, id: string, withFiles?: FilesHook) {
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
      withFiles ? 'zip' : 'json',
    );
  }

  async identityCase(actor: Actor, id: string, withFiles?: FilesHook) {
    const part = await this.identityPart(id, withFiles);
    if (!part) throw supervisionError('identity_case_not_found');
    return this.finish(actor, 'identity_case', id, { identityCase: part }, [id], withFiles ? 'zip' : 'json');
  }

  private async identityPart(id: string, withFiles?: FilesHook) {
    const c = await this.dataSource.getRepository(IdentityCase).findOneBy({ id });
    if (!c) return null;
    const docs = await documentsOf(this.dataSource.manager, c.id);
    if (withFiles) await withFiles(docs);
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

  private async finish(actor: Actor, kind: string, id: string, body: Record<string, unknown>, caseIds: string[], format: 'json' | 'zip') {
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
      after: format === 'zip' ? { entries: entries.length, format } : { entries: entries.length },
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
