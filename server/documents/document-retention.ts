import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_META } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { DocumentStore } from './document-store';
import { purgeable } from './documents-queries.service';

/**
 * Identity documents are kept only as long as needed: once a case has ended (verified, rejected or expired)
 * for the retention period, its files are deleted. Hashes, decisions and the audit trail remain as evidence.
 */
@Injectable()
export class DocumentRetention {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async purge(batch = 500): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.documentRetentionDays * 86_400_000);
    const rows = await purgeable(this.dataSource.manager, cutoff, batch);
    for (const row of rows) {
      await Promise.all(['', '.clean', '.preview'].map((suffix) => this.store.remove(row.storage_key + suffix)));
      await this.dataSource.transaction(async (m) => {
        await m.query(`UPDATE case_documents SET purged_at = $2, preview_key = NULL WHERE id = $1`, [row.id, this.clock.now()]);
        await this.audit.record(m, {
          actor: null,
          meta: SYSTEM_META,
          action: 'document.purge',
          targetType: 'document',
          targetId: row.id,
          caseId: row.case_id,
          reason: `retention of ${this.config.documentRetentionDays} days`,
        });
      });
    }
    return rows.length;
  }
}
