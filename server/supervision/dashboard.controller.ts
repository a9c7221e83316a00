import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { EvidenceService } from './evidence.service';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { RequirePermission } from '../auth/policy.decorator';
import { Clock } from '../core/clock';
import { supervisionError } from './supervision.errors';
import { DashboardService } from './dashboard.service';
import {
  ApiCookieAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { DashboardResponse, EvidenceEnvelope } from './supervision-responses.dto';

// The envelope every bundle shares, beside the case's own fields.
const EVIDENCE_SCHEMA = { allOf: [{ $ref: getSchemaPath(EvidenceEnvelope) }, { type: 'object' as const, additionalProperties: true }] };

export class PeriodQuery {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Default: 7 days before to' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date (ISO 8601)' })
  from?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Default: now' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date (ISO 8601)' })
  to?: Date;
}

@ApiTags('dashboard')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly clock: Clock,
  ) {}

  /** Activity per staff member and day (default: the last 7 days), cases and their ages, queues, mail failures. */
  @Get()
  @RequirePermission('read', 'Dashboard')
  @ApiOperation({ summary: 'Activity per member and day, cases and their ages, queues, mail failures' })
  @ApiOkResponse({ type: DashboardResponse })
  @ApiErrors(400)
  async get(@Query() q: PeriodQuery) {
    const to = q.to ?? this.clock.now();
    const from = q.from ?? new Date(to.getTime() - 7 * 86_400_000);
    if (from >= to) throw supervisionError('period_not_ordered', {}, { fields: { from: 'must be before to' } });
    if (to.getTime() - from.getTime() > 92 * 86_400_000)
      throw supervisionError('period_too_long', { maxDays: 92 }, { fields: { from: 'the period is at most 92 days' } });
    const [activity, cases, queues, outbox] = await Promise.all([
      this.dashboard.activity(from, to),
      this.dashboard.cases(),
      this.dashboard.queueHealth(),
      this.dashboard.outbox(),
    ]);
    return { from: from.toISOString(), to: to.toISOString(), activity, cases, queues, outbox };
  }
}

export class EvidenceQuery {
  @ApiPropertyOptional({ enum: ['json', 'zip'], description: 'zip: evidence.json, the processed documents and a SHA-256 manifest' })
  @IsOptional()
  @IsIn(['json', 'zip'], { message: 'must be json or zip' })
  format?: 'json' | 'zip';
}

const REF_PARAM = {
  name: 'ref',
  description: 'The case UUID, its 8-character reference, or the customer ID of an account with one such case',
};
const ZIP = { 'application/zip': { schema: { type: 'string' as const, format: 'binary' } } };

/** Evidence bundles of a case, for a security officer; each export is itself audited. */
@ApiTags('evidence')
@ApiExtraModels(EvidenceEnvelope)
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('recovery-cases/:ref')
  @RequirePermission('export', 'AuditEvent')
  @ApiOperation({ summary: 'The evidence bundle of a recovery case (audited), as JSON or a zip' })
  @ApiParam(REF_PARAM)
  @ApiProduces('application/json', 'application/zip')
  @ApiOkResponse({
    description: 'The case, its audit entries and mails',
    content: { 'application/json': { schema: EVIDENCE_SCHEMA }, ...ZIP },
  })
  @ApiErrors(400, 404, 409)
  recovery(@CurrentActor() actor: Actor, @Param('ref') ref: string, @Query() q: EvidenceQuery, @Res({ passthrough: true }) res: Response) {
    return this.send('recovery_case', actor, ref, q, res);
  }

  @Get('identity-cases/:ref')
  @RequirePermission('export', 'AuditEvent')
  @ApiOperation({ summary: 'The evidence bundle of an identity case (audited), as JSON or a zip' })
  @ApiParam(REF_PARAM)
  @ApiProduces('application/json', 'application/zip')
  @ApiOkResponse({
    description: 'The case, its documents, audit entries and mails',
    content: { 'application/json': { schema: EVIDENCE_SCHEMA }, ...ZIP },
  })
  @ApiErrors(400, 404, 409)
  identity(@CurrentActor() actor: Actor, @Param('ref') ref: string, @Query() q: EvidenceQuery, @Res({ passthrough: true }) res: Response) {
    return this.send('identity_case', actor, ref, q, res);
  }

  private async send(kind: 'recovery_case' | 'identity_case', actor: Actor, ref: string, q: EvidenceQuery, res: Response) {
    const out = await this.evidence.export(actor, kind, ref, q.format ?? 'json');
    if (!out.zip) return out.bundle;
    res.set({ 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${out.fileName}"` });
    return new StreamableFile(out.zip);
  }
}
