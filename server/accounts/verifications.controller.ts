import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { CheckCodeDto, SendCodeDto, StatedValueDto } from './accounts.dto';
import { VerificationService } from './verification.service';

/** The checks of one call; each agent sees only the verifications of their own calls (others: 404). */
@Controller('verifications')
export class VerificationsController {
  constructor(private readonly verifications: VerificationService) {}

  @Get(':id')
  @RequirePermission('read', 'CallerVerification')
  state(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.verifications.state(actor, id);
  }

  @Post(':id/codes')
  @HttpCode(202)
  @RequirePermission('update', 'CallerVerification')
  sendCode(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SendCodeDto) {
    return this.verifications.sendCode(actor, id, dto.channel);
  }

  @Post(':id/code-checks')
  @HttpCode(200)
  @RequirePermission('update', 'CallerVerification')
  checkCode(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CheckCodeDto) {
    return this.verifications.checkCode(actor, id, dto.code);
  }

  @Post(':id/stated-values')
  @HttpCode(200)
  @RequirePermission('update', 'CallerVerification')
  checkStated(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: StatedValueDto) {
    return this.verifications.checkStated(actor, id, dto.field, dto.value);
  }
}
