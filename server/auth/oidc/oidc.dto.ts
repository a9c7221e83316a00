import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class OidcProviderInfo {
  /** Shown on the button: "Sign in with <name>". */
  @ApiProperty() name: string;
}

/** The ways to sign in the login screen offers. */
export class SignInMethodsResponse {
  @ApiProperty({ description: 'Password + TOTP (LOCAL_LOGIN)' }) local: boolean;
  @ApiProperty({ type: OidcProviderInfo, nullable: true, description: "The company's OpenID Connect provider; null: not set up" })
  oidc: OidcProviderInfo | null;
}

export class OidcStartResponse {
  @ApiProperty({ format: 'uri', description: "The provider's authorization URL, for the browser to go to" })
  authorizationUrl: string;
}

export class OidcCallbackDto {
  /** The query string the provider sent the browser back with (code, state, iss; or error). */
  @ApiProperty({ maxLength: 8000, example: '?code=…&state=…&iss=…' })
  @IsString()
  @MaxLength(8000)
  query: string;
}
