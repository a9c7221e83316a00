import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../audit/audit.types';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { authError } from './auth.errors';
import type { Reservation } from '../core/limits/attempt-limiter.service';
import { StaffUser } from './staff-user.entity';
import type { Actor } from './actor';
import { auditActor } from './actor';
import { LOGIN_FAILED, LOGIN_TARGET, LoginThrottleService } from './login-throttle.service';
import { SessionService } from './session.service';
import { verifyTotp } from './totp';
import { staffForLogin } from './auth-queries.service';
import { SecurityKeyPolicy } from './webauthn/security-key-policy.service';

/** Verified against when the email is unknown, so both paths cost the same time. */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = () => (dummyHash ??= argon2.hash('not-a-real-password-' + Math.random()));

export interface LoginResult {
  token: string;
  user: StaffUser;
}

/**
 * The start both local sign-ins share (password then a code, password then a security key): refused whole when
 * LOCAL_LOGIN=off (staff through the OIDC provider only, before any password is checked), then a throttle
 * reservation, refused with 429 when the window is spent. Each refusal audited; the reservation is the caller's to
 * give back.
 */
export async function startLocalSignIn(
  deps: { config: AppConfig; audit: AuditService; throttle: LoginThrottleService },
  meta: RequestMeta,
  email: string,
  method: 'password' | 'security_key',
): Promise<Reservation> {
  const base = { actor: null, meta, outcome: 'denied' as const, targetType: LOGIN_TARGET, targetId: email };
  if (!deps.config.localLogin) {
    const refused = authError('local_login_off');
    await deps.audit.recordAlone({ ...base, action: LOGIN_FAILED, reason: 'local sign-in is off', after: { method, code: refused.code } });
    throw refused;
  }
  const reservation = await deps.throttle.reserve(email, meta.ip);
  if (!reservation.granted) {
    await deps.audit.recordAlone({ ...base, action: 'auth.login.throttled' });
    const { retryAfterSeconds } = reservation;
    throw authError(
      'login_throttled',
      { minutes: Math.ceil(retryAfterSeconds / 60), retryAfterSeconds },
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    );
  }
  return reservation;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keyPolicy: SecurityKeyPolicy,
  ) {}

  async login(email: string, password: string, otp: string, meta: RequestMeta, userAgent: string | null): Promise<LoginResult> {
    const normalized = email.trim().toLowerCase();
    const reservation = await startLocalSignIn(
      { config: this.config, audit: this.audit, throttle: this.throttle },
      meta,
      normalized,
      'password',
    );

    const user = await staffForLogin(this.dataSource.manager, normalized);

    const passwordOk = await argon2.verify(user?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
    // No password or no second factor yet: the member has not completed their invitation or re-enrolment link.
    const enrolled = !!user?.passwordHash && !!user.totpSecret;
    // SECURITY_KEY_REQUIRED_ROLES: a code never completes such a member's sign-in (refused here if they have a key).
    const firstKeyDue = user && passwordOk && user.active ? await this.keyPolicy.beforeCode(user, normalized, meta) : false;
    const step =
      user?.totpSecret && enrolled && passwordOk
        ? await verifyTotp(user.totpSecret, otp, user.totpLastStep === null ? null : Number(user.totpLastStep), this.clock.now().getTime())
        : null;
    const failure = !user
      ? 'unknown email'
      : !passwordOk
        ? 'wrong password'
        : !enrolled
          ? 'not enrolled'
          : step === null
            ? 'wrong or reused code'
            : !user.active
              ? 'account disabled'
              : null;

    if (failure || !user || step === null) {
      await this.audit.recordAlone({
        actor: null,
        meta,
        action: LOGIN_FAILED,
        outcome: 'failure',
        targetType: LOGIN_TARGET,
        targetId: normalized,
        reason: failure,
      });
      throw authError('invalid_credentials');
    }
    if (firstKeyDue) await this.keyPolicy.refuseFirstKey(normalized, meta);

    const token = await this.dataSource.transaction(async (manager) => {
      // Compare-and-set on the step: two logins racing with one code cannot both pass.
      const claimed = await manager
        .createQueryBuilder()
        .update(StaffUser)
        .set({ totpLastStep: String(step) })
        .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: user.id, step })
        .execute();
      if (!claimed.affected) throw authError('invalid_credentials');
      await this.throttle.giveBack(reservation, manager);
      const created = await this.sessions.create(manager, user.id, meta.ip, userAgent);
      await this.audit.record(manager, {
        actor: { id: user.id, email: user.email, roles: user.roles },
        meta,
        action: 'auth.login',
        targetType: 'staff',
        targetId: user.id,
        after: { sessionId: created.session.id },
      });
      return created.token;
    });
    return { token, user };
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(manager, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'auth.logout',
        targetType: 'staff',
        targetId: actor.id,
        before: { sessionId: actor.sessionId },
      });
    });
  }
}
