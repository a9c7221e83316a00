import { Injectable, Logger } from '@nestjs/common';
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
      // Retried with backoff; on the last attempt the document is marked failed rather than left in between.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.processor.giveUp(payload.documentId, (e as Error).message);
      throw e;
    }
  }
}

/**
 * Documents left in a non-final state for two minutes. Their job was lost (Redis) or never relayed: enqueued
 * again. Their job failed for good, which a job that stalled twice (its worker killed twice) does without running
 * the handler's last-attempt code: the document is marked failed with the job's reason, for a reviewer to act on.
 * A failure older than the document's last change (a reviewer asked to process it again) is no longer about it.
 * Reports what it did, nothing else.
 */
@Injectable()
@JobHandler('documents.reconcile')
export class DocumentsReconcileHandler implements JobHandlerOf<'documents.reconcile'> {
  private readonly logger = new Logger('DocumentsReconcile');

  constructor(
    private readonly processor: DocumentProcessor,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<{ requeued: number; failed: number }> {
    const stuck = await this.processor.stuck(new Date(this.clock.now().getTime() - 120_000));
    let requeued = 0;
    let failed = 0;
    for (const { id, updatedAt } of stuck) {
      const found = await this.queues.job('document.process', id);
      if (found?.state === 'failed' && (found.job.finishedOn ?? 0) >= updatedAt.getTime()) {
        if (await this.processor.giveUp(id, found.job.failedReason || 'the processing job failed')) failed += 1;
        continue;
      }
      if ((await this.queues.ensure('document.process', { documentId: id }, id)).action !== 'live') requeued += 1;
    }
    if (requeued || failed) this.logger.warn(`documents stuck in processing: ${requeued} enqueued again, ${failed} marked failed`);
    return { requeued, failed };
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
