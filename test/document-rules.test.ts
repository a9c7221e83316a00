import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { FixedClock } from '../server/core/clock';
import { CaseDocument } from '../server/documents/case-document.entity';
import { CasesService } from '../server/documents/cases.service';
import { oldestAcceptedIssue } from '../server/documents/document-rules';
import { IdentityCase } from '../server/documents/identity-case.entity';
import { Alert } from '../server/supervision/alert.entity';
import { AlertsService } from '../server/supervision/alerts.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { FakeClamd } from './support/fake-clamd';
import { createAccount, createStaff, TestStaff } from './support/factories';
import { distinct, jpegWithExif, pdf } from './support/files';
import { codeIn, TestSmtp } from './support/smtp';
import { until } from './support/wait';

/**
 * The provider's document rules through the API: reupload of one document, identity sides by type, dated proofs,
 * the individual variants, and the 72 h review alert. Real PostgreSQL, Redis, worker and SMTP test server.
 */
describe('document rules', () => {
  const smtp = new TestSmtp();
  const clamd = new FakeClamd();
  const clock = new FixedClock(new Date());
  let t: TestApp;
  let ipSeq = 0;
  let fileSeq = 0;
  let supervisor: TestStaff;
  const files: { jpeg: Buffer; pdf: Buffer } = { jpeg: Buffer.alloc(0), pdf: Buffer.alloc(0) };

  beforeAll(async () => {
    const [smtpUrl, clamdUrl] = await Promise.all([smtp.start(), clamd.start()]);
    t = await startTestApp({ clock, worker: true, config: { smtpUrl, clamdUrl, trustProxy: true } });
    supervisor = await createStaff(t.dataSource, ['supervisor']);
    [files.jpeg, files.pdf] = await Promise.all([jpegWithExif(), pdf()]);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([smtp.stop(), clamd.stop()]);
  });

  type Opened = {
    caseId: string;
    token: string;
    requiredDocuments: string[];
    contactEmail: string;
    customerId: string;
    c: ReturnType<typeof customer>;
  };

  function customer() {
    ipSeq += 1;
    const ip = `192.0.2.${ipSeq}`;
    return {
      post: (p: string) => request(t.url).post(p).set('X-Forwarded-For', ip),
      get: (p: string) => request(t.url).get(p).set('X-Forwarded-For', ip),
    };
  }

  async function openCase(customerId: string, accountType = 'individual', extra: Record<string, string> = {}): Promise<Opened> {
    const c = customer();
    const contactEmail = `rules${Date.now()}${ipSeq}@example.org`;
    const res = await c
      .post('/api/public/identity-cases')
      .send({ customerId, accountType, purpose: 'replace_email', contactEmail, language: 'en', ...extra });
    expect(res.status).toBe(201);
    return { ...res.body, contactEmail, customerId, c };
  }

  async function confirm(o: Opened): Promise<ParsedMail> {
    const mail = await smtp.waitFor((m) => smtp.to(o.contactEmail).includes(m) && /Confirm your email/.test(m.subject ?? ''));
    await o.c
      .post(`/api/public/identity-cases/${o.caseId}/confirm-email`)
      .set('X-Case-Token', o.token)
      .send({ code: codeIn(mail) })
      .expect(200);
    return mail;
  }

  function upload(o: { caseId: string; token: string; c: ReturnType<typeof customer> }, kind: string, identityType?: string) {
    let req = o.c.post(`/api/public/identity-cases/${o.caseId}/documents`).set('X-Case-Token', o.token).field('kind', kind);
    if (identityType) req = req.field('identityType', identityType);
    // Each customer's own bytes: one file sent for many accounts is the duplicate flag, tested elsewhere.
    const tag = `${o.caseId}-${kind}-${++fileSeq}`;
    return kind.startsWith('identity')
      ? req.attach('files', distinct(files.jpeg, tag), `${kind}.jpg`)
      : req.attach('files', distinct(files.pdf, tag), `${kind}.pdf`);
  }

  const submit = (o: Opened) => o.c.post(`/api/public/identity-cases/${o.caseId}/submit`).set('X-Case-Token', o.token);

  async function processed(caseId: string) {
    return until(async () => {
      const docs = await t.dataSource.getRepository(CaseDocument).findBy({ caseId });
      return docs.every((d) => ['processed', 'rejected', 'quarantined'].includes(d.state)) && docs;
    });
  }

  /** A confirmed, submitted case whose documents are processed; returns the ids by kind. */
  async function submitted(accountType: string, uploads: [string, string?][], extra: Record<string, string> = {}) {
    const account = await createAccount(t.dataSource, {
      name: 'Élodie Lefèvre',
      legalRepresentative: 'Élodie Lefèvre',
      accountType: accountType as never,
    });
    const o = await openCase(account.customerId, accountType, extra);
    await confirm(o);
    const ids: Record<string, string> = {};
    for (const [kind, type] of uploads) ids[kind] = (await upload(o, kind, type).expect(201)).body.documents[0].id;
    await submit(o).expect(200);
    await processed(o.caseId);
    return { account, o, ids };
  }

  async function claimedBy(caseId: string) {
    const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
    await reviewer.post(`/api/identity-cases/${caseId}/claim`).expect(200);
    return reviewer;
  }

  const identity = (identityType?: string) => ({
    decision: 'accepted',
    holderName: 'LEFEVRE Elodie',
    expiry: '2035-01-01',
    ...(identityType ? { identityType } : {}),
  });
  const today = () => clock.now().toISOString().slice(0, 10);
  const linkIn = (mail: ParsedMail) => /\/form\/#\/case\/([0-9a-f-]{36})\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '');

  it('asks for one document again: mail with a link, only that kind accepted, back in the queue with a fresh 72 h', async () => {
    const a = await submitted('individual', [['identity_front', 'passport'], ['proof_of_address']]);
    clock.advance(3600_000);
    const b = await submitted('individual', [['identity_front', 'passport'], ['proof_of_address']]);
    const staff = await createStaff(t.dataSource, ['reviewer']);
    let reviewer = await signIn(t, staff);
    await reviewer.post(`/api/identity-cases/${a.o.caseId}/claim`).expect(200);

    expect(
      (await reviewer.post(`/api/identity-cases/${a.o.caseId}/documents/${a.ids.identity_front}/decision`).send(identity())).body
        .caseStatus,
    ).toBe('in_review');
    const badReason = await reviewer
      .post(`/api/identity-cases/${a.o.caseId}/documents/${a.ids.proof_of_address}/decision`)
      .send({ decision: 'reupload', reasonCode: 'expired' });
    expect([badReason.status, badReason.body.code]).toEqual([400, 'documents.reupload_reason_required']);
    const noNote = await reviewer
      .post(`/api/identity-cases/${a.o.caseId}/documents/${a.ids.proof_of_address}/decision`)
      .send({ decision: 'reupload', reasonCode: 'other' });
    expect(noNote.status).toBe(400);
    const asked = await reviewer
      .post(`/api/identity-cases/${a.o.caseId}/documents/${a.ids.proof_of_address}/decision`)
      .send({ decision: 'reupload', reasonCode: 'glare', note: 'internal: looks like a phone photo' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ caseStatus: 'awaiting_reupload', document: { decision: 'reupload' } });

    // Out of the queue while the customer has the ball; the reviewer sees what was asked.
    expect((await reviewer.get('/api/identity-cases')).body.data.map((c: { id: string }) => c.id)).not.toContain(a.o.caseId);
    const waiting = (await reviewer.get(`/api/identity-cases/${a.o.caseId}`)).body;
    expect(waiting).toMatchObject({
      status: 'awaiting_reupload',
      reuploadKind: 'proof_of_address',
      reuploadReason: 'glare',
      reviewerId: null,
    });
    expect(waiting.documents.find((d: { id: string }) => d.id === a.ids.proof_of_address)).toMatchObject({
      superseded: true,
      decisionReason: 'glare',
    });

    const mail = await smtp.waitFor((m) => smtp.to(a.o.contactEmail).includes(m) && /send one document again/.test(m.subject ?? ''));
    expect(mail.subject).toBe(`[${a.account.customerId}] Please send one document again`);
    expect(mail.text).toMatch(/proof of address/);
    expect(mail.text).toMatch(/glare/);
    expect(mail.text).not.toContain('internal');
    const link = linkIn(mail)!;
    expect(link[1]).toBe(a.o.caseId);
    const fresh = { caseId: a.o.caseId, token: link[2], c: customer() };

    // The fresh token replaces the old one; the form shows what is asked.
    expect((await a.o.c.get(`/api/public/identity-cases/${a.o.caseId}`).set('X-Case-Token', a.o.token)).status).toBe(404);
    const view = await fresh.c.get(`/api/public/identity-cases/${a.o.caseId}`).set('X-Case-Token', fresh.token);
    expect(view.body).toMatchObject({ status: 'awaiting_reupload', reupload: { kind: 'proof_of_address', reason: 'glare', note: null } });

    const other = await upload(fresh, 'identity_back');
    expect([other.status, other.body.code]).toEqual([409, 'documents.not_the_requested_document']);

    clock.advance(5 * 3600_000);
    const again = await upload(fresh, 'proof_of_address');
    expect(again.status).toBe(201);
    const row = await t.dataSource.getRepository(IdentityCase).findOneByOrFail({ id: a.o.caseId });
    expect(row.status).toBe('submitted');
    expect(row.submittedAt!.getTime()).toBe(clock.now().getTime());
    await smtp.waitFor(
      (m) =>
        smtp.to(a.o.contactEmail).includes(m) &&
        /Request received/.test(m.subject ?? '') &&
        smtp.to(a.o.contactEmail).filter((x) => /Request received/.test(x.subject ?? '')).length === 2,
    );
    expect((await upload(fresh, 'proof_of_address')).status).toBe(409);

    // Back in the queue after a case submitted in between, its 72 h starting again.
    reviewer = await signIn(t, staff); // hours went by: a new session
    const queue = (await reviewer.get('/api/identity-cases?limit=100')).body.data as { id: string; msLeft: number }[];
    const ids = queue.map((c) => c.id);
    expect(ids.indexOf(b.o.caseId)).toBeLessThan(ids.indexOf(a.o.caseId));
    const resubmittedAt = row.submittedAt!.getTime();
    expect(queue.find((c) => c.id === a.o.caseId)!.msLeft).toBe(resubmittedAt + 72 * 3600_000 - clock.now().getTime());
    expect(clock.now().getTime() - resubmittedAt).toBeLessThan(60_000);

    await processed(a.o.caseId);
    await reviewer.post(`/api/identity-cases/${a.o.caseId}/claim`).expect(200);
    const detail = (await reviewer.get(`/api/identity-cases/${a.o.caseId}`)).body;
    expect(detail.documents.find((d: { id: string }) => d.id === a.ids.identity_front).decision).toBe('accepted');
    const newProof = detail.checklist[1].documentIds[0];
    expect(newProof).not.toBe(a.ids.proof_of_address);
    const done = await reviewer
      .post(`/api/identity-cases/${a.o.caseId}/documents/${newProof}/decision`)
      .send({ decision: 'accepted', issuedOn: today() });
    expect(done.body.caseStatus).toBe('verified');
  });

  it('still rejects the whole case for an invalid document, and refuses reupload reasons as rejections', async () => {
    const { o, ids } = await submitted('individual', [['identity_front', 'passport'], ['proof_of_address']]);
    const reviewer = await claimedBy(o.caseId);
    const cut = await reviewer
      .post(`/api/identity-cases/${o.caseId}/documents/${ids.proof_of_address}/decision`)
      .send({ decision: 'rejected', reasonCode: 'cut' });
    expect([cut.status, cut.body.code]).toEqual([400, 'documents.reason_not_for_decision']);
    const forged = await reviewer
      .post(`/api/identity-cases/${o.caseId}/documents/${ids.identity_front}/decision`)
      .send({ decision: 'rejected', reasonCode: 'suspected_forgery' });
    expect(forged.body.caseStatus).toBe('rejected');
  });

  it('checks a proof’s date against the decision day: 3 months back exactly is fine, older or future is refused', async () => {
    const { o, ids } = await submitted('company', [['identity_front', 'passport'], ['company_registration']]);
    const reviewer = await claimedBy(o.caseId);
    const decide = (body: object) =>
      reviewer
        .post(`/api/identity-cases/${o.caseId}/documents/${ids.company_registration}/decision`)
        .send({ decision: 'accepted', ...body });
    const oldest = oldestAcceptedIssue(clock.now());
    const dayBefore = new Date(Date.parse(`${oldest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);

    expect((await decide({})).body.code).toBe('documents.issued_on_required');
    expect(await decide({ issuedOn: dayBefore }).then((r) => [r.status, r.body.code])).toEqual([422, 'documents.proof_too_old']);
    expect(await decide({ issuedOn: tomorrow }).then((r) => [r.status, r.body.code])).toEqual([422, 'documents.proof_in_future']);
    expect(await decide({ issuedOn: '2026-02-30' }).then((r) => [r.status, r.body.code])).toEqual([400, 'documents.proof_date_invalid']);
    const okay = await decide({ issuedOn: oldest });
    expect(okay.status).toBe(200);
    const doc = await t.dataSource.getRepository(CaseDocument).findOneByOrFail({ id: ids.company_registration });
    expect(doc.issuedOn).toBe(oldest);
  });

  it('needs both sides of an ID card, one page of a passport, and lets the reviewer correct the type', async () => {
    const account = await createAccount(t.dataSource, { name: 'Élodie Lefèvre' });
    const o = await openCase(account.customerId);
    await confirm(o);
    expect((await upload(o, 'proof_of_address', 'id_card')).body.code).toBe('documents.identity_type_not_applicable');
    const badType = await upload(o, 'identity_front', 'library_card');
    expect(badType.status).toBe(400);
    const front = (await upload(o, 'identity_front', 'id_card').expect(201)).body.documents[0].id;
    await upload(o, 'proof_of_address').expect(201);
    const early = await submit(o);
    expect([early.status, early.body.code, early.body.errors?.files]).toEqual([422, 'documents.documents_missing', 'identity_back']);
    expect((await o.c.get(`/api/public/identity-cases/${o.caseId}`).set('X-Case-Token', o.token)).body).toMatchObject({
      missing: ['identity_back'],
      identityType: 'id_card',
    });
    const back = (await upload(o, 'identity_back', 'id_card').expect(201)).body.documents[0].id;
    await submit(o).expect(200);
    await processed(o.caseId);

    const reviewer = await claimedBy(o.caseId);
    const proof = (await reviewer.get(`/api/identity-cases/${o.caseId}`)).body.checklist[1].documentIds[0];
    expect((await reviewer.post(`/api/identity-cases/${o.caseId}/documents/${front}/decision`).send(identity())).body.caseStatus).toBe(
      'in_review',
    );
    expect(
      (await reviewer.post(`/api/identity-cases/${o.caseId}/documents/${proof}/decision`).send({ decision: 'accepted', issuedOn: today() }))
        .body.caseStatus,
    ).toBe('in_review');
    let item = (await reviewer.get(`/api/identity-cases/${o.caseId}`)).body.checklist[0];
    expect(item).toMatchObject({ status: 'to_review', identityType: 'id_card', missing: [], documentIds: [front, back] });
    const otherType = await reviewer.post(`/api/identity-cases/${o.caseId}/documents/${back}/decision`).send(identity('driving_licence'));
    expect([otherType.status, otherType.body.code]).toEqual([409, 'documents.identity_type_conflict']);
    const passportBack = await reviewer.post(`/api/identity-cases/${o.caseId}/documents/${back}/decision`).send(identity('passport'));
    expect([passportBack.status, passportBack.body.code]).toEqual([422, 'documents.passport_has_no_back']);
    expect((await reviewer.post(`/api/identity-cases/${o.caseId}/documents/${back}/decision`).send(identity())).body.caseStatus).toBe(
      'verified',
    );
    item = (await reviewer.get(`/api/identity-cases/${o.caseId}`)).body.checklist[0];
    expect(item.status).toBe('accepted');
  });

  it('shows an accepted front whose back was never sent as incomplete, and lets the reviewer ask for the back', async () => {
    const { o, ids } = await submitted('sole_trader', [['identity_front', 'passport'], ['business_register_notice']]);
    const reviewer = await claimedBy(o.caseId);
    // The reviewer reads an ID card, not the passport the customer said: its back is now missing.
    await reviewer.post(`/api/identity-cases/${o.caseId}/documents/${ids.identity_front}/decision`).send(identity('id_card')).expect(200);
    const after = await reviewer
      .post(`/api/identity-cases/${o.caseId}/documents/${ids.business_register_notice}/decision`)
      .send({ decision: 'accepted', issuedOn: today() });
    expect(after.body.caseStatus).toBe('in_review');
    expect((await reviewer.get(`/api/identity-cases/${o.caseId}`)).body.checklist[0]).toMatchObject({
      status: 'incomplete',
      missing: ['identity_back'],
      identityType: 'id_card',
    });

    // The reviewer asks for the back: the customer gets a link that takes only it, and the case comes back.
    const notMissing = await reviewer.post(`/api/identity-cases/${o.caseId}/request-document`).send({ kind: 'business_register_notice' });
    expect([notMissing.status, notMissing.body.code]).toEqual([409, 'documents.document_not_missing']);
    const asked = await reviewer
      .post(`/api/identity-cases/${o.caseId}/request-document`)
      .send({ kind: 'identity_back', note: 'Photograph the back of your ID card.' });
    expect(asked.body).toMatchObject({ status: 'awaiting_reupload', reuploadKind: 'identity_back', reuploadReason: 'missing' });
    const mail = await smtp.waitFor((m) => smtp.to(o.contactEmail).includes(m) && /One document is missing/.test(m.subject ?? ''));
    expect(mail.subject).toBe(`[${o.customerId}] One document is missing from your case`);
    expect(mail.text).toMatch(/identity document \(back\)/);
    expect(mail.text).toContain('Photograph the back of your ID card.');
    const link = linkIn(mail)!;
    const fresh = { caseId: o.caseId, token: link[2], c: customer() };
    expect((await upload(fresh, 'identity_back', 'id_card')).status).toBe(201);
    await processed(o.caseId);
    const again = await claimedBy(o.caseId);
    const backId = (await again.get(`/api/identity-cases/${o.caseId}`)).body.checklist[0].documentIds[1];
    expect((await again.post(`/api/identity-cases/${o.caseId}/documents/${backId}/decision`).send(identity())).body.caseStatus).toBe(
      'verified',
    );
  });

  it('asks a moved or hosted individual for the variant’s documents; organisations have no variant', async () => {
    const account = await createAccount(t.dataSource, { name: 'Élodie Lefèvre' });
    const o = await openCase(account.customerId, 'individual', { addressVariant: 'moved' });
    expect(o.requiredDocuments).toEqual(['identity_front', 'old_proof_of_address', 'proof_of_address']);
    await confirm(o);
    await upload(o, 'identity_front', 'passport').expect(201);
    await upload(o, 'proof_of_address').expect(201);
    const early = await submit(o);
    expect([early.status, early.body.errors?.files]).toEqual([422, 'old_proof_of_address']);
    const hosted = await o.c
      .post(`/api/public/identity-cases/${o.caseId}/address-variant`)
      .set('X-Case-Token', o.token)
      .send({ addressVariant: 'hosted' });
    expect(hosted.body).toEqual({
      addressVariant: 'hosted',
      requiredDocuments: ['identity_front', 'host_proof_of_address', 'hosting_attestation'],
    });
    expect(
      (
        await o.c
          .post(`/api/public/identity-cases/${o.caseId}/address-variant`)
          .set('X-Case-Token', o.token)
          .send({ addressVariant: 'abroad' })
      ).status,
    ).toBe(400);
    await upload(o, 'host_proof_of_address').expect(201);
    await upload(o, 'hosting_attestation').expect(201);
    await submit(o).expect(200);
    expect(
      (
        await o.c
          .post(`/api/public/identity-cases/${o.caseId}/address-variant`)
          .set('X-Case-Token', o.token)
          .send({ addressVariant: 'standard' })
      ).status,
    ).toBe(409);

    // Staff: a reviewer corrects the variant of a case in review; the checklist follows.
    await processed(o.caseId);
    const reviewer = await claimedBy(o.caseId);
    const back = await reviewer.post(`/api/identity-cases/${o.caseId}/address-variant`).send({ addressVariant: 'standard' });
    expect(back.status).toBe(200);
    expect(back.body.checklist.map((i: { kind: string; status: string }) => [i.kind, i.status])).toEqual([
      ['identity_front', 'to_review'],
      ['proof_of_address', 'to_review'],
    ]);
    const outsider = await signIn(t, await createStaff(t.dataSource, ['agent']));
    expect((await outsider.post(`/api/identity-cases/${o.caseId}/address-variant`).send({ addressVariant: 'moved' })).status).toBe(404);

    const company = await createAccount(t.dataSource, { accountType: 'company' });
    const c = await openCase(company.customerId, 'company', { addressVariant: 'hosted' });
    expect(c.requiredDocuments).toEqual(['identity_front', 'company_registration']);
    const refused = await c.c
      .post(`/api/public/identity-cases/${c.caseId}/address-variant`)
      .set('X-Case-Token', c.token)
      .send({ addressVariant: 'moved' });
    expect([refused.status, refused.body.code]).toEqual([422, 'documents.variant_not_applicable']);
  });

  it('mails the link back to the case with the code, usable from another browser until submission', async () => {
    const account = await createAccount(t.dataSource, { name: 'Élodie Lefèvre' });
    const o = await openCase(account.customerId);
    const mail = await confirm(o);
    const link = linkIn(mail)!;
    expect(link[1]).toBe(o.caseId);
    const elsewhere = { caseId: o.caseId, token: link[2], c: customer() };
    expect((await elsewhere.c.get(`/api/public/identity-cases/${o.caseId}`).set('X-Case-Token', elsewhere.token)).body.status).toBe(
      'collecting',
    );
    await upload(elsewhere, 'identity_front', 'passport').expect(201);
    await upload(elsewhere, 'proof_of_address').expect(201);
    await submit({ ...o, ...elsewhere }).expect(200);
    expect((await upload(elsewhere, 'proof_of_address')).status).toBe(409);
    expect((await elsewhere.c.get(`/api/public/identity-cases/${o.caseId}`).set('X-Case-Token', elsewhere.token)).body.status).toBe(
      'submitted',
    );
  });

  it('expires a case whose document asked again never came, and its link then takes nothing', async () => {
    const { o, ids } = await submitted('individual', [['identity_front', 'passport'], ['proof_of_address']]);
    const reviewer = await claimedBy(o.caseId);
    await reviewer
      .post(`/api/identity-cases/${o.caseId}/documents/${ids.identity_front}/decision`)
      .send({ decision: 'reupload', reasonCode: 'cut' })
      .expect(200);
    const mail = await smtp.waitFor((m) => smtp.to(o.contactEmail).includes(m) && /send one document again/.test(m.subject ?? ''));
    const fresh = { caseId: o.caseId, token: linkIn(mail)![2], c: customer() };
    clock.advance(t.config.caseCollectDays * 86_400_000 + 60_000);
    expect(await t.app.get(CasesService).expireOverdue()).toBeGreaterThanOrEqual(1);
    expect((await fresh.c.get(`/api/public/identity-cases/${o.caseId}`).set('X-Case-Token', fresh.token)).body.status).toBe('expired');
    expect((await upload(fresh, 'identity_front', 'passport')).status).toBe(409);
  });

  it('raises one alert per case to supervisors when a submitted case has no decision 72 h later', async () => {
    const { account, o } = await submitted('individual', [['identity_front', 'passport'], ['proof_of_address']]);
    const alerts = t.app.get(AlertsService);
    const mine = () => t.dataSource.getRepository(Alert).findBy({ rule: 'review_overdue', caseId: o.caseId });
    clock.advance(72 * 3600_000 - 60_000);
    await alerts.scan();
    expect(await mine()).toHaveLength(0);
    clock.advance(120_000);
    await alerts.scan();
    await alerts.scan();
    const found = await mine();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      targetId: o.caseId,
      details: expect.objectContaining({ customerId: account.customerId, caseId: o.caseId }),
    });
    expect(found[0].summary).toContain(account.customerId);
    const mail = await smtp.waitFor(
      (m) => smtp.to(supervisor.email).includes(m) && m.subject === '[alert] review_overdue' && (m.text ?? '').includes(account.customerId),
    );
    expect(mail.text).toContain(o.caseId.slice(0, 8));
  });
});
