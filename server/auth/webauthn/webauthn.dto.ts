import { ApiProperty } from '@nestjs/swagger';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { IsEmail, IsObject, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { SecurityKeyReset } from './security-key-reset.entity';
import type { StaffSecurityKey } from './staff-security-key.entity';

/** What the browser's `navigator.credentials` answered, as @simplewebauthn/browser serialises it (checked by the service). */
const CREDENTIAL_JSON = { type: 'object', additionalProperties: true } as const;

export class AddSecurityKeyDto {
  @ApiProperty({ minLength: 1, maxLength: 60, description: "The member's own name for the key" })
  @IsString()
  @Length(1, 60, { message: 'give the key a name of 1 to 60 characters' })
  @Matches(/\S/, { message: 'give the key a name of 1 to 60 characters' })
  name: string;

  @ApiProperty({ ...CREDENTIAL_JSON, description: 'The answer of startRegistration() (@simplewebauthn/browser)' })
  @IsObject()
  response: RegistrationResponseJSON;
}

/** Adding a way to sign in asks for the password again: a borrowed or stolen session cannot add its own key. */
export class RegistrationOptionsDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: "The member's current password" })
  @IsString()
  @Length(1, 200, { message: 'is required' })
  password: string;
}

export class SecurityKeyLoginOptionsDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200, { message: 'is required' })
  password: string;
}

export class SecurityKeyLoginDto {
  @ApiProperty({ description: 'The ticket of the options answer' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a sign-in ticket' })
  ticket: string;

  @ApiProperty({ ...CREDENTIAL_JSON, description: 'The answer of startAuthentication() (@simplewebauthn/browser)' })
  @IsObject()
  response: AuthenticationResponseJSON;
}

export class FirstKeyDto extends AddSecurityKeyDto {
  @ApiProperty({ description: 'The ticket of the first-key options answer' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'is not an enrolment ticket' })
  ticket: string;
}

export class SecurityKeyResetDto {
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why, in 3 to 500 characters' })
  reason: string;
}

export class SecurityKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String], description: 'How the browser reaches the key (usb, nfc, ble, internal, hybrid)' }) transports: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
}

export class SecurityKeyListResponse {
  @ApiProperty({ type: [SecurityKeyResponse] }) data: SecurityKeyResponse[];
  @ApiProperty({ description: 'True when one of the roles must sign in with a security key' }) required: boolean;
}

export class StaffSecurityKeysResponse {
  @ApiProperty({ type: [SecurityKeyResponse] }) data: SecurityKeyResponse[];
}

export class RegistrationOptionsResponse {
  @ApiProperty({ ...CREDENTIAL_JSON, description: 'For startRegistration({ optionsJSON }) (@simplewebauthn/browser)' })
  options: Record<string, unknown>;
}

export class SecurityKeyLoginOptionsResponse {
  @ApiProperty({ description: 'Single use, short-lived: send it back with the key’s answer' }) ticket: string;
  @ApiProperty({ ...CREDENTIAL_JSON, description: 'For startAuthentication({ optionsJSON }) (@simplewebauthn/browser)' })
  options: Record<string, unknown>;
}

export class FirstKeyOptionsResponse {
  @ApiProperty({ description: 'Single use, short-lived: send it back with the key’s answer' }) ticket: string;
  @ApiProperty({ ...CREDENTIAL_JSON, description: 'For startRegistration({ optionsJSON }) (@simplewebauthn/browser)' })
  options: Record<string, unknown>;
}

export class SecurityKeyResetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SecurityKeyResetListResponse {
  @ApiProperty({ type: [SecurityKeyResetResponse] }) data: SecurityKeyResetResponse[];
}

export class SecurityKeyResetConfirmedResponse {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty() keysRemoved: number;
}

export function toKeyResponse(k: StaffSecurityKey): SecurityKeyResponse {
  return {
    id: k.id,
    name: k.name,
    transports: k.transports,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}

export function toResetResponse(r: SecurityKeyReset): SecurityKeyResetResponse {
  return { id: r.id, staffId: r.staffId, requestedBy: r.requestedBy, reason: r.reason, createdAt: r.createdAt.toISOString() };
}
