import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { RoleRequest } from './role-request.entity';
import { STAFF_LANGUAGES, STAFF_ROLES, StaffLanguage, StaffRole, StaffUser } from '../auth/staff-user.entity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class UpdateStaffDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of ${STAFF_ROLES.join(', ')}` })
  roles?: StaffRole[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why, in 3 to 500 characters' })
  reason: string;
}

export class CreateStaffDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  name: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of ${STAFF_ROLES.join(', ')}` })
  roles: StaffRole[];
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why, in 3 to 500 characters' })
  reason: string;
  /** Language of the invitation mail. */
  @ApiPropertyOptional({ enum: STAFF_LANGUAGES, description: 'Language of the invitation mail' })
  @IsOptional()
  @IsIn(STAFF_LANGUAGES, { message: 'must be fr or en' })
  language?: 'fr' | 'en';
}

export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'say why, in 3 to 500 characters' })
  reason: string;
}

export interface StaffResponse {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  active: boolean;
  language: StaffLanguage;
  createdAt: string;
}

export function toStaffResponse(u: StaffUser): StaffResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    active: u.active,
    language: u.language,
    createdAt: u.createdAt.toISOString(),
  };
}

export interface RoleRequestResponse {
  id: string;
  staffId: string;
  requestedBy: string;
  fromRoles: StaffRole[];
  roles: StaffRole[];
  reason: string;
  createdAt: string;
}

export function toRoleRequestResponse(r: RoleRequest): RoleRequestResponse {
  return {
    id: r.id,
    staffId: r.staffId,
    requestedBy: r.requestedBy,
    fromRoles: r.fromRoles,
    roles: r.roles,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  };
}
