import { ApiProperty } from '@nestjs/swagger';
import { ALERT_SUBJECTS } from './alert.entity';

/** What the alert is about, by the names people know; `id` is the console's link target, never shown. */
export class AlertSubjectResponse {
  @ApiProperty({ enum: ALERT_SUBJECTS }) type: string;
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) customerId: string | null;
  @ApiProperty({ type: String, nullable: true }) staffEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) documentKind: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The identity case's short reference" }) caseRef: string | null;
}

/** One audit entry behind an alert, as the alert's evidence list shows it. */
export class AlertEvidenceEntry {
  @ApiProperty({ description: 'A bigint, as a string' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actorEmail: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: string;
  @ApiProperty({ type: String, nullable: true }) targetType: string | null;
}

export class AlertEvidenceResponse {
  @ApiProperty({ type: [AlertEvidenceEntry] }) data: AlertEvidenceEntry[];
}

export class BulkAcknowledgeOutcome {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['acknowledged', 'skipped'] }) outcome: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['supervision.alert_not_found', 'supervision.alert_already_acknowledged'],
    description: 'Why it was skipped',
  })
  reason: string | null;
}

export class BulkAcknowledgeResponse {
  @ApiProperty({ type: [BulkAcknowledgeOutcome] }) results: BulkAcknowledgeOutcome[];
}
