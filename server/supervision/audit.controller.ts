import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor, auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { RequirePermission } from '../auth/policy.decorator';
import { auditError } from '../audit/audit.errors';
import { IdParamFormat } from '../core/http/id-params';
import { AuditQueryService } from '../audit/audit-query.service';
import { AuditExplorerService } from './audit-explorer.service';
import { AuditExportQuery, AuditListQuery, toAuditEntryView } from '../audit/audit.dto';
import type { AuditDisplay, AuditEventResponse } from '../audit/audit.dto';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { AuditEntryView, AuditPage, AuditVerifyResponse } from '../audit/audit-responses.dto';

type AuditView = AuditEventResponse & { display: AuditDisplay };

@ApiTags('audit')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly writer: AuditService,
    private readonly explorer: AuditExplorerService,
  ) {}

  @Get()
  @RequirePermission('read', 'AuditEvent')
  @ApiOperation({
    summary: 'The audit trail, filtered, newest first',
    description:
      'Targets are searched and shown by what people know: `customerId` (the account and its cases), `target` (a customer ID, a staff email or a case number), `actor` (part of an email); `action` takes families (`recovery.*`) and lists.',
  })
  @ApiOkResponse({ type: AuditPage })
  @ApiErrors(400)
  async list(@Query() q: AuditListQuery): Promise<{ data: AuditView[]; nextCursor: string | null }> {
    const page = await this.explorer.list(q);
    return { data: page.data.map((e, i) => toAuditEntryView(e, page.display[i])), nextCursor: page.nextCursor };
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
    // Resolved first: a bad filter answers 400 before anything is recorded or sent.
    const filter = await this.explorer.filter(q);
    await this.writer.recordAlone({
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'audit.export',
      targetType: 'audit_events',
      after: { filter: { ...q } },
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv"`);
    // Written with back-pressure: the next batch is read only once the socket has taken this one, so a slow client
    // holds the export back instead of piling it up in memory.
    try {
      await this.explorer.writeCsv(filter, async (text) => {
        if (res.destroyed) return false;
        if (!res.write(text)) await drained(res);
        return !res.destroyed;
      });
      if (!res.destroyed) res.end();
    } catch {
      // Headers are gone: end the download broken rather than pretend it is complete.
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
  @ApiOkResponse({ type: AuditEntryView })
  @ApiErrors(404)
  async one(@Param('id') id: string): Promise<AuditView> {
    const event = await this.audit.findOne(id);
    if (!event) throw auditError('entry_not_found');
    const [display] = await this.explorer.display([event]);
    return toAuditEntryView(event, display);
  }
}

/** Resolves when the response can take more, or when the client went away (then `res.destroyed` says so). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
