import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { RequirePermission } from '../auth/policy.decorator';
import { documentsError } from './documents.errors';
import { AddressVariantDto, CaseQueueQuery, DecisionDto, RequestDocumentDto, StaffOpenCaseDto, TwoFactorChoiceDto, UploadFieldsDto } from './cases.dto';
import { CasesService } from './cases.service';
import type { UploadedFile } from './cases.service';
import { attachmentDisposition } from './download-name';
import { DocumentRetryService } from './document-retry.service';
import { ReviewService } from './review.service';
import { UploadInterceptor } from './upload.interceptor';

@Controller('identity-cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly review: ReviewService,
    private readonly retry: DocumentRetryService,
  ) {}

  @Get()
  @RequirePermission('read', 'Case')
  list(@CurrentActor() actor: Actor, @Query() q: CaseQueueQuery) {
    return this.review.queue(actor, q);
  }

  @Post()
  @RequirePermission('create', 'Case')
  async open(@CurrentActor() actor: Actor, @Body() dto: StaffOpenCaseDto) {
    const row = await this.cases.openByStaff(actor, dto);
    return this.review.detail(actor, row.id);
  }

  @Get(':id')
  @RequirePermission('read', 'Case')
  detail(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.detail(actor, id);
  }

  @Post(':id/documents')
  @RequirePermission('update', 'Case')
  @UseInterceptors(UploadInterceptor)
  async attach(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UploadFieldsDto, @UploadedFiles() files: UploadedFile[]) {
    const c = await this.review.load(actor, id);
    if (!actor.ability.can('update', asSubject('Case', { openedBy: c.openedBy }))) throw documentsError('case_not_found');
    const docs = await this.cases.addDocuments({ case: c, actor, meta: actor.meta }, dto.kind, files, dto.identityType);
    return { documents: docs.map((d) => ({ id: d.id, kind: d.kind, name: d.originalName, identityType: d.identityType })) };
  }

  /** The individual checklist's variant (standard, moved, hosted), set by the agent who opened the case or a reviewer. */
  @Post(':id/address-variant')
  @HttpCode(200)
  @RequirePermission('read', 'Case')
  async addressVariant(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AddressVariantDto) {
    const c = await this.review.load(actor, id);
    const may = actor.ability.can('update', asSubject('Case', { openedBy: c.openedBy })) || actor.ability.can('review', 'Case');
    if (!may) throw documentsError('checklist_forbidden');
    await this.cases.setAddressVariant(c, actor, actor.meta, dto.addressVariant);
    return this.review.detail(actor, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  claim(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.claim(actor, id);
  }

  @Post(':id/documents/:documentId/decision')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string, @Body() dto: DecisionDto) {
    return this.review.decide(actor, id, documentId, dto);
  }

  /** The reviewer asks the customer for a document the checklist misses (e.g. an ID card's back): awaiting_reupload. */
  @Post(':id/request-document')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  requestDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RequestDocumentDto) {
    return this.review.requestMissing(actor, id, dto);
  }

  @Post(':id/two-factor-methods')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  chooseMethods(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: TwoFactorChoiceDto) {
    return this.review.chooseTwoFactorMethods(actor, id, dto.twoFactorMethodIds);
  }

  @Post(':id/documents/:documentId/reprocess')
  @HttpCode(202)
  @RequirePermission('review', 'Case')
  reprocess(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string) {
    return this.retry.reprocess(actor, id, documentId);
  }

  @Get(':id/documents/:documentId/preview')
  @RequirePermission('read', 'Document')
  async preview(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.review.file(actor, id, documentId, 'preview');
    // no-store and nosniff come with every API answer (createHttpApp).
    res.set({ 'Content-Type': file.type, 'Content-Disposition': 'inline' });
    return new StreamableFile(file.data);
  }

  /** The original as uploaded, never rendered by the browser: an attachment (nosniff and no-store as every API answer). */
  @Get(':id/documents/:documentId/original')
  @RequirePermission('read', 'Document')
  async original(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.review.file(actor, id, documentId, 'original');
    res.set({ 'Content-Type': file.type, 'Content-Disposition': attachmentDisposition(file.name) });
    return new StreamableFile(file.data);
  }
}
