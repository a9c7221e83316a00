import { IsString, Length, Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

export class EnrolmentTokenDto {
  @ApiProperty({ minLength: 10, maxLength: 100 })
  @IsString()
  @Length(10, 100, { message: 'is not a valid link' })
  token: string;
}

/**
 * The member's own password: 12 to 200 characters (NIST SP 800-63B's length rule, no composition rule; 200 is
 * what sign-in accepts), never containing the email's local part (checked by the service).
 */
export class CompleteEnrolmentDto extends EnrolmentTokenDto {
  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @Length(12, 200, { message: 'must be 12 to 200 characters long' })
  password: string;
  @ApiProperty({ pattern: '^\\d{6}$' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code of your authenticator app' })
  otp: string;
}
