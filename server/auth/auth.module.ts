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

@Module({
  controllers: [AuthController, OidcController],
  providers: [
    AuthService,
    SessionService,
    LoginThrottleService,
    SessionSweepHandler,
    OidcService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService],
})
export class AuthModule {}
