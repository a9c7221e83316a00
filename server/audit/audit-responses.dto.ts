import { ApiProperty } from '@nestjs/swagger';

// The answers' shapes for the OpenAPI document (and through it the console's types).

const JSON_OBJECT = { type: 'object', additionalProperties: true, nullable: true } as const;

/** One entry of the hash-chained audit trail. */
export class AuditEntryResponse {
  @ApiProperty({ description: 'A bigint, as a string' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail: string | null;
  @ApiProperty({ type: [String] }) actorRoles: string[];
  @ApiProperty() action: string;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: string;
  @ApiProperty({ type: String, nullable: true }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: String, nullable: true }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty(JSON_OBJECT) before: Record<string, unknown> | null;
  @ApiProperty(JSON_OBJECT) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryResponse] }) data: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AuditCheckpointResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) lastEventId: string | null;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true }) firstBrokenId: string | null;
}

/** A full walk of the chain, and the last checkpoint the worker recorded. */
export class AuditVerifyResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenId: string | null;
  @ApiProperty({ type: AuditCheckpointResponse, nullable: true }) lastCheckpoint: AuditCheckpointResponse | null;
}
