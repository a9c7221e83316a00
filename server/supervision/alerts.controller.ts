import { Body, Controller, Get, HttpCode, Injectable, Param, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { ALERT_RULES } from './alert.entity';
import type { Alert, AlertRule } from './alert.entity';
import { AlertsService } from './alerts.service';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { AlertPage, AlertResponse } from './supervision-responses.dto';
import { AlertEvidenceResponse, BulkAcknowledgeResponse } from './alert-responses.dto';
import { supervisionError } from './supervision.errors';

export class AlertsQuery {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'all'])
  status?: 'open' | 'acknowledged' | 'all';
  @ApiPropertyOptional({ enum: ALERT_RULES })
  @IsOptional()
  @IsIn(ALERT_RULES)
  rule?: AlertRule;
  @ApiPropertyOptional({ description: "The subject's customer ID (xx11111-ovh)", maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  customerId?: string;
  @ApiPropertyOptional({ description: 'Part of a staff email: the subject, or the staff member whose entry raised it', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  staff?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Raised at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date (ISO 8601)' })
  from?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Raised before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date (ISO 8601)' })
  to?: Date;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** The comment is checked by the service, so a missing or blank one is refused with its own code. */
export class AcknowledgeDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'What was found; required (`ack_comment_required` without it)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class BulkAcknowledgeDto extends AcknowledgeDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 200, description: 'The alerts to acknowledge with the one comment' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ids: string[];
}

/** The comment, trimmed; refused under 3 characters. */
function commentOf(dto: AcknowledgeDto): string {
  const comment = dto.comment?.trim() ?? '';
  if (comment.length < 3) throw supervisionError('ack_comment_required', { min: 3 });
  return comment;
}

function toResponse(a: Alert) {
  return {
    id: a.id,
    rule: a.rule,
    summary: a.summary,
    params: a.params ?? {},
    subject: {
      type: a.subject?.type ?? 'account',
      id: a.subject?.id ?? null,
      customerId: a.subject?.customerId ?? null,
      staffEmail: a.subject?.staffEmail ?? null,
      documentKind: a.subject?.documentKind ?? null,
      caseId: a.subject?.caseId ?? null,
      caseRef: a.subject?.caseRef ?? null,
    },
    evidenceIds: a.evidenceIds ?? [],
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
    const filter = {
      ...q,
      status: q.status ?? 'all',
      from: q.from,
      to: q.to,
      limit: q.limit ?? 50,
    };
    return { data: (await this.alerts.list(filter)).map(toResponse), nextCursor: null };
  }

  @Get(':id/evidence')
  @RequirePermission('read', 'Alert')
  @ApiOperation({ summary: 'The audit entries that raised the alert, oldest first' })
  @ApiOkResponse({ type: AlertEvidenceResponse })
  @ApiErrors(404)
  async evidence(@Param('id') id: string) {
    const entries = await this.alerts.evidence(id);
    return {
      data: entries.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorEmail: e.actorEmail,
        action: e.action,
        outcome: e.outcome,
        targetType: e.targetType,
      })),
    };
  }

  @Post('acknowledge')
  @HttpCode(200)
  @RequirePermission('update', 'Alert')
  @ApiOperation({ summary: 'Acknowledge several alerts with one comment: each audited, the others skipped with a reason' })
  @ApiOkResponse({ type: BulkAcknowledgeResponse })
  @ApiErrors(400)
  async acknowledgeMany(@CurrentActor() actor: Actor, @Body() dto: BulkAcknowledgeDto) {
    return { results: await this.alerts.acknowledgeMany(actor, dto.ids, commentOf(dto)) };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('update', 'Alert')
  @ApiOperation({ summary: 'Acknowledge an alert with what was found' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiErrors(400, 404, 409)
  async acknowledge(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AcknowledgeDto) {
    return toResponse(await this.alerts.acknowledge(actor, id, commentOf(dto)));
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
