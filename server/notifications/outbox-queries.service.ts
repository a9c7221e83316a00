import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keysetPage } from '../core/database/keyset';
import type { Page } from '../core/database/keyset';
import { OutboxMessage } from './outbox-message.entity';

export interface OutboxFilter {
  status?: 'pending' | 'sent' | 'failed';
  accountId?: string;
  limit?: number;
  cursor?: string;
}

/** The outbox's reads: the supervisors' list and the reconciler's stale pending mails. */
@Injectable()
export class OutboxQueriesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async list(q: OutboxFilter): Promise<Page<OutboxMessage>> {
    const qb = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('m');
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    if (q.accountId) qb.andWhere('m.accountId = :accountId', { accountId: q.accountId });
    return keysetPage(
      qb,
      { at: { sql: 'm.created_at', of: (m) => m.createdAt }, id: 'm.id', idFormat: 'uuid', direction: 'DESC' },
      q.cursor,
      q.limit ?? 25,
    );
  }

  /** Ids of mails still pending since before `olderThan`, oldest first, at most 500. */
  async stalePending(olderThan: Date): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.id')
      .where('m.status = :pending AND m.createdAt < :olderThan', { pending: 'pending', olderThan })
      .orderBy('m.createdAt', 'ASC')
      .limit(500)
      .getMany();
    return rows.map((r) => r.id);
  }
}
