/**
 * The reviewer's checks beside the decision: the live name and expiry check (the same verdict accepting uses,
 * nothing stored nor audited), and the confirmation a flagged case or file needs before it is accepted.
 */
import request from 'supertest';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { CaseDocument } from '../server/documents/case-document.entity';
import { IdentityCase } from '../server/documents/identity-case.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff } from './support/factories';
import { jpegWithExif, pdf, pdfWithJavaScript } from './support/files';
import { codeIn, TestSmtp } from './support/smtp';
import { until } from './support/wait';

describe('review checks: name check and flag confirmation', () => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let ipSeq = 0;

  beforeAll(async () => {
    t = await startTestApp({ worker: true, config: { smtpUrl: await smtp.start(), trustProxy: true } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** A submitted, processed case for a new account named Élodie Lefèvre, with the identity file and proof given. */
  async function submittedCase(identity: Buffer, proof: Buffer) {
    const account = await createAccount(t.dataSource, { name: 'Élodie Lefèvre' });
    ipSeq += 1;
    const ip = `198.51.100.${ipSeq}`;
    const post = (p: string) => request(t.url).post(p).set('X-Forwarded-For', ip);
    const contactEmail = `checks${Date.now()}${ipSeq}@example.org`;
    const opened = await post('/api/public/identity-cases')
      .send({ customerId: account.customerId, accountType: 'individual', purpose: 'replace_email', contactEmail })
      .expect(201);
    const { caseId, token } = opened.body as { caseId: string; token: string };
    const mail = await smtp.waitFor((m) => smtp.to(contactEmail).includes(m) && /Confirm your email|Confirmez/.test(m.subject ?? ''));
    await post(`/api/public/identity-cases/${caseId}/confirm-email`)
      .set('X-Case-Token', token)
      .send({ code: codeIn(mail) })
      .expect(200);
    const send = async (kind: string, data: Buffer, name: string) =>
      (
        await post(`/api/public/identity-cases/${caseId}/documents`)
          .set('X-Case-Token', token)
          .field('kind', kind)
          .attach('files', data, name)
          .expect(201)
      ).body.documents[0].id as string;
    const front = await send('identity_front', identity, 'front.jpg');
    const proofId = await send('proof_of_address', proof, 'proof.pdf');
    await post(`/api/public/identity-cases/${caseId}/submit`).set('X-Case-Token', token).expect(200);
    await until(async () => {
      const docs = await t.dataSource.getRepository(CaseDocument).findBy({ caseId });
      return docs.length === 2 && docs.every((d) => d.state === 'processed');
    });
    return { account, caseId, front, proof: proofId };
  }

  const IDENTITY = { decision: 'accepted', holderName: 'LEFEVRE Elodie', expiry: '2031-01-01', identityType: 'passport' };

  it('checks a holder’s name and expiry as accepting would, storing and auditing nothing', async () => {
    const { caseId, front, proof } = await submittedCase(await jpegWithExif(640, 400, '#258'), await pdf());
    const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
    const check = (documentId: string, body: object) =>
      reviewer.post(`/api/identity-cases/${caseId}/documents/${documentId}/name-check`).send(body);
    const auditBefore = await t.dataSource.getRepository(AuditEvent).countBy({ caseId });

    const match = await check(front, { holderName: 'LEFEVRE Elodie', expiry: '2031-01-01' });
    expect(match.status).toBe(200);
    expect(match.body).toEqual({
      nameMatches: true,
      expectedName: 'Élodie Lefèvre',
      expired: false,
      today: new Date().toISOString().slice(0, 10),
    });
    const other = await check(front, { holderName: 'Jean Dupont', expiry: '2020-01-01' });
    expect(other.body).toMatchObject({ nameMatches: false, expired: true });
    expect((await check(front, { holderName: 'Elodie Lefevre' })).body).toMatchObject({ nameMatches: true, expired: null });

    // What the check says is what the decision does (after a claim).
    await reviewer.post(`/api/identity-cases/${caseId}/claim`).expect(200);
    const refused = await reviewer
      .post(`/api/identity-cases/${caseId}/documents/${front}/decision`)
      .send({ ...IDENTITY, holderName: 'Jean Dupont' });
    expect(refused.body.code).toBe('documents.name_mismatch');

    const empty = await check(front, { expiry: '2031-01-01' });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('core.invalid_input');
    const badDate = await check(front, { holderName: 'Elodie Lefevre', expiry: '01/01/2031' });
    expect(badDate.status).toBe(400);
    expect(Object.keys(badDate.body.errors)).toEqual(['expiry']);
    // A day that does not exist is refused on both routes, never a 500 from the database's date column.
    const noSuchDay = await check(front, { holderName: 'Elodie Lefevre', expiry: '2031-02-30' });
    expect([noSuchDay.status, Object.keys(noSuchDay.body.errors)]).toEqual([400, ['expiry']]);
    const decidedOnNoDay = await reviewer
      .post(`/api/identity-cases/${caseId}/documents/${front}/decision`)
      .send({ ...IDENTITY, expiry: '2031-02-30' });
    expect([decidedOnNoDay.status, Object.keys(decidedOnNoDay.body.errors)]).toEqual([400, ['expiry']]);
    const notIdentity = await check(proof, { holderName: 'Elodie Lefevre' });
    expect(notIdentity.status).toBe(422);
    expect(notIdentity.body.code).toBe('documents.not_an_identity_document');
    const unknown = await check('00000000-0000-4000-8000-000000000000', { holderName: 'Elodie Lefevre' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('documents.document_not_found');

    // Only the claim (and the refused decision, which writes nothing) left a trace.
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ caseId })).toBe(auditBefore + 1);
    expect(await t.dataSource.getRepository(CaseDocument).findOneByOrFail({ id: front })).toMatchObject({
      holderName: null,
      decision: null,
    });

    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    expect((await agent.post(`/api/identity-cases/${caseId}/documents/${front}/name-check`).send({ holderName: 'X Y' })).status).toBe(403);
  });

  it('accepts a duplicate only once the reviewer confirms the other case they saw', async () => {
    const shared = await jpegWithExif(600, 380, '#a52');
    const first = await submittedCase(shared, await pdf(1, 'First proof'));
    const second = await submittedCase(shared, await pdf(1, 'Second proof'));
    const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
    await reviewer.post(`/api/identity-cases/${second.caseId}/claim`).expect(200);

    const detail = (await reviewer.get(`/api/identity-cases/${second.caseId}`)).body;
    expect(detail.fraudFlags).toEqual(['duplicate_document']);
    expect(detail.duplicates).toEqual([{ caseId: first.caseId, customerId: first.account.customerId, kind: 'identity_front' }]);
    // The agent who opened the case reads it, but not which other customer sent the same file.
    const opener = await createStaff(t.dataSource, ['agent']);
    await t.dataSource.getRepository(IdentityCase).update({ id: second.caseId }, { openedBy: opener.user.id });
    const agentView = await (await signIn(t, opener)).get(`/api/identity-cases/${second.caseId}`).expect(200);
    expect(agentView.body).toMatchObject({ fraudFlags: ['duplicate_document'], duplicates: [] });
    const flags = Object.fromEntries(
      (detail.documents as { id: string; flagsToAcknowledge: string[] }[]).map((d) => [d.id, d.flagsToAcknowledge]),
    );
    // The flag is the case's: every document of it needs the confirmation.
    expect(flags).toEqual({ [second.front]: ['duplicate_document'], [second.proof]: ['duplicate_document'] });

    const decide = (body: object) => reviewer.post(`/api/identity-cases/${second.caseId}/documents/${second.front}/decision`).send(body);
    const unconfirmed = await decide(IDENTITY);
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.code).toBe('documents.flags_not_acknowledged');
    expect(unconfirmed.body.params).toMatchObject({ flags: 'duplicate_document' });
    expect(Object.keys(unconfirmed.body.errors)).toEqual(['acknowledgedFlags']);
    const wrongFlag = await decide({ ...IDENTITY, acknowledgedFlags: ['everything'] });
    expect(wrongFlag.status).toBe(400);
    expect(Object.keys(wrongFlag.body.errors)).toEqual(['acknowledgedFlags']);
    const notArray = await decide({ ...IDENTITY, acknowledgedFlags: 'duplicate_document' });
    expect(notArray.status).toBe(400);
    expect(await t.dataSource.getRepository(CaseDocument).findOneByOrFail({ id: second.front })).toMatchObject({ decision: null });

    const accepted = await decide({ ...IDENTITY, acknowledgedFlags: ['duplicate_document'] });
    expect(accepted.status).toBe(200);
    expect(accepted.body.document).toMatchObject({ decision: 'accepted' });
    // The confirmation is in the trail: who accepted, knowing the file was a duplicate.
    const entry = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'document.accept', targetId: second.front });
    expect(entry.after).toMatchObject({ decision: 'accepted', acknowledgedFlags: ['duplicate_document'] });

    // Rejecting or asking again needs no confirmation: only accepting vouches for the file.
    const rejected = await reviewer
      .post(`/api/identity-cases/${second.caseId}/documents/${second.proof}/decision`)
      .send({ decision: 'rejected', reasonCode: 'suspected_forgery' });
    expect(rejected.status).toBe(200);
  });

  it('accepts a PDF with active content only once the reviewer confirms it', async () => {
    const { caseId, front, proof } = await submittedCase(await jpegWithExif(640, 400, '#575'), await pdfWithJavaScript());
    const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
    await reviewer.post(`/api/identity-cases/${caseId}/claim`).expect(200);
    const detail = (await reviewer.get(`/api/identity-cases/${caseId}`)).body;
    const flags = Object.fromEntries(
      (detail.documents as { id: string; flagsToAcknowledge: string[]; pdfFlags: string[] }[]).map((d) => [d.id, d.flagsToAcknowledge]),
    );
    expect(flags).toEqual({ [front]: [], [proof]: ['active_content'] });
    expect(detail.duplicates).toEqual([]);

    await reviewer.post(`/api/identity-cases/${caseId}/documents/${front}/decision`).send(IDENTITY).expect(200);
    const issuedOn = new Date().toISOString().slice(0, 10);
    const decide = (body: object) => reviewer.post(`/api/identity-cases/${caseId}/documents/${proof}/decision`).send(body);
    const unconfirmed = await decide({ decision: 'accepted', issuedOn, acknowledgedFlags: ['duplicate_document'] });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.code).toBe('documents.flags_not_acknowledged');
    expect(unconfirmed.body.params).toMatchObject({ flags: 'active_content' });
    const accepted = await decide({ decision: 'accepted', issuedOn, acknowledgedFlags: ['active_content'] });
    expect(accepted.status).toBe(200);
    expect(accepted.body.caseStatus).toBe('verified');
  });
});
