import { ApiProperty } from '@nestjs/swagger';

/** One webhook's delivery state: where it got to, how far behind the trail, why it last failed. */
export class SecurityWebhookResponse {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Scheme, host and port of the URL (its path may hold a secret)' }) origin: string;
  @ApiProperty({ description: 'The last audit entry the receiver acknowledged; 0 before the first' }) lastDeliveredId: string;
  @ApiProperty({ description: 'Audit ids written after it (a rolled-back append leaves a hole, counted here)' }) lag: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastDeliveredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ description: 'POSTs failed in a row since the last success' }) failures: number;
}

export class SecurityWebhooksResponse {
  @ApiProperty({ description: 'The newest audit entry id' }) lastAuditId: string;
  @ApiProperty({ type: [SecurityWebhookResponse] }) webhooks: SecurityWebhookResponse[];
}
