import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import type { WebhookState } from './webhooks.service';
import { WebhooksService } from './webhooks.service';
import { SecurityWebhookResponse, SecurityWebhooksResponse } from './webhooks-responses.dto';

export class ResumeDto {
  @ApiProperty({ description: 'The audit entry id the next POST starts at (ids before it count as delivered)', example: '1' })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'must be an audit entry id (a positive whole number)' })
  fromId: string;
}

function toResponse(s: WebhookState): SecurityWebhookResponse {
  return {
    ...s,
    lastDeliveredAt: s.lastDeliveredAt?.toISOString() ?? null,
    lastAttemptAt: s.lastAttemptAt?.toISOString() ?? null,
  };
}

/**
 * The security event stream's state for supervisors, who watch the outbound deliveries (the mail outbox) and must
 * see a SIEM feed that stalls; moving a position to replay from an id is for admins, who run the queues.
 */
@ApiTags('security-webhooks')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('security-webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequirePermission('read', 'OutboxMessage')
  @ApiOperation({ summary: "The configured webhooks' delivery state (an empty list when the stream is off)" })
  @ApiOkResponse({ type: SecurityWebhooksResponse })
  async list(): Promise<SecurityWebhooksResponse> {
    const [lastAuditId, states] = await Promise.all([this.webhooks.head(), this.webhooks.states()]);
    return { lastAuditId, webhooks: states.map(toResponse) };
  }

  @Post(':name/resume')
  @HttpCode(200)
  @RequirePermission('update', 'Queue')
  @ApiOperation({ summary: "Move a webhook's position: the next POST starts at fromId (audited)" })
  @ApiOkResponse({ type: SecurityWebhookResponse })
  @ApiErrors(400, 404, 422)
  async resume(@CurrentActor() actor: Actor, @Param('name') name: string, @Body() dto: ResumeDto): Promise<SecurityWebhookResponse> {
    return toResponse(await this.webhooks.resume(actor, name, dto.fromId));
  }
}
