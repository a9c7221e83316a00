import { Body, Controller, Get, Headers, HttpCode, Param, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { Meta } from '../auth/actor';
import { Public } from '../auth/policy.decorator';
import type { RequestMeta } from '../audit/audit.types';
import { CasesService } from './cases.service';
import type { UploadedFile } from './cases.service';
import { AddressVariantDto, ConfirmEmailDto, PublicOpenCaseDto, UploadFieldsDto } from './cases.dto';
import { formLanguage } from './form-language';
import { UploadInterceptor } from './upload.interceptor';

/**
 * The customer's online form (no staff login). The case token, returned once at opening or mailed by an agent,
 * travels in the X-Case-Token header; without the right one a case does not exist.
 */
@Controller('public/identity-cases')
export class PublicCasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Public('customers who cannot sign in open an identity check here; limited per IP and per customer ID')
  open(@Body() dto: PublicOpenCaseDto, @Meta() meta: RequestMeta, @Headers('accept-language') acceptLanguage?: string) {
    return this.cases.openFromForm({ ...dto, language: formLanguage(dto.language, acceptLanguage) }, meta);
  }

  @Get(':id')
  @Public('the customer follows their own request with its token')
  view(@Param('id') id: string, @Headers('x-case-token') token?: string) {
    return this.cases.publicView(id, token);
  }

  @Post(':id/confirm-email')
  @HttpCode(200)
  @Public('the customer confirms the contact address with the code mailed to it; needs the case token')
  confirm(@Param('id') id: string, @Body() dto: ConfirmEmailDto, @Meta() meta: RequestMeta, @Headers('x-case-token') token?: string) {
    return this.cases.confirmEmail(id, token, dto.code, meta);
  }

  @Post(':id/documents')
  @Public('the customer uploads their documents; needs the case token')
  @UseInterceptors(UploadInterceptor)
  async upload(
    @Param('id') id: string,
    @Body() dto: UploadFieldsDto,
    @UploadedFiles() files: UploadedFile[],
    @Meta() meta: RequestMeta,
    @Headers('x-case-token') token?: string,
  ) {
    const c = await this.cases.byToken(id, token);
    const docs = await this.cases.addDocuments({ case: c, actor: null, meta }, dto.kind, files, dto.identityType);
    return { documents: docs.map((d) => ({ id: d.id, kind: d.kind, name: d.originalName, identityType: d.identityType })) };
  }

  @Post(':id/address-variant')
  @HttpCode(200)
  @Public('the customer says they moved or are hosted (individual checklist); needs the case token')
  async addressVariant(@Param('id') id: string, @Body() dto: AddressVariantDto, @Meta() meta: RequestMeta, @Headers('x-case-token') token?: string) {
    const c = await this.cases.byToken(id, token);
    return this.cases.setAddressVariant(c, null, meta, dto.addressVariant);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Public('the customer sends the case for review; needs the case token')
  submit(@Param('id') id: string, @Meta() meta: RequestMeta, @Headers('x-case-token') token?: string) {
    return this.cases.submit(id, token, meta);
  }
}
