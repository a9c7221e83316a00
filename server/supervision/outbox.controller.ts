import { Controller, Get, Query } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { RequirePermission } from '../auth/policy.decorator';
import { maskEmail } from '../accounts/masking';
import { OutboxQueriesService } from '../notifications/outbox-queries.service';

export class OutboxQuery {
  @IsOptional() @IsIn(['pending', 'sent', 'failed']) status?: 'pending' | 'sent' | 'failed';
  @IsOptional() @IsUUID() accountId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** Supervisors see each mail's state (pending, sent, failed with its last error), never its secret content. */
@Controller('mail-outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxQueriesService) {}

  @Get()
  @RequirePermission('read', 'OutboxMessage')
  async list(@Query() q: OutboxQuery) {
    const page = await this.outbox.list(q);
    return {
      data: page.data.map((m) => ({
        id: m.id, accountId: m.accountId, template: m.template, language: m.language, to: maskEmail(m.toAddress),
        status: m.status, attempts: m.attempts, lastError: m.lastError, createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
