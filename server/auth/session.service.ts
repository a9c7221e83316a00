import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { Clock } from '../core/clock';
import { SessionLookup } from './auth-queries.service';
import type { StaffRole } from './staff-user.entity';
import { StaffUser } from './staff-user.entity';
import { StaffSession } from './staff-session.entity';

export interface ResolvedSession {
  session: StaffSession;
  user: StaffUser;
}

export type SessionProblem = 'missing' | 'expired' | 'disabled';

const TOUCH_EVERY_MS = 5_000;
/** At most this many sessions kept in memory (the oldest go first). */
const CACHE_MAX = 10_000;
/**
 * After a change to a staff member made in this process (disable, roles, revocation), their sessions are read from
 * the database, never from memory, for this long: longer than any transaction that made the change takes to commit,
 * so a request racing the commit cannot put the old state back in memory.
 */
const NO_CACHE_AFTER_CHANGE_MS = 30_000;

interface Cached extends ResolvedSession {
  tokenHash: string;
  /** Clock time (ms) until which the entry may answer without the database. */
  until: number;
}
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
    this.cacheMs = config.sessionCacheMs;
  }

  private readonly lookup: SessionLookup;
  private readonly cacheMs: number;
  /** Live sessions just read from the database, by token hash (see resolve). */
  private readonly cache = new Map<string, Cached>();
  /** Staff ids changed by this process recently, and until when (clock ms) their sessions are not cached. */
  private readonly changed = new Map<string, number>();

  get cookieName(): string {
    return this.config.cookieSecure ? '__Host-rd_session' : 'rd_session';
  }

  private hash(token: string, secret = this.config.sessionSecret): string {
    return createHmac('sha256', secret).update(token).digest('hex');
  }

  /**
   * A session made under a secret SESSION_SECRET replaced (listed in SESSION_SECRET_PREVIOUS): found by its hash
   * under that secret, then re-keyed to the current one, so that rotating the secret signs nobody out and the
   * previous one can be dropped once every live session has been seen (SESSION_IDLE_MINUTES at most).
   */
  private async findUnderPreviousSecret(token: string, tokenHash: string): Promise<ResolvedSession | null> {
    for (const previous of this.config.sessionPreviousSecrets) {
      const found = await this.lookup.find(this.dataSource.manager, this.hash(token, previous));
      if (!found) continue;
      await this.dataSource.getRepository(StaffSession).update({ id: found.session.id }, { tokenHash });
      found.session.tokenHash = tokenHash;
      return found;
    }
    return null;
  }

  async create(
    manager: EntityManager,
    staffId: string,
    ip: string | null,
    userAgent: string | null,
    roleLimit: StaffRole[] | null = null,
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
        roleLimit,
      }),
    );
    return { token, session };
  }

  /**
   * Finds the live session behind a token, with its user. Idle and absolute limits are enforced here on every
   * request; touching extends the idle one.
   *
   * The session and its user are read from the database, then answered from memory for SESSION_CACHE_MS (1 s by
   * default; 0 turns it off): the desk's requests come in bursts, and a lookup that cost a round trip per request
   * was a third of the lookup's queries. The bound: a staff member disabled, a role changed or a session revoked in
   * the database counts at most SESSION_CACHE_MS later in every process; when the change is made through this
   * process (the staff API, logout, an MFA reset), at once, on the very next request.
   */
  async resolve(token: string | undefined): Promise<ResolvedSession | SessionProblem> {
    if (!token || token.length > 200) return 'missing';
    const tokenHash = this.hash(token);
    const now = this.clock.now();
    const t = now.getTime();
    let found: ResolvedSession | null = this.cached(tokenHash, t);
    if (!found) {
      found = (await this.lookup.find(this.dataSource.manager, tokenHash)) ?? (await this.findUnderPreviousSecret(token, tokenHash));
      if (!found) return 'missing';
      this.remember(tokenHash, found, t);
    }
    const { session, user } = found;
    const repo = this.dataSource.getRepository(StaffSession);
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (t >= session.expiresAt.getTime() || t >= idleLimit) {
      this.cache.delete(tokenHash);
      await repo.update({ id: session.id, revokedAt: IsNull() }, { revokedAt: now });
      return 'expired';
    }
    if (!user.active) {
      this.cache.delete(tokenHash);
      await repo.update({ id: session.id, revokedAt: IsNull() }, { revokedAt: now });
      return 'disabled';
    }
    // Write at most every few seconds: a burst of console requests should not be a burst of updates. The
    // requests of a burst that all find the session stale skip the row another one is already touching
    // instead of queueing behind its lock.
    if (t - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      await this.dataSource.query(TOUCH_SQL, [session.id, now, new Date(t - TOUCH_EVERY_MS)]);
    }
    // A session started through the OIDC provider may use only the roles its claims allowed (a copy: the cached
    // member stays whole).
    const limit = session.roleLimit;
    return { session, user: limit ? { ...user, roles: user.roles.filter((r) => limit.includes(r)) } : user };
  }

  private cached(tokenHash: string, t: number): ResolvedSession | null {
    const hit = this.cache.get(tokenHash);
    if (!hit) return null;
    if (t < hit.until && t >= hit.until - this.cacheMs) return hit;
    this.cache.delete(tokenHash);
    return null;
  }

  private remember(tokenHash: string, found: ResolvedSession, t: number): void {
    if (this.cacheMs <= 0) return;
    const changedUntil = this.changed.get(found.user.id);
    if (changedUntil !== undefined) {
      if (t < changedUntil) return;
      this.changed.delete(found.user.id);
    }
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(tokenHash, { ...found, tokenHash, until: t + this.cacheMs });
  }

  /**
   * Drops a staff member's sessions from memory, and keeps them out of it for a while: call it whenever their
   * roles, active flag or sessions change (it is, by revoke and revokeAllFor).
   */
  forgetStaff(staffId: string): void {
    for (const [hash, entry] of this.cache) if (entry.user.id === staffId) this.cache.delete(hash);
    if (this.changed.size >= CACHE_MAX) this.changed.delete(this.changed.keys().next().value!);
    this.changed.set(staffId, this.clock.now().getTime() + NO_CACHE_AFTER_CHANGE_MS);
  }

  private forgetSession(sessionId: string): void {
    for (const [hash, entry] of this.cache) {
      if (entry.session.id === sessionId) {
        this.cache.delete(hash);
        this.forgetStaff(entry.user.id);
      }
    }
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    this.forgetSession(sessionId);
    await manager.update(StaffSession, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeAllFor(manager: EntityManager, staffId: string): Promise<number> {
    this.forgetStaff(staffId);
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
