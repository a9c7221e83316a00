import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChainAnchor } from '../audit/audit-chain';
import { AuditQueryService, FullVerification } from '../audit/audit-query.service';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { OutboxService } from '../notifications/outbox.service';
import { activeSupervisors } from '../staff/staff-queries.service';
import { AlertsService } from './alerts.service';

export interface WatchResult {
  checkpointId: string;
  ok: boolean;
  checked: number;
  /** Set when this run also re-verified the whole chain. */
  full: { ok: boolean; checked: number; firstBrokenId: string | null; alerted: boolean } | null;
}

const describe = (a: ChainAnchor | null) =>
  a?.id ? `entry #${a.id}, hash ${a.hash}${a.count === null ? '' : `, ${a.count} entries`}` : 'none (the chain breaks at its first entry)';

/** What a supervisor reads in the alert and its mail: the first broken entry, the ids a deletion took, the last good anchor. */
export function chainBreakSummary(v: Pick<FullVerification, 'firstBrokenId' | 'lastGood'>): string {
  const [from, to] = v.lastGood?.id && v.firstBrokenId ? [BigInt(v.lastGood.id) + 1n, BigInt(v.firstBrokenId) - 1n] : [1n, 0n];
  // Ids are not proof on their own: a rolled-back transaction also leaves a gap, but not a broken link.
  const gap =
    from > to
      ? ''
      : from === to
        ? ` Entry #${from} is missing.`
        : ` Entries #${from} to #${to} are missing (or some of those ids were never used).`;
  return `Audit chain broken at entry #${v.firstBrokenId}: it was edited, deleted or rewritten behind the database's protections.${gap} Last good anchor: ${describe(v.lastGood)}.`;
}

/**
 * The audit chain's watch, run by the checkpoint job. Each run checks what was appended since the last good
 * checkpoint (cheap); every AUDIT_FULL_VERIFY_EVERY_SECONDS, or as soon as the cheap check finds a new break, it
 * re-verifies everything. A break raises one alert per first broken entry, mailed to supervisors with the last
 * good anchor; an intact full pass mails them the head anchor, a copy out of the database owner's reach. Lives
 * here, not in audit/, because it raises alerts and mails (audit imports no feature).
 */
@Injectable()
export class ChainWatchService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditQueryService,
    private readonly alerts: AlertsService,
    private readonly outbox: OutboxService,
  ) {}

  async run(): Promise<WatchResult> {
    const before = await this.audit.lastCheckpoint();
    const checkpoint = await this.audit.checkpoint();
    const newlyBroken = !checkpoint.ok && (before === null || before.ok);
    const result: WatchResult = { checkpointId: checkpoint.id, ok: checkpoint.ok, checked: checkpoint.checked, full: null };
    if (!newlyBroken && !(await this.audit.fullPassDue(this.config.auditFullVerifyEveryMs))) return result;
    const full = await this.audit.fullPass();
    const alerted = full.ok ? (await this.mailAnchor(full), false) : await this.raise(full);
    return { ...result, full: { ok: full.ok, checked: full.checked, firstBrokenId: full.firstBrokenId, alerted } };
  }

  private raise(v: FullVerification): Promise<boolean> {
    return this.alerts.raise(
      {
        rule: 'audit_chain_broken',
        dedupeKey: `audit_chain_broken:${v.firstBrokenId}`,
        summary: chainBreakSummary(v),
        params: { firstBrokenId: v.firstBrokenId, lastGoodId: v.lastGood?.id ?? null, lastGoodHash: v.lastGood?.hash ?? null },
        subject: { type: 'audit_entry', id: v.firstBrokenId },
        evidence: [],
        details: { firstBrokenId: v.firstBrokenId, lastGood: v.lastGood, head: v.head, checked: v.checked },
      },
      v.firstBrokenId!,
    );
  }

  private async mailAnchor(v: FullVerification): Promise<void> {
    if (!v.head) return;
    const params = { headId: v.head.id!, headHash: v.head.hash, count: String(v.head.count), at: v.checkpoint.at.toISOString() };
    const ids = await this.dataSource.transaction(async (m) => {
      const mails = [];
      for (const s of await activeSupervisors(m))
        mails.push(await this.outbox.add(m, { accountId: null, template: 'audit_anchor', language: 'en', to: s.email, params }));
      return mails.map((mail) => mail.id);
    });
    await this.outbox.relay(ids);
  }
}

/** The scheduled `audit.checkpoint` job. */
@Injectable()
@JobHandler('audit.checkpoint')
export class AuditCheckpointHandler implements JobHandlerOf<'audit.checkpoint'> {
  constructor(private readonly watch: ChainWatchService) {}

  handle(): Promise<WatchResult> {
    return this.watch.run();
  }
}
