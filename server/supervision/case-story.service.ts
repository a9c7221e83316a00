import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { Clock } from '../core/clock';
import { IdentityCase } from '../documents/identity-case.entity';
import { RecoveryCase } from '../recovery/recovery-case.entity';
import { resolveCaseRef, type CaseRef } from './case-ref';
import {
  checksOfStory,
  documentsOfCases,
  identityCasesOfAccount,
  mailsOfStory,
  predecessorHashes,
  recoveryCasesOfAccount,
  staffByIds,
  STORY_CAP,
  storyAudit,
} from './case-story-queries.service';
import {
  auditItem,
  byTime,
  checkItem,
  documentItems,
  entryVerifies,
  identityCaseDecisions,
  mailItem,
  recoveryCaseDecisions,
  ref8,
  type CaseKind,
  type StaffDirectory,
  type StoryItem,
} from './story-items';

interface Scope {
  subject: CaseRef;
  account: CustomerAccount | null;
  recovery: RecoveryCase[];
  identity: IdentityCase[];
  verificationIds: string[];
  since: Date;
}

/**
 * A case's story (or an account's): every audit entry, mail, caller check, document and decision in time order,
 * each with who did it, and the chain verification of the audit entries it holds (each hash recomputed, each
 * entry linked to the one before it in the whole chain).
 */
@Injectable()
export class CaseStoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async story(ref: string) {
    const m = this.dataSource.manager;
    const scope = await this.scope(m, await resolveCaseRef(m, ref));
    const caseIds = [...scope.recovery.map((c) => c.id), ...scope.identity.map((c) => c.id)];
    const kindOf = (id: string | null): CaseKind | null =>
      !id
        ? null
        : scope.recovery.some((c) => c.id === id)
          ? 'recovery_case'
          : scope.identity.some((c) => c.id === id)
            ? 'identity_case'
            : null;
    const checks = await checksOfStory(m, {
      accountId: scope.subject.kind === 'account' ? scope.subject.id : null,
      verificationIds: scope.verificationIds,
    });
    // The call's own mails (the codes read back) come before the case it opened.
    const since = new Date(Math.min(scope.since.getTime(), ...checks.map((c) => new Date(c.at).getTime())));
    const [entries, documents, mails] = await Promise.all([
      storyAudit(m, { caseIds, accountId: scope.subject.kind === 'account' ? scope.subject.id : null }),
      documentsOfCases(
        m,
        scope.identity.map((c) => c.id),
      ),
      mailsOfStory(m, { accountId: scope.account?.id ?? null, to: scope.identity.map((c) => c.contactEmail), since }),
    ]);
    const previous = await predecessorHashes(
      m,
      entries.map((e) => e.id),
    );
    const staffIds = new Set<string>();
    for (const c of scope.recovery) [c.openedBy, c.approvedBy].forEach((id) => id && staffIds.add(id));
    for (const c of scope.identity) if (c.reviewerId) staffIds.add(c.reviewerId);
    for (const d of documents) [d.uploadedBy, d.decidedBy].forEach((id) => id && staffIds.add(id));
    for (const c of checks) staffIds.add(c.agent_id);
    const staff: StaffDirectory = new Map((await staffByIds(m, [...staffIds])).map((s) => [s.id, { email: s.email, roles: s.roles }]));

    let firstBrokenId: string | null = null;
    const items: StoryItem[] = entries.map((e) => {
      const ok = entryVerifies(e, previous.get(e.id));
      if (!ok && firstBrokenId === null) firstBrokenId = e.id;
      return auditItem(e, kindOf, ok);
    });
    items.push(...mails.map(mailItem), ...checks.map((c) => checkItem(c, staff)));
    for (const d of documents) items.push(...documentItems(d, staff));
    for (const c of scope.identity) items.push(...identityCaseDecisions(c, staff));
    for (const c of scope.recovery) items.push(...recoveryCaseDecisions(c, staff));
    items.sort(byTime);

    return {
      subject: {
        kind: scope.subject.kind,
        ref: scope.subject.kind === 'account' ? (scope.account?.customerId ?? '') : ref8(scope.subject.id)!,
        id: scope.subject.id,
        customerId: scope.account?.customerId ?? scope.identity[0]?.customerIdGiven ?? null,
        accountId: scope.account?.id ?? null,
      },
      cases: [
        ...scope.recovery.map((c) => ({ kind: 'recovery_case' as const, id: c.id, ref: ref8(c.id)!, status: c.status, topic: c.action })),
        ...scope.identity.map((c) => ({ kind: 'identity_case' as const, id: c.id, ref: ref8(c.id)!, status: c.status, topic: c.purpose })),
      ],
      items,
      chain: { entries: entries.length, verified: firstBrokenId === null, firstBrokenId },
      truncated: [entries, documents, checks, mails].some((rows) => rows.length >= STORY_CAP),
      generatedAt: this.clock.now().toISOString(),
    };
  }

  private async scope(m: EntityManager, subject: CaseRef): Promise<Scope> {
    if (subject.kind === 'account') {
      const account = await m.getRepository(CustomerAccount).findOneByOrFail({ id: subject.id });
      const [recovery, identity] = await Promise.all([
        recoveryCasesOfAccount(m, account.id),
        identityCasesOfAccount(m, account.id, account.customerId),
      ]);
      return { subject, account, recovery, identity, verificationIds: [], since: new Date(0) };
    }
    let recovery: RecoveryCase[];
    let identity: IdentityCase[];
    if (subject.kind === 'recovery_case') {
      const c = await m.getRepository(RecoveryCase).findOneByOrFail({ id: subject.id });
      recovery = [c];
      identity = c.identityCaseId ? await m.getRepository(IdentityCase).findBy({ id: c.identityCaseId }) : [];
    } else {
      identity = [await m.getRepository(IdentityCase).findOneByOrFail({ id: subject.id })];
      recovery = await m.getRepository(RecoveryCase).findBy({ identityCaseId: subject.id });
    }
    const accountId = recovery[0]?.accountId ?? identity[0]?.accountId ?? null;
    const account = accountId ? await m.getRepository(CustomerAccount).findOneBy({ id: accountId }) : null;
    const verificationIds = recovery.flatMap((c) => (c.verificationId ? [c.verificationId] : []));
    const since = new Date(Math.min(...[...recovery, ...identity].map((c) => c.createdAt.getTime())));
    return { subject, account, recovery, identity, verificationIds, since };
  }
}
