import { ApiProperty } from '@nestjs/swagger';
import { TEMPLATE_NAMES, type TemplateName } from './templates';

/** One customer mail: its state, never its content; the address masked. */
export class OutboxMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountId: string | null;
  @ApiProperty({ enum: TEMPLATE_NAMES }) template: TemplateName;
  @ApiProperty() language: string;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) to: string | null;
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

export class OutboxPage {
  @ApiProperty({ type: [OutboxMessageResponse] }) data: OutboxMessageResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
