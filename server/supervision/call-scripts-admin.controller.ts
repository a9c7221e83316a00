import { Body, Controller, Param, Patch } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { CallScriptsService } from '../accounts/call-scripts.service';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { CallScriptResponse } from '../accounts/accounts-responses.dto';

export class UpdateCallScriptDto {
  // The service bounds the length of the text (422); this only stops absurd bodies early.
  @ApiProperty({ maxLength: 10000 })
  @IsString({ message: 'must be a text' })
  @MaxLength(10_000)
  fr: string;
  @ApiProperty({ maxLength: 10000 })
  @IsString({ message: 'must be a text' })
  @MaxLength(10_000)
  en: string;
}

/** Supervisors rewrite what agents read to callers (both languages at once); each edit is audited. */
@ApiTags('call-scripts')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('call-scripts')
export class CallScriptsAdminController {
  constructor(private readonly scripts: CallScriptsService) {}

  @Patch(':key')
  @RequirePermission('update', 'CallScript')
  @ApiOperation({ summary: 'Rewrite one step of the call scripts, both languages' })
  @ApiOkResponse({ type: CallScriptResponse })
  @ApiErrors(400, 404, 422)
  update(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() dto: UpdateCallScriptDto) {
    return this.scripts.update(actor, key, { fr: dto.fr, en: dto.en });
  }
}
