import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Clock } from '../core/clock';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import type { JobPayloads } from '../core/queue/jobs';
import { QueueService } from '../core/queue/queue.service';
import { CasesService } from './cases.service';
import { DocumentProcessor } from './document-processor';
import { DocumentRetention } from './document-retention';

@Injectable()
@JobHandler('document.process')
export class DocumentProcessHandler implements JobHandlerOf<'document.process'> {
  constructor(private readonly processor: DocumentProcessor) {}

  async handle(payload: JobPayloads['document.process'], job: Job<JobPayloads['document.process']>): Promise<{ state: string }> {
    try {
      return { state: await this.processor.process(payload.documentId) };
    } catch (e) {
      // Retried with backoff; on the last attempt the document is quarantined rather than left in between.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.processor.giveUp(payload.documentId, (e as Error).message);
      throw e;
    }
  }
}

/** Re-enqueues documents stuck in a non-final state for two minutes (job lost with Redis, or never relayed). */
@Injectable()
@JobHandler('documents.reconcile')
export class DocumentsReconcileHandler implements JobHandlerOf<'documents.reconcile'> {
  constructor(
    private readonly processor: DocumentProcessor,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<{ requeued: number }> {
    const ids = await this.processor.stuck(new Date(this.clock.now().getTime() - 120_000));
    for (const id of ids) await this.queues.enqueue('document.process', { documentId: id }, { jobId: id });
    return { requeued: ids.length };
  }
}

/** Cases not submitted in time expire. */
@Injectable()
@JobHandler('cases.expire')
export class CasesExpireHandler implements JobHandlerOf<'cases.expire'> {
  constructor(private readonly cases: CasesService) {}

  async handle(): Promise<{ expired: number }> {
    return { expired: await this.cases.expireOverdue() };
  }
}

/** Removes the files of cases ended longer ago than the retention period. */
@Injectable()
@JobHandler('documents.purge')
export class DocumentsPurgeHandler implements JobHandlerOf<'documents.purge'> {
  constructor(private readonly retention: DocumentRetention) {}

  async handle(): Promise<{ purged: number }> {
    return { purged: await this.retention.purge() };
  }
}
