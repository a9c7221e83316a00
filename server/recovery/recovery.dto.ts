import { PageQuery } from '../core/http/page-query';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { RecoveryCase } from './recovery-case.entity';
import { maskEmail } from '../accounts/masking';
import { RECOVERY_STATUSES } from './recovery-state';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why, in 3 to 500 characters' })
  reason: string;
}

/** Every change made on a call names the ticket it answers and why. */
export class CallReasonDto extends ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 100 })
  @IsString()
  @Length(3, 100, { message: 'type the ticket or call reference (3 to 100 characters)' })
  callReference: string;
}

export class SwapDto extends CallReasonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  accountId: string;
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'must be the id of this call’s verification' })
  verificationId: string;
}

export class OpenRecoveryDto extends CallReasonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  accountId: string;
  @ApiProperty({ enum: ['replace_contact_email', 'disable_2fa'] })
  @IsIn(['replace_contact_email', 'disable_2fa'], { message: 'must be replace_contact_email or disable_2fa' })
  action: 'replace_contact_email' | 'disable_2fa';
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'must be the id of a verified identity-documents case' })
  identityCaseId: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  verificationId?: string;
}

export class RecoveryListQuery extends PageQuery(50) {
  @ApiPropertyOptional({ enum: RECOVERY_STATUSES })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  status?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  accountId?: string;
  /** The recovery case(s) a verified identity-documents case led to. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  identityCaseId?: string;
}

export function toRecoveryResponse(c: RecoveryCase) {
  return {
    id: c.id,
    accountId: c.accountId,
    action: c.action,
    status: c.status,
    callReference: c.callReference,
    reason: c.reason,
    openedBy: c.openedBy,
    verificationId: c.verificationId,
    identityCaseId: c.identityCaseId,
    newValue: maskEmail(c.newValue),
    twoFactorMethodIds: c.twoFactorMethodIds,
    approvalHash: c.approvalHash,
    approvedBy: c.approvedBy,
    approvedAt: c.approvedAt?.toISOString() ?? null,
    holdUntil: c.holdUntil?.toISOString() ?? null,
    executedAt: c.executedAt?.toISOString() ?? null,
    closedReason: c.closedReason,
    closedCode: c.closedCode,
    reportedAt: c.reportedAt?.toISOString() ?? null,
    revertedAt: c.revertedAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}
