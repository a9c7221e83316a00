import { Inject, Injectable } from '@nestjs/common';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuditActor, RequestMeta } from '../../audit/audit.types';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { isUniqueViolation } from '../../core/database/database-errors';
import { isUuid } from '../../core/ids';
import { auditActor } from '../actor';
import type { Actor } from '../actor';
import { staffForLogin } from '../auth-queries.service';
import { authError } from '../auth.errors';
import { LoginThrottleService } from '../login-throttle.service';
import { keyRequiredFor, MAX_KEYS_PER_STAFF } from './key-policy';
import { CEREMONY_TIMEOUT_MS, SecurityKeyChallenges } from './security-key-challenges.service';
import { StaffSecurityKey } from './staff-security-key.entity';
import { webauthnError } from './webauthn.errors';
import { keysOf } from './webauthn-queries.service';

/** The WebAuthn user handle: the member's id as bytes, never their email (it is stored on the key). */
export const userHandle = (staffId: string) => new Uint8Array(Buffer.from(staffId.replace(/-/g, ''), 'hex'));

/** Who enrols a key: the member themself, signed in or proving it with their password and code. */
export interface Enroller {
  actor: AuditActor;
  name: string;
  meta: RequestMeta;
}

/**
 * A member's own security keys: enrol one (options, then the browser's answer), list, remove. Enrolling needs a
 * session (the challenge is bound to it) or, for the first key of a role that must use one, the ticket handed out
 * after the password and code (SecurityKeyLoginService). Every change is audited.
 */
@Injectable()
export class SecurityKeysService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly challenges: SecurityKeyChallenges,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  list(actor: Actor): Promise<StaffSecurityKey[]> {
    return keysOf(this.dataSource.manager, actor.id);
  }

  /** The browser's registration options for this member (the caller keeps the challenge). */
  async optionsFor(who: { id: string; email: string; name: string }): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await keysOf(this.dataSource.manager, who.id);
    if (existing.length >= MAX_KEYS_PER_STAFF) throw webauthnError('too_many_keys', { max: MAX_KEYS_PER_STAFF });
    const { rpId, rpName } = this.config.webauthn;
    return generateRegistrationOptions({
      rpName,
      rpID: rpId,
      userName: who.email,
      userDisplayName: who.name,
      userID: userHandle(who.id),
      timeout: CEREMONY_TIMEOUT_MS,
      // No attestation: the desk trusts the member to choose their key, and asks no vendor's word for it.
      attestationType: 'none',
      // The same key twice would be no spare: the browser refuses it before the person touches it.
      excludeCredentials: existing.map((k) => ({ id: k.credentialId, transports: k.transports })),
      // A second factor after the password: no PIN or fingerprint asked, no passkey stored on the key.
      authenticatorSelection: { residentKey: 'discouraged', userVerification: 'discouraged' },
    });
  }

  async registrationOptions(actor: Actor, password: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    await this.checkPassword(actor, password);
    const options = await this.optionsFor(actor);
    await this.challenges.issueForSession(actor.id, actor.sessionId, options.challenge);
    return options;
  }

  async register(actor: Actor, name: string, response: RegistrationResponseJSON): Promise<StaffSecurityKey> {
    const taken = await this.challenges.takeForSession(actor.sessionId);
    if (!taken || taken.staffId !== actor.id) throw webauthnError('challenge_gone');
    return this.verifyAndStore({ actor: auditActor(actor), name, meta: actor.meta }, taken.challenge, response);
  }

  /**
   * The password again before a new way to sign in is added (a borrowed or stolen session cannot add its own key),
   * counted by the sign-in throttle like any password try.
   */
  private async checkPassword(actor: Actor, password: string): Promise<void> {
    const reservation = await this.throttle.reserve(actor.email, actor.meta.ip);
    if (!reservation.granted) {
      throw authError(
        'login_throttled',
        { minutes: Math.ceil(reservation.retryAfterSeconds / 60), retryAfterSeconds: reservation.retryAfterSeconds },
        { headers: { 'Retry-After': String(reservation.retryAfterSeconds) } },
      );
    }
    const user = await staffForLogin(this.dataSource.manager, actor.email);
    const ok = !!user?.passwordHash && (await argon2.verify(user.passwordHash, password).catch(() => false));
    if (!ok) {
      await this.audit.recordAlone({
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'auth.security_key.add',
        outcome: 'denied',
        targetType: 'staff',
        targetId: actor.id,
        reason: 'wrong password',
      });
      throw webauthnError('wrong_password', {}, { fields: { password: 'Wrong password' } });
    }
    await this.dataSource.transaction((m) => this.throttle.giveBack(reservation, m));
  }

  /** Checks the answer against the challenge, this origin and relying party, and keeps the new key. */
  async verifyAndStore(who: Enroller, challenge: string, response: RegistrationResponseJSON): Promise<StaffSecurityKey> {
    const { origin, rpId } = this.config.webauthn;
    const verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: false,
    }).catch((e: unknown) => ({ verified: false as const, problem: e instanceof Error ? e.message : String(e) }));
    if (!verified.verified) {
      await this.audit.recordAlone({
        actor: who.actor,
        meta: who.meta,
        action: 'auth.security_key.add',
        outcome: 'failure',
        targetType: 'staff',
        targetId: who.actor.id,
        reason: 'problem' in verified ? verified.problem.slice(0, 300) : 'not verified',
      });
      throw webauthnError('registration_failed');
    }
    const { credential } = verified.registrationInfo;
    try {
      return await this.dataSource.transaction(async (m) => {
        const key = await m.save(
          m.create(StaffSecurityKey, {
            staffId: who.actor.id,
            credentialId: credential.id,
            publicKey: Buffer.from(credential.publicKey),
            counter: String(credential.counter),
            transports: credential.transports ?? [],
            name: who.name,
            lastUsedAt: null,
          }),
        );
        await this.audit.record(m, {
          actor: who.actor,
          meta: who.meta,
          action: 'auth.security_key.add',
          targetType: 'staff',
          targetId: who.actor.id,
          after: { keyId: key.id, name: who.name },
        });
        return key;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw webauthnError('key_exists');
      throw e;
    }
  }

  async remove(actor: Actor, keyId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // All the member's keys, locked: two removals at once cannot both take "the other one is left".
      const keys = await m.getRepository(StaffSecurityKey).find({ where: { staffId: actor.id }, lock: { mode: 'pessimistic_write' } });
      const key = isUuid(keyId) ? keys.find((k) => k.id === keyId) : undefined;
      if (!key) throw webauthnError('key_not_found');
      // Removing the last key would lock a member whose role requires one out at their next sign-in.
      if (keyRequiredFor(this.config, actor.roles) && keys.length <= 1) throw webauthnError('last_required_key');
      await m.delete(StaffSecurityKey, { id: key.id });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'auth.security_key.remove',
        targetType: 'staff',
        targetId: actor.id,
        before: { keyId: key.id, name: key.name, lastUsedAt: key.lastUsedAt?.toISOString() ?? null },
      });
    });
  }
}
