import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { AttemptLimiter, Limit, Reservation } from '../core/limits/attempt-limiter.service';

export const LOGIN_FAILED = 'auth.login.failed';
/** Failed logins are audited with this target (the typed email). */
export const LOGIN_TARGET = 'staff_login';

/**
 * Reserves a sign-in try per account and per client IP before the password is checked, so a burst of parallel
 * tries, on any number of API replicas, gets no more checks than the limits. A try that signs in is given back:
 * only failures stay counted, as the limits say. The account limit slows guessing of one password; the IP limit
 * slows spraying over many accounts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: AttemptLimiter,
  ) {}

  reserve(email: string, ip: string | null): Promise<Reservation> {
    const { windowMinutes, maxPerAccount, maxPerIp } = this.config.loginThrottle;
    const windowMs = windowMinutes * 60_000;
    const limits: Limit[] = [{ bucket: `login:account:${email.toLowerCase()}`, max: maxPerAccount, windowMs }];
    if (ip) limits.push({ bucket: `login:ip:${ip}`, max: maxPerIp, windowMs });
    return this.limiter.reserve(limits);
  }

  giveBack(reservation: Reservation, m: EntityManager): Promise<void> {
    return reservation.granted ? this.limiter.release(reservation.hitIds, m) : Promise.resolve();
  }
}
