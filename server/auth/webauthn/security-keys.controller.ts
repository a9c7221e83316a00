import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { ApiErrors } from '../../core/http/api-errors';
import { CurrentActor, requestMeta } from '../actor';
import type { Actor, ActorRequest } from '../actor';
import { me } from '../auth.controller';
import { LoginDto } from '../auth.dto';
import type { MeResponse } from '../auth.dto';
import { SessionResponse } from '../auth-responses.dto';
import { Authenticated, Public } from '../policy.decorator';
import { SessionService } from '../session.service';
import { keyRequiredFor } from './key-policy';
import { SecurityKeyLoginService } from './security-key-login.service';
import { SecurityKeysService } from './security-keys.service';
import {
  AddSecurityKeyDto,
  RegistrationOptionsDto,
  FirstKeyDto,
  FirstKeyOptionsResponse,
  RegistrationOptionsResponse,
  SecurityKeyListResponse,
  SecurityKeyLoginDto,
  SecurityKeyLoginOptionsDto,
  SecurityKeyLoginOptionsResponse,
  SecurityKeyResponse,
  toKeyResponse,
} from './webauthn.dto';

/** The signed-in member's own security keys, whatever their roles. */
@ApiTags('security-keys')
@ApiCookieAuth('rd_session')
@ApiErrors(401)
@Controller('my-security-keys')
export class MySecurityKeysController {
  constructor(
    private readonly keys: SecurityKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The signed-in member's security keys" })
  @ApiOkResponse({ type: SecurityKeyListResponse })
  async list(@CurrentActor() actor: Actor): Promise<SecurityKeyListResponse> {
    return { data: (await this.keys.list(actor)).map(toKeyResponse), required: keyRequiredFor(this.config, actor.roles) };
  }

  /** The challenge stays on the server, bound to this session; a newer request replaces it. */
  @Post('registration-options')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Start enrolling a security key (current password again): options for the browser' })
  @ApiOkResponse({ type: RegistrationOptionsResponse })
  @ApiErrors(400, 409, 429)
  async registrationOptions(@CurrentActor() actor: Actor, @Body() dto: RegistrationOptionsDto): Promise<RegistrationOptionsResponse> {
    return { options: { ...(await this.keys.registrationOptions(actor, dto.password)) } };
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: "Finish enrolling a security key with the browser's answer" })
  @ApiCreatedResponse({ type: SecurityKeyResponse })
  @ApiErrors(400, 409, 410)
  async add(@CurrentActor() actor: Actor, @Body() dto: AddSecurityKeyDto): Promise<SecurityKeyResponse> {
    return toKeyResponse(await this.keys.register(actor, dto.name.trim(), dto.response));
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Remove one of my security keys' })
  @ApiNoContentResponse()
  @ApiErrors(404, 409)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.keys.remove(actor, id);
  }
}

/** Sign-in with a password, then a security key instead of a TOTP code. */
@ApiTags('auth')
@Controller('auth/security-key')
export class SecurityKeyLoginController {
  constructor(
    private readonly login: SecurityKeyLoginService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('options')
  @HttpCode(200)
  @Public('the first step of signing in with a security key')
  @ApiOperation({ summary: 'Sign in with a security key, step 1: password; answers the options and a ticket' })
  @ApiOkResponse({ type: SecurityKeyLoginOptionsResponse })
  @ApiErrors(400, 401, 409, 429)
  async options(@Body() dto: SecurityKeyLoginOptionsDto, @Req() req: ActorRequest): Promise<SecurityKeyLoginOptionsResponse> {
    const { ticket, options } = await this.login.options(dto.email, dto.password, requestMeta(req));
    return { ticket, options: { ...options } };
  }

  @Post()
  @HttpCode(200)
  @Public('the second step of signing in with a security key')
  @ApiOperation({ summary: "Sign in with a security key, step 2: the key's answer; sets the session cookie" })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 401, 410)
  async signIn(@Body() dto: SecurityKeyLoginDto, @Req() req: ActorRequest, @Res({ passthrough: true }) res: Response): Promise<MeResponse> {
    const { token, user } = await this.login.login(dto.ticket, dto.response, requestMeta(req), req.get('user-agent') ?? null);
    // The same cookie as the password + code sign-in (AuthController.login).
    res.cookie(this.sessions.cookieName, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.config.sessionAbsoluteHours * 3600_000,
    });
    return me(user);
  }

  /** SECURITY_KEY_REQUIRED_ROLES: a member who must use a key and has none yet spends one code to enrol it. */
  @Post('first-key-options')
  @HttpCode(200)
  @Public('a member who must use a security key and has none enrols it before any session')
  @ApiOperation({ summary: 'First key of a role that must use one: password and code; answers options and a ticket' })
  @ApiOkResponse({ type: FirstKeyOptionsResponse })
  @ApiErrors(400, 401, 409, 429)
  async firstKeyOptions(@Body() dto: LoginDto, @Req() req: ActorRequest): Promise<FirstKeyOptionsResponse> {
    const { ticket, options } = await this.login.firstKeyOptions(dto.email, dto.password, dto.otp, requestMeta(req));
    return { ticket, options: { ...options } };
  }

  @Post('first-key')
  @Public('a member who must use a security key and has none enrols it before any session')
  @ApiOperation({ summary: "First key of a role that must use one: the key's answer; then sign in with it" })
  @ApiCreatedResponse({ type: SecurityKeyResponse })
  @ApiErrors(400, 409, 410)
  async firstKey(@Body() dto: FirstKeyDto, @Req() req: ActorRequest): Promise<SecurityKeyResponse> {
    return toKeyResponse(await this.login.enrolFirstKey(dto.ticket, dto.name.trim(), dto.response, requestMeta(req)));
  }
}
