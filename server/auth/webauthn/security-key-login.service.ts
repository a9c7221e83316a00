import { Inject, Injectable } from '@nestjs/common';
import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { RequestMeta } from '../../audit/audit.types';
import { Clock } from '../../core/clock';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { staffForLogin } from '../auth-queries.service';
import { authError } from '../auth.errors';
import { getDummyHash, startLocalSignIn, type LoginResult } from '../auth.service';
import type { Reservation } from '../../core/limits/attempt-limiter.service';
import { LOGIN_FAILED, LOGIN_TARGET, LoginThrottleService } from '../login-throttle.service';
import { verifyTotp } from '../totp';
import { keyRequiredFor } from './key-policy';
import { SecurityKeyPolicy } from './security-key-policy.service';
import { SecurityKeysService } from './security-keys.service';
import { SessionService } from '../session.service';
import { StaffUser } from '../staff-user.entity';
import { CEREMONY_TIMEOUT_MS, SecurityKeyChallenges } from './security-key-challenges.service';
import { StaffSecurityKey } from './staff-security-key.entity';
import { webauthnError } from './webauthn.errors';
import { keysOf } from './webauthn-queries.service';

export interface FirstKeyOptions {
  ticket: string;
  options: PublicKeyCredentialCreationOptionsJSON;
}

export interface KeyLoginOptions {
  /** Sent back with the key's answer: it names the challenge, kept server-side. */
  ticket: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

/**
 * Sign-in with a password, then a security key instead of a TOTP code. Step one checks the password (throttled as
 * the code sign-in is) and hands out a single-use ticket with the options; step two checks the key's signature
 * against that challenge, the origin and the relying party, moves the key's counter forward and opens the session.
 */
@Injectable()
export class SecurityKeyLoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly challenges: SecurityKeyChallenges,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly keys: SecurityKeysService,
    private readonly keyPolicy: SecurityKeyPolicy,
  ) {}

  private failed(meta: RequestMeta, email: string, reason: string): Promise<unknown> {
    return this.audit.recordAlone({
      actor: null,
      meta,
      action: LOGIN_FAILED,
      outcome: 'failure',
      targetType: LOGIN_TARGET,
      targetId: email,
      reason,
    });
  }

  /** The throttled password check both ticket-handing steps start with; the reservation stays counted until given back. */
  private async checkPassword(
    normalized: string,
    password: string,
    meta: RequestMeta,
  ): Promise<{ user: StaffUser; reservation: Reservation }> {
    // LOCAL_LOGIN=off refuses it too: the password is a local sign-in whatever comes after it.
    const reservation = await startLocalSignIn(
      { config: this.config, audit: this.audit, throttle: this.throttle },
      meta,
      normalized,
      'security_key',
    );
    const user = await staffForLogin(this.dataSource.manager, normalized);
    const passwordOk = await argon2.verify(user?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
    const failure = !user ? 'unknown email' : !passwordOk ? 'wrong password' : !user.active ? 'account disabled' : null;
    if (failure || !user) {
      await this.failed(meta, normalized, failure ?? 'unknown email');
      throw authError('invalid_credentials');
    }
    return { user, reservation };
  }

  async options(email: string, password: string, meta: RequestMeta): Promise<KeyLoginOptions> {
    const normalized = email.trim().toLowerCase();
    const { user, reservation } = await this.checkPassword(normalized, password, meta);
    const keys = await keysOf(this.dataSource.manager, user.id);
    if (keys.length === 0) {
      await this.failed(meta, normalized, 'no security key');
      // A role that must use a key: the console goes on with the code, to enrol the first one (firstKeyOptions).
      throw webauthnError(keyRequiredFor(this.config, user.roles) ? 'key_enrolment_required' : 'no_key');
    }
    const options = await generateAuthenticationOptions({
      rpID: this.config.webauthn.rpId,
      allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports })),
      timeout: CEREMONY_TIMEOUT_MS,
      userVerification: 'discouraged',
    });
    const ticket = await this.dataSource.transaction(async (m) => {
      // The password was right: this try is not a failure (a key that then fails is audited, not throttled).
      await this.throttle.giveBack(reservation, m);
      return this.challenges.issueForTicket(m, 'authentication', user.id, options.challenge);
    });
    return { ticket, options };
  }

  async login(ticket: string, response: AuthenticationResponseJSON, meta: RequestMeta, userAgent: string | null): Promise<LoginResult> {
    const taken = await this.challenges.takeForTicket(ticket, 'authentication');
    if (!taken) throw webauthnError('challenge_gone');
    const user = await this.dataSource.getRepository(StaffUser).findOneBy({ id: taken.staffId });
    // The answer's shape is the library's to check; its id only picks the key (a non-string picks none).
    const credentialId = typeof response.id === 'string' ? response.id : null;
    const key =
      user && credentialId ? await this.dataSource.getRepository(StaffSecurityKey).findOneBy({ staffId: user.id, credentialId }) : null;
    if (!user || !key) {
      await this.failed(meta, user?.email ?? taken.staffId, 'unknown security key');
      throw webauthnError('authentication_failed');
    }
    const { origin, rpId } = this.config.webauthn;
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: taken.challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      credential: {
        id: key.credentialId,
        publicKey: new Uint8Array(key.publicKey),
        counter: Number(key.counter),
        transports: key.transports,
      },
      requireUserVerification: false,
    }).catch((e: unknown) => ({ verified: false as const, problem: e instanceof Error ? e.message : String(e) }));
    if (!verified.verified) {
      await this.failed(
        meta,
        user.email,
        `security key refused: ${'problem' in verified ? verified.problem.slice(0, 300) : 'not verified'}`,
      );
      throw webauthnError('authentication_failed');
    }
    if (!user.active) {
      await this.failed(meta, user.email, 'account disabled');
      throw authError('invalid_credentials');
    }
    const newCounter = verified.authenticationInfo.newCounter;
    const token = await this.dataSource.transaction(async (m) => {
      // Compare-and-set on the counter: a replayed or cloned key's answer cannot move it, two racing cannot both pass.
      // Keys that keep no counter (always 0) rely on the single-use challenge alone.
      const claimed = await m
        .createQueryBuilder()
        .update(StaffSecurityKey)
        .set({ counter: String(newCounter), lastUsedAt: this.clock.now() })
        .where('id = :id AND (counter < :counter OR (counter = 0 AND :counter = 0))', { id: key.id, counter: newCounter })
        .execute();
      if (!claimed.affected) return null;
      const created = await this.sessions.create(m, user.id, meta.ip, userAgent);
      await this.audit.record(m, {
        actor: { id: user.id, email: user.email, roles: user.roles },
        meta,
        action: 'auth.login',
        targetType: 'staff',
        targetId: user.id,
        after: { sessionId: created.session.id, secondFactor: 'security_key', keyId: key.id },
      });
      return created.token;
    });
    if (token === null) {
      await this.failed(meta, user.email, 'security key counter did not move forward');
      throw webauthnError('authentication_failed');
    }
    return { token, user };
  }

  /**
   * The first key of a member who must use one and has none (new in the role, or after a key reset): their password
   * and TOTP code, the one time, buy registration options and a ticket, never a session. The code is spent here.
   */
  async firstKeyOptions(email: string, password: string, otp: string, meta: RequestMeta): Promise<FirstKeyOptions> {
    const normalized = email.trim().toLowerCase();
    const { user, reservation } = await this.checkPassword(normalized, password, meta);
    const step =
      user.totpSecret && user.passwordHash
        ? await verifyTotp(user.totpSecret, otp, user.totpLastStep === null ? null : Number(user.totpLastStep), this.clock.now().getTime())
        : null;
    if (step === null) {
      await this.failed(meta, normalized, 'wrong or reused code');
      throw authError('invalid_credentials');
    }
    // Only for the case it exists for: anyone else signs in and enrols keys from their settings.
    if (!keyRequiredFor(this.config, user.roles) || (await this.keyPolicy.hasKey(user.id))) {
      await this.failed(meta, normalized, 'first security key not due');
      throw webauthnError('first_key_not_due');
    }
    const options = await this.keys.optionsFor(user);
    const ticket = await this.dataSource.transaction(async (m) => {
      // Compare-and-set on the step, as the code sign-in: one code buys one ticket.
      const claimed = await m
        .createQueryBuilder()
        .update(StaffUser)
        .set({ totpLastStep: String(step) })
        .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: user.id, step })
        .execute();
      if (!claimed.affected) return null;
      await this.throttle.giveBack(reservation, m);
      return this.challenges.issueForTicket(m, 'registration', user.id, options.challenge);
    });
    if (ticket === null) {
      await this.failed(meta, normalized, 'wrong or reused code');
      throw authError('invalid_credentials');
    }
    return { ticket, options };
  }

  async enrolFirstKey(ticket: string, name: string, response: RegistrationResponseJSON, meta: RequestMeta): Promise<StaffSecurityKey> {
    const taken = await this.challenges.takeForTicket(ticket, 'registration');
    const user = taken ? await this.dataSource.getRepository(StaffUser).findOneBy({ id: taken.staffId }) : null;
    if (!taken || !user?.active) throw webauthnError('challenge_gone');
    return this.keys.verifyAndStore(
      { actor: { id: user.id, email: user.email, roles: user.roles }, name, meta },
      taken.challenge,
      response,
    );
  }
}
