import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { RequestMeta } from '../../audit/audit.types';
import type { AppConfig, OidcConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Clock } from '../../core/clock';
import { DomainError } from '../../core/http/errors';
import { LOGIN_FAILED, LOGIN_TARGET } from '../login-throttle.service';
import { SessionService } from '../session.service';
import { StaffUser } from '../staff-user.entity';
import type { StaffRole } from '../staff-user.entity';
import { Claims, narrowRoles, rolesAllowedByClaims, secondFactorProblem } from './oidc-claims';
import { OIDC_TRANSACTION_MINUTES, openTransaction, sealTransaction } from './oidc-transaction';
import { oidcError, OidcErrorCode } from './oidc.errors';
import { StaffOidcLink } from './staff-oidc-link.entity';

/** The provider's metadata is discovered again after this long: a provider moving an endpoint is followed. */
const DISCOVERY_TTL_MS = 3600_000;
/** Seconds an HTTP call to the provider may take (discovery, token, userinfo). */
const PROVIDER_TIMEOUT_S = 10;

export interface OidcStart {
  authorizationUrl: string;
  /** The sealed transaction, for the caller to put in the transaction cookie. */
  transaction: string;
}

export interface OidcSignIn {
  token: string;
  /** The member with the roles this session may use (narrowed by the claims). */
  user: StaffUser;
}

/** What a refusal says in the audit trail beyond its code. */
interface Refusal {
  code: OidcErrorCode;
  email?: string | null;
  subject?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Staff sign-in through the company's OpenID Connect provider: authorization code with PKCE, state and nonce
 * (openid-client). The provider proves who signs in and with which factors; Recovery Desk still decides whether
 * this person is staff, whether they are active and which roles they have.
 */
@Injectable()
export class OidcService {
  private discovered: { at: number; config: Promise<client.Configuration> } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private get settings(): OidcConfig {
    if (!this.config.oidc) throw oidcError('not_configured');
    return this.config.oidc;
  }

  /** The provider's metadata, discovered on first use (the API boots while the provider is down) and kept an hour. */
  private provider(): Promise<client.Configuration> {
    const s = this.settings;
    const now = Date.now();
    if (!this.discovered || now - this.discovered.at > DISCOVERY_TTL_MS) {
      const issuer = new URL(s.issuer);
      const discovery = client
        .discovery(
          issuer,
          s.clientId,
          s.clientSecret ?? undefined,
          s.clientSecret ? client.ClientSecretBasic(s.clientSecret) : client.None(),
          {
            // http:// is refused by the configuration in production; allowed for a provider on this machine.
            execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
            timeout: PROVIDER_TIMEOUT_S,
          },
        )
        .catch((error: unknown) => {
          if (this.discovered?.config === discovery) this.discovered = null;
          throw error;
        });
      this.discovered = { at: now, config: discovery };
    }
    return this.discovered.config.catch(() => {
      throw oidcError('provider_unavailable');
    });
  }

  /** Starts a sign-in: the provider's authorization URL, and the transaction the browser keeps until it comes back. */
  async start(): Promise<OidcStart> {
    const s = this.settings;
    const provider = await this.provider();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const parameters: Record<string, string> = {
      redirect_uri: s.redirectUri,
      scope: s.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    // Tells the provider which level to reach; the ID token's acr is still checked on return.
    if (s.requiredAcr.length) parameters.acr_values = s.requiredAcr.join(' ');
    const expiresAt = this.clock.now().getTime() + OIDC_TRANSACTION_MINUTES * 60_000;
    return {
      authorizationUrl: client.buildAuthorizationUrl(provider, parameters).href,
      transaction: sealTransaction({ codeVerifier, state, nonce, expiresAt }, this.config.sessionSecret),
    };
  }

  /**
   * Finishes a sign-in with the provider's answer (the query string it sent the browser back with) and the
   * transaction cookie: the code is exchanged with the verifier, the ID token checked (issuer, audience, expiry,
   * nonce), the second factor required, then the member matched and a session opened as a local sign-in opens it.
   * Every refusal is audited with its code.
   */
  async finish(callbackQuery: string, sealed: string | undefined, meta: RequestMeta, userAgent: string | null): Promise<OidcSignIn> {
    const s = this.settings;
    const tx = openTransaction(sealed, this.config.sessionSecret, this.clock.now().getTime());
    if (!tx) throw await this.refuse(meta, { code: 'sign_in_expired' });
    const provider = await this.provider().catch(async () => {
      throw await this.refuse(meta, { code: 'provider_unavailable' });
    });

    const currentUrl = new URL(s.redirectUri);
    currentUrl.search = new URLSearchParams(callbackQuery.replace(/^\?/, '')).toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(provider, currentUrl, {
        pkceCodeVerifier: tx.codeVerifier,
        expectedState: tx.state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError) {
        throw await this.refuse(meta, { code: 'provider_refused', detail: { error: error.error } });
      }
      const code = unreachable(error) ? 'provider_unavailable' : 'response_invalid';
      throw await this.refuse(meta, { code, detail: { error: oneLine(error) } });
    }
    const idToken = tokens.claims()!;
    const subject = idToken.sub;

    let claims: Claims = idToken;
    if (provider.serverMetadata().userinfo_endpoint) {
      try {
        claims = { ...(await client.fetchUserInfo(provider, tokens.access_token, subject)), ...idToken };
      } catch (error) {
        const code = unreachable(error) ? 'provider_unavailable' : 'response_invalid';
        throw await this.refuse(meta, { code, subject, detail: { error: oneLine(error) } });
      }
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;

    const problem = secondFactorProblem(idToken, s);
    if (problem) {
      throw await this.refuse(meta, {
        code: problem,
        email,
        subject,
        detail: { acr: idToken.acr ?? null, amr: idToken.amr ?? null },
      });
    }

    const m = this.dataSource.manager;
    const link = await m.findOneBy(StaffOidcLink, { issuer: s.issuer, subject });
    let user: StaffUser | null;
    if (link) {
      user = await m.findOneBy(StaffUser, { id: link.staffId });
    } else {
      // First sign-in through the provider: the email must be one the provider vouches for.
      if (!email) throw await this.refuse(meta, { code: 'unknown_staff', subject });
      if (claims.email_verified !== true) throw await this.refuse(meta, { code: 'email_not_verified', email, subject });
      user = await m.findOneBy(StaffUser, { email });
      if (!user) throw await this.refuse(meta, { code: 'unknown_staff', email, subject });
      const other = await m.findOneBy(StaffOidcLink, { issuer: s.issuer, staffId: user.id });
      if (other) throw await this.refuse(meta, { code: 'subject_mismatch', email, subject });
    }
    if (!user) throw await this.refuse(meta, { code: 'unknown_staff', email, subject });
    if (!user.active) throw await this.refuse(meta, { code: 'staff_disabled', email: user.email, subject });

    const allowed = rolesAllowedByClaims(claims, s);
    const roleLimit = narrowRoles(user.roles, allowed);
    if (roleLimit && !roleLimit.length) {
      throw await this.refuse(meta, { code: 'no_role', email: user.email, subject, detail: { claimed: allowed } });
    }

    const member = user;
    const token = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      if (link) await manager.update(StaffOidcLink, { id: link.id }, { lastSignInAt: now });
      else {
        // Two first sign-ins racing: one link is made, the other's insert is a no-op.
        await manager
          .createQueryBuilder()
          .insert()
          .into(StaffOidcLink)
          .values({ staffId: member.id, issuer: s.issuer, subject, linkedAt: now, lastSignInAt: now })
          .orIgnore()
          .execute();
      }
      const created = await this.sessions.create(manager, member.id, meta.ip, userAgent, roleLimit);
      await this.audit.record(manager, {
        actor: { id: member.id, email: member.email, roles: roleLimit ?? member.roles },
        meta,
        action: 'auth.login',
        targetType: 'staff',
        targetId: member.id,
        after: {
          sessionId: created.session.id,
          method: 'oidc',
          issuer: s.issuer,
          subject,
          acr: idToken.acr ?? null,
          amr: idToken.amr ?? null,
          roles: roleLimit ?? member.roles,
          ...(link ? {} : { linked: true }),
        },
      });
      return created.token;
    });
    const roles: StaffRole[] = roleLimit ?? member.roles;
    return { token, user: { ...member, roles } };
  }

  /** Audits a refused sign-in (its code in `after.code`) and returns the error to throw. */
  private async refuse(meta: RequestMeta, refusal: Refusal): Promise<DomainError> {
    const error = oidcError(refusal.code);
    await this.audit.recordAlone({
      actor: null,
      meta,
      action: LOGIN_FAILED,
      outcome: 'denied',
      targetType: LOGIN_TARGET,
      targetId: refusal.email ?? null,
      reason: error.message,
      after: {
        method: 'oidc',
        code: error.code,
        issuer: this.config.oidc?.issuer ?? null,
        subject: refusal.subject ?? null,
        ...refusal.detail,
      },
    });
    return error;
  }
}

/** An openid-client failure in one line for the audit trail (its code when it has one: OAUTH_JWT_CLAIM_COMPARISON_FAILED…). */
function oneLine(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === 'string' ? code + ': ' : ''}${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

/** A network failure or a timeout talking to the provider, rather than an answer that failed a check. */
function unreachable(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || /fetch failed/.test(error.message));
}
