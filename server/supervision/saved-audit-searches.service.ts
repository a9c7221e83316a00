import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/actor';
import { auditActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { auditError } from '../audit/audit.errors';
import { isUuid } from '../core/ids';
import { SavedAuditSearch } from './saved-audit-search.entity';
import { savedSearchesOf } from './audit-explorer-queries.service';

/** The audit list's filters: the only parameters a saved search may hold. */
export const SAVED_SEARCH_PARAMS = [
  'actor',
  'role',
  'action',
  'outcome',
  'targetType',
  'targetId',
  'caseId',
  'customerId',
  'target',
  'from',
  'to',
];
export const MAX_SAVED_SEARCHES = 50;

/** `customerId=xx11111-ovh&action=recovery.*`: known filters only, each once with a value; returned normalized. */
export function savedSearchQuery(text: string): string {
  const params = new URLSearchParams(text.trim().replace(/^\?/, ''));
  const names = [...params.keys()];
  const bad = names.find((n, i) => !SAVED_SEARCH_PARAMS.includes(n) || names.indexOf(n) !== i || !params.get(n)?.trim());
  if (bad !== undefined) throw auditError('saved_search_query_invalid', { param: bad.slice(0, 50) });
  if (!names.length) throw auditError('saved_search_query_invalid', { param: '' });
  return params.toString();
}

export const toSavedSearchResponse = (s: SavedAuditSearch) => ({
  id: s.id,
  name: s.name,
  query: s.query,
  createdAt: s.createdAt.toISOString(),
});

/** Each staff member's saved audit searches: private to their owner, saving and deleting audited. */
@Injectable()
export class SavedAuditSearchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor) {
    return { data: (await savedSearchesOf(this.dataSource.manager, actor.id)).map(toSavedSearchResponse) };
  }

  async create(actor: Actor, name: string, queryText: string) {
    const query = savedSearchQuery(queryText);
    const trimmed = name.trim();
    try {
      return await this.dataSource.transaction(async (m) => {
        const repo = m.getRepository(SavedAuditSearch);
        if ((await repo.countBy({ staffId: actor.id })) >= MAX_SAVED_SEARCHES) {
          throw auditError('saved_search_limit', { max: MAX_SAVED_SEARCHES });
        }
        const saved = await repo.save(repo.create({ staffId: actor.id, name: trimmed, query }));
        await this.audit.record(m, {
          actor: auditActor(actor),
          meta: actor.meta,
          action: 'audit.search.save',
          targetType: 'audit_search',
          targetId: saved.id,
          after: { name: trimmed, query },
        });
        return toSavedSearchResponse(saved);
      });
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
        throw auditError('saved_search_name_taken', { name: trimmed });
      }
      throw e;
    }
  }

  /** Someone else's search answers as missing: its existence is not theirs to learn. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(SavedAuditSearch);
      const saved = isUuid(id) ? await repo.findOneBy({ id, staffId: actor.id }) : null;
      if (!saved) throw auditError('saved_search_not_found');
      await repo.delete({ id: saved.id });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'audit.search.delete',
        targetType: 'audit_search',
        targetId: saved.id,
        before: { name: saved.name, query: saved.query },
      });
    });
  }
}
