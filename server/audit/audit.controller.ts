import { Controller, Get, Param, Query } from '@nestjs/common';
import { RequirePermission } from '../auth/policy.decorator';
import { DomainError, notFound } from '../core/http/errors';
import { decodeCursor, AuditQueryService } from './audit-query.service';
import { AuditEventResponse, AuditListQuery, toAuditEventResponse } from './audit.dto';

@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @RequirePermission('read', 'AuditEvent')
  async list(@Query() q: AuditListQuery): Promise<{ data: AuditEventResponse[]; nextCursor: string | null }> {
    const afterId = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !afterId) throw new DomainError('invalid', 'Invalid input: cursor', { cursor: 'is not a cursor this API returned' });
    const page = await this.audit.list(q, q.limit ?? 25, afterId);
    return { data: page.data.map(toAuditEventResponse), nextCursor: page.nextCursor };
  }

  @Get('verify')
  @RequirePermission('verify', 'AuditEvent')
  async verify() {
    const [result, checkpoint] = await Promise.all([this.audit.verifyAll(), this.audit.lastCheckpoint()]);
    return {
      ok: result.ok,
      checked: result.checked,
      firstBrokenId: result.firstBrokenId,
      lastCheckpoint: checkpoint
        ? { at: checkpoint.at.toISOString(), lastEventId: checkpoint.lastEventId, ok: checkpoint.ok, firstBrokenId: checkpoint.firstBrokenId }
        : null,
    };
  }

  @Get(':id')
  @RequirePermission('read', 'AuditEvent')
  async one(@Param('id') id: string): Promise<AuditEventResponse> {
    const event = await this.audit.findOne(id);
    if (!event) throw notFound('No audit entry with this id');
    return toAuditEventResponse(event);
  }
}
