import { Body, Controller, Get, Headers, HttpCode, Param, Post, UploadedFiles, UseGuards, UseInterceptors } from '@nestjs/common';
import { Meta } from '../auth/actor';
import { Public } from '../auth/policy.decorator';
import type { RequestMeta } from '../audit/audit.types';
import { CaseTokenGuard, TokenCase } from './case-token.guard';
import { CasesService } from './cases.service';
import type { UploadedFile } from './cases.service';
import type { IdentityCase } from './identity-case.entity';
import { AddressVariantDto, ConfirmEmailDto, PublicOpenCaseDto, UploadFieldsDto } from './cases.dto';
import { formLanguage } from './form-language';
import { UploadInterceptor } from './upload.interceptor';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../core/http/api-errors';
import {
  AddressVariantResponse,
  EmailConfirmedResponse,
  FormOpenedResponse,
  PublicCaseResponse,
  SubmittedResponse,
  UploadBody,
  UploadResponse,
} from './cases-responses.dto';

/**
 * The customer's online form (no staff login). The case token, returned once at opening or mailed by an agent,
 * travels in the X-Case-Token header; without the right one a case does not exist.
 */
@ApiTags('customer form')
@Controller('public/identity-cases')
export class PublicCasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Public('customers who cannot sign in open an identity check here; limited per IP and per customer ID')
  @ApiOperation({ summary: 'A customer opens an identity check; the answer carries the case token, once' })
  @ApiCreatedResponse({ type: FormOpenedResponse })
  @ApiErrors(400, 429)
  open(@Body() dto: PublicOpenCaseDto, @Meta() meta: RequestMeta, @Headers('accept-language') acceptLanguage?: string) {
    return this.cases.openFromForm({ ...dto, language: formLanguage(dto.language, acceptLanguage) }, meta);
  }

  @Get(':id')
  @Public('the customer follows their own request with its token')
  @ApiOperation({ summary: 'The customer follows their case' })
  @ApiHeader({ name: 'X-Case-Token', required: true, description: 'The case token returned at opening or mailed by an agent' })
  @ApiOkResponse({ type: PublicCaseResponse })
  @ApiErrors(404)
  view(@Param('id') id: string, @Headers('x-case-token') token?: string) {
    return this.cases.publicView(id, token);
  }

  @Post(':id/confirm-email')
  @HttpCode(200)
  @Public('the customer confirms the contact address with the code mailed to it; needs the case token')
  @ApiOperation({ summary: 'Confirm the contact address with the mailed code' })
  @ApiHeader({ name: 'X-Case-Token', required: true, description: 'The case token returned at opening or mailed by an agent' })
  @ApiOkResponse({ type: EmailConfirmedResponse })
  @ApiErrors(400, 404, 409, 422, 429)
  confirm(@Param('id') id: string, @Body() dto: ConfirmEmailDto, @Meta() meta: RequestMeta, @Headers('x-case-token') token?: string) {
    return this.cases.confirmEmail(id, token, dto.code, meta);
  }

  @Post(':id/documents')
  @Public('the customer uploads their documents; needs the case token')
  // The token first (a guard runs before the interceptor): no body is read for a request that has none.
  @UseGuards(CaseTokenGuard)
  @UseInterceptors(UploadInterceptor)
  @ApiOperation({ summary: 'Upload documents' })
  // The handler takes the case from the guard, not the path: the path's id is declared here.
  @ApiParam({ name: 'id', type: String })
  @ApiHeader({ name: 'X-Case-Token', required: true, description: 'The case token returned at opening or mailed by an agent' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadBody })
  @ApiCreatedResponse({ type: UploadResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  async upload(
    @TokenCase() c: IdentityCase,
    @Body() dto: UploadFieldsDto,
    @UploadedFiles() files: UploadedFile[],
    @Meta() meta: RequestMeta,
  ) {
    const docs = await this.cases.addDocuments({ case: c, actor: null, meta }, dto.kind, files, dto.identityType);
    return { documents: docs.map((d) => ({ id: d.id, kind: d.kind, name: d.originalName, identityType: d.identityType })) };
  }

  @Post(':id/address-variant')
  @HttpCode(200)
  @Public('the customer says they moved or are hosted (individual checklist); needs the case token')
  @ApiOperation({ summary: 'Say the customer moved or is hosted' })
  @ApiHeader({ name: 'X-Case-Token', required: true, description: 'The case token returned at opening or mailed by an agent' })
  @ApiOkResponse({ type: AddressVariantResponse })
  @ApiErrors(400, 404, 409)
  async addressVariant(
    @Param('id') id: string,
    @Body() dto: AddressVariantDto,
    @Meta() meta: RequestMeta,
    @Headers('x-case-token') token?: string,
  ) {
    const c = await this.cases.byToken(id, token);
    return this.cases.setAddressVariant(c, null, meta, dto.addressVariant);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Public('the customer sends the case for review; needs the case token')
  @ApiOperation({ summary: 'Send the case for review' })
  @ApiHeader({ name: 'X-Case-Token', required: true, description: 'The case token returned at opening or mailed by an agent' })
  @ApiOkResponse({ type: SubmittedResponse })
  @ApiErrors(404, 409, 422)
  submit(@Param('id') id: string, @Meta() meta: RequestMeta, @Headers('x-case-token') token?: string) {
    return this.cases.submit(id, token, meta);
  }
}
