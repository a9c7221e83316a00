import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { Clock } from '../core/clock';
import { SessionLookup } from './auth-queries.service';
import { StaffUser } from './staff-user.entity';
import { StaffSession } from './staff-session.entity';

export interface ResolvedSession {
  session: StaffSession;
  user: StaffUser;
}

export type SessionProblem = 'missing' | 'expired' | 'disabled';

const TOUCH_EVERY_MS = 5_000;
const TOUCH_SQL = `UPDATE staff_sessions SET last_seen_at = $2
  WHERE id = (SELECT id FROM staff_sessions WHERE id = $1 AND last_seen_at < $3 FOR UPDATE SKIP LOCKED)`;

/** Server-side sessions: the cookie carries a random token, the table keeps only its HMAC with SESSION_SECRET. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.lookup = new SessionLookup(dataSource);
  }

  private readonly lookup: SessionLookup;

  get cookieName(): string {
    return this.config.cookieSecure ? '__Host-rd_session' : 'rd_session';
  }

  private hash(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }

  async create(
    manager: EntityManager,
    staffId: string,
    ip: string | null,
    userAgent: string | null,
  ): Promise<{ token: string; session: StaffSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await manager.save(
      manager.create(StaffSession, {
        tokenHash: this.hash(token),
        staffId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3600_000),
        revokedAt: null,
        ip,
        userAgent: userAgent?.slice(0, 500) ?? null,
      }),
    );
    return { token, session };
  }

  /**
   * Finds the live session behind a token, with its user loaded fresh (a disabled user or a changed role
   * counts on this very request). Idle and absolute limits are enforced here; touching extends the idle one.
   */
  async resolve(token: string | undefined): Promise<ResolvedSession | SessionProblem> {
    if (!token || token.length > 200) return 'missing';
    const repo = this.dataSource.getRepository(StaffSession);
    const found = await this.lookup.find(this.dataSource.manager, this.hash(token));
    if (!found) return 'missing';
    const { session, user } = found;
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleLimit) {
      await repo.update({ id: session.id, revokedAt: IsNull() }, { revokedAt: now });
      return 'expired';
    }
    if (!user.active) {
      await repo.update({ id: session.id, revokedAt: IsNull() }, { revokedAt: now });
      return 'disabled';
    }
    // Write at most every few seconds: a burst of console requests should not be a burst of updates. The
    // requests of a burst that all find the session stale skip the row another one is already touching
    // instead of queueing behind its lock.
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.dataSource.query(TOUCH_SQL, [session.id, now, new Date(now.getTime() - TOUCH_EVERY_MS)]);
      session.lastSeenAt = now;
    }
    return { session, user };
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.update(StaffSession, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeAllFor(manager: EntityManager, staffId: string): Promise<number> {
    const result = await manager.update(StaffSession, { staffId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return result.affected ?? 0;
  }

  /** The sweep job: drops sessions past their absolute limit or revoked for a day. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const repo = this.dataSource.getRepository(StaffSession);
    const expired = await repo.delete({ expiresAt: LessThan(now) });
    const revoked = await repo.delete({ revokedAt: LessThan(new Date(now.getTime() - 24 * 3600_000)) });
    return (expired.affected ?? 0) + (revoked.affected ?? 0);
  }
}
