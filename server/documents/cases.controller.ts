import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { RequirePermission } from '../auth/policy.decorator';
import { documentsError } from './documents.errors';
import {
  AddressVariantDto,
  CaseQueueQuery,
  DecisionDto,
  NameCheckDto,
  RequestDocumentDto,
  StaffOpenCaseDto,
  TwoFactorChoiceDto,
  UploadFieldsDto,
} from './cases.dto';
import { CasesService } from './cases.service';
import type { UploadedFile } from './cases.service';
import { attachmentDisposition } from './download-name';
import { DocumentRetryService } from './document-retry.service';
import { ReviewService } from './review.service';
import { UploadInterceptor } from './upload.interceptor';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import {
  CaseDetailResponse,
  CaseQueuePage,
  CaseSummaryResponse,
  DecisionResultResponse,
  NameCheckResponse,
  ReprocessResponse,
  TwoFactorChoiceResponse,
  UploadBody,
  UploadResponse,
} from './cases-responses.dto';

@ApiTags('identity-cases')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('identity-cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly review: ReviewService,
    private readonly retry: DocumentRetryService,
  ) {}

  @Get()
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'The review queue (submitted and in review unless a status is asked), oldest first' })
  @ApiOkResponse({ type: CaseQueuePage })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() q: CaseQueueQuery) {
    return this.review.queue(actor, q);
  }

  @Post()
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'An agent opens an identity-documents case for the caller' })
  @ApiCreatedResponse({ type: CaseDetailResponse })
  @ApiErrors(400, 404, 409, 422, 429)
  async open(@CurrentActor() actor: Actor, @Body() dto: StaffOpenCaseDto) {
    const row = await this.cases.openByStaff(actor, dto);
    return this.review.detail(actor, row.id);
  }

  @Get(':id')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'The case page: checklist, documents, account' })
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiErrors(404)
  detail(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.detail(actor, id);
  }

  @Post(':id/documents')
  @RequirePermission('update', 'Case')
  @UseInterceptors(UploadInterceptor)
  @ApiOperation({ summary: 'Upload documents to a case the agent opened' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadBody })
  @ApiCreatedResponse({ type: UploadResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  async attach(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: UploadFieldsDto,
    @UploadedFiles() files: UploadedFile[],
  ) {
    const c = await this.review.load(actor, id);
    if (!actor.ability.can('update', asSubject('Case', { openedBy: c.openedBy }))) throw documentsError('case_not_found');
    const docs = await this.cases.addDocuments({ case: c, actor, meta: actor.meta }, dto.kind, files, dto.identityType);
    return { documents: docs.map((d) => ({ id: d.id, kind: d.kind, name: d.originalName, identityType: d.identityType })) };
  }

  /** The individual checklist's variant (standard, moved, hosted), set by the agent who opened the case or a reviewer. */
  @Post(':id/address-variant')
  @HttpCode(200)
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: "Set the individual checklist's address variant" })
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiErrors(400, 404, 409)
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
  @ApiOperation({ summary: 'A reviewer takes the case' })
  @ApiOkResponse({ type: CaseSummaryResponse })
  @ApiErrors(404, 409)
  claim(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.claim(actor, id);
  }

  @Post(':id/documents/:documentId/decision')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  @ApiOperation({ summary: 'Accept, reject or ask again one document' })
  @ApiOkResponse({ type: DecisionResultResponse })
  @ApiErrors(400, 404, 409, 422)
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string, @Body() dto: DecisionDto) {
    return this.review.decide(actor, id, documentId, dto);
  }

  /** Side-effect free: the holder's name and expiry being typed, judged as accepting the document would. */
  @Post(':id/documents/:documentId/name-check')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  @ApiOperation({ summary: 'Compare a holder name and expiry with the account and today, as a decision would (stores nothing)' })
  @ApiOkResponse({ type: NameCheckResponse })
  @ApiErrors(400, 404, 422)
  nameCheck(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string, @Body() dto: NameCheckDto) {
    return this.review.nameCheck(actor, id, documentId, dto);
  }

  /** The reviewer asks the customer for a document the checklist misses (e.g. an ID card's back): awaiting_reupload. */
  @Post(':id/request-document')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  @ApiOperation({ summary: 'Ask the customer for a document the checklist misses' })
  @ApiOkResponse({ type: CaseSummaryResponse })
  @ApiErrors(400, 404, 409, 422)
  requestDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RequestDocumentDto) {
    return this.review.requestMissing(actor, id, dto);
  }

  @Post(':id/two-factor-methods')
  @HttpCode(200)
  @RequirePermission('review', 'Case')
  @ApiOperation({ summary: 'Choose the 2FA methods a disablement removes' })
  @ApiOkResponse({ type: TwoFactorChoiceResponse })
  @ApiErrors(400, 404, 409, 422)
  chooseMethods(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: TwoFactorChoiceDto) {
    return this.review.chooseTwoFactorMethods(actor, id, dto.twoFactorMethodIds);
  }

  @Post(':id/documents/:documentId/reprocess')
  @HttpCode(202)
  @RequirePermission('review', 'Case')
  @ApiOperation({ summary: 'Run the processing of a failed document again' })
  @ApiAcceptedResponse({ type: ReprocessResponse })
  @ApiErrors(404, 409)
  reprocess(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string) {
    return this.retry.reprocess(actor, id, documentId);
  }

  @Get(':id/documents/:documentId/preview')
  @RequirePermission('read', 'Document')
  @ApiOperation({ summary: 'The re-encoded preview of a document' })
  @ApiOkResponse({ description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(404)
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const file = await this.review.file(actor, id, documentId, 'preview');
    // no-store and nosniff come with every API answer (createHttpApp).
    res.set({ 'Content-Type': file.type, 'Content-Disposition': 'inline' });
    return new StreamableFile(file.data);
  }

  /** The original as uploaded, never rendered by the browser: an attachment (nosniff and no-store as every API answer). */
  @Get(':id/documents/:documentId/original')
  @RequirePermission('read', 'Document')
  @ApiOperation({ summary: 'The original as uploaded, as an attachment' })
  @ApiOkResponse({ description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(404)
  async original(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const file = await this.review.file(actor, id, documentId, 'original');
    res.set({ 'Content-Type': file.type, 'Content-Disposition': attachmentDisposition(file.name) });
    return new StreamableFile(file.data);
  }
}
