import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @Length(1, 200, { message: 'is required' })
  password: string;

  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code of your authenticator app' })
  otp: string;
}

export interface MeResponse {
  user: { id: string; email: string; name: string; roles: string[] };
  rules: unknown[];
}
