import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { CurrentActor, auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { RequirePermission } from '../auth/policy.decorator';
import { auditError } from '../audit/audit.errors';
import { IdParamFormat } from '../core/http/id-params';
import { AuditQueryService } from '../audit/audit-query.service';
import { auditCsv, AuditExportQuery, AuditListQuery, toAuditEventResponse, toCsvRow } from '../audit/audit.dto';
import type { AuditEventResponse } from '../audit/audit.dto';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { AuditEntryResponse, AuditPage, AuditVerifyResponse } from '../audit/audit-responses.dto';

@ApiTags('audit')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly writer: AuditService,
  ) {}

  @Get()
  @RequirePermission('read', 'AuditEvent')
  @ApiOperation({ summary: 'The audit trail, filtered, newest first' })
  @ApiOkResponse({ type: AuditPage })
  @ApiErrors(400)
  async list(@Query() q: AuditListQuery): Promise<{ data: AuditEventResponse[]; nextCursor: string | null }> {
    const page = await this.audit.list(q, q.limit ?? 25, q.cursor);
    return { data: page.data.map(toAuditEventResponse), nextCursor: page.nextCursor };
  }

  /**
   * The filtered trail as CSV, streamed batch by batch with back-pressure: memory stays flat whatever the size.
   * The export itself is audited first (with its filter), so an export that fails half-way is still on record.
   */
  @Get('export')
  @RequirePermission('export', 'AuditEvent')
  @ApiOperation({ summary: 'The filtered trail as CSV (audited)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, streamed', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400)
  async export(@CurrentActor() actor: Actor, @Query() q: AuditExportQuery, @Res() res: Response): Promise<void> {
    await this.writer.recordAlone({
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'audit.export',
      targetType: 'audit_events',
      after: { filter: { ...q } },
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv"`);
    const csv = auditCsv();
    csv.pipe(res);
    res.on('close', () => {
      if (!res.writableFinished) csv.destroy(new Error('the client went away'));
    });
    try {
      for await (const rows of this.audit.stream(q)) {
        for (const row of rows) {
          if (!csv.write(toCsvRow(row))) await once(csv, 'drain');
        }
      }
      csv.end();
    } catch (e) {
      // Headers are gone: end the download broken rather than pretend it is complete.
      if (!csv.destroyed) csv.destroy(e as Error);
      res.destroy();
    }
  }

  @Get('verify')
  @RequirePermission('verify', 'AuditEvent')
  @ApiOperation({ summary: 'Walk the whole hash chain' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  async verify() {
    const [result, checkpoint] = await Promise.all([this.audit.verifyAll(), this.audit.lastCheckpoint()]);
    return {
      ok: result.ok,
      checked: result.checked,
      firstBrokenId: result.firstBrokenId,
      lastCheckpoint: checkpoint
        ? {
            at: checkpoint.at.toISOString(),
            lastEventId: checkpoint.lastEventId,
            ok: checkpoint.ok,
            firstBrokenId: checkpoint.firstBrokenId,
          }
        : null,
    };
  }

  @Get(':id')
  @RequirePermission('read', 'AuditEvent')
  @IdParamFormat('id', 'integer')
  @ApiOperation({ summary: 'One audit entry' })
  @ApiOkResponse({ type: AuditEntryResponse })
  @ApiErrors(404)
  async one(@Param('id') id: string): Promise<AuditEventResponse> {
    const event = await this.audit.findOne(id);
    if (!event) throw auditError('entry_not_found');
    return toAuditEventResponse(event);
  }
}
