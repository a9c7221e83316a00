import { Injectable } from '@nestjs/common';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { AuditQueryService } from './audit-query.service';

/** Verifies the entries appended since the last good checkpoint and records a new checkpoint. */
@Injectable()
@JobHandler('audit.checkpoint')
export class AuditCheckpointHandler implements JobHandlerOf<'audit.checkpoint'> {
  constructor(private readonly audit: AuditQueryService) {}

  async handle(): Promise<{ checkpointId: string; ok: boolean; checked: number }> {
    const checkpoint = await this.audit.checkpoint();
    return { checkpointId: checkpoint.id, ok: checkpoint.ok, checked: checkpoint.checked };
  }
}
