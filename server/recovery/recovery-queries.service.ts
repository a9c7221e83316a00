import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { asSubject } from '../auth/permissions';
import { keysetPage } from '../core/database/keyset';
import type { Page } from '../core/database/keyset';
import { RecoveryCase } from './recovery-case.entity';
import type { RecoveryListQuery } from './recovery.dto';

/** The recovery module's reads: the case lists and the reconciler's due cases. */
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
    if (!actor.ability.can('read', asSubject('RecoveryCase', { openedBy: null })) && !q.accountId) qb.andWhere('c.openedBy = :me', { me: actor.id });
    return keysetPage(qb, { at: { sql: 'c.created_at', of: (c) => c.createdAt }, id: 'c.id', idFormat: 'uuid', direction: 'ASC' }, q.cursor, q.limit ?? 50);
  }

  /**
   * Ids of cases past their hold, soonest first, at most 500. A locked account's cases wait for the unlock
   * (execution refuses while locked): they are left alone until then, rather than run again every pass, and
   * picked up on the first pass after a supervisor unlocks.
   */
  async dueForExecution(now: Date): Promise<string[]> {
    const due = await this.dataSource.getRepository(RecoveryCase).createQueryBuilder('c')
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
