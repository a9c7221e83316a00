import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CustomerAccount } from '../server/accounts/customer-account.entity';
import type { AccountType } from '../server/accounts/customer-account.entity';
import { TwoFactorMethod } from '../server/accounts/two-factor-method.entity';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { AuditQueryService } from '../server/audit/audit-query.service';
import { FixedClock } from '../server/core/clock';
import { CaseDocument, DATED_KINDS } from '../server/documents/case-document.entity';
import { REQUIRED_BY_TYPE } from '../server/documents/checklist';
import { IdentityCase } from '../server/documents/identity-case.entity';
import { RecoveryCase } from '../server/recovery/recovery-case.entity';
import { RecoveryExecuteHandler } from '../server/recovery/recovery-execute.handler';
import { Alert } from '../server/supervision/alert.entity';
import { AlertsService } from '../server/supervision/alerts.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { codeIn, TestSmtp } from './support/smtp';

type Client = Awaited<ReturnType<typeof signIn>>;

/**
 * Points 1, 3 and 7 of issue 11: an agent opens a documents case for any account (link to an address on file or a
 * confirmed new one, chosen 2FA methods); the reviewer's verification opens the recovery case at once, pending a
 * supervisor's approval; execution removes only the chosen methods and requires a new enrolment.
 */
describe('documents case → recovery case, without a hand-off', () => {
  const smtp = new TestSmtp();
  const clock = new FixedClock(new Date());
  let t: TestApp;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({
      clock,
      worker: true,
      config: { smtpUrl, mailRetryBaseMs: 50, publicUrl: 'http://desk.test', recoveryHoldHours: 24 },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const methods = () => t.dataSource.getRepository(TwoFactorMethod);
  const recoveryCases = () => t.dataSource.getRepository(RecoveryCase);

  async function accountWith2fa(overrides: Partial<CustomerAccount> = {}) {
    const account = await createAccount(t.dataSource, overrides);
    const [app, key] = await methods().save([
      methods().create({
        accountId: account.id,
        kind: 'totp',
        label: 'Stolen phone',
        createdAt: new Date(),
        lastUsedAt: null,
        codesLeft: null,
      }),
      methods().create({
        accountId: account.id,
        kind: 'security_key',
        label: 'YubiKey',
        createdAt: new Date(),
        lastUsedAt: null,
        codesLeft: null,
      }),
    ]);
    return { account, app, key };
  }

  /** The customer's part, as it leaves the case: address confirmed, one processed file per required document. */
  async function customerSubmits(caseId: string) {
    const c = await t.dataSource.getRepository(IdentityCase).findOneByOrFail({ id: caseId });
    const docs = t.dataSource.getRepository(CaseDocument);
    for (const kind of REQUIRED_BY_TYPE[c.accountType as AccountType]) {
      await docs.save(
        docs.create({
          caseId,
          kind,
          originalName: `${kind}.jpg`,
          sizeBytes: 1000,
          storageKey: `k-${caseId}-${kind}`,
          uploadedBy: null,
          state: 'processed',
          pdfFlags: [],
        }),
      );
    }
    await t.dataSource
      .getRepository(IdentityCase)
      .update({ id: caseId }, { status: 'submitted', submittedAt: clock.now(), contactEmailConfirmedAt: clock.now() });
  }

  /** The reviewer accepts every document; returns the last decision's answer. */
  async function reviewerAcceptsAll(reviewer: Client, caseId: string, holder: string, o: { claimed?: boolean } = {}) {
    if (!o.claimed) await reviewer.post(`/api/identity-cases/${caseId}/claim`).expect(200);
    const docs = await t.dataSource.getRepository(CaseDocument).findBy({ caseId });
    let last: request.Response | null = null;
    for (const d of docs) {
      // A passport (one page); proofs dated on the day of the decision.
      const body = d.kind.startsWith('identity_')
        ? { decision: 'accepted', holderName: holder, expiry: '2035-01-01', identityType: 'passport' }
        : { decision: 'accepted', ...(DATED_KINDS.includes(d.kind) ? { issuedOn: clock.now().toISOString().slice(0, 10) } : {}) };
      last = await reviewer.post(`/api/identity-cases/${caseId}/documents/${d.id}/decision`).send(body);
      expect(last.status).toBe(200);
    }
    return last!.body;
  }

  it('a 2FA case to the backup address on file, only the stolen phone removed: opened at verification, four eyes, hold, execution', async () => {
    const { account, app, key } = await accountWith2fa();
    const agentStaff = await createStaff(t.dataSource, ['agent', 'supervisor']);
    const agent = await signIn(t, agentStaff);

    // The agent picks the backup address on file and the phone's app; the answer never shows the address.
    const opened = await agent.post('/api/identity-cases').send({
      accountId: account.id,
      purpose: 'disable_2fa',
      contactOnFile: 'backup',
      twoFactorMethodIds: [app.id],
      callReference: 'CALL-41',
    });
    expect(opened.status).toBe(201);
    expect(JSON.stringify(opened.body)).not.toContain(account.backupEmail!);
    const invitation = await smtp.waitFor((m) => smtp.to(account.backupEmail!).includes(m) && /\/form\/#\/case\//.test(m.text ?? ''));
    expect(codeIn(invitation)).toMatch(/^\d{6}$/);
    expect((await t.dataSource.getRepository(IdentityCase).findOneByOrFail({ id: opened.body.id })).twoFactorMethodIds).toEqual([app.id]);

    await customerSubmits(opened.body.id);
    const reviewerStaff = await createStaff(t.dataSource, ['reviewer', 'supervisor']);
    const reviewer = await signIn(t, reviewerStaff);
    const decided = await reviewerAcceptsAll(reviewer, opened.body.id, account.name);
    expect(decided.caseStatus).toBe('verified');
    expect(decided.recoveryCaseId).toEqual(expect.any(String));

    // In the supervisors' inbox at once, owned by the agent who opened the documents case, the chosen method only.
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const inbox = await supervisor.get('/api/recovery-cases').query({ status: 'pending_approval', accountId: account.id });
    expect(inbox.body.data).toHaveLength(1);
    expect(inbox.body.data[0]).toMatchObject({
      id: decided.recoveryCaseId,
      action: 'disable_2fa',
      status: 'pending_approval',
      openedBy: agentStaff.user.id,
      identityCaseId: opened.body.id,
      twoFactorMethodIds: [app.id],
      verificationId: null,
    });
    // The documents case page finds the action it led to.
    const ledTo = await supervisor.get('/api/recovery-cases').query({ identityCaseId: opened.body.id }).expect(200);
    expect(ledTo.body.data.map((c: { id: string }) => c.id)).toEqual([decided.recoveryCaseId]);
    expect((await supervisor.get('/api/recovery-cases').query({ identityCaseId: randomUUID() }).expect(200)).body.data).toEqual([]);
    await supervisor.get('/api/recovery-cases').query({ identityCaseId: 'not-a-case' }).expect(400);
    const verifiedMail = await smtp.waitFor((m) => smtp.to(account.backupEmail!).includes(m) && /validés|verified/.test(m.subject ?? ''));
    expect(verifiedMail.text).toMatch(/attend maintenant l'accord d'un superviseur/);
    expect(verifiedMail.text).toMatch(/24 heures/);
    const requested = await smtp.waitFor(
      (m) => smtp.to(account.primaryEmail).includes(m) && /Demande de modification/.test(m.subject ?? ''),
    );
    expect(requested.text).toContain("Méthodes qui seront retirées : application d'authentification « Stolen phone »");
    expect(requested.text).toContain('Méthodes conservées : clé de sécurité « YubiKey »');

    // Four eyes: neither the reviewer (whose decision opened it) nor the agent who owns it approves.
    const byReviewer = await reviewer.post(`/api/recovery-cases/${decided.recoveryCaseId}/approve`);
    expect(byReviewer.status).toBe(403);
    expect((await agent.post(`/api/recovery-cases/${decided.recoveryCaseId}/approve`)).status).toBe(403);
    const approved = await supervisor.post(`/api/recovery-cases/${decided.recoveryCaseId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'on_hold', holdUntil: expect.any(String) });

    const job = t.app.get(RecoveryExecuteHandler);
    await expect(job.handle({ recoveryCaseId: decided.recoveryCaseId })).rejects.toThrow(/hold lasts until/);
    clock.advance(24 * 3600_000 + 1000);
    expect(await job.handle({ recoveryCaseId: decided.recoveryCaseId })).toEqual({ status: 'executed' });

    expect((await methods().findBy({ accountId: account.id })).map((x) => x.id)).toEqual([key.id]);
    const after = await t.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: account.id });
    expect(after.flags).toContain('reenrol_2fa_required');
    const detail = await (await signIn(t, agentStaff)).get(`/api/accounts/${account.id}`);
    expect(detail.body).toMatchObject({ twoFactorReenrolRequired: true, twoFactorMethods: [{ id: key.id, kind: 'security_key' }] });
    const executed = await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /Modification effectuée/.test(m.subject ?? ''));
    expect(executed.text).toContain("Méthodes retirées : application d'authentification « Stolen phone »");
    expect(executed.text).toMatch(/enregistrer une nouvelle méthode de double authentification/);
  });

  it('a replacement asked on the customer form opens a contact email replacement at verification, owned by the reviewer', async () => {
    const account = await createAccount(t.dataSource, { backupEmail: null, language: 'en' });
    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email', {
      status: 'collecting',
      language: 'en',
      contactEmail: 'fresh.start@example.org',
      submittedAt: null,
      claimedAt: null,
      decidedAt: null,
    });
    await customerSubmits(idCase.id);
    const reviewerStaff = await createStaff(t.dataSource, ['reviewer', 'supervisor']);
    const reviewer = await signIn(t, reviewerStaff);
    const decided = await reviewerAcceptsAll(reviewer, idCase.id, account.name);
    const rc = await recoveryCases().findOneByOrFail({ id: decided.recoveryCaseId });
    expect(rc).toMatchObject({
      action: 'replace_contact_email',
      status: 'pending_approval',
      newValue: 'fresh.start@example.org',
      twoFactorMethodIds: null,
      openedBy: reviewerStaff.user.id,
    });
    const mail = await smtp.waitFor((m) => smtp.to('fresh.start@example.org').includes(m) && /verified/.test(m.subject ?? ''));
    expect(mail.text).toMatch(/now waits for a supervisor's approval/);
    const own = await reviewer.post(`/api/recovery-cases/${rc.id}/approve`);
    expect(own.status).toBe(403);

    // The agent the customer calls back sees where it stands on the account page (the case page stays the owner's).
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const onAccount = await agent.get('/api/recovery-cases').query({ accountId: account.id }).expect(200);
    expect(onAccount.body.data).toEqual([expect.objectContaining({ id: rc.id, status: 'pending_approval' })]);
    expect((await agent.get('/api/recovery-cases').expect(200)).body.data.map((c: { id: string }) => c.id)).not.toContain(rc.id);
    await agent.get(`/api/recovery-cases/${rc.id}`).expect(404);
  });

  it('lets the reviewer choose the methods of a 2FA case from the customer form, carried to the recovery case', async () => {
    const { account, app, key } = await accountWith2fa();
    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'disable_2fa', {
      status: 'collecting',
      contactEmail: account.primaryEmail,
      submittedAt: null,
      claimedAt: null,
      decidedAt: null,
    });
    await customerSubmits(idCase.id);
    const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
    const early = await reviewer.post(`/api/identity-cases/${idCase.id}/two-factor-methods`).send({ twoFactorMethodIds: [app.id] });
    expect(early.status).toBe(409);
    await reviewer.post(`/api/identity-cases/${idCase.id}/claim`).expect(200);
    const shown = await reviewer.get(`/api/identity-cases/${idCase.id}`);
    expect(shown.body).toMatchObject({
      twoFactorMethodIds: null,
      twoFactorMethods: [
        { id: app.id, kind: 'totp' },
        { id: key.id, kind: 'security_key' },
      ],
    });
    const foreign = await reviewer.post(`/api/identity-cases/${idCase.id}/two-factor-methods`).send({ twoFactorMethodIds: [randomUUID()] });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'documents.unknown_2fa_method']);
    const none = await reviewer.post(`/api/identity-cases/${idCase.id}/two-factor-methods`).send({ twoFactorMethodIds: [] });
    expect(none.status).toBe(400);
    const chosen = await reviewer.post(`/api/identity-cases/${idCase.id}/two-factor-methods`).send({ twoFactorMethodIds: [app.id] });
    expect(chosen.body).toEqual({ twoFactorMethodIds: [app.id] });
    const decided = await reviewerAcceptsAll(reviewer, idCase.id, account.name, { claimed: true });
    expect((await recoveryCases().findOneByOrFail({ id: decided.recoveryCaseId })).twoFactorMethodIds).toEqual([app.id]);

    const replacement = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email', {
      status: 'collecting',
      submittedAt: null,
      claimedAt: null,
      decidedAt: null,
    });
    await customerSubmits(replacement.id);
    await reviewer.post(`/api/identity-cases/${replacement.id}/claim`).expect(200);
    const notTwoFa = await reviewer.post(`/api/identity-cases/${replacement.id}/two-factor-methods`).send({ twoFactorMethodIds: [app.id] });
    expect([notTwoFa.status, notTwoFa.body.code]).toEqual([422, 'documents.not_a_2fa_case']);
  });

  it('refuses unclear contact choices and unknown methods when opening', async () => {
    const { account } = await accountWith2fa({ backupEmail: null });
    const other = await accountWith2fa();
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const base = { accountId: account.id, purpose: 'disable_2fa', callReference: 'CALL-43' };
    const both = await agent.post('/api/identity-cases').send({ ...base, contactEmail: 'x@example.org', contactOnFile: 'primary' });
    expect([both.status, both.body.code]).toEqual([400, 'documents.contact_choice']);
    const noBackup = await agent.post('/api/identity-cases').send({ ...base, contactOnFile: 'backup' });
    expect([noBackup.status, noBackup.body.code]).toEqual([422, 'documents.no_backup_email']);
    const foreign = await agent.post('/api/identity-cases').send({ ...base, contactOnFile: 'primary', twoFactorMethodIds: [other.app.id] });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'documents.unknown_2fa_method']);
    const replacementOnFile = await agent.post('/api/identity-cases').send({ ...base, purpose: 'replace_email', contactOnFile: 'primary' });
    expect([replacementOnFile.status, replacementOnFile.body.code]).toEqual([422, 'documents.contact_on_file_not_for_replacement']);
    const ok = await agent.post('/api/identity-cases').send({ ...base, contactOnFile: 'primary' });
    expect(ok.status).toBe(201);
    await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /\/form\/#\/case\//.test(m.text ?? ''));
  });

  it('verifies the case even when the action cannot be opened (locked account), and the manual opening serves later', async () => {
    const { account } = await accountWith2fa();
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const opened = await agent
      .post('/api/identity-cases')
      .send({ accountId: account.id, purpose: 'disable_2fa', contactOnFile: 'primary', callReference: 'CALL-44' });
    await customerSubmits(opened.body.id);
    await t.dataSource.getRepository(CustomerAccount).update({ id: account.id }, { status: 'locked' });
    const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
    const decided = await reviewerAcceptsAll(reviewer, opened.body.id, account.name);
    expect(decided).toMatchObject({ caseStatus: 'verified', recoveryCaseId: null });
    expect(await recoveryCases().countBy({ accountId: account.id })).toBe(0);
    const denied = await t.dataSource
      .getRepository(AuditEvent)
      .findOneByOrFail({ caseId: opened.body.id, action: 'recovery.disable_2fa.open' });
    expect(denied).toMatchObject({ outcome: 'denied', reason: 'accounts.locked' });
    const mail = await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /validés/.test(m.subject ?? ''));
    expect(mail.text).toMatch(/Notre support reprend votre demande/);

    // Once unlocked, an agent opens it by hand; the documents prove identity, no call verification is needed.
    await t.dataSource.getRepository(CustomerAccount).update({ id: account.id }, { status: 'active' });
    const manual = await agent
      .post('/api/recovery-cases')
      .send({ accountId: account.id, action: 'disable_2fa', identityCaseId: opened.body.id, callReference: 'CALL-45', reason: 'unlocked' });
    expect([manual.status, manual.body.status]).toEqual([201, 'pending_approval']);
    const again = await agent
      .post('/api/recovery-cases')
      .send({ accountId: account.id, action: 'disable_2fa', identityCaseId: opened.body.id, callReference: 'CALL-45', reason: 'unlocked' });
    expect([again.status, again.body.code]).toEqual([409, 'recovery.already_open']);

    // Documents serve one action: rejected, it cannot be opened again from the same documents.
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    await supervisor.post(`/api/recovery-cases/${manual.body.id}/reject`).send({ reason: 'caller could not be reached' }).expect(200);
    const reused = await agent
      .post('/api/recovery-cases')
      .send({ accountId: account.id, action: 'disable_2fa', identityCaseId: opened.body.id, callReference: 'CALL-46', reason: 'again' });
    expect([reused.status, reused.body.code]).toEqual([409, 'recovery.identity_case_used']);
  });

  it('raises a supervisor alert when a verified case could not open its action, so it never waits unowned', async () => {
    const { account } = await accountWith2fa();
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const opened = await agent
      .post('/api/identity-cases')
      .send({ accountId: account.id, purpose: 'disable_2fa', contactOnFile: 'primary', callReference: 'CALL-47' });
    await customerSubmits(opened.body.id);
    await t.dataSource.getRepository(CustomerAccount).update({ id: account.id }, { status: 'locked' });
    await reviewerAcceptsAll(await signIn(t, await createStaff(t.dataSource, ['reviewer'])), opened.body.id, account.name);
    await t.app.get(AlertsService).scan();
    const raised = await t.dataSource.getRepository(Alert).findBy({ rule: 'verified_without_action', caseId: opened.body.id });
    expect(raised).toHaveLength(1);
    expect(raised[0].details).toMatchObject({ refusal: 'accounts.locked', identityCaseId: opened.body.id });
    await t.app.get(AlertsService).scan();
    expect(await t.dataSource.getRepository(Alert).countBy({ rule: 'verified_without_action', caseId: opened.body.id })).toBe(1);
  });

  it('mails the approval with its effective date, and voids an approval followed by a block', async () => {
    const { account } = await accountWith2fa({ language: 'en' });
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const opened = await agent
      .post('/api/identity-cases')
      .send({ accountId: account.id, purpose: 'disable_2fa', contactOnFile: 'primary', callReference: 'CALL-48' });
    await customerSubmits(opened.body.id);
    const decided = await reviewerAcceptsAll(await signIn(t, await createStaff(t.dataSource, ['reviewer'])), opened.body.id, account.name);
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const approved = await supervisor.post(`/api/recovery-cases/${decided.recoveryCaseId}/approve`).expect(200);
    const effective = new Date(approved.body.holdUntil).toISOString().slice(0, 16).replace('T', ' ');
    for (const to of [account.primaryEmail, account.backupEmail!]) {
      const mail = await smtp.waitFor((m) => smtp.to(to).includes(m) && /Change approved/.test(m.subject ?? ''));
      expect(mail.subject).toBe(`[${account.customerId}] Change approved on your account`);
      expect(mail.text).toContain(`It takes effect on ${effective} UTC`);
      expect(mail.text).toMatch(/cancel it before then with this link: http:\/\/desk\.test\/form\/#\/link\//);
    }

    // The customer fears a takeover: blocked, then unblocked. The approval given before the block is void.
    await supervisor.post(`/api/accounts/${account.id}/lock`).send({ reason: 'customer says the account is hacked' }).expect(200);
    await supervisor.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'customer back in control' }).expect(200);
    clock.advance(24 * 3600_000 + 1000);
    await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /A change to your account was requested/.test(m.subject ?? ''));
    await expect(t.app.get(RecoveryExecuteHandler).handle({ recoveryCaseId: decided.recoveryCaseId })).rejects.toThrow();
    expect(await recoveryCases().findOneByOrFail({ id: decided.recoveryCaseId })).toMatchObject({
      status: 'cancelled',
      closedCode: 'void_blocked_after_approval',
      closedReason: 'approval void: the account was blocked after the approval',
      executedAt: null,
    });
    expect(await methods().countBy({ accountId: account.id })).toBe(2);
    await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /Request cancelled/.test(m.subject ?? ''));
  });

  it('leaves the audit chain intact', async () => {
    expect(await t.app.get(AuditQueryService).verifyAll()).toMatchObject({ ok: true, firstBrokenId: null });
  });
});
