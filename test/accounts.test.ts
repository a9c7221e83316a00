import { AuditEvent } from '../server/audit/audit-event.entity';
import { SecurityEvent } from '../server/accounts/security-event.entity';
import { CustomerAccount } from '../server/accounts/customer-account.entity';
import { FixedClock } from '../server/core/clock';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { HotRead } from '../server/core/database/hot-read';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff } from './support/factories';
import { codeIn, TestSmtp } from './support/smtp';

describe('accounts on the call', () => {
  let t: TestApp;
  const smtp = new TestSmtp();
  const clock = new FixedClock(new Date());
  let dupont: CustomerAccount;
  let lefevre: CustomerAccount;
  let acme: CustomerAccount;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ clock, worker: true, config: { smtpUrl, mailRetryBaseMs: 50 } });
    dupont = await createAccount(t.dataSource, {
      customerId: 'dp12345-ovh',
      name: 'Pierre Dupont',
      primaryEmail: 'pierre.dupont@example.com',
      backupEmail: 'p.dupont.secours@example.net',
      phone: '+33612345612',
      postalCode: '75011',
    });
    lefevre = await createAccount(t.dataSource, { name: 'Élodie Lefèvre', backupEmail: null, language: 'en', phone: '+32470123456' });
    acme = await createAccount(t.dataSource, {
      accountType: 'company',
      name: 'Jean Martin',
      companyName: 'Société Générale des Nuages',
      legalRepresentative: 'Jean Martin',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function agent() {
    return signIn(t, await createStaff(t.dataSource, ['agent']));
  }

  describe('lookup', () => {
    it.each([['dp12345-ovh'], ['DP12345-OVH'], ['dp12345'], [' DP12345 ']])('finds an account by customer ID written %p', async (q) => {
      const res = await (await agent()).get('/api/accounts').query({ q });
      expect(res.status).toBe(200);
      expect(res.body.data.map((a: { customerId: string }) => a.customerId)).toEqual(['dp12345-ovh']);
    });

    it.each([['PIERRE.DUPONT@EXAMPLE.COM'], ['p.dupont.secours@example.net']])(
      'finds an account by primary or backup email %p',
      async (q) => {
        const res = await (await agent()).get('/api/accounts').query({ q });
        expect(res.body.data.map((a: { id: string }) => a.id)).toEqual([dupont.id]);
      },
    );

    it.each([['06 12 34 56 12'], ['06.12.34.56.12'], ['+33 6 12 34 56 12'], ['0033612345612'], ['+33 (0)6 12 34 56 12']])(
      'finds an account by phone written %p',
      async (q) => {
        const res = await (await agent()).get('/api/accounts').query({ q });
        expect(res.body.data.map((a: { id: string }) => a.id)).toContain(dupont.id);
      },
    );

    it('finds names and companies ignoring accents and case, best first', async () => {
      const a = await agent();
      const byName = await a.get('/api/accounts').query({ q: 'elodie lefevre' });
      expect(byName.body.data[0].id).toBe(lefevre.id);
      const byCompany = await a.get('/api/accounts').query({ q: 'societe generale nuages' });
      expect(byCompany.body.data[0].id).toBe(acme.id);
    });

    it('finds a name by all its words first, and by similar spelling when no account has them all or when asked', async () => {
      const lefebvre = await createAccount(t.dataSource, { name: 'Élodie Lefebvre' });
      const a = await agent();
      const ids = (res: { body: { data: { id: string; match: string }[] } }) => res.body.data.map((r) => [r.id, r.match]);

      const exact = await a.get('/api/accounts').query({ q: 'Elodie LEFEVRE' });
      expect(ids(exact)).toEqual([[lefevre.id, 'words']]);
      const reversed = await a.get('/api/accounts').query({ q: 'lefebvre élodie' });
      expect(ids(reversed)).toEqual([[lefebvre.id, 'words']]);

      // A typo no account has: similar spellings, the closest first.
      const typo = await a.get('/api/accounts').query({ q: 'elodie lefevrre' });
      expect(ids(typo)[0]).toEqual([lefevre.id, 'similar']);
      expect(ids(typo)).toContainEqual([lefebvre.id, 'similar']);

      // Asked for, similar spellings come with the exact name, which ranks first.
      const asked = await a.get('/api/accounts').query({ q: 'elodie lefevre', similar: 'true' });
      expect(
        ids(asked)
          .map(([id]) => id)
          .slice(0, 2),
      ).toEqual([lefevre.id, lefebvre.id]);
      expect(ids(asked).every(([, match]) => match === 'similar')).toBe(true);

      // Anything but letters and digits separates words, as in the index; nothing of it is a wildcard or an operator.
      const underscore = await a.get('/api/accounts').query({ q: 'jean_martin' });
      expect(ids(underscore)).toContainEqual([acme.id, 'words']);
      for (const q of ["jean' & martin", 'jean|martin:*', '!jean (martin)']) {
        const res = await a.get('/api/accounts').query({ q });
        expect(res.status).toBe(200);
        expect(ids(res)).toContainEqual([acme.id, 'words']);
      }
      const percent = await a.get('/api/accounts').query({ q: '%%%' });
      expect(percent.status).toBe(200);
      expect(percent.body.data).toEqual([]);

      const bad = await a.get('/api/accounts').query({ q: 'elodie', similar: 'maybe' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.similar).toMatch(/true or false/);
    });

    it('matches the words whole and the last one as a prefix, however short', async () => {
      const le = await createAccount(t.dataSource, { name: 'Sophie Le' });
      const leroy = await createAccount(t.dataSource, { name: 'Sophie Leroy' });
      const other = await createAccount(t.dataSource, { name: 'Sophie Martin' });
      const a = await agent();
      const found = async (q: string) => {
        const res = await a.get('/api/accounts').query({ q });
        expect(res.status).toBe(200);
        return res.body.data as { id: string; match: string }[];
      };
      // "Sophie Le": the surname Le itself first (closest to the query), then the names with a word starting so.
      const sophieLe = await found('Sophie Le');
      expect(sophieLe.map((r) => r.id).slice(0, 2)).toEqual([le.id, leroy.id]);
      expect(sophieLe.every((r) => r.match === 'words')).toBe(true);
      expect(sophieLe.map((r) => r.id)).not.toContain(other.id);
      for (const q of ['sophie l', 'SOPHIE LER', 'sophie lero', 'leroy soph']) {
        expect((await found(q)).map((r) => r.id)).toContain(leroy.id);
      }
      // Words before the last are whole: "soph leroy" is not all the words of any name, so similar spellings answer.
      expect((await found('soph leroy')).every((r) => r.match === 'similar')).toBe(true);
      // A last word of one or two letters is a prefix being typed, not a spelling: no Sophie's surname starts with
      // "wr", and the search says so rather than listing every Sophie as a similar spelling; asked, it does.
      const stageOf = async (query: Record<string, string>) => {
        const res = await a.get('/api/accounts').query(query);
        expect(res.status).toBe(200);
        const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'account.search', reason: query.callRef });
        return { data: res.body.data as unknown[], stage: (entry.after as { nameStage: string }).nameStage };
      };
      expect(await stageOf({ q: 'Sophie Wr', callRef: 'TICKET-WR-1' })).toEqual({ data: [], stage: 'words' });
      expect((await stageOf({ q: 'Sophie Wr', callRef: 'TICKET-WR-2', similar: 'true' })).stage).toBe('similar');
      expect((await stageOf({ q: 'Sophie Wri', callRef: 'TICKET-WR-3' })).stage).toBe('similar');
      // Accents and case are folded on both sides, a short accented prefix included.
      expect((await found('ELODIE LÉ')).map((r) => r.id)).toContain(lefevre.id);
      expect((await found('élodie lefe')).map((r) => r.id)).toContain(lefevre.id);
      // A company by its name's words, and by its representative's.
      expect((await found('nuages gen')).map((r) => r.id)).toContain(acme.id);
    });

    it('refuses a similar-spellings search that outlasts its time limit as too broad, asking to refine it', async () => {
      // A search held past the statement timeout (here behind a lock on the table; on a million accounts, a
      // trigram search too broad for its index) is cancelled by PostgreSQL and answered with a domain refusal.
      // (The words stage is bounded by its plan and runs without a transaction: see name-search.ts.)
      const a = await agent();
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query('LOCK TABLE customer_accounts IN ACCESS EXCLUSIVE MODE');
        // The lock is held until this test releases it: any answer at all is the statement timeout's.
        const res = await a.get('/api/accounts').query({ q: 'sophie le', similar: 'true' });
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('accounts.search_too_broad');
        expect(res.body.message).toMatch(/refine your search/);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect((await a.get('/api/accounts').query({ q: 'sophie le' })).status).toBe(200);
    });

    it("runs the words stage's index scan with its own plan settings and leaves none on the connection", async () => {
      const lemaire = await createAccount(t.dataSource, { name: 'Ysolde Lemaire' });
      await t.dataSource.transaction(async (m) => {
        const rows: { id: string }[] = await m.query(`SELECT id FROM rd_name_candidates(rd_fold('ysolde & ^le')::tsquery, 1000, 10)`);
        expect(rows.map((r) => r.id)).toEqual([lemaire.id]);
        expect(await m.query('SHOW enable_seqscan')).toEqual([{ enable_seqscan: 'on' }]);
        expect(await m.query('SHOW gin_fuzzy_search_limit')).toEqual([{ gin_fuzzy_search_limit: '0' }]);
      });
    });

    it('reads an account on the hot path exactly as the ORM does', async () => {
      const read = new HotRead(t.dataSource, CustomerAccount);
      const [hot] = read.hydrate(await t.dataSource.query(`SELECT ${read.columns} FROM customer_accounts WHERE id = $1`, [dupont.id]));
      const orm = await t.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: dupont.id });
      expect(hot).toBeInstanceOf(CustomerAccount);
      expect(hot).toStrictEqual(orm);
    });

    it('answers summaries masked, and never a full contact value', async () => {
      const res = await (await agent()).get('/api/accounts').query({ q: 'dp12345' });
      expect(res.body.data[0]).toMatchObject({ primaryEmail: 'p***@e***.com', phone: '+33 6 ** ** ** 12', hasBackupEmail: true });
      expect(JSON.stringify(res.body)).not.toMatch(/pierre\.dupont|secours|612345612/);
    });

    it('refuses fewer than 3 characters of free text with a message', async () => {
      const res = await (await agent()).get('/api/accounts').query({ q: 'du' });
      expect(res.status).toBe(400);
      expect(res.body.errors.q).toBeDefined();
      expect(res.body.code).toBe('accounts.search_too_short');
    });

    it('audits every search as a sensitive read, with a masked query and what it found', async () => {
      const staff = await createStaff(t.dataSource, ['agent']);
      const a = await signIn(t, staff);
      await a.get('/api/accounts').query({ q: 'pierre.dupont@example.com', callRef: 'TICKET-42' });
      const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: staff.user.id, action: 'account.search' });
      expect(entry.after).toMatchObject({
        kind: 'email',
        query: 'p***@e***.com',
        results: 1,
        accountIds: [dupont.id],
        callReference: 'TICKET-42',
      });
      expect(JSON.stringify(entry)).not.toMatch(/pierre\.dupont/);
      await a.get('/api/accounts').query({ q: 'elodie lefevrre', callRef: 'TICKET-43' });
      const byName = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: staff.user.id, reason: 'TICKET-43' });
      expect(byName.after).toMatchObject({ kind: 'name', query: 'e*** (15 chars)', nameStage: 'similar' });
      expect(JSON.stringify(byName)).not.toMatch(/lefevrre/);
      await a.get('/api/accounts').query({ q: 'qqzzyx wwvvkj', callRef: 'TICKET-44' });
      const nothing = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: staff.user.id, reason: 'TICKET-44' });
      expect(nothing.after).toMatchObject({ kind: 'name', nameStage: 'similar', results: 0 });
      await a.get('/api/accounts').query({ q: 'Pierre Dupont', callRef: 'TICKET-45' });
      const words = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: staff.user.id, reason: 'TICKET-45' });
      expect(words.after).toMatchObject({ kind: 'name', nameStage: 'words', accountIds: [dupont.id] });
    });
  });

  describe('account detail', () => {
    it.each([['agent'], ['reviewer'], ['supervisor']] as const)('is masked for a %s', async (role) => {
      const client = await signIn(t, await createStaff(t.dataSource, [role]));
      const res = await client.get(`/api/accounts/${dupont.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ masked: true, primaryEmail: 'p***@e***.com', backupEmail: 'p***@e***.net', postalCode: '75***' });
      expect(JSON.stringify(res.body)).not.toMatch(/pierre\.dupont|secours|612345612|75011/);
    });

    it('says when there is no backup email, and answers 404 for an unknown account', async () => {
      const a = await agent();
      expect((await a.get(`/api/accounts/${lefevre.id}`)).body).toMatchObject({ hasBackupEmail: false, backupEmail: null });
      expect((await a.get('/api/accounts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await a.get('/api/accounts/nope')).status).toBe(404);
    });

    it('pages the security timeline newest first', async () => {
      const base = clock.now().getTime();
      const repo = t.dataSource.getRepository(SecurityEvent);
      for (let i = 0; i < 5; i++) {
        await repo.save(
          repo.create({
            accountId: acme.id,
            at: new Date(base - i * 60_000),
            kind: 'login',
            channel: 'web',
            destinationMasked: null,
            detail: `n${i}`,
            ip: null,
          }),
        );
      }
      await repo.save(
        repo.create({
          accountId: acme.id,
          at: new Date(base - 60_000),
          kind: 'login_code_sent',
          channel: 'email',
          destinationMasked: 'j***@e***.com',
          detail: 'same time',
          ip: null,
        }),
      );
      const a = await agent();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await a.get(`/api/accounts/${acme.id}/events`).query({ limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...res.body.data.map((e: { detail: string }) => e.detail));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['n0', 'same time', 'n1', 'n2', 'n3', 'n4']);
    });
  });

  describe('caller verification', () => {
    it('sends a code that really arrives by mail, in the account language, with the customer ID in the subject; the code passes once', async () => {
      const a = await agent();
      const v = (await a.post(`/api/accounts/${dupont.id}/verifications`).send({ callReference: 'CALL-1001' })).body;
      expect(v).toMatchObject({ possessionProven: [], expired: false, codeAttemptsLeft: 5 });
      const sent = await a.post(`/api/verifications/${v.id}/codes`).send({ channel: 'backup_email' });
      expect(sent.status).toBe(202);
      expect(sent.body).toMatchObject({ channel: 'backup_email', destination: 'p***@e***.net' });

      const mail = await smtp.waitFor(
        (m) => m.subject === '[dp12345-ovh] Votre code de vérification' && smtp.to('p.dupont.secours@example.net').includes(m),
      );
      const code = codeIn(mail);
      const check = await a.post(`/api/verifications/${v.id}/code-checks`).send({ code });
      expect(check.body).toMatchObject({ result: 'match', possessionProven: ['backup_email'] });

      const again = await a.post(`/api/verifications/${v.id}/code-checks`).send({ code });
      expect(again.status).toBe(409);

      const outbox = await t.dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ accountId: dupont.id, template: 'verification_code', status: 'sent' });
      expect(outbox.params.code).toBeUndefined();
      expect(JSON.stringify(await t.dataSource.getRepository(AuditEvent).findBy({ targetId: dupont.id }))).not.toContain(code);
    });

    it('lets a code expire after 10 minutes', async () => {
      const a = await agent();
      const v = (await a.post(`/api/accounts/${acme.id}/verifications`).send({ callReference: 'CALL-EXP' })).body;
      await a.post(`/api/verifications/${v.id}/codes`).send({ channel: 'primary_email' });
      const mail = await smtp.waitFor((m) => smtp.to(acme.primaryEmail).includes(m) && /code/.test(m.subject ?? ''));
      clock.advance(10 * 60_000 + 1000);
      const res = await a.post(`/api/verifications/${v.id}/code-checks`).send({ code: codeIn(mail) });
      expect(res.body.result).toBe('expired');
    });

    it('locks code checks for the call after 5 wrong codes', async () => {
      const a = await agent();
      const v = (await a.post(`/api/accounts/${dupont.id}/verifications`).send({ callReference: 'CALL-LOCK' })).body;
      await a.post(`/api/verifications/${v.id}/codes`).send({ channel: 'primary_email' });
      const results: string[] = [];
      for (let i = 0; i < 5; i++)
        results.push((await a.post(`/api/verifications/${v.id}/code-checks`).send({ code: 'abcdef' })).body.result);
      expect(results).toEqual(['no_match', 'no_match', 'no_match', 'no_match', 'locked']);
      const after = await a.post(`/api/verifications/${v.id}/code-checks`).send({ code: '123456' });
      expect(after.status).toBe(409);
      expect((await a.post(`/api/verifications/${v.id}/codes`).send({ channel: 'primary_email' })).status).toBe(409);
      const state = (await a.get(`/api/verifications/${v.id}`)).body;
      expect(state).toMatchObject({ locked: true, codeAttemptsLeft: 0 });
      expect(state.checks.map((c: { result: string }) => c.result)).toEqual(['no_match', 'no_match', 'no_match', 'no_match', 'locked']);
    });

    it('refuses a code to a backup email that does not exist', async () => {
      const a = await agent();
      const v = (await a.post(`/api/accounts/${lefevre.id}/verifications`).send({ callReference: 'CALL-NOBACKUP' })).body;
      const res = await a.post(`/api/verifications/${v.id}/codes`).send({ channel: 'backup_email' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('accounts.no_backup_email');
    });

    it('answers stated values with match or no match only, counts the tries, and never leaks the value on file', async () => {
      const a = await agent();
      const v = (await a.post(`/api/accounts/${dupont.id}/verifications`).send({ callReference: 'CALL-STATED' })).body;
      const replies = [
        await a.post(`/api/verifications/${v.id}/stated-values`).send({ field: 'phone', value: '06 12 34 56 12' }),
        await a.post(`/api/verifications/${v.id}/stated-values`).send({ field: 'backup_email', value: 'P.Dupont.Secours@example.net ' }),
        await a.post(`/api/verifications/${v.id}/stated-values`).send({ field: 'postal_code', value: '75012' }),
      ];
      expect(replies.map((r) => r.body)).toEqual([
        { field: 'phone', result: 'match', attemptsLeft: 2 },
        { field: 'backup_email', result: 'match', attemptsLeft: 2 },
        { field: 'postal_code', result: 'no_match', attemptsLeft: 2 },
      ]);
      await a.post(`/api/verifications/${v.id}/stated-values`).send({ field: 'postal_code', value: '1' });
      await a.post(`/api/verifications/${v.id}/stated-values`).send({ field: 'postal_code', value: '2' });
      const refused = await a.post(`/api/verifications/${v.id}/stated-values`).send({ field: 'postal_code', value: '75011' });
      expect(refused.status).toBe(409);

      const state = await a.get(`/api/verifications/${v.id}`);
      const everything = JSON.stringify([replies.map((r) => r.body), refused.body, state.body]);
      expect(everything).not.toMatch(/75011|secours|612345612/);
      const audits = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'verification.stated.check', targetId: dupont.id });
      expect(audits.length).toBeGreaterThanOrEqual(5);
      expect(JSON.stringify(audits)).not.toMatch(/75011|75012|secours|612345612/);
      // Stated values alone never unmask: facts anyone can learn are not possession.
      expect((await a.post(`/api/accounts/${dupont.id}/unmask`).send({ verificationId: v.id, reason: 'caller knew it all' })).status).toBe(
        403,
      );
    });

    it('keeps each agent to their own calls', async () => {
      const mine = await agent();
      const v = (await mine.post(`/api/accounts/${dupont.id}/verifications`).send({ callReference: 'CALL-MINE' })).body;
      const other = await agent();
      expect((await other.get(`/api/verifications/${v.id}`)).status).toBe(404);
      expect((await other.post(`/api/verifications/${v.id}/codes`).send({ channel: 'primary_email' })).status).toBe(404);
      expect((await other.post(`/api/accounts/${dupont.id}/unmask`).send({ verificationId: v.id, reason: 'curious' })).status).toBe(404);
    });
  });

  describe('unmask', () => {
    it('shows the contact data only after a possession check on this call, audits it with the reason, and ends with the call', async () => {
      const staff = await createStaff(t.dataSource, ['agent']);
      const a = await signIn(t, staff);
      const v = (await a.post(`/api/accounts/${dupont.id}/verifications`).send({ callReference: 'CALL-UNMASK' })).body;
      const before = await a.post(`/api/accounts/${dupont.id}/unmask`).send({ verificationId: v.id, reason: 'confirm address' });
      expect(before.status).toBe(403);

      const sentAt = smtp.received.length;
      await a.post(`/api/verifications/${v.id}/codes`).send({ channel: 'primary_email' });
      const mail = await smtp.waitFor((m) => smtp.received.indexOf(m) >= sentAt && smtp.to('pierre.dupont@example.com').includes(m));
      expect((await a.post(`/api/verifications/${v.id}/code-checks`).send({ code: codeIn(mail) })).body.result).toBe('match');

      const res = await a.post(`/api/accounts/${dupont.id}/unmask`).send({ verificationId: v.id, reason: 'confirm address' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        masked: false,
        primaryEmail: 'pierre.dupont@example.com',
        backupEmail: 'p.dupont.secours@example.net',
        phone: '+33612345612',
        postalCode: '75011',
      });
      const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ actorId: staff.user.id, action: 'account.unmask' });
      expect(entry).toMatchObject({ targetId: dupont.id, reason: 'confirm address' });
      expect(JSON.stringify(entry)).not.toMatch(/pierre\.dupont/);

      const wrongAccount = await a.post(`/api/accounts/${acme.id}/unmask`).send({ verificationId: v.id, reason: 'other account' });
      expect(wrongAccount.status).toBe(422);
      // The call lasts 15 minutes; the agent's session (idle 15 min) stays alive meanwhile.
      clock.advance(14 * 60_000);
      expect((await a.get('/api/auth/me')).status).toBe(200);
      clock.advance(2 * 60_000);
      const late = await a.post(`/api/accounts/${dupont.id}/unmask`).send({ verificationId: v.id, reason: 'after the call' });
      expect(late.status).toBe(409);
    });
  });

  describe('customer-ID reminder', () => {
    it('mails the customer ID to the primary email and records it on the timeline', async () => {
      const a = await agent();
      const res = await a.post(`/api/accounts/${lefevre.id}/customer-id-reminder`).send({ callReference: 'CALL-REMIND' });
      expect(res.status).toBe(202);
      expect(res.body.destination).toBe('p***@e***.com');
      const mail = await smtp.waitFor((m) => smtp.to(lefevre.primaryEmail).includes(m) && (m.subject ?? '').includes('customer ID'));
      expect(mail.subject).toBe(`[${lefevre.customerId}] Your customer ID`);
      expect(mail.text).toContain(lefevre.customerId);
      const events = (await a.get(`/api/accounts/${lefevre.id}/events`)).body.data;
      expect(events[0]).toMatchObject({ kind: 'customer_id_reminder_sent', destination: 'p***@e***.com' });
    });
  });
});
