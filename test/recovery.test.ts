import request from 'supertest';
import { CustomerAccount } from '../server/accounts/customer-account.entity';
import { TwoFactorMethod } from '../server/accounts/two-factor-method.entity';
import { AuditQueryService } from '../server/audit/audit-query.service';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { chainHash } from '../server/audit/audit-chain';
import { FixedClock } from '../server/core/clock';
import { RecoveryCase } from '../server/recovery/recovery-case.entity';
import { RecoveryExecuteHandler } from '../server/recovery/recovery-execute.handler';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { codeIn, TestSmtp } from './support/smtp';

type Client = Awaited<ReturnType<typeof signIn>>;

describe('recovery actions', () => {
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

  const accounts = () => t.dataSource.getRepository(CustomerAccount);
  const linkIn = (text: string | undefined) => /\/form\/#\/link\/([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];

  /** Verifies the caller of a call by a code mailed to one address, read back from the SMTP server. */
  async function verified(agent: Client, account: CustomerAccount, channel: 'backup_email' | 'primary_email') {
    const v = (await agent.post(`/api/accounts/${account.id}/verifications`).send({ callReference: `CALL-${channel}` })).body;
    const to = channel === 'backup_email' ? account.backupEmail! : account.primaryEmail;
    const before = smtp.to(to).length;
    await agent.post(`/api/verifications/${v.id}/codes`).send({ channel }).expect(202);
    const mail = await smtp.waitFor((m) => smtp.to(to).indexOf(m) === before);
    const check = await agent.post(`/api/verifications/${v.id}/code-checks`).send({ code: codeIn(mail) });
    expect(check.body.result).toBe('match');
    return v.id as string;
  }

  describe('the list of recovery cases', () => {
    it('pages oldest first with cursors that neither skip nor repeat, even within one millisecond', async () => {
      const account = await createAccount(t.dataSource);
      const opener = await createStaff(t.dataSource, ['agent']);
      const stamps = ['00.123100', '00.123900', '00.123900', '00.124000', '01.000000', '02.500000', '02.500001'];
      const ids: string[] = [];
      for (const [i, stamp] of stamps.entries()) {
        const [row] = await t.dataSource.query(
          `INSERT INTO recovery_cases (account_id, action, status, call_reference, reason, opened_by, created_at)
           VALUES ($1, 'backup_to_primary', 'cancelled', $2, 'paging test', $3, $4) RETURNING id`,
          [account.id, `PAGE-${i}`, opener.user.id, `2020-01-01T00:00:${stamp}Z`],
        );
        ids.push(row.id);
      }
      const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await supervisor.get('/api/recovery-cases').query({ accountId: account.id, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...res.body.data.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(stamps.length);
      // Oldest first to the millisecond, then by id.
      const ms = (stamp: string) => stamp.slice(0, 6);
      const expected = ids
        .map((id, i) => ({ id, key: ms(stamps[i]) }))
        .sort((a, b) => (a.key === b.key ? (a.id < b.id ? -1 : 1) : a.key < b.key ? -1 : 1));
      expect(seen).toEqual(expected.map((e) => e.id));

      const bad = await supervisor.get('/api/recovery-cases').query({ cursor: 'not-a-cursor' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.cursor).toBeDefined();
    });
  });

  describe('backup email → primary, on the call', () => {
    it('swaps at once after a possession check on the backup email, and tells both addresses', async () => {
      const account = await createAccount(t.dataSource);
      const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      const verificationId = await verified(agent, account, 'backup_email');
      const res = await agent
        .post('/api/recovery-cases/swaps')
        .send({ accountId: account.id, verificationId, callReference: 'CALL-SWAP-1', reason: 'primary mailbox closed' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ action: 'backup_to_primary', status: 'executed' });

      const after = await accounts().findOneByOrFail({ id: account.id });
      expect(after).toMatchObject({ primaryEmail: account.backupEmail, backupEmail: null, flags: ['backup_email_required'] });
      expect(after.sessionsValidAfter).toBeInstanceOf(Date);
      const toNew = await smtp.waitFor((m) => smtp.to(account.backupEmail!).includes(m) && /principale|primary/.test(m.subject ?? ''));
      expect(toNew.subject).toMatch(new RegExp(`^\\[${account.customerId}\\]`));
      const toOld = await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /a changé|changed/.test(m.subject ?? ''));
      expect(linkIn(toOld.text)).toBeTruthy();

      const again = await agent
        .post('/api/recovery-cases/swaps')
        .send({ accountId: account.id, verificationId, callReference: 'CALL-SWAP-1', reason: 'again' });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('recovery.no_backup_email');
    });

    it('refuses without a possession check on the backup email, on a locked account, and on another agent’s call', async () => {
      const account = await createAccount(t.dataSource);
      const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      const onPrimary = await verified(agent, account, 'primary_email');
      const noCheck = await agent
        .post('/api/recovery-cases/swaps')
        .send({ accountId: account.id, verificationId: onPrimary, callReference: 'C-1', reason: 'try' });
      expect(noCheck.status).toBe(422);
      expect(noCheck.body.code).toBe('recovery.possession_not_proven');

      const onBackup = await verified(agent, account, 'backup_email');
      const other = await signIn(t, await createStaff(t.dataSource, ['agent']));
      expect(
        (
          await other
            .post('/api/recovery-cases/swaps')
            .send({ accountId: account.id, verificationId: onBackup, callReference: 'C-2', reason: 'try' })
        ).status,
      ).toBe(404);

      await accounts().update({ id: account.id }, { status: 'locked' });
      const locked = await agent
        .post('/api/recovery-cases/swaps')
        .send({ accountId: account.id, verificationId: onBackup, callReference: 'C-3', reason: 'try' });
      expect(locked.status).toBe(409);
      expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(account.primaryEmail);
    });

    it('lets the old address report the swap, which locks the account, alerts supervisors, and a supervisor reverts it', async () => {
      const supervisorStaff = await createStaff(t.dataSource, ['supervisor']);
      const account = await createAccount(t.dataSource);
      const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      const verificationId = await verified(agent, account, 'backup_email');
      const swap = (
        await agent
          .post('/api/recovery-cases/swaps')
          .send({ accountId: account.id, verificationId, callReference: 'CALL-R', reason: 'lost mailbox' })
      ).body;
      const toOld = await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /a changé|changed/.test(m.subject ?? ''));
      const token = linkIn(toOld.text)!;

      expect((await request(t.url).get(`/api/public/recovery-links/${token}`)).body).toEqual({
        action: 'backup_to_primary',
        status: 'executed',
        effect: 'report',
      });
      const report = await request(t.url).post(`/api/public/recovery-links/${token}`);
      expect(report.body).toEqual({ result: 'reported' });
      expect((await request(t.url).post(`/api/public/recovery-links/${token}`)).status).toBe(404);
      expect((await accounts().findOneByOrFail({ id: account.id })).status).toBe('locked');
      await smtp.waitFor((m) => smtp.to(supervisorStaff.email).includes(m) && /this was not me/.test(m.subject ?? ''));

      const supervisor = await signIn(t, supervisorStaff);
      const revert = await supervisor.post(`/api/recovery-cases/${swap.id}/revert`).send({ reason: 'customer reported it' });
      expect(revert.status).toBe(200);
      expect(await accounts().findOneByOrFail({ id: account.id })).toMatchObject({
        primaryEmail: account.primaryEmail,
        backupEmail: account.backupEmail,
        flags: [],
      });
      expect((await supervisor.post(`/api/recovery-cases/${swap.id}/revert`).send({ reason: 'twice' })).status).toBe(409);
      const unlocked = await supervisor.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'customer confirmed by documents' });
      expect(unlocked.body.status).toBe('active');
      expect((await supervisor.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'again' })).status).toBe(409);
    });
  });

  describe('documents-based actions with four eyes and a hold', () => {
    async function openReplacement() {
      const account = await createAccount(t.dataSource);
      const reviewerSupervisor = await createStaff(t.dataSource, ['reviewer', 'supervisor']);
      const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email', { reviewerId: reviewerSupervisor.user.id });
      const agentStaff = await createStaff(t.dataSource, ['agent', 'supervisor']);
      const agent = await signIn(t, agentStaff);
      const res = await agent.post('/api/recovery-cases').send({
        accountId: account.id,
        action: 'replace_contact_email',
        identityCaseId: idCase.id,
        callReference: 'TICKET-9',
        reason: 'documents verified',
      });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('pending_approval');
      return { account, idCase, agent, agentStaff, reviewerSupervisor, caseId: res.body.id as string };
    }

    it('replaces the contact email: approval by a third person, a hold, then execution and mails to every address', async () => {
      const { account, idCase, agent, reviewerSupervisor, caseId } = await openReplacement();
      for (const to of [account.primaryEmail, account.backupEmail!, idCase.contactEmail]) {
        const mail = await smtp.waitFor((m) => smtp.to(to).includes(m) && /requested|Demande de modification/.test(m.subject ?? ''));
        expect(linkIn(mail.text)).toBeTruthy();
      }
      expect((await agent.post(`/api/recovery-cases/${caseId}/approve`)).status).toBe(403);
      const reviewer = await signIn(t, reviewerSupervisor);
      const byReviewer = await reviewer.post(`/api/recovery-cases/${caseId}/approve`);
      expect(byReviewer.status).toBe(403);
      expect(byReviewer.body.code).toBe('recovery.reviewed_documents');

      const s1 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const s2 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const approvals = await Promise.all([
        s1.post(`/api/recovery-cases/${caseId}/approve`),
        s2.post(`/api/recovery-cases/${caseId}/approve`),
      ]);
      expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
      const approved = approvals.find((r) => r.status === 200)!.body;
      expect(approved).toMatchObject({ status: 'on_hold', approvalHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect((await s1.post(`/api/recovery-cases/${caseId}/approve`)).status).toBe(409);

      const early = await s1.post(`/api/recovery-cases/${caseId}/execute`);
      expect(early.status).toBe(409);
      expect([early.body.code, early.body.params]).toEqual(['recovery.hold_not_over', { holdUntil: approved.holdUntil }]);
      expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(account.primaryEmail);

      clock.advance(24 * 3600_000 + 1000);
      const s3 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const runs = await Promise.all([s3.post(`/api/recovery-cases/${caseId}/execute`), s3.post(`/api/recovery-cases/${caseId}/execute`)]);
      expect(runs.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(idCase.contactEmail);
      for (const to of [account.primaryEmail, idCase.contactEmail]) {
        await smtp.waitFor((m) => smtp.to(to).includes(m) && /Change made|Modification effectuée/.test(m.subject ?? ''));
      }

      // The evidence bundle: its audit entries are the chain's own, and their hashes check out independently.
      const evidence = await s3.get(`/api/evidence/recovery-cases/${caseId}`);
      expect(evidence.status).toBe(200);
      expect(evidence.body).toMatchObject({ kind: 'recovery_case', case: { status: 'executed' }, integrity: { hashesRecomputed: true } });
      expect(evidence.body.identityCase.id).toBe(idCase.id);
      const actions = evidence.body.audit.map((e: { action: string }) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'recovery.replace_contact_email.open',
          'recovery.replace_contact_email.approve',
          'recovery.replace_contact_email.execute',
        ]),
      );
      for (const e of evidence.body.audit) {
        const live = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ id: e.id });
        expect(e.hash).toBe(live.hash);
        expect(chainHash(e.prevHash, { ...e, at: new Date(e.at) })).toBe(e.hash);
      }
      expect(evidence.body.mails.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(evidence.body)).not.toContain(account.primaryEmail);
      const anotherAgent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      expect((await anotherAgent.get(`/api/evidence/recovery-cases/${caseId}`)).status).toBe(403);
    });

    it('voids the approval when the account changed after it', async () => {
      const { account, caseId } = await openReplacement();
      const s1 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      await s1.post(`/api/recovery-cases/${caseId}/approve`).expect(200);
      await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /requested|Demande/.test(m.subject ?? ''));
      await accounts().update({ id: account.id }, { backupEmail: 'someone.else@example.net' });
      clock.advance(24 * 3600_000 + 1000);
      const s2 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      const res = await s2.post(`/api/recovery-cases/${caseId}/execute`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('recovery.approval_void');
      expect(await t.dataSource.getRepository(RecoveryCase).findOneByOrFail({ id: caseId })).toMatchObject({
        status: 'cancelled',
        closedCode: 'void_changed_since_approval',
      });
      expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(account.primaryEmail);
    });

    it('lets the customer cancel during the hold with the link of the mail', async () => {
      const { account, caseId } = await openReplacement();
      const mail = await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /requested|Demande/.test(m.subject ?? ''));
      const s1 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      await s1.post(`/api/recovery-cases/${caseId}/approve`).expect(200);
      const used = await request(t.url).post(`/api/public/recovery-links/${linkIn(mail.text)}`);
      expect(used.body).toEqual({ result: 'cancelled' });
      // The console reads why as a code it translates, not the English description beside it.
      const closed = await s1.get(`/api/recovery-cases/${caseId}`).expect(200);
      expect(closed.body).toMatchObject({ status: 'cancelled', closedCode: 'customer_cancelled' });
      clock.advance(24 * 3600_000 + 1000);
      const s2 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      expect((await s2.post(`/api/recovery-cases/${caseId}/execute`)).status).toBe(409);
      expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(account.primaryEmail);
    });

    it('refuses a case that is not verified, of the wrong purpose, or a second open case for the same action', async () => {
      const account = await createAccount(t.dataSource);
      const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      const inReview = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email', { status: 'in_review' });
      const wrongPurpose = await createVerifiedIdentityCase(t.dataSource, account, 'disable_2fa');
      const good = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email');
      const body = (identityCaseId: string) => ({
        accountId: account.id,
        action: 'replace_contact_email',
        identityCaseId,
        callReference: 'T-1',
        reason: 'test',
      });
      // An agent finds the verified cases of the account, whoever opened them, and only those.
      const listed = await agent.get('/api/identity-cases').query({ status: 'verified', accountId: account.id });
      expect(listed.body.data.map((c: { id: string }) => c.id).sort()).toEqual([wrongPurpose.id, good.id].sort());
      expect((await agent.get(`/api/identity-cases/${inReview.id}`)).status).toBe(404);
      const r1 = await agent.post('/api/recovery-cases').send(body(inReview.id));
      expect([r1.status, r1.body.code, r1.body.params]).toEqual([422, 'recovery.identity_case_not_verified', { status: 'in_review' }]);
      expect(r1.body.message).toBe('The identity-documents case is in_review, not verified');
      const r2 = await agent.post('/api/recovery-cases').send(body(wrongPurpose.id));
      expect(r2.status).toBe(422);
      expect([r2.body.code, r2.body.params]).toEqual(['recovery.identity_case_wrong_purpose', { purpose: 'disable_2fa' }]);
      expect((await agent.post('/api/recovery-cases').send(body(good.id))).status).toBe(201);
      const dup = await agent.post('/api/recovery-cases').send(body(good.id));
      expect([dup.status, dup.body.code]).toEqual([409, 'recovery.already_open']);
    });

    it('disables 2FA on verified documents alone (no call check needed) after approval, removing every method of an old case', async () => {
      const account = await createAccount(t.dataSource);
      const methods = t.dataSource.getRepository(TwoFactorMethod);
      await methods.save([
        methods.create({ accountId: account.id, kind: 'totp', label: 'Phone', createdAt: new Date(), lastUsedAt: null, codesLeft: null }),
        methods.create({
          accountId: account.id,
          kind: 'backup_codes',
          label: 'Codes',
          createdAt: new Date(),
          lastUsedAt: null,
          codesLeft: 4,
        }),
      ]);
      const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'disable_2fa');
      const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      const otherAccount = await createAccount(t.dataSource);
      const foreignCheck = await agent.post(`/api/accounts/${otherAccount.id}/verifications`).send({ callReference: 'CALL-other' });
      const wrongCheck = await agent.post('/api/recovery-cases').send({
        accountId: account.id,
        action: 'disable_2fa',
        identityCaseId: idCase.id,
        verificationId: foreignCheck.body.id,
        callReference: 'T-2',
        reason: 'phone stolen',
      });
      expect(wrongCheck.status).toBe(422);
      const opened = await agent
        .post('/api/recovery-cases')
        .send({ accountId: account.id, action: 'disable_2fa', identityCaseId: idCase.id, callReference: 'T-2', reason: 'phone stolen' });
      expect(opened.status).toBe(201);
      await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /requested|Demande/.test(m.subject ?? ''));
      const s1 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
      await s1.post(`/api/recovery-cases/${opened.body.id}/approve`).expect(200);
      // The job the approval scheduled for the end of the hold: refused before it (it will retry), done after.
      const job = t.app.get(RecoveryExecuteHandler);
      await expect(job.handle({ recoveryCaseId: opened.body.id })).rejects.toThrow(/hold lasts until/);
      clock.advance(24 * 3600_000 + 1000);
      expect(await job.handle({ recoveryCaseId: opened.body.id })).toEqual({ status: 'executed' });
      expect(await job.handle({ recoveryCaseId: opened.body.id })).toEqual({ status: 'executed' });
      expect(await methods.countBy({ accountId: account.id })).toBe(0);
      expect((await accounts().findOneByOrFail({ id: account.id })).flags).toContain('reenrol_2fa_required');
      await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /Change made|Modification effectuée/.test(m.subject ?? ''));
    });
  });

  it('leaves the audit chain intact after all of it', async () => {
    expect(await t.app.get(AuditQueryService).verifyAll()).toMatchObject({ ok: true, firstBrokenId: null });
  });
});
