import { ApiProperty } from '@nestjs/swagger';

// The answers' shapes for the OpenAPI document (and through it the console's types).

const JSON_OBJECT = { type: 'object', additionalProperties: true, nullable: true } as const;

/** Who or what the entry is about, as people know it; the ids serve only to build links. */
export class AuditDisplayResponse {
  @ApiProperty({ type: String, nullable: true, description: "The account's customer ID (account targets and cases)" })
  customerId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The staff member's email (staff targets)" }) staffEmail: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) staffId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The case number shown on screens (8 characters)' }) caseRef: string | null;
  @ApiProperty({ type: String, enum: ['recovery', 'identity'], nullable: true }) caseKind: 'recovery' | 'identity' | null;
}

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

/** An entry as the audit explorer lists it: with who or what it is about, as people know it. */
export class AuditEntryView extends AuditEntryResponse {
  @ApiProperty({ type: AuditDisplayResponse }) display: AuditDisplayResponse;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryView] }) data: AuditEntryView[];
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

/** A search a staff member saved: its name and the list's query string. */
export class SavedAuditSearchResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The filters as a query string (`customerId=xx11111-ovh&action=recovery.*`)' }) query: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SavedAuditSearchList {
  @ApiProperty({ type: [SavedAuditSearchResponse] }) data: SavedAuditSearchResponse[];
}
