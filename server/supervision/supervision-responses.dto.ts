import { ApiProperty } from '@nestjs/swagger';
import { ALERT_RULES } from './alert.entity';

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_RULES }) rule: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) staffId: string | null;
  @ApiProperty({ type: String, nullable: true }) staffEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: String, nullable: true }) caseId: string | null;
  @ApiProperty({ description: 'The audit entry that raised it' }) eventId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) ackComment: string | null;
}

export class AlertPage {
  @ApiProperty({ type: [AlertResponse] }) data: AlertResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: one page' }) nextCursor: null;
}
