import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { looksLikeCustomerId, normalizeCustomerId } from '../accounts/customer-id';
import type { AuditEvent } from '../audit/audit-event.entity';
import { auditError } from '../audit/audit.errors';
import { AuditQueryService } from '../audit/audit-query.service';
import type { AuditFilter, AuditSubject } from '../audit/audit-query.service';
import { NO_DISPLAY, auditCsvText, toCsvRow } from '../audit/audit.dto';
import type { AuditDisplay, AuditExportQuery, AuditListQuery } from '../audit/audit.dto';
import { LOGIN_TARGET } from '../auth/login-throttle.service';
import { isUuid } from '../core/ids';
import * as q from './audit-explorer-queries.service';

const ACTION = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*(\.\*)?$/i;
const MAX_ACTIONS = 30;
const CASE_REF = /^[0-9a-f]{8}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** Target types whose id may be given as a UUID. */
const UUID_TARGETS = ['account', 'staff', 'identity_case', 'document', 'alert'];
/**
 * Entries per query of the export. A batch allocates ~10 kB an entry as it is read and formatted, so a smaller one
 * is more often over before a young-generation collection comes and less of it is promoted. Measured on a
 * 100,000-row export with the rows emptied as in `writeBatch` (and the text still held by a generator): 2,000 a
 * batch, 40 MB over idle at the peak; 500, 9 MB in the same time; 100, 2 MB but 50 % slower.
 */
export const EXPORT_BATCH = 500;

/** `recovery.*,account.lock` → exact actions and families; anything else is refused with the item at fault. */
export function parseActions(text: string): { exact: string[]; prefixes: string[] } {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length || items.length > MAX_ACTIONS) throw auditError('action_invalid', { action: text.slice(0, 100) });
  const bad = items.find((a) => !ACTION.test(a));
  if (bad) throw auditError('action_invalid', { action: bad.slice(0, 100) });
  return {
    exact: items.filter((a) => !a.endsWith('.*')),
    prefixes: items.filter((a) => a.endsWith('.*')).map((a) => a.slice(0, -1)),
  };
}

const none = (): AuditSubject => ({ targets: [], caseIds: [] });
const merge = (a: AuditSubject, b: AuditSubject): AuditSubject => ({
  targets: [...a.targets, ...b.targets],
  caseIds: [...a.caseIds, ...b.caseIds],
});

/**
 * The audit explorer: turns the list's query (customer IDs, emails, case numbers) into the trail's ids, and the
 * entries' ids back into what people know, so that the console never shows nor asks for a UUID.
 */
@Injectable()
export class AuditExplorerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditQueryService,
  ) {}

  async list(query: AuditListQuery) {
    const page = await this.audit.list(await this.filter(query), query.limit ?? 25, query.cursor);
    return { data: page.data, display: await this.display(page.data), nextCursor: page.nextCursor };
  }

  /**
   * Writes the trail that `filter` selects (from `filter()`) as CSV, one batch of entries at a time, the header line
   * first (alone when nothing matches). `write` takes a batch's text and resolves once it has been taken (false: the
   * client is gone, stop). Each batch is read, formatted and written inside `writeBatch`, so that neither its entries
   * nor its text outlive it in a suspended frame; see there.
   */
  async writeCsv(filter: AuditFilter, write: (text: string) => Promise<boolean>): Promise<void> {
    const resolved = await this.audit.resolveActions(filter);
    let after: string | null = null;
    for (let header = true; ; header = false) {
      const last = await this.writeBatch(resolved, after, header, write);
      if (last === null) return;
      after = last;
    }
  }

  /**
   * One batch of the export: read, formatted, written. Returns the last entry's id when the batch was full and the
   * client is still there (more may follow), null when the export is over.
   *
   * Memory (measured on 100,000- and 1,000,000-row exports, API as deployed): whatever of a batch survives two
   * young-generation collections is promoted, and dead rows then pile up in the old generation until a full
   * collection, so that the API's peak grew with the export's length. Three things kept batches alive: generators
   * yielding the rows (a heap snapshot found three batches in their suspended frames), the previous batch's text held
   * by the loop that wrote it while the next was read (each ~200 kB string, a large object, promoted on its first
   * survival: 26 MB of them over a 1M export), and the rows' array itself, reachable after this function from
   * something a heap snapshot does not show (it collects fully first), so it is emptied here once formatted. Before:
   * 1.2 MB promoted a collection, 100k rows 53-65 MB over idle, 1M rows 63-76 MB; after, in the export benchmark's
   * five pairs: 100k rows 0.0-0.7 MB over idle (once 16.6), 1M rows 2.0-2.8 MB.
   */
  private async writeBatch(
    filter: AuditFilter,
    after: string | null,
    header: boolean,
    write: (text: string) => Promise<boolean>,
  ): Promise<string | null> {
    const rows = await this.audit.batchAfter(filter, after, EXPORT_BATCH);
    const display = await this.display(rows);
    const text = auditCsvText(
      rows.map((row, i) => toCsvRow(row, display[i].customerId)),
      header,
    );
    const last = rows.length === EXPORT_BATCH ? rows[rows.length - 1].id : null;
    rows.length = 0;
    const goOn = text ? await write(text) : true;
    return goOn ? last : null;
  }

  async filter(query: AuditExportQuery): Promise<AuditFilter> {
    const { actor, action, customerId, target, from, to, ...plain } = query;
    if (from && to && from.getTime() >= to.getTime()) throw auditError('time_range_invalid');
    const filter: AuditFilter = { ...plain, from, to };
    if (actor?.trim()) Object.assign(filter, await this.actor(actor.trim()));
    if (action !== undefined) filter.actions = parseActions(action);
    const subjects: AuditSubject[] = [];
    if (customerId !== undefined) {
      if (!looksLikeCustomerId(customerId)) throw auditError('customer_id_invalid', { customerId: customerId.slice(0, 60) });
      subjects.push(await this.aboutCustomer(normalizeCustomerId(customerId)));
    }
    if (target?.trim()) subjects.push(await this.aboutTarget(target.trim().replace(/…$/, '')));
    if (subjects.length) filter.subjects = subjects;
    return filter;
  }

  /** A staff UUID, or part of an email: the staff members whose email contains it (or the exact email written). */
  private async actor(actor: string): Promise<Pick<AuditFilter, 'actor' | 'actorIds'>> {
    if (isUuid(actor)) return { actor };
    const ids = await q.staffIdsByEmailPart(this.dataSource.manager, actor);
    if (!ids.length && EMAIL.test(actor)) return { actor: actor.toLowerCase() };
    return { actorIds: ids };
  }

  /** Entries on the account itself and on every one of its cases. */
  private async aboutCustomer(customerId: string): Promise<AuditSubject> {
    const m = this.dataSource.manager;
    const accountId = await q.accountIdByCustomerId(m, customerId);
    const caseIds = await q.caseIdsOfAccount(m, accountId, customerId);
    return { targets: accountId ? [{ type: 'account', ids: [accountId] }] : [], caseIds };
  }

  /** A customer ID, a staff email (its sign-ins and attempts too), a case number, or a UUID as a last resort. */
  private async aboutTarget(target: string): Promise<AuditSubject> {
    const m = this.dataSource.manager;
    if (isUuid(target)) {
      const id = target.toLowerCase();
      return { targets: UUID_TARGETS.map((type) => ({ type, ids: [id] })), caseIds: [id] };
    }
    if (target.includes('@')) {
      const email = target.toLowerCase();
      const staffId = await q.staffIdByEmail(m, email);
      return { targets: [{ type: LOGIN_TARGET, ids: [email] }, ...(staffId ? [{ type: 'staff', ids: [staffId] }] : [])], caseIds: [] };
    }
    const asCustomer = looksLikeCustomerId(target);
    const asCase = CASE_REF.test(target);
    if (!asCustomer && !asCase) throw auditError('target_unrecognised');
    let subject = none();
    if (asCustomer) subject = merge(subject, await this.aboutCustomer(normalizeCustomerId(target)));
    if (asCase) subject = merge(subject, { targets: [], caseIds: await q.caseIdsByRef(m, target.toLowerCase()) });
    return subject;
  }

  /** For each entry: the account's customer ID, the staff member's email, the case's number and kind. */
  async display(rows: AuditEvent[]): Promise<AuditDisplay[]> {
    if (!rows.length) return [];
    const m = this.dataSource.manager;
    const uuids = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => isUuid(v)))];
    const caseIdOf = (e: AuditEvent) => e.caseId ?? (e.targetType === 'identity_case' ? e.targetId : null);
    const cases = new Map((await q.casesByIds(m, uuids(rows.map(caseIdOf)))).map((c) => [c.id, c]));
    const accountIds = uuids([
      ...rows.map((e) => (e.targetType === 'account' ? e.targetId : null)),
      ...[...cases.values()].map((c) => c.account_id),
    ]);
    const staffIds = uuids(rows.map((e) => (e.targetType === 'staff' ? e.targetId : null)));
    const [accounts, staff] = await Promise.all([
      accountIds.length ? q.customerIdsByAccountIds(m, accountIds) : [],
      staffIds.length ? q.staffEmailsByIds(m, staffIds) : [],
    ]);
    const customerIds = new Map(accounts.map((a) => [a.id, a.customer_id]));
    const emails = new Map(staff.map((s) => [s.id, s.email]));
    return rows.map((e) => {
      const c = cases.get(caseIdOf(e) ?? '');
      const accountId = (e.targetType === 'account' && isUuid(e.targetId) ? e.targetId : c?.account_id) ?? null;
      const staffId = e.targetType === 'staff' && e.targetId && emails.has(e.targetId) ? e.targetId : null;
      return {
        ...NO_DISPLAY,
        customerId: (accountId ? customerIds.get(accountId) : undefined) ?? c?.customer_id ?? null,
        accountId: accountId && customerIds.has(accountId) ? accountId : null,
        staffEmail: staffId ? (emails.get(staffId) ?? null) : null,
        staffId,
        caseRef: c ? c.id.slice(0, 8) : null,
        caseKind: c?.kind ?? null,
      };
    });
  }
}
