import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { ApiErrorBody, ApiErrors } from '../../core/http/api-errors';
import { requestMeta } from '../actor';
import type { ActorRequest } from '../actor';
import { SessionResponse } from '../auth-responses.dto';
import { me, setSessionCookie } from '../auth.controller';
import type { MeResponse } from '../auth.dto';
import { Public } from '../policy.decorator';
import { SessionService } from '../session.service';
import { OidcCallbackDto, OidcStartResponse, SignInMethodsResponse } from './oidc.dto';
import { OidcService } from './oidc.service';
import { OIDC_TRANSACTION_MINUTES } from './oidc-transaction';

const ProviderUnavailable = () => ApiResponse({ status: 503, description: 'The identity provider cannot be reached', type: ApiErrorBody });

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sealed PKCE verifier, state and nonce between start and callback; strict: only our own page sends it back. */
  private get transactionCookie(): string {
    return this.config.cookieSecure ? '__Host-rd_oidc' : 'rd_oidc';
  }

  @Get('methods')
  @Public('the login screen asks which ways to sign in it offers, before anyone is signed in')
  @ApiOperation({ summary: 'The ways to sign in: password + TOTP, and the OpenID Connect provider if set up' })
  @ApiOkResponse({ type: SignInMethodsResponse })
  methods(): SignInMethodsResponse {
    return { local: this.config.localLogin, oidc: this.config.oidc ? { name: this.config.oidc.providerName } : null };
  }

  @Post('oidc/start')
  @HttpCode(200)
  @Public('signing in is how a session starts')
  @ApiOperation({ summary: "Start a sign-in through the OpenID Connect provider: the provider's URL, and a transaction cookie" })
  @ApiOkResponse({ type: OidcStartResponse })
  @ApiErrors(404)
  @ProviderUnavailable()
  async start(@Res({ passthrough: true }) res: Response): Promise<OidcStartResponse> {
    const { authorizationUrl, transaction } = await this.oidc.start();
    res.cookie(this.transactionCookie, transaction, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: OIDC_TRANSACTION_MINUTES * 60_000,
    });
    return { authorizationUrl };
  }

  @Post('oidc/callback')
  @HttpCode(200)
  @Public('signing in is how a session starts; the transaction cookie and the code are the credentials')
  @ApiOperation({ summary: "Finish a sign-in with the provider's answer; sets the session cookie as a password sign-in does" })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 401, 403, 404, 410)
  @ProviderUnavailable()
  async callback(@Body() dto: OidcCallbackDto, @Req() req: ActorRequest, @Res({ passthrough: true }) res: Response): Promise<MeResponse> {
    const sealed = (req.cookies as Record<string, string | undefined> | undefined)?.[this.transactionCookie];
    // Single use, whatever the outcome: a retry starts a new transaction.
    res.clearCookie(this.transactionCookie, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
    const { token, user } = await this.oidc.finish(dto.query, sealed, requestMeta(req), req.get('user-agent') ?? null);
    setSessionCookie(res, this.sessions, this.config, token);
    return me(user);
  }
}
