import { Controller, Get, Query } from '@nestjs/common';
import { PageQuery } from '../core/http/page-query';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { RequirePermission } from '../auth/policy.decorator';
import { maskEmail } from '../accounts/masking';
import { OutboxQueriesService } from '../notifications/outbox-queries.service';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { OutboxPage } from '../notifications/outbox-responses.dto';

export class OutboxQuery extends PageQuery(25) {
  @ApiPropertyOptional({ enum: ['pending', 'sent', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'sent', 'failed'])
  status?: 'pending' | 'sent' | 'failed';
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

/** Supervisors see each mail's state (pending, sent, failed with its last error), never its secret content. */
@ApiTags('mail-outbox')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('mail-outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxQueriesService) {}

  @Get()
  @RequirePermission('read', 'OutboxMessage')
  @ApiOperation({ summary: "Customer mails' states, newest first; never their content" })
  @ApiOkResponse({ type: OutboxPage })
  @ApiErrors(400)
  async list(@Query() q: OutboxQuery) {
    const page = await this.outbox.list(q);
    return {
      data: page.data.map((m) => ({
        id: m.id,
        accountId: m.accountId,
        template: m.template,
        language: m.language,
        to: maskEmail(m.toAddress),
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
