import { ApiProperty } from '@nestjs/swagger';

// The case story's answer: the contract the console's types come from.

export class StoryWhoResponse {
  @ApiProperty({ enum: ['staff', 'customer', 'system'] }) kind: 'staff' | 'customer' | 'system';
  @ApiProperty({ type: String, nullable: true, description: 'The staff member’s email' }) email: string | null;
  @ApiProperty({ type: [String] }) roles: string[];
}

export class StoryAuditRef {
  @ApiProperty({ description: 'The entry’s number in the chain' }) id: string;
  @ApiProperty() hash: string;
  @ApiProperty() prevHash: string;
  @ApiProperty({ enum: ['verified', 'broken'] }) chain: 'verified' | 'broken';
}

export class StoryItemResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['audit', 'mail', 'check', 'document', 'decision'] }) kind: 'audit' | 'mail' | 'check' | 'document' | 'decision';
  @ApiProperty({ description: 'Audit action, mail template, check kind, document state or decision, as a code' }) code: string;
  @ApiProperty({ type: StoryWhoResponse }) who: StoryWhoResponse;
  @ApiProperty({ type: String, enum: ['recovery_case', 'identity_case'], nullable: true }) caseKind:
    'recovery_case' | 'identity_case' | null;
  @ApiProperty({ type: String, nullable: true, description: 'The case’s 8-character reference' }) caseRef: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  params: Record<string, string | number | boolean | null>;
  @ApiProperty({ type: StoryAuditRef, nullable: true }) audit: StoryAuditRef | null;
}

export class StorySubject {
  @ApiProperty({ enum: ['account', 'recovery_case', 'identity_case'] }) kind: 'account' | 'recovery_case' | 'identity_case';
  @ApiProperty({ description: 'Customer ID of an account, 8-character reference of a case' }) ref: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) customerId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountId: string | null;
}

export class StoryCase {
  @ApiProperty({ enum: ['recovery_case', 'identity_case'] }) kind: 'recovery_case' | 'identity_case';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'Recovery action or documents purpose' }) topic: string;
}

export class StoryChain {
  @ApiProperty() entries: number;
  @ApiProperty({ description: 'Every entry’s hash recomputed and linked to the entry before it' }) verified: boolean;
  @ApiProperty({ type: String, nullable: true }) firstBrokenId: string | null;
}

export class CaseStoryResponse {
  @ApiProperty({ type: StorySubject }) subject: StorySubject;
  @ApiProperty({ type: [StoryCase] }) cases: StoryCase[];
  @ApiProperty({ type: [StoryItemResponse] }) items: StoryItemResponse[];
  @ApiProperty({ type: StoryChain }) chain: StoryChain;
  @ApiProperty({ description: 'Some kind of row reached the cap of 2000' }) truncated: boolean;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}
