import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Clock } from '../../core/clock';
import { SecurityKeyChallenge, type ChallengePurpose } from './security-key-challenge.entity';

/** How long the browser lets the person touch their key (the options' timeout). */
export const CEREMONY_TIMEOUT_MS = 60_000;
/** A challenge outlives the ceremony a little (the round trips), not more. */
const CHALLENGE_TTL_MS = CEREMONY_TIMEOUT_MS + 30_000;

export interface TakenChallenge {
  staffId: string;
  challenge: string;
}

const hashTicket = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/**
 * WebAuthn challenges kept in PostgreSQL: whichever API replica gets the answer can check it. Taking one deletes it
 * in the same statement, so an answer is checked against its challenge once at most, even when two race.
 */
@Injectable()
export class SecurityKeyChallenges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private expiry(): Date {
    return new Date(this.clock.now().getTime() + CHALLENGE_TTL_MS);
  }

  private async prune(m: EntityManager): Promise<void> {
    await m.delete(SecurityKeyChallenge, { expiresAt: LessThan(this.clock.now()) });
  }

  /** A registration challenge for this session; a newer one replaces it (one ceremony at a time per session). */
  async issueForSession(staffId: string, sessionId: string, challenge: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.prune(m);
      // An upsert: two option requests of one session at once leave one challenge, the later, and no error.
      await m
        .createQueryBuilder()
        .insert()
        .into(SecurityKeyChallenge)
        .values({ purpose: 'registration', staffId, sessionId, ticketHash: null, challenge, expiresAt: this.expiry() })
        .orUpdate(['purpose', 'staff_id', 'challenge', 'expires_at'], ['session_id'])
        .execute();
    });
  }

  /**
   * A challenge outside a session, reachable only through the returned ticket: a sign-in once the password was
   * right, or the first key of a member who must use one, once their password and code were right.
   */
  async issueForTicket(m: EntityManager, purpose: ChallengePurpose, staffId: string, challenge: string): Promise<string> {
    await this.prune(m);
    const ticket = randomBytes(32).toString('base64url');
    await m.insert(SecurityKeyChallenge, {
      purpose,
      staffId,
      sessionId: null,
      ticketHash: hashTicket(ticket),
      challenge,
      expiresAt: this.expiry(),
    });
    return ticket;
  }

  takeForSession(sessionId: string): Promise<TakenChallenge | null> {
    return this.take('session_id = :value AND purpose = :purpose', { value: sessionId, purpose: 'registration' });
  }

  takeForTicket(ticket: string, purpose: ChallengePurpose): Promise<TakenChallenge | null> {
    return this.take('ticket_hash = :value AND purpose = :purpose', { value: hashTicket(ticket), purpose });
  }

  /** Deletes the challenge as it reads it (committed at once, whatever the answer turns out to be). */
  private async take(where: string, params: Record<string, string>): Promise<TakenChallenge | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(SecurityKeyChallenge)
      .where(where, params)
      .returning('staff_id, challenge, expires_at')
      .execute();
    const [row] = result.raw as { staff_id: string; challenge: string; expires_at: Date }[];
    if (!row || new Date(row.expires_at).getTime() <= this.clock.now().getTime()) return null;
    return { staffId: row.staff_id, challenge: row.challenge };
  }
}
