import { CustomerAccount } from '../server/accounts/customer-account.entity';
import { SecurityEvent } from '../server/accounts/security-event.entity';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { FixedClock } from '../server/core/clock';
import { RecoveryCase } from '../server/recovery/recovery-case.entity';
import { QueueService } from '../server/core/queue/queue.service';
import { RecoveryExecuteHandler } from '../server/recovery/recovery-execute.handler';
import { RecoveryReconcileHandler } from '../server/recovery/recovery-reconcile.handler';
import { executeJobId } from '../server/recovery/recovery.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { codeIn, TestSmtp } from './support/smtp';
import { until } from './support/wait';

type Client = Awaited<ReturnType<typeof signIn>>;

describe('block on request (account lock)', () => {
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

  async function verification(
    agent: Client,
    account: CustomerAccount,
    prove: 'backup_email' | 'primary_email' | null,
    callReference = 'CALL-LOCK',
  ) {
    const v = (await agent.post(`/api/accounts/${account.id}/verifications`).send({ callReference }).expect(201)).body;
    if (prove) {
      const to = prove === 'backup_email' ? account.backupEmail! : account.primaryEmail;
      const before = smtp.to(to).length;
      await agent.post(`/api/verifications/${v.id}/codes`).send({ channel: prove }).expect(202);
      const mail = await smtp.waitFor((m) => smtp.to(to).indexOf(m) === before);
      expect((await agent.post(`/api/verifications/${v.id}/code-checks`).send({ code: codeIn(mail) })).body.result).toBe('match');
    }
    return v.id as string;
  }

  it('lets an agent block only the account of a caller verified on this call, and tells every address', async () => {
    const account = await createAccount(t.dataSource);
    const other = await createAccount(t.dataSource);
    const agentStaff = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, agentStaff);

    const bare = await agent.post(`/api/accounts/${account.id}/lock`).send({ reason: 'caller says hacked' });
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('accounts.caller_not_verified');
    const unproven = await verification(agent, account, null, 'CALL-UNPROVEN');
    const noCode = await agent.post(`/api/accounts/${account.id}/lock`).send({ reason: 'caller says hacked', verificationId: unproven });
    expect(noCode.status).toBe(403);
    expect(noCode.body.code).toBe('accounts.caller_not_verified');
    // Another agent's verification is not found; one of another account is refused.
    const foreign = await verification(
      await signIn(t, await createStaff(t.dataSource, ['agent'])),
      account,
      'primary_email',
      'CALL-FOREIGN',
    );
    expect((await agent.post(`/api/accounts/${account.id}/lock`).send({ reason: 'x-y-z', verificationId: foreign })).status).toBe(404);
    const proven = await verification(agent, account, 'primary_email');
    expect((await agent.post(`/api/accounts/${other.id}/lock`).send({ reason: 'wrong account', verificationId: proven })).status).toBe(422);
    expect((await agent.post(`/api/accounts/${account.id}/lock`).send({ reason: '', verificationId: proven })).status).toBe(400);

    const locked = await agent
      .post(`/api/accounts/${account.id}/lock`)
      .send({ reason: 'caller says the account was hacked', verificationId: proven });
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({
      status: 'locked',
      lockReason: 'caller says the account was hacked',
      lockedAt: clock.now().toISOString(),
    });
    for (const to of [account.primaryEmail, account.backupEmail!]) {
      const mail = await smtp.waitFor((m) => smtp.to(to).includes(m) && /bloqué|blocked/.test(m.subject ?? ''));
      expect(mail.subject).toContain(account.customerId);
    }
    const again = await agent.post(`/api/accounts/${account.id}/lock`).send({ reason: 'twice', verificationId: proven });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('accounts.already_locked');

    const events = (await agent.get(`/api/accounts/${account.id}/events`)).body.data;
    expect(events[0]).toMatchObject({ kind: 'account_locked', detail: expect.stringContaining('caller says the account was hacked') });
    expect(events[0].detail).toContain(agentStaff.user.name);
    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'account.lock', targetId: account.id });
    expect(audit).toMatchObject({ reason: 'caller says the account was hacked', actorId: agentStaff.user.id });
    expect(audit.after).toMatchObject({ callReference: 'CALL-LOCK', verificationId: proven });

    // Unlocking is the supervisors', with a reason; the customer is told again.
    expect((await agent.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'please' })).status).toBe(403);
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const unlocked = await supervisor
      .post(`/api/accounts/${account.id}/unlock`)
      .send({ reason: 'customer called back, checked by documents' });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ status: 'active', lockReason: null, lockedAt: null });
    for (const to of [account.primaryEmail, account.backupEmail!]) {
      const mail = await smtp.waitFor((m) => smtp.to(to).includes(m) && /débloqué|unblocked/.test(m.subject ?? ''));
      expect(mail.subject).toContain(account.customerId);
    }
    const timeline = await t.dataSource.getRepository(SecurityEvent).find({ where: { accountId: account.id }, order: { id: 'DESC' } });
    expect(timeline[0]).toMatchObject({ kind: 'account_unlocked', detail: expect.stringContaining('customer called back') });
    const second = await supervisor.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'again' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('accounts.not_locked');
  });

  it('refuses every recovery action while locked with 409 accounts.locked', async () => {
    const account = await createAccount(t.dataSource);
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const proven = await verification(agent, account, 'backup_email', 'CALL-SWAP');
    await supervisor.post(`/api/accounts/${account.id}/lock`).send({ reason: 'customer asked by mail to the DPO' }).expect(200);

    const swap = await agent
      .post('/api/recovery-cases/swaps')
      .send({ accountId: account.id, verificationId: proven, callReference: 'CALL-SWAP', reason: 'lost mailbox' });
    expect(swap.status).toBe(409);
    expect(swap.body.code).toBe('accounts.locked');
    const docs = await agent
      .post('/api/identity-cases')
      .send({ accountId: account.id, purpose: 'replace_email', contactEmail: 'new.one@example.org', callReference: 'CALL-DOCS' });
    expect(docs.status).toBe(409);
    expect(docs.body.code).toBe('accounts.locked');
    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email');
    const open = await agent.post('/api/recovery-cases').send({
      accountId: account.id,
      action: 'replace_contact_email',
      identityCaseId: idCase.id,
      callReference: 'T-LOCK',
      reason: 'documents verified',
    });
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('accounts.locked');
    expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(account.primaryEmail);
  });

  it('holds approval and execution while locked; a block after the approval voids it, even once unblocked', async () => {
    const account = await createAccount(t.dataSource);
    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email');
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const opened = await agent.post('/api/recovery-cases').send({
      accountId: account.id,
      action: 'replace_contact_email',
      identityCaseId: idCase.id,
      callReference: 'T-HOLD',
      reason: 'documents verified',
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.id as string;
    await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /requested|Demande/.test(m.subject ?? ''));
    const s1 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const s2 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));

    await s1.post(`/api/accounts/${account.id}/lock`).send({ reason: 'suspicious calls' }).expect(200);
    const approve = await s2.post(`/api/recovery-cases/${caseId}/approve`);
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('accounts.locked');
    await s1.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'checked with the customer' }).expect(200);
    await s2.post(`/api/recovery-cases/${caseId}/approve`).expect(200);

    await s1.post(`/api/accounts/${account.id}/lock`).send({ reason: 'the customer called again' }).expect(200);
    clock.advance(24 * 3600_000 + 1000);
    const s3 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const execute = await s3.post(`/api/recovery-cases/${caseId}/execute`);
    expect(execute.status).toBe(409);
    expect(execute.body.code).toBe('accounts.locked');
    // The delayed job does not fail: it ends waiting, the case stays on hold, the account unchanged.
    const handler = t.app.get(RecoveryExecuteHandler);
    expect(await handler.handle({ recoveryCaseId: caseId })).toEqual({ status: 'waiting_unlock' });
    expect((await t.dataSource.getRepository(RecoveryCase).findOneByOrFail({ id: caseId })).status).toBe('on_hold');
    expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(account.primaryEmail);

    // The reconciler leaves it alone while locked (its job gone, say with Redis), and runs it after the unlock.
    const queues = t.app.get(QueueService);
    await (await queues.job('recovery.execute', executeJobId(caseId)))?.job.remove();
    const reconcile = t.app.get(RecoveryReconcileHandler);
    await reconcile.handle();
    expect(await queues.job('recovery.execute', executeJobId(caseId))).toBeNull();
    // Unblocked, the case is picked up again, but the block came after its approval: the approval is void, the
    // change is cancelled (never run unannounced after an unblock) and every address is told.
    await s3.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'customer back in control' }).expect(200);
    expect((await reconcile.handle()).enqueued).toBeGreaterThanOrEqual(1);
    await until(
      async () => (await t.dataSource.getRepository(RecoveryCase).findOneByOrFail({ id: caseId })).status === 'cancelled',
      15_000,
    );
    expect(await t.dataSource.getRepository(RecoveryCase).findOneByOrFail({ id: caseId })).toMatchObject({
      closedCode: 'void_blocked_after_approval',
      closedReason: 'approval void: the account was blocked after the approval',
      executedAt: null,
    });
    expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(account.primaryEmail);
    await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /cancelled|annulée/.test(m.subject ?? ''));
  });

  it('executes after an unblock a case whose approval came after the block was lifted', async () => {
    const account = await createAccount(t.dataSource);
    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email');
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const s1 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const s2 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    await s1.post(`/api/accounts/${account.id}/lock`).send({ reason: 'suspicious calls' }).expect(200);
    await s1.post(`/api/accounts/${account.id}/unlock`).send({ reason: 'checked with the customer' }).expect(200);
    const opened = await agent.post('/api/recovery-cases').send({
      accountId: account.id,
      action: 'replace_contact_email',
      identityCaseId: idCase.id,
      callReference: 'T-AFTER',
      reason: 'documents verified',
    });
    expect(opened.status).toBe(201);
    await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /requested|Demande/.test(m.subject ?? ''));
    await s2.post(`/api/recovery-cases/${opened.body.id}/approve`).expect(200);
    clock.advance(24 * 3600_000 + 1000);
    const s3 = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    let last: { status: number; body: unknown } | null = null;
    await until(async () => {
      last = await s3.post(`/api/recovery-cases/${opened.body.id}/execute`);
      return last.status === 200 || (last.body as { status?: string }).status === 'executed';
    }, 15_000).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(last?.body)}`);
    });
    expect((await accounts().findOneByOrFail({ id: account.id })).primaryEmail).toBe(idCase.contactEmail);
  });
});
