import { Transform } from 'class-transformer';
import { PageQuery } from '../core/http/page-query';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { CustomerAccount } from './customer-account.entity';
import { maskEmail, maskPhone, maskPostalCode, maskText } from './masking';
import type { SecurityEvent } from './security-event.entity';
import type { TwoFactorMethod } from './two-factor-method.entity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AccountSearchQuery {
  @ApiProperty({ description: 'A customer ID, an email, a phone number or a name', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200, { message: 'type a customer ID, an email, a phone number or a name' })
  q: string;

  /** The ticket or call the search is made for; searches without one are watched for abuse. */
  @ApiPropertyOptional({ description: 'The ticket or call the search is made for', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  callRef?: string;

  /** A name search also lists similar spellings ("Lefebvre" for "Lefèvre"), not only accounts with every word. */
  @ApiPropertyOptional({ description: 'A name search also lists similar spellings' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean({ message: 'must be true or false' })
  similar?: boolean;
}

export class EventsQuery extends PageQuery(25) {}

export class StartVerificationDto {
  @ApiProperty({ minLength: 3, maxLength: 100 })
  @IsString()
  @Length(3, 100, { message: 'type the ticket or call reference (3 to 100 characters)' })
  callReference: string;
}

export class UnmaskDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'must be the id of this call’s verification' })
  verificationId: string;

  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why you need the full contact data (3 to 500 characters)' })
  reason: string;
}

export class UnlockDto {
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why the account can be unlocked (3 to 500 characters)' })
  reason: string;
}

export class LockDto {
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why the account is blocked (3 to 500 characters)' })
  reason: string;

  /** An agent's own verification of this call (a code read back): required from an agent. */
  @ApiPropertyOptional({ format: 'uuid', description: 'Required from an agent: their verification of this call' })
  @IsOptional()
  @IsUUID('4', { message: 'must be the id of this call’s verification' })
  verificationId?: string;

  @ApiPropertyOptional({ minLength: 3, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(3, 100, { message: 'type the ticket or call reference (3 to 100 characters)' })
  callReference?: string;
}

export class ReminderDto {
  @ApiProperty({ minLength: 3, maxLength: 100 })
  @IsString()
  @Length(3, 100, { message: 'type the ticket or call reference (3 to 100 characters)' })
  callReference: string;
}

export const STATED_FIELDS = ['backup_email', 'phone', 'postal_code'] as const;
export type StatedField = (typeof STATED_FIELDS)[number];

export class SendCodeDto {
  @ApiProperty({ enum: ['backup_email', 'primary_email'] })
  @IsIn(['backup_email', 'primary_email'], { message: 'must be backup_email or primary_email' })
  channel: 'backup_email' | 'primary_email';
}

export class CheckCodeDto {
  @ApiProperty({ minLength: 6, maxLength: 6 })
  @IsString()
  @Length(6, 6, { message: 'must be the 6-digit code the caller reads' })
  code: string;
}

export class StatedValueDto {
  @ApiProperty({ enum: STATED_FIELDS })
  @IsIn(STATED_FIELDS, { message: `must be one of ${STATED_FIELDS.join(', ')}` })
  field: StatedField;

  @ApiProperty({ minLength: 1, maxLength: 254 })
  @IsString()
  @Length(1, 254)
  value: string;
}

export interface AccountSummary {
  id: string;
  customerId: string;
  accountType: string;
  name: string;
  companyName: string | null;
  primaryEmail: string | null;
  phone: string | null;
  city: string;
  country: string;
  status: string;
  hasBackupEmail: boolean;
}

export function toSummary(a: CustomerAccount): AccountSummary {
  return {
    id: a.id,
    customerId: a.customerId,
    accountType: a.accountType,
    name: a.name,
    companyName: a.companyName,
    primaryEmail: maskEmail(a.primaryEmail),
    phone: maskPhone(a.phone),
    city: a.city,
    country: a.country,
    status: a.status,
    hasBackupEmail: a.backupEmail !== null,
  };
}

export function toDetail(a: CustomerAccount, methods: TwoFactorMethod[]) {
  return {
    ...toSummary(a),
    legalRepresentative: a.legalRepresentative,
    backupEmail: maskEmail(a.backupEmail),
    addressLine: maskText(a.addressLine),
    postalCode: maskPostalCode(a.postalCode),
    language: a.language,
    flags: a.flags,
    lockedAt: a.lockedAt?.toISOString() ?? null,
    lockReason: a.lockReason,
    backupEmailRequired: a.flags.includes('backup_email_required'),
    twoFactorReenrolRequired: a.flags.includes('reenrol_2fa_required'),
    twoFactorEnabled: methods.length > 0,
    twoFactorMethods: methods.map((m) => ({
      id: m.id,
      kind: m.kind,
      label: m.label,
      createdAt: m.createdAt.toISOString(),
      lastUsedAt: m.lastUsedAt?.toISOString() ?? null,
      codesLeft: m.codesLeft,
    })),
    openCases: [] as unknown[],
    masked: true,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toUnmasked(a: CustomerAccount) {
  return {
    id: a.id,
    customerId: a.customerId,
    primaryEmail: a.primaryEmail,
    backupEmail: a.backupEmail,
    phone: a.phone,
    addressLine: a.addressLine,
    postalCode: a.postalCode,
    city: a.city,
    country: a.country,
    masked: false,
  };
}

export function toEvent(e: SecurityEvent) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    channel: e.channel,
    destination: e.destinationMasked,
    detail: e.detail,
  };
}
