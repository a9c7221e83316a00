import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { documentsError } from './documents.errors';
import { isUuid } from '../core/ids';
import { QueueService } from '../core/queue/queue.service';
import { CaseDocument } from './case-document.entity';
import { ReviewService } from './review.service';

const CLOSED_CASES = ['verified', 'rejected', 'expired'];

/** "Process again": a document whose processing failed for good starts over with a fresh job, on a reviewer's word. */
@Injectable()
export class DocumentRetryService {
  private readonly logger = new Logger('DocumentRetry');

  constructor(
    private readonly dataSource: DataSource,
    private readonly review: ReviewService,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
  ) {}

  async reprocess(actor: Actor, caseId: string, documentId: string): Promise<{ id: string; state: string }> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.review.load(actor, caseId, m, true);
      const doc = isUuid(documentId) ? await m.getRepository(CaseDocument).findOneBy({ id: documentId, caseId: c.id }) : null;
      if (!doc) throw documentsError('document_not_found');
      if (CLOSED_CASES.includes(c.status)) throw documentsError('processing_closed', { status: c.status });
      const moved = await m
        .createQueryBuilder()
        .update(CaseDocument)
        .set({ state: 'uploaded', processingNote: null, updatedAt: () => 'now()' })
        .where('id = :id AND state = :failed', { id: doc.id, failed: 'failed' })
        .execute();
      if (!moved.affected) throw documentsError('not_failed');
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'document.reprocess',
        targetType: 'document',
        targetId: doc.id,
        caseId: c.id,
        before: { state: 'failed', processingNote: doc.processingNote },
        after: { state: 'uploaded' },
      });
    });
    // The failed job is still kept under the document's id: it is replaced, not re-added (that would be a no-op).
    await this.queues.ensure('document.process', { documentId }, documentId).catch((e: Error) => {
      this.logger.warn(`document ${documentId}: not enqueued now (${e.message}); the reconciler will`);
    });
    return { id: documentId, state: 'uploaded' };
  }
}
