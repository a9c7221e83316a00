import { ApiProperty } from '@nestjs/swagger';
import { POSSESSION_CHANNELS } from './caller-verification.entity';
import { ACCOUNT_TYPES } from './customer-account.entity';
import { SECURITY_EVENT_KINDS } from './security-event.entity';
import { TWO_FACTOR_KINDS } from './two-factor-method.entity';
import { STATED_FIELDS } from './accounts.dto';

// The answers' shapes for the OpenAPI document (and through it the console's types); the mappers in accounts.dto.ts
// build them.

const CHECK_RESULTS = ['match', 'no_match', 'expired', 'locked', 'no_value_on_file'] as const;

/** One search result: contact data masked (`p***@e***.com`, `+33 6 ** ** ** 12`). */
export class AccountSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) accountType: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) companyName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) primaryEmail: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) phone: string | null;
  @ApiProperty() city: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: ['active', 'locked'] }) status: string;
  @ApiProperty() hasBackupEmail: boolean;
}

export class AccountSearchHit extends AccountSummaryResponse {
  @ApiProperty({
    enum: ['customer_id', 'email', 'phone', 'words', 'similar'],
    description: "How the search found it: the query's shape, or for a name all its words or a similar spelling",
  })
  match: string;
}

export class AccountSearchPage {
  @ApiProperty({ type: [AccountSearchHit] }) data: AccountSearchHit[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a search answers one page' }) nextCursor: null;
}

export class TwoFactorMethodResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TWO_FACTOR_KINDS }) kind: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) codesLeft: number | null;
}

/** The account page, masked. */
export class AccountDetailResponse extends AccountSummaryResponse {
  @ApiProperty({ type: String, nullable: true }) legalRepresentative: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) backupEmail: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) addressLine: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) postalCode: string | null;
  @ApiProperty() language: string;
  @ApiProperty({ type: [String] }) flags: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set while the account is locked' }) lockedAt:
    string | null;
  @ApiProperty({ type: String, nullable: true }) lockReason: string | null;
  @ApiProperty() backupEmailRequired: boolean;
  @ApiProperty({ description: 'Set by a 2FA disablement: the customer must register a new method' }) twoFactorReenrolRequired: boolean;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty({ type: [TwoFactorMethodResponse] }) twoFactorMethods: TwoFactorMethodResponse[];
  @ApiProperty({ type: 'array', items: {} }) openCases: unknown[];
  @ApiProperty({ enum: [true] }) masked: true;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The contact data in full, for the agent of a verified call. */
export class UnmaskedContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() primaryEmail: string;
  @ApiProperty({ type: String, nullable: true }) backupEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() addressLine: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() city: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: [false] }) masked: false;
}

/** One entry of the account's security timeline. */
export class SecurityEventResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: SECURITY_EVENT_KINDS }) kind: string;
  @ApiProperty() channel: string;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) destination: string | null;
  @ApiProperty({ type: String, nullable: true }) detail: string | null;
}

export class SecurityEventPage {
  @ApiProperty({ type: [SecurityEventResponse] }) data: SecurityEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ActiveCode {
  @ApiProperty({ enum: POSSESSION_CHANNELS }) channel: string;
  @ApiProperty({ description: 'masked' }) destination: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class VerificationCheckResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['code', 'stated_value'] }) kind: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: CHECK_RESULTS }) result: string;
}

export class StatedAttemptsLeft {
  @ApiProperty() backup_email: number;
  @ApiProperty() phone: number;
  @ApiProperty() postal_code: number;
}

/** The checks of one call. */
export class VerificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() callReference: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty() expired: boolean;
  @ApiProperty({ enum: POSSESSION_CHANNELS, isArray: true }) possessionProven: string[];
  @ApiProperty() locked: boolean;
  @ApiProperty() codeAttemptsLeft: number;
  @ApiProperty({ type: StatedAttemptsLeft }) statedAttemptsLeft: StatedAttemptsLeft;
  @ApiProperty({ type: ActiveCode, nullable: true }) activeCode: ActiveCode | null;
  @ApiProperty({ type: [VerificationCheckResponse] }) checks: VerificationCheckResponse[];
}

export class CodeSentResponse {
  @ApiProperty({ format: 'uuid' }) codeId: string;
  @ApiProperty({ enum: POSSESSION_CHANNELS }) channel: string;
  @ApiProperty({ description: 'masked' }) destination: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class CodeCheckResponse {
  @ApiProperty({ enum: ['match', 'no_match', 'expired', 'locked'] }) result: string;
  @ApiProperty() attemptsLeft: number;
  @ApiProperty({ enum: POSSESSION_CHANNELS, isArray: true }) possessionProven: string[];
}

export class StatedCheckResponse {
  @ApiProperty({ enum: STATED_FIELDS }) field: string;
  @ApiProperty({ enum: ['match', 'no_match', 'no_value_on_file'] }) result: string;
  @ApiProperty() attemptsLeft: number;
}

export class ReminderResponse {
  @ApiProperty({ description: 'Where the reminder goes, masked' }) destination: string;
}

export class CallScriptTexts {
  @ApiProperty() fr: string;
  @ApiProperty() en: string;
}

/** One step of a call: what the agent reads, in both languages, and the default texts. */
export class CallScriptResponse {
  @ApiProperty() key: string;
  @ApiProperty({ type: [String], description: 'The {placeholders} a text may use' }) placeholders: string[];
  @ApiProperty({ type: CallScriptTexts }) texts: CallScriptTexts;
  @ApiProperty({ type: CallScriptTexts }) defaults: CallScriptTexts;
  @ApiProperty({ type: String, nullable: true }) updatedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class CallScriptsResponse {
  @ApiProperty({ description: 'The address customer mails come from' }) sender: string;
  @ApiProperty({ type: [CallScriptResponse] }) data: CallScriptResponse[];
}
