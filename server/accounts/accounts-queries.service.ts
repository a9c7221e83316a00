import { In, IsNull } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { keysetPage } from '../core/database/keyset';
import type { Page } from '../core/database/keyset';
import { HotRead } from '../core/database/hot-read';
import { CallerVerification } from './caller-verification.entity';
import { CustomerAccount } from './customer-account.entity';
import { SEARCH_LIMIT, SEARCH_SETUP, SIMILAR_SETUP, SIMILAR_SQL, WORDS_SQL, withAccounts, wordsSample } from './name-search';
import type { SearchMatch } from './accounts.service';
import { SecurityEvent } from './security-event.entity';
import { TwoFactorMethod } from './two-factor-method.entity';
import { VerificationCheck } from './verification-check.entity';
import { VerificationCode } from './verification-code.entity';

// The accounts module's reads beyond a findOneBy. They take the caller's EntityManager, so a read made inside a
// write's transaction stays inside it (pass `dataSource.manager` outside one).

/** The desk's most frequent request, the accounts with a customer ID: a hot read (see HotRead), the SQL written once. */
export class AccountsByCustomerId {
  private readonly read: HotRead<CustomerAccount>;
  private readonly sql: string;

  constructor(dataSource: DataSource) {
    this.read = new HotRead(dataSource, CustomerAccount);
    this.sql = `SELECT ${this.read.columns} FROM customer_accounts WHERE customer_id = $1`;
  }

  async find(m: EntityManager, customerId: string): Promise<CustomerAccount[]> {
    return this.read.hydrate(await m.query(this.sql, [customerId]));
  }
}

/**
 * The name search's statements (see name-search.ts), each reading the accounts it finds in the same statement (a
 * hot read: the name search is the desk's second most frequent request).
 */
export class AccountsByName {
  private readonly read: HotRead<CustomerAccount>;
  private readonly wordsSql: string;
  private readonly similarSql: string;

  constructor(dataSource: DataSource) {
    this.read = new HotRead(dataSource, CustomerAccount);
    this.wordsSql = withAccounts(WORDS_SQL, this.read.columnsOf('a'));
    this.similarSql = withAccounts(SIMILAR_SQL, this.read.columnsOf('a'));
  }

  /** First stage: accounts with all the words, the last as a prefix. One statement, bounded by its plan. */
  async withWords(m: EntityManager, asCustomerId: string, tsquery: string): Promise<NameHit[]> {
    return this.hits(await m.query(this.wordsSql, [asCustomerId, tsquery, wordsSample(tsquery)]));
  }

  /**
   * Second stage: similar spellings, under the search's statement timeout and plan rule. `m` must be a
   * transaction's: the settings are transaction-local.
   */
  async withSimilarName(m: EntityManager, text: string, asCustomerId: string): Promise<NameHit[]> {
    await m.query(SEARCH_SETUP);
    await m.query(SIMILAR_SETUP);
    return this.hits(await m.query(this.similarSql, [text, asCustomerId]));
  }

  private hits(rows: (Record<string, unknown> & { searchMatch: SearchMatch })[]): NameHit[] {
    return rows.map((row) => ({ account: this.read.one(row), match: row.searchMatch }));
  }
}

export interface NameHit {
  account: CustomerAccount;
  match: SearchMatch;
}

/** Accounts with this primary or backup e-mail, by customer ID. */
export function accountsByEmail(m: EntityManager, email: string): Promise<CustomerAccount[]> {
  return m
    .getRepository(CustomerAccount)
    .createQueryBuilder('a')
    .where('a.primaryEmail = :email OR a.backupEmail = :email', { email })
    .orderBy('a.customerId')
    .limit(SEARCH_LIMIT)
    .getMany();
}

/** Accounts with any of these phone numbers (E.164), by customer ID. */
export function accountsByPhones(m: EntityManager, e164s: string[]): Promise<CustomerAccount[]> {
  return m.getRepository(CustomerAccount).find({ where: { phone: In(e164s) }, order: { customerId: 'ASC' }, take: SEARCH_LIMIT });
}

/** The account's 2FA methods, oldest first. */
export function twoFactorMethodsOf(m: EntityManager, accountId: string): Promise<TwoFactorMethod[]> {
  return m.getRepository(TwoFactorMethod).find({ where: { accountId }, order: { createdAt: 'ASC' } });
}

/** The security timeline, newest first, keyset-paginated on (at, id). */
export function securityTimeline(
  m: EntityManager,
  accountId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<SecurityEvent>> {
  const qb = m.getRepository(SecurityEvent).createQueryBuilder('e').where('e.accountId = :id', { id: accountId });
  return keysetPage(qb, { at: { sql: 'e.at', of: (e) => e.at }, id: 'e.id', idFormat: 'integer', direction: 'DESC' }, cursor, limit);
}

/** The agent's verification still open for this account and call, if any. */
export function openVerification(
  m: EntityManager,
  o: { accountId: string; agentId: string; callReference: string; now: Date },
): Promise<CallerVerification | null> {
  return m
    .getRepository(CallerVerification)
    .createQueryBuilder('v')
    .where('v.accountId = :accountId AND v.agentId = :agentId AND v.callReference = :callReference AND v.expiresAt > :now', o)
    .getOne();
}

/** The verification's latest code neither consumed nor superseded. */
export function activeCode(m: EntityManager, verificationId: string): Promise<VerificationCode | null> {
  return m
    .getRepository(VerificationCode)
    .findOne({ where: { verificationId, consumedAt: IsNull(), supersededAt: IsNull() }, order: { sentAt: 'DESC' } });
}

/** The verification's checks in the order they were made. */
export function checksOf(m: EntityManager, verificationId: string): Promise<VerificationCheck[]> {
  return m.getRepository(VerificationCheck).find({ where: { verificationId }, order: { at: 'ASC', id: 'ASC' } });
}
