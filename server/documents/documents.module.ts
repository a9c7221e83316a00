import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CaseVerifiedHook } from './case-verified.port';
import { CasesService } from './cases.service';
import { CasesExpireHandler, DocumentProcessHandler, DocumentsPurgeHandler, DocumentsReconcileHandler } from './document-jobs.handler';
import { DocumentRetention } from './document-retention';
import { DocumentProcessor } from './document-processor';
import { DocumentRetryService } from './document-retry.service';
import { DocumentStore } from './document-store';
import { PublicCasesController } from './public-cases.controller';
import { ReviewService } from './review.service';
import { UploadInterceptor } from './upload.interceptor';
import { ImageBudget } from './image-budget';

@Module({
  controllers: [PublicCasesController, CasesController],
  providers: [
    CasesService,
    ReviewService,
    CaseVerifiedHook,
    DocumentRetryService,
    DocumentStore,
    DocumentProcessor,
    ImageBudget,
    UploadInterceptor,
    DocumentRetention,
    DocumentProcessHandler,
    DocumentsReconcileHandler,
    CasesExpireHandler,
    DocumentsPurgeHandler,
  ],
  exports: [CasesService, ReviewService, CaseVerifiedHook],
})
export class DocumentsModule {}
