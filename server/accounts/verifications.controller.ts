import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { CheckCodeDto, SendCodeDto, StatedValueDto } from './accounts.dto';
import { VerificationService } from './verification.service';
import { ApiAcceptedResponse, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { CodeCheckResponse, CodeSentResponse, StatedCheckResponse, VerificationResponse } from './accounts-responses.dto';

/** The checks of one call; each agent sees only the verifications of their own calls (others: 404). */
@ApiTags('verifications')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('verifications')
export class VerificationsController {
  constructor(private readonly verifications: VerificationService) {}

  @Get(':id')
  @RequirePermission('read', 'CallerVerification')
  @ApiOperation({ summary: 'The checks of one call' })
  @ApiOkResponse({ type: VerificationResponse })
  @ApiErrors(404)
  state(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.verifications.state(actor, id);
  }

  @Post(':id/codes')
  @HttpCode(202)
  @RequirePermission('update', 'CallerVerification')
  @ApiOperation({ summary: 'Send a one-time code to an address on file' })
  @ApiAcceptedResponse({ type: CodeSentResponse })
  @ApiErrors(400, 404, 409, 422, 429)
  sendCode(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SendCodeDto) {
    return this.verifications.sendCode(actor, id, dto.channel);
  }

  @Post(':id/code-checks')
  @HttpCode(200)
  @RequirePermission('update', 'CallerVerification')
  @ApiOperation({ summary: 'Check the code the caller reads back' })
  @ApiOkResponse({ type: CodeCheckResponse })
  @ApiErrors(400, 404, 409, 422)
  checkCode(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CheckCodeDto) {
    return this.verifications.checkCode(actor, id, dto.code);
  }

  @Post(':id/stated-values')
  @HttpCode(200)
  @RequirePermission('update', 'CallerVerification')
  @ApiOperation({ summary: 'Compare a value the caller states with the one on file' })
  @ApiOkResponse({ type: StatedCheckResponse })
  @ApiErrors(400, 404, 409, 422, 429)
  checkStated(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: StatedValueDto) {
    return this.verifications.checkStated(actor, id, dto.field, dto.value);
  }
}
