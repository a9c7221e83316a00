import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerVerification } from '../accounts/caller-verification.entity';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { maskEmail } from '../accounts/masking';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { chainHash } from '../audit/audit-chain';
import { AuditService } from '../audit/audit.service';
import { toAuditEventResponse } from '../audit/audit.dto';
import { Clock } from '../core/clock';
import { supervisionError } from './supervision.errors';
import { IdentityCase } from '../documents/identity-case.entity';
import { RecoveryCase } from '../recovery/recovery-case.entity';
import { isUuid } from '../core/ids';
import { checksOf } from '../accounts/accounts-queries.service';
import { documentsOf } from '../documents/documents-queries.service';
import { auditOfCases, mailsSince } from './supervision-queries.service';

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
  ) {}

  async recoveryCase(actor: Actor, id: string) {
    const c = isUuid(id) ? await this.dataSource.getRepository(RecoveryCase).findOneBy({ id }) : null;
    if (!c) throw supervisionError('recovery_case_not_found');
    const [account, identity, checks, mails] = await Promise.all([
      this.dataSource.getRepository(CustomerAccount).findOneBy({ id: c.accountId }),
      c.identityCaseId ? this.identityPart(c.identityCaseId) : null,
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
    );
  }

  async identityCase(actor: Actor, id: string) {
    const part = isUuid(id) ? await this.identityPart(id) : null;
    if (!part) throw supervisionError('identity_case_not_found');
    return this.finish(actor, 'identity_case', id, { identityCase: part }, [id]);
  }

  private async identityPart(id: string) {
    const c = await this.dataSource.getRepository(IdentityCase).findOneBy({ id });
    if (!c) return null;
    const docs = await documentsOf(this.dataSource.manager, c.id);
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

  private async finish(actor: Actor, kind: string, id: string, body: Record<string, unknown>, caseIds: string[]) {
    const entries = await auditOfCases(this.dataSource.manager, caseIds);
    const recomputed = entries.every((e) => chainHash(e.prevHash, e) === e.hash);
    await this.audit.recordAlone({
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'evidence.export',
      targetType: kind,
      targetId: id,
      caseId: id,
      after: { entries: entries.length },
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
        algorithm: 'sha256(prevHash + "\\n" + canonical JSON of the entry)',
      },
    };
  }
}
