import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { asSubject } from '../auth/permissions';
import { AuditEvent } from '../audit/audit-event.entity';
import { CaseDocument } from '../documents/case-document.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { keysetPage } from '../core/database/keyset';
import type { Page } from '../core/database/keyset';
import { RecoveryCase } from './recovery-case.entity';
import type { RecoveryListQuery } from './recovery.dto';

/** The recovery module's reads: the case lists, the reconciler's due cases and the checks its writes make. */
@Injectable()
export class RecoveryQueriesService {
  constructor(private readonly dataSource: DataSource) {}

  /** The approvals inbox and case lists, oldest first (the queue order); an agent sees the cases they opened. */
  async list(actor: Actor, q: RecoveryListQuery): Promise<Page<RecoveryCase>> {
    const qb = this.dataSource.getRepository(RecoveryCase).createQueryBuilder('c');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.accountId) qb.andWhere('c.accountId = :accountId', { accountId: q.accountId });
    if (q.identityCaseId) qb.andWhere('c.identityCaseId = :identityCaseId', { identityCaseId: q.identityCaseId });
    // Who reads only their own cases (agents) still sees every case of the account they have open: the caller asks
    // where their request stands, whoever owns it (a customer-form case is the reviewer's). Each case's own page
    // stays the owner's.
    if (!actor.ability.can('read', asSubject('RecoveryCase', { openedBy: null })) && !q.accountId)
      qb.andWhere('c.openedBy = :me', { me: actor.id });
    return keysetPage(
      qb,
      { at: { sql: 'c.created_at', of: (c) => c.createdAt }, id: 'c.id', idFormat: 'uuid', direction: 'ASC' },
      q.cursor,
      q.limit ?? 50,
    );
  }

  /**
   * Ids of cases past their hold, soonest first, at most 500. A locked account's cases wait for the unlock
   * (execution refuses while locked): they are left alone until then, rather than run again every pass, and
   * picked up on the first pass after a supervisor unlocks.
   */
  async dueForExecution(now: Date): Promise<string[]> {
    const due = await this.dataSource
      .getRepository(RecoveryCase)
      .createQueryBuilder('c')
      .select(['c.id'])
      .innerJoin(CustomerAccount, 'a', 'a.id = c.accountId')
      .where('c.status = :status AND c.holdUntil <= :now', { status: 'on_hold', now })
      .andWhere("a.status <> 'locked'")
      .orderBy('c.holdUntil', 'ASC')
      .limit(500)
      .getMany();
    return due.map((c) => c.id);
  }
}

// Reads done inside a write's transaction take its EntityManager, so they see (and lock-order with) that transaction.

/** How many of the identity case's documents the staff member decided or uploaded. */
export function documentsTouchedBy(m: EntityManager, identityCaseId: string, staffId: string): Promise<number> {
  return m
    .getRepository(CaseDocument)
    .createQueryBuilder('d')
    .where('d.caseId = :cid AND (d.decidedBy = :me OR d.uploadedBy = :me)', { cid: identityCaseId, me: staffId })
    .getCount();
}

/** How many `recovery_requested` notices went out to the address since the case opened. */
export function noticesSent(m: EntityManager, accountId: string, to: string, since: Date): Promise<number> {
  return m
    .getRepository(OutboxMessage)
    .createQueryBuilder('o')
    .where('o.accountId = :aid AND o.toAddress = :to AND o.template = :t AND o.createdAt >= :since AND o.status = :sent', {
      aid: accountId,
      to,
      t: 'recovery_requested',
      since,
      sent: 'sent',
    })
    .getCount();
}

/** The case's latest approval in the audit trail. */
export function lastApproval(m: EntityManager, c: Pick<RecoveryCase, 'id' | 'action'>): Promise<AuditEvent | null> {
  return m.getRepository(AuditEvent).findOne({ where: { caseId: c.id, action: `recovery.${c.action}.approve` }, order: { id: 'DESC' } });
}

/** Blocks of the account and "this was not me" reports recorded after the audit event `afterId`. */
export function blocksAfter(m: EntityManager, accountId: string, afterId: string): Promise<number> {
  return m
    .getRepository(AuditEvent)
    .createQueryBuilder('e')
    .where(
      "e.targetType = 'account' AND e.targetId = :aid AND e.id > :after AND (e.action = 'account.lock' OR e.action LIKE 'recovery.%.report')",
      {
        aid: accountId,
        after: afterId,
      },
    )
    .getCount();
}
