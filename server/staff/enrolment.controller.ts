import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Meta } from '../auth/actor';
import { Public } from '../auth/policy.decorator';
import type { RequestMeta } from '../audit/audit.types';
import { CompleteEnrolmentDto, EnrolmentTokenDto } from './enrolment.dto';
import { StaffEnrolmentService } from './staff-enrolment.service';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../core/http/api-errors';
import { EnrolmentDoneResponse, EnrolmentViewResponse } from './staff-responses.dto';

/**
 * The page of an invitation or re-enrolment link. The token travels in the body, never in a URL, so no access
 * log or proxy keeps it; reading (`view`) changes nothing, `POST /` spends the link.
 */
@ApiTags('staff enrolment')
@Controller('public/staff-enrolment')
export class EnrolmentController {
  constructor(private readonly enrolments: StaffEnrolmentService) {}

  @Post('view')
  @HttpCode(200)
  @Public('a new staff member opens their invitation link before they have any password; the token is the credential')
  @ApiOperation({ summary: 'Read an invitation or re-enrolment link (changes nothing)' })
  @ApiOkResponse({ type: EnrolmentViewResponse })
  @ApiErrors(400, 404, 410)
  view(@Body() dto: EnrolmentTokenDto, @Meta() meta: RequestMeta) {
    return this.enrolments.view(dto.token, meta);
  }

  @Post()
  @HttpCode(200)
  @Public('a new staff member sets their password and second factor; single-use, expiring token')
  @ApiOperation({ summary: 'Set the password and second factor; spends the link' })
  @ApiOkResponse({ type: EnrolmentDoneResponse })
  @ApiErrors(400, 404, 410, 422)
  complete(@Body() dto: CompleteEnrolmentDto, @Meta() meta: RequestMeta) {
    return this.enrolments.complete(dto.token, dto.password, dto.otp, meta);
  }
}
