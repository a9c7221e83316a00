import { PageQuery } from '../core/http/page-query';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { ACCOUNT_TYPES } from '../accounts/customer-account.entity';
import { DECISIONS, DOCUMENT_KINDS, IDENTITY_TYPES, REJECTION_CODES, REUPLOAD_REASONS } from './case-document.entity';
import { FORM_LANGUAGES } from './form-language';
import type { FormLanguage } from './form-language';
import { ADDRESS_VARIANTS, CASE_PURPOSES, CASE_STATUSES } from './identity-case.entity';
import { ACK_FLAGS } from './review-checks';
import { isCalendarDay } from './document-rules';

/** A day that exists, written YYYY-MM-DD (2031-02-30 is refused here, not by the database's date column). */
const IsCalendarDay = () =>
  ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (v) => typeof v === 'string' && isCalendarDay(v),
      defaultMessage: () => 'must be a day of the calendar written YYYY-MM-DD',
    },
  });
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const REASON_CODES = [...new Set([...REJECTION_CODES, ...REUPLOAD_REASONS])];

export class PublicOpenCaseDto {
  @ApiProperty({ minLength: 3, maxLength: 40 })
  @IsString()
  @Length(3, 40, { message: 'type your customer ID (for example ab12345-ovh)' })
  customerId: string;

  @ApiProperty({ enum: ACCOUNT_TYPES })
  @IsIn(ACCOUNT_TYPES, { message: `must be one of ${ACCOUNT_TYPES.join(', ')}` })
  accountType: (typeof ACCOUNT_TYPES)[number];

  @ApiProperty({ enum: CASE_PURPOSES })
  @IsIn(CASE_PURPOSES, { message: `must be one of ${CASE_PURPOSES.join(', ')}` })
  purpose: (typeof CASE_PURPOSES)[number];

  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'must be an email address you can read now' })
  @MaxLength(254)
  contactEmail: string;

  /** The form's language, for every mail of the case (else Accept-Language's). */
  @ApiPropertyOptional({ enum: FORM_LANGUAGES })
  @IsOptional()
  @IsIn(FORM_LANGUAGES, { message: `must be one of ${FORM_LANGUAGES.join(', ')}` })
  language?: FormLanguage;

  /** Individuals only: which address proofs they send (standard, moved, hosted); changeable while collecting. */
  @ApiPropertyOptional({ enum: ADDRESS_VARIANTS })
  @IsOptional()
  @IsIn(ADDRESS_VARIANTS, { message: `must be one of ${ADDRESS_VARIANTS.join(', ')}` })
  addressVariant?: (typeof ADDRESS_VARIANTS)[number];
}

export class StaffOpenCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  accountId: string;

  @ApiProperty({ enum: CASE_PURPOSES })
  @IsIn(CASE_PURPOSES, { message: `must be one of ${CASE_PURPOSES.join(', ')}` })
  purpose: (typeof CASE_PURPOSES)[number];

  /** A new address the agent typed (the customer confirms it with the mailed code); or contactOnFile. */
  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address the customer can read' })
  @MaxLength(254)
  contactEmail?: string;

  /** An address already on the account: the server reads it, the agent never types or sees it. */
  @ApiPropertyOptional({ enum: ['primary', 'backup'] })
  @IsOptional()
  @IsIn(['primary', 'backup'], { message: 'must be primary or backup' })
  contactOnFile?: 'primary' | 'backup';

  /** disable_2fa: the registered methods to remove (default: all of them). */
  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one method' })
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  twoFactorMethodIds?: string[];

  @ApiProperty({ minLength: 3, maxLength: 100 })
  @IsString()
  @Length(3, 100, { message: 'type the ticket or call reference (3 to 100 characters)' })
  callReference: string;

  /** Individuals only: which address proofs they send (standard, moved, hosted); changeable while collecting. */
  @ApiPropertyOptional({ enum: ADDRESS_VARIANTS })
  @IsOptional()
  @IsIn(ADDRESS_VARIANTS, { message: `must be one of ${ADDRESS_VARIANTS.join(', ')}` })
  addressVariant?: (typeof ADDRESS_VARIANTS)[number];
}

export class AddressVariantDto {
  @ApiProperty({ enum: ADDRESS_VARIANTS })
  @IsIn(ADDRESS_VARIANTS, { message: `must be one of ${ADDRESS_VARIANTS.join(', ')}` })
  addressVariant: (typeof ADDRESS_VARIANTS)[number];
}

export class ConfirmEmailDto {
  @ApiProperty({ pattern: '^\\d{6}$' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code we emailed you' })
  code: string;
}

export class UploadFieldsDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS, { message: `must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind: (typeof DOCUMENT_KINDS)[number];

  /** Identity documents: the type the customer states (the reviewer confirms or corrects it). */
  @ApiPropertyOptional({ enum: IDENTITY_TYPES })
  @IsOptional()
  @IsIn(IDENTITY_TYPES, { message: `must be one of ${IDENTITY_TYPES.join(', ')}` })
  identityType?: (typeof IDENTITY_TYPES)[number];
}

export class RequestDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS, { message: `must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind: (typeof DOCUMENT_KINDS)[number];

  /** Mailed to the customer with the request. */
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CaseQueueQuery extends PageQuery(25) {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  accountId?: string;
}

export class DecisionDto {
  /** `reupload`: ask the customer for this document again (reasonCode among unreadable, cut, glare, other). */
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `must be one of ${DECISIONS.join(', ')}` })
  decision: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ enum: REASON_CODES })
  @IsOptional()
  @IsIn(REASON_CODES, { message: `must be one of ${REASON_CODES.join(', ')}` })
  reasonCode?: (typeof REASON_CODES)[number];

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  /** Read on an identity document. */
  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  holderName?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDay()
  expiry?: string;

  /** Accepting an identity document: its type as read (required unless the customer stated one). */
  @ApiPropertyOptional({ enum: IDENTITY_TYPES })
  @IsOptional()
  @IsIn(IDENTITY_TYPES, { message: `must be one of ${IDENTITY_TYPES.join(', ')}` })
  identityType?: (typeof IDENTITY_TYPES)[number];

  /** Accepting a proof (address, registration extract, register notice): its date of issue, under 3 months. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  issuedOn?: string;

  /** Accepting a flagged case or file: the flags whose evidence the reviewer confirms having seen. */
  @ApiPropertyOptional({ enum: ACK_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ACK_FLAGS.length)
  @IsIn(ACK_FLAGS, { each: true, message: `each must be one of ${ACK_FLAGS.join(', ')}` })
  acknowledgedFlags?: (typeof ACK_FLAGS)[number][];
}

/** What the reviewer is reading on an identity document, checked before deciding. */
export class NameCheckDto {
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  holderName: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDay()
  expiry?: string;
}

/** The reviewer's choice of the 2FA methods a disablement removes (the stolen phone's, not the security key). */
export class TwoFactorChoiceDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one method' })
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  twoFactorMethodIds: string[];
}
