import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionSweepHandler } from './session-sweep.handler';
import { SessionService } from './session.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { SecurityKeyChallenges } from './webauthn/security-key-challenges.service';
import { SecurityKeyLoginService } from './webauthn/security-key-login.service';
import { SecurityKeyPolicy } from './webauthn/security-key-policy.service';
import { SecurityKeyResetsController } from './webauthn/security-key-resets.controller';
import { SecurityKeyResetsService } from './webauthn/security-key-resets.service';
import { MySecurityKeysController, SecurityKeyLoginController } from './webauthn/security-keys.controller';
import { SecurityKeysService } from './webauthn/security-keys.service';

@Module({
  controllers: [AuthController, OidcController, MySecurityKeysController, SecurityKeyLoginController, SecurityKeyResetsController],
  providers: [
    AuthService,
    SessionService,
    LoginThrottleService,
    SessionSweepHandler,
    OidcService,
    { provide: APP_GUARD, useClass: AuthGuard },
    SecurityKeyChallenges,
    SecurityKeyPolicy,
    SecurityKeysService,
    SecurityKeyLoginService,
    SecurityKeyResetsService,
  ],
  exports: [SessionService],
})
export class AuthModule {}
