import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { CurrentActor, requestMeta } from './actor';
import type { Actor, ActorRequest } from './actor';
import { LoginDto } from './auth.dto';
import type { MeResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { defineAbilityFor, packAbility } from './permissions';
import { Authenticated, Public } from './policy.decorator';
import { SessionService } from './session.service';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../core/http/api-errors';
import { SessionResponse } from './auth-responses.dto';

export function me(user: { id: string; email: string; name: string; roles: Actor['roles'] }): MeResponse {
  return {
    user: { id: user.id, email: user.email, name: user.name, roles: user.roles },
    rules: packAbility(defineAbilityFor({ id: user.id, roles: user.roles })),
  };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public('signing in is how a session starts')
  @ApiOperation({ summary: 'Sign in: password and TOTP code; sets the session cookie' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 401, 429)
  async login(@Body() dto: LoginDto, @Req() req: ActorRequest, @Res({ passthrough: true }) res: Response): Promise<MeResponse> {
    const { token, user } = await this.auth.login(dto.email, dto.password, dto.otp, requestMeta(req), req.get('user-agent') ?? null);
    res.cookie(this.sessions.cookieName, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.config.sessionAbsoluteHours * 3600_000,
    });
    return me(user);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in member and their permission rules' })
  @ApiCookieAuth('rd_session')
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(401)
  me(@CurrentActor() actor: Actor): MeResponse {
    return me(actor);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End the session' })
  @ApiCookieAuth('rd_session')
  @ApiNoContentResponse()
  @ApiErrors(401)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    res.clearCookie(this.sessions.cookieName, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }
}
