import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { Clock } from '../core/clock';

export const LOGIN_FAILED = 'auth.login.failed';
/** Failed logins are audited with this target, so the audit trail itself is the throttle's memory. */
export const LOGIN_TARGET = 'staff_login';

export interface ThrottleVerdict {
  blocked: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts recent failed logins per account and per client IP in the audit trail (indexed), so the limit holds
 * across API replicas and restarts without another store. The account limit slows guessing of one password;
 * the IP limit slows spraying over many accounts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async check(email: string, ip: string | null): Promise<ThrottleVerdict> {
    const { windowMinutes, maxPerAccount, maxPerIp } = this.config.loginThrottle;
    const since = new Date(this.clock.now().getTime() - windowMinutes * 60_000);
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM audit_events WHERE target_type = $1 AND target_id = $2 AND action = $3 AND at > $4)::int AS account,
         (SELECT count(*) FROM audit_events WHERE action = $3 AND ip = $5 AND at > $4)::int AS ip,
         (SELECT min(at) FROM (SELECT at FROM audit_events WHERE target_type = $1 AND target_id = $2 AND action = $3 AND at > $4
                                ORDER BY at DESC LIMIT $6) a) AS oldest_account,
         (SELECT min(at) FROM (SELECT at FROM audit_events WHERE action = $3 AND ip = $5 AND at > $4
                                ORDER BY at DESC LIMIT $7) i) AS oldest_ip`,
      [LOGIN_TARGET, email.toLowerCase(), LOGIN_FAILED, since, ip, maxPerAccount, maxPerIp],
    );
    const windowMs = windowMinutes * 60_000;
    const now = this.clock.now().getTime();
    const waits: number[] = [];
    if (row.account >= maxPerAccount && row.oldest_account) waits.push(new Date(row.oldest_account).getTime() + windowMs - now);
    if (ip && row.ip >= maxPerIp && row.oldest_ip) waits.push(new Date(row.oldest_ip).getTime() + windowMs - now);
    if (!waits.length) return { blocked: false, retryAfterSeconds: 0 };
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  }
}
