import { ApiProperty } from '@nestjs/swagger';
import { RECOVERY_ACTIONS, RECOVERY_CLOSED_CODES, RECOVERY_STATUSES, type RecoveryClosedCode } from './recovery-state';

// The answers' shapes for the OpenAPI document (and through it the console's types); toRecoveryResponse builds them.

/** A recovery case; the new value comes masked. */
export class RecoveryCaseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ enum: RECOVERY_ACTIONS }) action: string;
  @ApiProperty({ enum: RECOVERY_STATUSES }) status: string;
  @ApiProperty() callReference: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) openedBy: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) verificationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) identityCaseId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) newValue: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'disable_2fa: the methods the execution removes (null: all of them)' })
  twoFactorMethodIds: string[] | null;
  @ApiProperty({ type: String, nullable: true }) approvalHash: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) holdUntil: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) executedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A person’s reason, or the English description of closedCode' })
  closedReason: string | null;
  @ApiProperty({ type: String, enum: RECOVERY_CLOSED_CODES, nullable: true, description: 'Set when the system closed the case' })
  closedCode: RecoveryClosedCode | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revertedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RecoveryCasePage {
  @ApiProperty({ type: [RecoveryCaseResponse] }) data: RecoveryCaseResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** What the link of a customer mail can still do. */
export class RecoveryLinkResponse {
  @ApiProperty({ enum: RECOVERY_ACTIONS }) action: string;
  @ApiProperty({ enum: RECOVERY_STATUSES }) status: string;
  @ApiProperty({ enum: ['cancel', 'report', 'none'] }) effect: string;
}

export class RecoveryLinkUsedResponse {
  @ApiProperty({ enum: ['cancelled', 'reported'] }) result: string;
}
