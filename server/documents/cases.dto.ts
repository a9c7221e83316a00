import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ACCOUNT_TYPES } from '../accounts/customer-account.entity';
import { DOCUMENT_KINDS, REJECTION_CODES } from './case-document.entity';
import { FORM_LANGUAGES } from './form-language';
import type { FormLanguage } from './form-language';
import { CASE_PURPOSES } from './identity-case.entity';

export class PublicOpenCaseDto {
  @IsString() @Length(3, 40, { message: 'type your customer ID (for example ab12345-ovh)' })
  customerId: string;

  @IsIn(ACCOUNT_TYPES, { message: `must be one of ${ACCOUNT_TYPES.join(', ')}` })
  accountType: (typeof ACCOUNT_TYPES)[number];

  @IsIn(CASE_PURPOSES, { message: `must be one of ${CASE_PURPOSES.join(', ')}` })
  purpose: (typeof CASE_PURPOSES)[number];

  @IsEmail({}, { message: 'must be an email address you can read now' }) @MaxLength(254)
  contactEmail: string;

  /** The form's language, for every mail of the case (else Accept-Language's). */
  @IsOptional() @IsIn(FORM_LANGUAGES, { message: `must be one of ${FORM_LANGUAGES.join(', ')}` })
  language?: FormLanguage;
}

export class StaffOpenCaseDto {
  @IsUUID('4') accountId: string;

  @IsIn(CASE_PURPOSES, { message: `must be one of ${CASE_PURPOSES.join(', ')}` })
  purpose: (typeof CASE_PURPOSES)[number];

  /** A new address the agent typed (the customer confirms it with the mailed code); or contactOnFile. */
  @IsOptional() @IsEmail({}, { message: 'must be an email address the customer can read' }) @MaxLength(254)
  contactEmail?: string;

  /** An address already on the account: the server reads it, the agent never types or sees it. */
  @IsOptional() @IsIn(['primary', 'backup'], { message: 'must be primary or backup' })
  contactOnFile?: 'primary' | 'backup';

  /** disable_2fa: the registered methods to remove (default: all of them). */
  @IsOptional() @IsArray() @ArrayMinSize(1, { message: 'choose at least one method' }) @ArrayMaxSize(20) @IsUUID('4', { each: true })
  twoFactorMethodIds?: string[];

  @IsString() @Length(3, 100, { message: 'type the ticket or call reference (3 to 100 characters)' })
  callReference: string;
}

export class ConfirmEmailDto {
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code we emailed you' })
  code: string;
}

export class UploadFieldsDto {
  @IsIn(DOCUMENT_KINDS, { message: `must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind: (typeof DOCUMENT_KINDS)[number];
}

export class CaseQueueQuery {
  @IsOptional() @IsIn(['submitted', 'in_review', 'verified', 'rejected', 'collecting', 'expired']) status?: string;
  @IsOptional() @IsUUID('4') accountId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class DecisionDto {
  @IsIn(['accepted', 'rejected']) decision: 'accepted' | 'rejected';

  @IsOptional() @IsIn(REJECTION_CODES, { message: `must be one of ${REJECTION_CODES.join(', ')}` })
  reasonCode?: (typeof REJECTION_CODES)[number];

  @IsOptional() @IsString() @MaxLength(1000) note?: string;

  /** Read on an identity document. */
  @IsOptional() @IsString() @Length(2, 200) holderName?: string;

  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  expiry?: string;
}

/** The reviewer's choice of the 2FA methods a disablement removes (the stolen phone's, not the security key). */
export class TwoFactorChoiceDto {
  @IsArray() @ArrayMinSize(1, { message: 'choose at least one method' }) @ArrayMaxSize(20) @IsUUID('4', { each: true })
  twoFactorMethodIds: string[];
}
