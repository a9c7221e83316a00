import request from 'supertest';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { startTestApp, TestApp } from './support/app';
import { createAccount } from './support/factories';
import { jpegWithExif, pdf } from './support/files';
import { codeIn, TestSmtp } from './support/smtp';

const LIMIT = 3;

describe("the customers' form mails", () => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let ipSeq = 0;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ worker: true, config: { smtpUrl, trustProxy: true, formCodeMailsPerAddressPerHour: LIMIT } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** A customer from an address of their own: the per-IP limit of the form stays out of these tests. */
  function from() {
    ipSeq += 1;
    const ip = `198.51.100.${ipSeq}`;
    return { post: (p: string) => request(t.url).post(p).set('X-Forwarded-For', ip) };
  }

  const open = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    from()
      .post('/api/public/identity-cases')
      .set(headers)
      .send({ accountType: 'individual', purpose: 'replace_email', ...body });

  /** The mail with its per-case parts (link, code, customer ID) blanked, to compare two mails' wording. */
  const shape = (text: string | undefined, customerId: string) =>
    (text ?? '')
      .replace(/\/case\/\S+/g, '/case/LINK')
      .replace(/\d{6}/g, 'CODE')
      .replaceAll(customerId, 'ID');

  it("writes in the form's language, not the account's, and the same whether the customer ID exists or not", async () => {
    const french = await createAccount(t.dataSource, { language: 'fr' });
    const known = await open({ customerId: french.customerId, contactEmail: 'lang-known@example.org', language: 'en' });
    const unknown = await open({ customerId: 'zz99999-ovh', contactEmail: 'lang-unknown@example.org', language: 'en' });
    expect([known.status, unknown.status]).toEqual([201, 201]);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());

    const a = await smtp.waitFor((m) => smtp.to('lang-known@example.org').includes(m));
    const b = await smtp.waitFor((m) => smtp.to('lang-unknown@example.org').includes(m));
    expect(a.subject).toBe(`[${french.customerId}] Confirm your email address`);
    expect(b.subject).toBe('[zz99999-ovh] Confirm your email address');
    expect(shape(a.text, french.customerId)).toBe(shape(b.text, 'zz99999-ovh'));

    // The later mails of the case keep the form's language too.
    const c = { caseId: known.body.caseId as string, token: known.body.token as string };
    await request(t.url)
      .post(`/api/public/identity-cases/${c.caseId}/confirm-email`)
      .set('X-Case-Token', c.token)
      .send({ code: codeIn(a) })
      .expect(200);
    for (const [kind, data, name] of [
      ['identity_front', await jpegWithExif(), 'id.jpg'],
      ['proof_of_address', await pdf(1), 'edf.pdf'],
    ] as const) {
      await request(t.url)
        .post(`/api/public/identity-cases/${c.caseId}/documents`)
        .set('X-Case-Token', c.token)
        .field('kind', kind)
        .attach('files', data, name)
        .expect(201);
    }
    await request(t.url).post(`/api/public/identity-cases/${c.caseId}/submit`).set('X-Case-Token', c.token).expect(200);
    const received = await smtp.waitFor((m) => smtp.to('lang-known@example.org').includes(m) && m !== a);
    expect(received.subject).toBe(`[${french.customerId}] Request received`);
  });

  it('takes Accept-Language when the form states no language, and French for an English account asked in French', async () => {
    const english = await createAccount(t.dataSource, { language: 'en' });
    await open({ customerId: english.customerId, contactEmail: 'lang-fr@example.org', language: 'fr' }).expect(201);
    await open(
      { customerId: english.customerId, contactEmail: 'lang-header@example.org' },
      { 'Accept-Language': 'de-DE, fr;q=0.9, en;q=0.8' },
    ).expect(201);
    expect((await smtp.waitFor((m) => smtp.to('lang-fr@example.org').includes(m))).subject).toBe(
      `[${english.customerId}] Confirmez votre adresse e-mail`,
    );
    expect((await smtp.waitFor((m) => smtp.to('lang-header@example.org').includes(m))).subject).toBe(
      `[${english.customerId}] Confirmez votre adresse e-mail`,
    );
    const refused = await open({ customerId: english.customerId, contactEmail: 'lang-bad@example.org', language: 'de' });
    expect(refused.status).toBe(400);
  });

  it('sends at most FORM_CODE_MAILS_PER_ADDRESS_PER_HOUR code mails to one address, even in a burst', async () => {
    const victim = 'bombed@example.org';
    const account = await createAccount(t.dataSource);
    // Each opening from its own IP and for its own customer ID: only the address is shared.
    const burst = await Promise.all(
      Array.from({ length: LIMIT + 5 }, (_, i) =>
        open({
          customerId: i % 2 ? account.customerId.replace(/^tt/, `b${i}`) : `bb${i}0000`,
          contactEmail: i % 3 ? victim : victim.toUpperCase(),
        }),
      ),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(LIMIT).fill(201), ...Array(5).fill(429)]);
    for (const r of burst.filter((x) => x.status === 429)) {
      expect(r.body.code).toBe('documents.too_many_code_mails');
      expect(r.headers['retry-after']).toBe('3600');
    }
    // A known customer ID is refused exactly like an unknown one: the answer tells nothing about who exists.
    const knownLate = await open({ customerId: account.customerId, contactEmail: victim });
    const unknownLate = await open({ customerId: 'nx77777-ovh', contactEmail: victim });
    expect([knownLate.status, unknownLate.status]).toEqual([429, 429]);
    expect(knownLate.body.message).toBe(unknownLate.body.message);
    expect(knownLate.body.code).toBe(unknownLate.body.code);

    const rows = await t.dataSource.getRepository(OutboxMessage).findBy({ template: 'case_email_code', toAddress: victim });
    expect(rows).toHaveLength(LIMIT);
    await smtp.waitFor(() => smtp.to(victim).length >= LIMIT);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(victim)).toHaveLength(LIMIT);
    // Another address is not held back by the bombed one.
    await open({ customerId: 'ot88888-ovh', contactEmail: 'someone-else@example.org' }).expect(201);
  });
});
