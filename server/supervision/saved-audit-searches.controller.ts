import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { IdParamFormat } from '../core/http/id-params';
import { SavedAuditSearchList, SavedAuditSearchResponse } from '../audit/audit-responses.dto';
import { SavedAuditSearchesService } from './saved-audit-searches.service';

export class SaveAuditSearchDto {
  @ApiProperty({ minLength: 1, maxLength: 80 })
  @IsString({ message: 'must be a text' })
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(80)
  name: string;
  @ApiProperty({ maxLength: 2000, description: "The audit list's filters as a query string" })
  @IsString({ message: 'must be a text' })
  @MaxLength(2000)
  query: string;
}

/** Saved audit searches: each staff member who reads the trail keeps their own, by name. */
@ApiTags('audit')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('audit-searches')
export class SavedAuditSearchesController {
  constructor(private readonly searches: SavedAuditSearchesService) {}

  @Get()
  @RequirePermission('read', 'AuditEvent')
  @ApiOperation({ summary: 'My saved audit searches, by name' })
  @ApiOkResponse({ type: SavedAuditSearchList })
  list(@CurrentActor() actor: Actor) {
    return this.searches.list(actor);
  }

  @Post()
  @RequirePermission('read', 'AuditEvent')
  @ApiOperation({ summary: 'Save the current filters under a name (audited)' })
  @ApiCreatedResponse({ type: SavedAuditSearchResponse })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: SaveAuditSearchDto) {
    return this.searches.create(actor, dto.name, dto.query);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('read', 'AuditEvent')
  @IdParamFormat('id', 'uuid')
  @ApiOperation({ summary: 'Delete one of my saved searches (audited)' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.searches.remove(actor, id);
  }
}
