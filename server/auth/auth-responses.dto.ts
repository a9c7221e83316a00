import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES } from './staff-user.entity';

export class SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles: string[];
}

/** The signed-in member and their permissions, as CASL packed rules (`@casl/ability/extra` unpackRules). */
export class SessionResponse {
  @ApiProperty({ type: SessionUser }) user: SessionUser;
  @ApiProperty({ type: 'array', items: { type: 'array', items: {} } }) rules: unknown[];
}
