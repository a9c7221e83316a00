import { In, IsNull } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { keysetPage } from '../core/database/keyset';
import type { Page } from '../core/database/keyset';
import { HotRead } from '../core/database/hot-read';
import { CallerVerification } from './caller-verification.entity';
import { CustomerAccount } from './customer-account.entity';
import { SEARCH_LIMIT, SEARCH_SETUP, SIMILAR_SETUP, SIMILAR_SQL, WORDS_SQL } from './name-search';
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

/** The accounts a name search found, by id (a hot read too: the name search is the desk's second most frequent). */
export class AccountsByIds {
  private readonly read: HotRead<CustomerAccount>;
  private readonly sql: string;

  constructor(dataSource: DataSource) {
    this.read = new HotRead(dataSource, CustomerAccount);
    this.sql = `SELECT ${this.read.columns} FROM customer_accounts WHERE id = ANY($1::uuid[])`;
  }

  async find(m: EntityManager, ids: string[]): Promise<CustomerAccount[]> {
    return this.read.hydrate(await m.query(this.sql, [ids]));
  }
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

/**
 * Sets the name search's statement timeout and plan rules (see name-search.ts) for the rest of the transaction:
 * `m` must be a transaction's.
 */
export async function limitNameSearchTime(m: EntityManager): Promise<void> {
  await m.query(SEARCH_SETUP);
}

/** Name search, first stage (see name-search.ts): accounts with all the words, the last as a prefix. */
export function accountsWithWords<T>(m: EntityManager, text: string, asCustomerId: string, tsquery: string): Promise<T[]> {
  return m.query(WORDS_SQL, [text, asCustomerId, tsquery]);
}

/** Name search, second stage: similar spellings. Its setup is transaction-local: `m` must be a transaction's. */
export async function accountsWithSimilarName<T>(m: EntityManager, text: string, asCustomerId: string): Promise<T[]> {
  await m.query(SIMILAR_SETUP);
  return m.query(SIMILAR_SQL, [text, asCustomerId]);
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
