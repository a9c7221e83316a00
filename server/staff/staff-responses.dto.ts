import { ApiProperty } from '@nestjs/swagger';
import { STAFF_LANGUAGES, STAFF_ROLES } from '../auth/staff-user.entity';

// The answers' shapes for the OpenAPI document (and through it the console's types); the mappers in staff.dto.ts,
// pending-requests.ts and the services build them.

export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: STAFF_LANGUAGES }) language: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class StaffPage {
  @ApiProperty({ type: [StaffMemberResponse] }) data: StaffMemberResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: one page' }) nextCursor: null;
}

export class StaffCreatedResponse {
  @ApiProperty({ type: StaffMemberResponse }) user: StaffMemberResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Supervisor or admin roles wait for a second admin' })
  pendingRoleRequestId: string | null;
}

export class RoleRequestResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) fromRoles: string[];
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles: string[];
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** 202: the change waits for a second admin. */
export class StaffUpdatePendingResponse {
  @ApiProperty({ type: StaffMemberResponse }) user: StaffMemberResponse;
  @ApiProperty({ type: RoleRequestResponseDto }) pendingRoleRequest: RoleRequestResponseDto;
}

export class StaffUserOnly {
  @ApiProperty({ type: StaffMemberResponse }) user: StaffMemberResponse;
}

export class PendingRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['role_grant', 'mfa_reset'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty() staffEmail: string;
  @ApiProperty() staffName: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ type: String, nullable: true }) requestedByEmail: string | null;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, nullable: true, description: 'Role grants only' }) roles: string[] | null;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, nullable: true }) fromRoles: string[] | null;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PendingRequestsResponse {
  @ApiProperty({ type: [PendingRequestResponse] }) data: PendingRequestResponse[];
}

export class MfaResetRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The page of an invitation or re-enrolment link. */
export class EnrolmentViewResponse {
  @ApiProperty({ enum: ['invite', 'mfa_reset'] }) purpose: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_LANGUAGES }) language: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty() totpSecret: string;
  @ApiProperty() totpUri: string;
  @ApiProperty({ description: 'An SVG image as a data: URL' }) qrCode: string;
}

export class EnrolmentDoneResponse {
  @ApiProperty() email: string;
}

export class MySettingsResponse {
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2; null: the desk default' }) phoneRegion: string | null;
  @ApiProperty() defaultPhoneRegion: string;
}
