import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { STAFF_ROLES, StaffRole, StaffUser } from './staff-user.entity';

export class UpdateStaffDto {
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of ${STAFF_ROLES.join(', ')}` })
  roles?: StaffRole[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsString()
  @Length(3, 500, { message: 'say why, in 3 to 500 characters' })
  reason: string;
}

export class CreateStaffDto {
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254) email: string;
  @IsString() @Length(2, 200) name: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of ${STAFF_ROLES.join(', ')}` })
  roles: StaffRole[];
  @IsString() @Length(3, 500, { message: 'say why, in 3 to 500 characters' }) reason: string;
}

export class ReasonDto {
  @IsString() @Length(3, 500, { message: 'say why, in 3 to 500 characters' }) reason: string;
}

export interface StaffResponse {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  active: boolean;
  createdAt: string;
}

export function toStaffResponse(u: StaffUser): StaffResponse {
  return { id: u.id, email: u.email, name: u.name, roles: u.roles, active: u.active, createdAt: u.createdAt.toISOString() };
}
