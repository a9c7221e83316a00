import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, seedAccounts } from '../server/accounts/demo-accounts';
import { maskEmail, maskPhone } from '../server/accounts/masking';
import { SECURITY_EVENT_KINDS } from '../server/accounts/security-event.entity';
import { runMigrations } from '../server/core/database/migrate';
import { schema } from '../server/schema';
import { createDatabase, dropDatabase, openDataSource, prepareTestDatabase } from './support/db';

const COUNT = 5_000;

/** Everything seeded except ids and timestamps, as one hash per table. */
async function fingerprint(ds: DataSource): Promise<Record<string, string>> {
  const [row] = await ds.query(`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', customer_id, account_type, name, company_name, legal_representative, primary_email,
                  backup_email, phone, address_line, postal_code, city, country, language, status, flags::text), E'\\n' ORDER BY customer_id))
         FROM customer_accounts) AS accounts,
      (SELECT md5(string_agg(concat_ws('|', a.customer_id, m.kind, m.label, m.codes_left, m.last_used_at IS NULL), E'\\n'
                  ORDER BY a.customer_id, m.kind, m.label, m.codes_left))
         FROM account_2fa_methods m JOIN customer_accounts a ON a.id = m.account_id) AS methods,
      (SELECT md5(string_agg(concat_ws('|', a.customer_id, e.kind, e.channel, e.destination_masked, e.detail, e.ip), E'\\n'
                  ORDER BY a.customer_id, e.kind, e.channel, e.destination_masked, e.detail, e.ip))
         FROM account_security_events e JOIN customer_accounts a ON a.id = e.account_id) AS events`);
  return row;
}

describe('demo accounts seed', () => {
  let ds: DataSource;
  let inserted: number;

  beforeAll(async () => {
    await prepareTestDatabase();
    ds = await openDataSource();
    inserted = await seedAccounts(ds, COUNT);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await ds.query(sql, params))[0];
  const ratio = async (where: string) =>
    Number((await one<{ r: string }>(`SELECT avg(CASE WHEN ${where} THEN 1.0 ELSE 0 END) AS r FROM customer_accounts`)).r);

  it('inserts the number of accounts asked, with their 2FA methods and security events', async () => {
    expect(inserted).toBe(COUNT);
    const counts = await one<{ a: number; m: number; e: number }>(`SELECT
      (SELECT count(*)::int FROM customer_accounts) AS a, (SELECT count(*)::int FROM account_2fa_methods) AS m,
      (SELECT count(*)::int FROM account_security_events) AS e`);
    expect(counts.a).toBe(COUNT);
    expect(counts.m).toBeGreaterThan(COUNT * 0.5);
    // Several events per account on average.
    expect(counts.e / COUNT).toBeGreaterThan(3);
  });

  it('is idempotent: a second call inserts nothing', async () => {
    await expect(seedAccounts(ds, COUNT)).resolves.toBe(0);
    await expect(seedAccounts(ds, 10)).resolves.toBe(0);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM customer_accounts')).n).toBe(COUNT);
  });

  it('is deterministic: another fresh database seeded with the same count gets the same rows', async () => {
    const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_det`;
    const url = await createDatabase(name, true);
    let other: DataSource | undefined;
    try {
      await runMigrations(url, schema);
      other = await openDataSource(url);
      await expect(seedAccounts(other, COUNT)).resolves.toBe(COUNT);
      const [mine, theirs] = await Promise.all([fingerprint(ds), fingerprint(other)]);
      expect(theirs).toEqual(mine);
      const firstIds = (d: DataSource) => d.query('SELECT customer_id, primary_email FROM customer_accounts ORDER BY customer_id LIMIT 50');
      expect(await firstIds(other)).toEqual(await firstIds(ds));
    } finally {
      await other?.destroy();
      await dropDatabase(name);
    }
  });

  it('has the expected mix of account types, and every organisation its name and representative', async () => {
    expect(await ratio(`account_type = 'individual'`)).toBeGreaterThan(0.65);
    expect(await ratio(`account_type = 'individual'`)).toBeLessThan(0.75);
    expect(await ratio(`account_type = 'company'`)).toBeGreaterThan(0.12);
    expect(await ratio(`account_type = 'company'`)).toBeLessThan(0.18);
    for (const type of ['association', 'public_administration', 'sole_trader']) {
      expect(await ratio(`account_type = '${type}'`)).toBeGreaterThan(0.02);
      expect(await ratio(`account_type = '${type}'`)).toBeLessThan(0.1);
    }
    const missing = await one<{ n: number }>(`SELECT count(*)::int AS n FROM customer_accounts
      WHERE account_type IN ('company', 'association', 'public_administration')
        AND (coalesce(company_name, '') = '' OR coalesce(legal_representative, '') = '')`);
    expect(missing.n).toBe(0);
    const mairies = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM customer_accounts WHERE account_type = 'public_administration' AND company_name LIKE 'Mairie %'`,
    );
    expect(mairies.n).toBeGreaterThan(0);
    const individualsWithCompany = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM customer_accounts WHERE account_type = 'individual' AND (company_name IS NOT NULL OR legal_representative IS NOT NULL)`,
    );
    expect(individualsWithCompany.n).toBe(0);
  });

  it('has about a third without a backup email, about half with 2FA, 60% with a phone, a quarter in English', async () => {
    expect(await ratio('backup_email IS NULL')).toBeGreaterThan(0.28);
    expect(await ratio('backup_email IS NULL')).toBeLessThan(0.39);
    const with2fa = await ratio('EXISTS (SELECT 1 FROM account_2fa_methods m WHERE m.account_id = customer_accounts.id)');
    expect(with2fa).toBeGreaterThan(0.44);
    expect(with2fa).toBeLessThan(0.56);
    expect(await ratio('phone IS NOT NULL')).toBeGreaterThan(0.55);
    expect(await ratio('phone IS NOT NULL')).toBeLessThan(0.65);
    expect(await ratio(`language = 'en'`)).toBeGreaterThan(0.2);
    expect(await ratio(`language = 'en'`)).toBeLessThan(0.32);
    expect(await ratio(`status = 'locked'`)).toBeGreaterThan(0);
    expect(await ratio(`status = 'locked'`)).toBeLessThan(0.05);
    expect(await ratio(`country = 'FR'`)).toBeGreaterThan(0.7);
  });

  it('gives 1 to 3 2FA methods per account, backup codes with the number of codes left', async () => {
    const perAccount = await one<{ lo: number; hi: number }>(
      'SELECT min(n)::int AS lo, max(n)::int AS hi FROM (SELECT count(*) AS n FROM account_2fa_methods GROUP BY account_id) s',
    );
    expect(perAccount).toEqual({ lo: 1, hi: 3 });
    const kinds = await ds.query(
      'SELECT kind, count(*)::int AS n, min(codes_left) AS lo, max(codes_left) AS hi FROM account_2fa_methods GROUP BY kind ORDER BY kind',
    );
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['backup_codes', 'security_key', 'sms', 'totp']);
    for (const k of kinds) {
      if (k.kind === 'backup_codes') {
        expect(k.lo).toBeGreaterThanOrEqual(0);
        expect(k.hi).toBeLessThanOrEqual(10);
      } else {
        expect(k.lo).toBeNull();
      }
    }
    // SMS only where there is a phone, labelled with the masked number.
    const sms = await ds.query(
      `SELECT m.label, a.phone FROM account_2fa_methods m JOIN customer_accounts a ON a.id = m.account_id WHERE m.kind = 'sms'`,
    );
    for (const s of sms) expect(s.label).toBe(`SMS ${maskPhone(s.phone)}`);
  });

  it('holds the constraints: normalized unique customer IDs, unique primary emails on reserved domains, backup ≠ primary', async () => {
    const ids = await one<{ n: number; bad: number; distinct_emails: number; bad_emails: number; same: number; bad_phones: number }>(`SELECT
      count(*)::int AS n,
      count(*) FILTER (WHERE customer_id !~ '^[a-z]{2}[0-9]{5,6}-ovh$')::int AS bad,
      count(DISTINCT primary_email)::int AS distinct_emails,
      count(*) FILTER (WHERE primary_email::text !~ '@([a-z0-9-]+\\.)*example\\.(com|net|org)$'
                         OR backup_email::text !~ '@([a-z0-9-]+\\.)*example\\.(com|net|org)$')::int AS bad_emails,
      count(*) FILTER (WHERE backup_email = primary_email)::int AS same,
      count(*) FILTER (WHERE phone !~ '^\\+(33[1-7][0-9]{8}|324[0-9]{8}|447[0-9]{9})$')::int AS bad_phones
      FROM customer_accounts`);
    expect(ids).toEqual({ n: COUNT, bad: 0, distinct_emails: COUNT, bad_emails: 0, same: 0, bad_phones: 0 });
    const prefixes = await ds.query(`SELECT DISTINCT left(phone, 4) AS p FROM customer_accounts WHERE phone IS NOT NULL`);
    const found = prefixes.map((r: { p: string }) => r.p);
    expect(found).toEqual(expect.arrayContaining(['+336', '+337', '+324', '+447']));
    // Accented names, for the search to fold.
    const accented = await ratio(`name ~ '[éèêëàâäîïôöûüçÉÈ]'`);
    expect(accented).toBeGreaterThan(0.1);
  });

  it('writes security events of the last six months, masked like masking.ts does', async () => {
    const span = await one<{ bad_kind: number; bad_channel: number; too_old: number; future: number }>(
      `SELECT
      count(*) FILTER (WHERE NOT (kind = ANY ($1)))::int AS bad_kind,
      count(*) FILTER (WHERE channel NOT IN ('web', 'api', 'email', 'sms', 'phone_support'))::int AS bad_channel,
      count(*) FILTER (WHERE at < now() - interval '184 days')::int AS too_old,
      count(*) FILTER (WHERE at > now())::int AS future
      FROM account_security_events`,
      [[...SECURITY_EVENT_KINDS]],
    );
    expect(span).toEqual({ bad_kind: 0, bad_channel: 0, too_old: 0, future: 0 });
    const kinds = (await ds.query('SELECT DISTINCT kind FROM account_security_events')).map((r: { kind: string }) => r.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'login',
        'login_failed',
        'login_code_sent',
        'password_reset_sent',
        '2fa_method_added',
        'verification_code_sent',
      ]),
    );

    const emailed = await ds.query(`SELECT e.kind, e.destination_masked, a.primary_email, a.backup_email FROM account_security_events e
      JOIN customer_accounts a ON a.id = e.account_id WHERE e.channel = 'email' ORDER BY e.id LIMIT 500`);
    expect(emailed.length).toBeGreaterThan(100);
    for (const e of emailed) {
      expect(e.destination_masked).toBe(maskEmail(e.kind === 'backup_email_changed' ? e.backup_email : e.primary_email));
    }
    const texted = await ds.query(`SELECT DISTINCT ON (left(a.phone, 4)) e.destination_masked, a.phone FROM account_security_events e
      JOIN customer_accounts a ON a.id = e.account_id WHERE e.channel = 'sms' ORDER BY left(a.phone, 4), e.id`);
    expect(texted.length).toBeGreaterThanOrEqual(3);
    for (const e of texted) expect(e.destination_masked).toBe(maskPhone(e.phone));
    // Every landline and mobile shape masks the same way in SQL (2FA labels) as in masking.ts.
    const shapes = await ds.query(`SELECT DISTINCT ON (left(a.phone, 5)) m.label, a.phone FROM account_2fa_methods m
      JOIN customer_accounts a ON a.id = m.account_id WHERE m.kind = 'sms' ORDER BY left(a.phone, 5), m.id`);
    for (const s of shapes) expect(s.label).toBe(`SMS ${maskPhone(s.phone)}`);

    const logins = await one<{ n: number; masked: number }>(`SELECT count(*)::int AS n,
      count(*) FILTER (WHERE ip ~ '^([0-9]+\\.[0-9]+\\.\\*\\*\\*\\.\\*\\*\\*|[0-9a-f]+:[0-9a-f]+:\\*\\*\\*\\*)$')::int AS masked
      FROM account_security_events WHERE kind = 'login'`);
    expect(logins.n).toBeGreaterThan(0);
    expect(logins.masked).toBe(logins.n);
  });

  it('has the well-known demo accounts with their fixed values', async () => {
    for (const demo of Object.values(DEMO_ACCOUNTS)) {
      const row = await one<Record<string, unknown>>(
        `SELECT id, account_type, name, company_name, legal_representative, primary_email, backup_email, phone, address_line,
           postal_code, city, country, language, status FROM customer_accounts WHERE customer_id = $1`,
        [demo.customerId],
      );
      expect(row).toMatchObject({
        account_type: demo.accountType,
        name: demo.name,
        company_name: demo.companyName,
        legal_representative: demo.legalRepresentative,
        primary_email: demo.primaryEmail,
        backup_email: demo.backupEmail,
        phone: demo.phone,
        address_line: demo.addressLine,
        postal_code: demo.postalCode,
        city: demo.city,
        country: demo.country,
        language: demo.language,
        status: 'active',
      });
      const methods = await ds.query('SELECT kind FROM account_2fa_methods WHERE account_id = $1 ORDER BY kind', [row.id]);
      expect(methods.map((m: { kind: string }) => m.kind)).toEqual(demo.twoFactor.map((m) => m.kind).sort());
      const events = await one<{ n: number }>('SELECT count(*)::int AS n FROM account_security_events WHERE account_id = $1', [row.id]);
      expect(events.n).toBe(demo.events.length);
    }
    expect(DEMO_ACCOUNTS.withBackup).toMatchObject({
      customerId: 'dp12345-ovh',
      name: 'Pierre Dupont',
      primaryEmail: 'pierre.dupont@example.com',
      backupEmail: 'p.dupont.secours@example.net',
      phone: '+33612345612',
    });
    expect(DEMO_ACCOUNTS.withoutBackup.backupEmail).toBeNull();
    expect(DEMO_ACCOUNTS.company.legalRepresentative).toBeTruthy();
    const resets =
      await ds.query(`SELECT e.destination_masked FROM account_security_events e JOIN customer_accounts a ON a.id = e.account_id
      WHERE a.customer_id = 'dp12345-ovh' AND e.kind = 'password_reset_sent'`);
    expect(resets).toEqual([{ destination_masked: 'p***@e***.com' }, { destination_masked: 'p***@e***.com' }]);
  });

  it('finds an accented name typed without its accents through the trigram index', async () => {
    const rows = await ds.query(
      `SELECT customer_id, name, similarity(search_text, rd_fold($1)) AS score FROM customer_accounts
       WHERE search_text % rd_fold($1) ORDER BY score DESC, customer_id LIMIT 25`,
      ['elodie lefevre'],
    );
    expect(rows[0]).toMatchObject({ customer_id: DEMO_ACCOUNTS.withoutBackup.customerId, name: 'Élodie Lefèvre' });
    // The GIN trigram index can answer it (on 5,000 rows the planner may prefer a scan; forbid that to see).
    const plan = await ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return (await m.query(`EXPLAIN SELECT customer_id FROM customer_accounts WHERE search_text % rd_fold($1)`, ['elodie lefevre']))
        .map((r: Record<string, string>) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toContain('customer_accounts_search_trgm');
    // And the generated accounts have such names too: "Françoise" typed plainly.
    const generated = await ds.query(
      `SELECT name FROM customer_accounts WHERE search_text % rd_fold('francoise') AND name LIKE 'Françoise %' LIMIT 1`,
    );
    expect(generated).toHaveLength(1);
  });
});
