import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { HotRead } from '../core/database/hot-read';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

// The auth module's reads beyond a findOneBy. They take the caller's EntityManager, so a read made inside a
// write's transaction stays inside it (pass `dataSource.manager` outside one).

/**
 * The guard's lookup, run on every request: the session behind a token hash, not revoked, with its user. One round
 * trip (findOne with a relation was two queries) and no query building: the SQL is written once (see HotRead).
 */
export class SessionLookup {
  private readonly sessionRead: HotRead<StaffSession>;
  private readonly staffRead: HotRead<StaffUser>;
  private readonly sql: string;

  constructor(dataSource: DataSource) {
    this.sessionRead = new HotRead(dataSource, StaffSession);
    this.staffRead = new HotRead(dataSource, StaffUser);
    this.sql = `SELECT ${this.sessionRead.columnsOf('s')}, ${this.staffRead.columnsOf('u', 'staff.')}
      FROM staff_sessions s JOIN staff_users u ON u.id = s.staff_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL`;
  }

  async find(m: EntityManager, tokenHash: string): Promise<{ session: StaffSession; user: StaffUser } | null> {
    const [row] = await m.query<ObjectLiteral[]>(this.sql, [tokenHash]);
    if (!row) return null;
    const session = this.sessionRead.one(row);
    const user = this.staffRead.one(row, 'staff.');
    session.staff = user;
    return { session, user };
  }
}

/** The member signing in, with the secrets a login checks (never selected by default). */
export function staffForLogin(m: EntityManager, email: string): Promise<StaffUser | null> {
  return m
    .getRepository(StaffUser)
    .createQueryBuilder('u')
    .addSelect(['u.passwordHash', 'u.totpSecret', 'u.totpLastStep'])
    .where('u.email = :email', { email })
    .getOne();
}
