import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { AttemptLimiter, Limit } from '../core/limits/attempt-limiter.service';
import { STATED_FIELDS, type StatedField } from './accounts.dto';
import type { CallerVerification } from './caller-verification.entity';

/** Tries of one field on one call. */
export const MAX_STATED_TRIES = 3;
const DAY_MS = 86_400_000;

export type StatedRefusal = { limit: 'account' | 'field'; retryAfterSeconds: number };

/**
 * Stated-value tries count per account over a day, not per call: a new call must not give a guesser fresh tries
 * (a masked postal code fell in five tries over two calls). Each field keeps its per-call allowance for the whole
 * day, and all fields together have a daily cap.
 */
@Injectable()
export class StatedValueLimits {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: AttemptLimiter,
  ) {}

  private account(accountId: string): Limit {
    return { bucket: `stated:${accountId}`, max: this.config.statedValueMaxTriesPerAccountPerDay, windowMs: DAY_MS };
  }

  private field(accountId: string, field: StatedField): Limit {
    return { bucket: `stated:${accountId}:${field}`, max: MAX_STATED_TRIES, windowMs: DAY_MS };
  }

  /** Reserves one try within `m`, whose transaction holds the account's locks until it ends. */
  async reserve(accountId: string, field: StatedField, m: EntityManager): Promise<StatedRefusal | null> {
    const fieldLimit = this.field(accountId, field);
    const reservation = await this.limiter.reserve([this.account(accountId), fieldLimit], m);
    if (reservation.granted) return null;
    return { limit: reservation.bucket === fieldLimit.bucket ? 'field' : 'account', retryAfterSeconds: reservation.retryAfterSeconds };
  }

  accountTriesLeft(accountId: string, m: EntityManager): Promise<number> {
    return this.limiter.remaining(this.account(accountId), m);
  }

  /** Tries left for each field on this call: the call's own allowance, bounded by the account's day. */
  async triesLeft(v: CallerVerification, m: EntityManager): Promise<Record<StatedField, number>> {
    const accountLeft = await this.accountTriesLeft(v.accountId, m);
    const left = {} as Record<StatedField, number>;
    for (const f of STATED_FIELDS) {
      const fieldLeft = await this.limiter.remaining(this.field(v.accountId, f), m);
      left[f] = Math.max(0, Math.min(MAX_STATED_TRIES - (v.statedTries[f] ?? 0), fieldLeft, accountLeft));
    }
    return left;
  }
}
