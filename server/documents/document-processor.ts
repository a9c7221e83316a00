import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_META } from '../audit/audit.types';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { CaseDocument, FINAL_STATES, ProcessingState } from './case-document.entity';
import { scanWithClamd } from './clamd';
import { DocumentStore } from './document-store';
import { inspectPdf, isAllowed, reencodeImage, sniff, UnusableFile } from './file-inspection';
import { IdentityCase } from './identity-case.entity';
import { stuckDocuments, twinCases } from './documents-queries.service';
import { ImageBudget } from './image-budget';

/** The document's plain bytes, read and decrypted once per run of the pipeline, on the first step that needs them. */
type Content = () => Promise<Buffer>;
type Step = (doc: CaseDocument, content: Content) => Promise<{ next: ProcessingState; changes: Partial<CaseDocument> }>;

/**
 * The processing pipeline of one document: uploaded → typed → hashed → scanned → processed, or a final
 * rejected / quarantined. Each step computes, then moves the state with a compare-and-set, so a step replayed by
 * a second worker (or after a crash) changes nothing twice; the derived files are written under fixed keys.
 */
@Injectable()
export class DocumentProcessor {
  private readonly logger = new Logger(DocumentProcessor.name);
  private readonly steps: Record<string, Step>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly imageBudget: ImageBudget,
  ) {
    this.steps = {
      uploaded: (_doc, content) => this.typeCheck(content),
      typed: (d, content) => this.hash(d, content),
      hashed: (d, content) => this.scan(d, content),
      scanned: (d, content) => this.transform(d, content),
    };
  }

  /** Runs the remaining steps; returns the final state. Does nothing for a document that is gone or final. */
  async process(documentId: string): Promise<ProcessingState | 'gone'> {
    const repo = this.dataSource.getRepository(CaseDocument);
    let plain: Promise<Buffer> | undefined;
    for (;;) {
      const doc = await repo.findOneBy({ id: documentId });
      if (!doc) return 'gone';
      if (FINAL_STATES.includes(doc.state)) return doc.state;
      let outcome: { next: ProcessingState; changes: Partial<CaseDocument> };
      try {
        const content: Content = () => (plain ??= this.store.get(doc.storageKey));
        outcome = await this.steps[doc.state](doc, content);
      } catch (e) {
        if (!(e instanceof UnusableFile)) throw e;
        outcome = { next: 'rejected', changes: { processingNote: e.message.slice(0, 500) } };
      }
      await this.advance(doc, outcome.next, outcome.changes);
    }
  }

  /** Compare-and-set: only the worker that still sees `doc.state` moves it. */
  private async advance(doc: CaseDocument, next: ProcessingState, changes: Partial<CaseDocument>): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(CaseDocument)
      .set({ ...changes, state: next, updatedAt: () => 'now()' })
      .where('id = :id AND state = :state', { id: doc.id, state: doc.state })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * For a job that failed for good on errors that are not the file's fault: never leave it half-processed, mark
   * it failed with the reason for the reviewer, who may process it again. False when it had reached a final state.
   */
  async giveUp(documentId: string, reason: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(CaseDocument)
      .set({ state: 'failed', processingNote: `processing failed: ${reason}`.slice(0, 500), updatedAt: () => 'now()' })
      .where('id = :id AND state NOT IN (:...finals)', { id: documentId, finals: FINAL_STATES })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private async typeCheck(content: Content) {
    const data = await content();
    const mime = await sniff(data);
    if (!isAllowed(mime)) throw new UnusableFile(`content is ${mime ?? 'of an unknown type'}, not a JPEG, PNG or PDF`);
    return { next: 'typed' as const, changes: { detectedType: mime } };
  }

  /** SHA-256, and the same file seen on another account's case raises a fraud flag on both cases. */
  private async hash(doc: CaseDocument, content: Content) {
    const data = await content();
    const sha256 = createHash('sha256').update(data).digest('hex');
    await this.dataSource.transaction(async (m) => {
      const thisCase = await m.getRepository(IdentityCase).findOneByOrFail({ id: doc.caseId });
      const twins = await twinCases(m, sha256, thisCase);
      if (twins.length) {
        const ids = [doc.caseId, ...twins];
        await m.query(
          `UPDATE identity_cases SET fraud_flags = array_append(fraud_flags, 'duplicate_document')
           WHERE id = ANY($1) AND NOT ('duplicate_document' = ANY(fraud_flags))`,
          [ids],
        );
        // The audit entry comes last: it takes the chain lock, and row locks are always taken before it.
        await this.audit.record(m, {
          actor: null,
          meta: SYSTEM_META,
          action: 'case.fraud_flag',
          targetType: 'document',
          targetId: doc.id,
          caseId: doc.caseId,
          reason: 'duplicate_document',
          after: { sha256, cases: ids },
        });
      }
    });
    return { next: 'hashed' as const, changes: { sha256 } };
  }

  private async scan(doc: CaseDocument, content: Content) {
    if (!this.config.clamdUrl) return { next: 'scanned' as const, changes: { scanVerdict: 'not_configured' as const } };
    const result = await scanWithClamd(this.config.clamdUrl, await content());
    if (result.verdict === 'clean') return { next: 'scanned' as const, changes: { scanVerdict: 'clean' as const } };
    const note = result.verdict === 'infected' ? `infected: ${result.signature}` : result.message;
    this.logger.warn(`document ${doc.id} quarantined: ${note}`);
    return { next: 'quarantined' as const, changes: { scanVerdict: result.verdict, processingNote: note } };
  }

  private async transform(doc: CaseDocument, content: Content) {
    const data = await content();
    const previewKey = `${doc.storageKey}.preview`;
    if (doc.detectedType === 'application/pdf') {
      const pdf = await inspectPdf(data);
      if (pdf.preview) await this.store.put(previewKey, pdf.preview);
      return {
        next: 'processed' as const,
        changes: { pdfPages: pdf.pages, pdfFlags: pdf.flags, previewKey: pdf.preview ? previewKey : null },
      };
    }
    const image = await reencodeImage(data, doc.detectedType as 'image/jpeg' | 'image/png', this.config.imageMaxPixels, this.imageBudget);
    const cleanKey = `${doc.storageKey}.clean`;
    await this.store.put(cleanKey, image.data);
    await this.store.put(previewKey, image.preview);
    return { next: 'processed' as const, changes: { width: image.width, height: image.height, previewKey } };
  }

  /** Documents stuck in a state (their job lost with Redis, or their worker gone): the reconciler's list. */
  async stuck(olderThan: Date, limit = 500): Promise<{ id: string; updatedAt: Date }[]> {
    return stuckDocuments(this.dataSource.manager, olderThan, limit);
  }
}
