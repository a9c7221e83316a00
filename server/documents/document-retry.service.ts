import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound } from '../core/http/errors';
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
      if (!doc) throw notFound('No document with this id in this case');
      if (CLOSED_CASES.includes(c.status)) throw conflict(`This case is ${c.status}: its documents are no longer processed`);
      const moved = await m.createQueryBuilder().update(CaseDocument)
        .set({ state: 'uploaded', processingNote: null, updatedAt: () => 'now()' })
        .where('id = :id AND state = :failed', { id: doc.id, failed: 'failed' })
        .execute();
      if (!moved.affected) throw conflict('Only a document whose processing failed can be processed again');
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: 'document.reprocess', targetType: 'document', targetId: doc.id, caseId: c.id,
        before: { state: 'failed', processingNote: doc.processingNote }, after: { state: 'uploaded' },
      });
    });
    // The failed job is still kept under the document's id: it is replaced, not re-added (that would be a no-op).
    await this.queues.ensure('document.process', { documentId }, documentId).catch((e: Error) => {
      this.logger.warn(`document ${documentId}: not enqueued now (${e.message}); the reconciler will`);
    });
    return { id: documentId, state: 'uploaded' };
  }
}
