import { Body, Controller, Get, HttpCode, Injectable, Param, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import type { Alert } from './alert.entity';
import { AlertsService } from './alerts.service';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { AlertPage, AlertResponse } from './supervision-responses.dto';

export class AlertsQuery {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged'])
  status?: 'open' | 'acknowledged';
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AcknowledgeDto {
  @ApiProperty({ minLength: 3, maxLength: 1000 })
  @IsString()
  @Length(3, 1000, { message: 'say what you found, in 3 to 1000 characters' })
  comment: string;
}

function toResponse(a: Alert) {
  return {
    id: a.id,
    rule: a.rule,
    summary: a.summary,
    staffId: a.staffId,
    staffEmail: a.staffEmail,
    targetId: a.targetId,
    caseId: a.caseId,
    eventId: a.eventId,
    details: a.details,
    createdAt: a.createdAt.toISOString(),
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    ackComment: a.ackComment,
  };
}

@ApiTags('alerts')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @RequirePermission('read', 'Alert')
  @ApiOperation({ summary: 'Abuse alerts, newest first' })
  @ApiOkResponse({ type: AlertPage })
  @ApiErrors(400)
  async list(@Query() q: AlertsQuery) {
    return { data: (await this.alerts.list(q.status, q.limit ?? 50)).map(toResponse), nextCursor: null };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('update', 'Alert')
  @ApiOperation({ summary: 'Acknowledge an alert with what was found' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiErrors(400, 404, 409)
  async acknowledge(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AcknowledgeDto) {
    return toResponse(await this.alerts.acknowledge(actor, id, dto.comment));
  }
}

@Injectable()
@JobHandler('alerts.scan')
export class AlertsScanHandler implements JobHandlerOf<'alerts.scan'> {
  constructor(private readonly alerts: AlertsService) {}

  handle() {
    return this.alerts.scan();
  }
}
