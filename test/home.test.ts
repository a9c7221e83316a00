import { AuditCheckpoint } from '../server/audit/audit-checkpoint.entity';
import { FixedClock } from '../server/core/clock';
import { IdentityCase } from '../server/documents/identity-case.entity';
import { OutboxMessage } from '../server/notifications/outbox-message.entity';
import { RecoveryCase } from '../server/recovery/recovery-case.entity';
import { RoleRequest } from '../server/staff/role-request.entity';
import { Alert } from '../server/supervision/alert.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase, TestStaff } from './support/factories';

const HOUR = 3600_000;

describe('home pages per role', () => {
  const clock = new FixedClock(new Date('2026-11-24T15:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  it('shows an agent their own calls of the day, live or not, with the customer ID', async () => {
    const agent = await createStaff(t.dataSource, ['agent']);
    const other = await createStaff(t.dataSource, ['agent']);
    const [a1, a2, a3] = [await createAccount(t.dataSource), await createAccount(t.dataSource), await createAccount(t.dataSource)];
    const mine = await signIn(t, agent);
    const theirs = await signIn(t, other);

    // Yesterday's call does not count.
    clock.set(new Date('2026-11-23T22:00:00Z'));
    await mine.post(`/api/accounts/${a3.id}/verifications`).send({ callReference: 'TCK-YESTERDAY' }).expect(201);
    clock.set(new Date('2026-11-24T09:00:00Z'));
    await mine.post(`/api/accounts/${a1.id}/verifications`).send({ callReference: 'TCK-MORNING' }).expect(201);
    clock.set(new Date('2026-11-24T15:00:00Z'));
    await mine.post(`/api/accounts/${a2.id}/verifications`).send({ callReference: 'TCK-NOW' }).expect(201);
    await theirs.post(`/api/accounts/${a1.id}/verifications`).send({ callReference: 'TCK-OTHER' }).expect(201);

    const res = await mine.get('/api/home/agent').expect(200);
    expect(res.body.calls.map((c: { callReference: string }) => c.callReference)).toEqual(['TCK-NOW', 'TCK-MORNING']);
    expect(res.body.calls[0]).toMatchObject({ accountId: a2.id, customerId: a2.customerId, live: true });
    expect(res.body.calls[1]).toMatchObject({ accountId: a1.id, customerId: a1.customerId, live: false });
  });

  it('gives reviewers the queue counts and the cases near or past the 72 h target', async () => {
    const reviewer = await createStaff(t.dataSource, ['reviewer']);
    const account = await createAccount(t.dataSource);
    const now = clock.now().getTime();
    const make = (status: IdentityCase['status'], hoursAgo: number, reviewerId: string | null = null) =>
      createVerifiedIdentityCase(t.dataSource, account, 'disable_2fa', {
        status,
        submittedAt: new Date(now - hoursAgo * HOUR),
        claimedAt: null,
        decidedAt: null,
        reviewerId,
      });
    await make('submitted', 2);
    const near = await make('submitted', 65);
    const past = await make('in_review', 80, reviewer.user.id);
    await make('in_review', 5);
    await make('verified', 100);
    // Waiting for the customer: counted apart, never late (its clock restarts at the new upload).
    await make('awaiting_reupload', 90);

    const res = await (await signIn(t, reviewer)).get('/api/home/reviewer').expect(200);
    expect(res.body).toMatchObject({ waiting: 2, inReview: 2, mine: 1, awaitingReupload: 1, near: 1, past: 1, targetHours: 72 });
    expect(res.body.cases.map((c: { id: string }) => c.id)).toEqual([past.id, near.id]);
    expect(res.body.cases[0]).toMatchObject({ customerId: account.customerId, purpose: 'disable_2fa', mine: true, hoursLeft: -8 });
    expect(res.body.cases[1]).toMatchObject({ mine: false, hoursLeft: 7 });
  });

  it('gives supervisors pending approvals, open alerts, the chain status and failed mails', async () => {
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const empty = await supervisor.get('/api/home/supervisor').expect(200);
    expect(empty.body).toMatchObject({ pendingApprovals: 0, openAlerts: 0, chain: null, failedMails: 0 });

    const agent = await createStaff(t.dataSource, ['agent']);
    const account = await createAccount(t.dataSource);
    const recovery = t.dataSource.getRepository(RecoveryCase);
    for (const [action, status] of [
      ['disable_2fa', 'pending_approval'],
      ['replace_contact_email', 'pending_approval'],
      ['backup_to_primary', 'executed'],
    ] as const) {
      await recovery.save(
        recovery.create({ accountId: account.id, action, status, callReference: 'TCK-1', reason: 'home test', openedBy: agent.user.id }),
      );
    }
    const alerts = t.dataSource.getRepository(Alert);
    await alerts.save(
      alerts.create({ rule: 'swap_burst', dedupeKey: 'home-1', summary: 'burst', eventId: '1', details: {} } as Partial<Alert>),
    );
    await alerts.save(
      alerts.create({
        rule: 'swap_burst',
        dedupeKey: 'home-2',
        summary: 'burst',
        eventId: '1',
        details: {},
        acknowledgedAt: clock.now(),
      } as Partial<Alert>),
    );
    await t.dataSource
      .getRepository(AuditCheckpoint)
      .save({ at: clock.now(), lastEventId: null, lastHash: null, checked: 10, ok: true, firstBrokenId: null, full: false });
    const outbox = t.dataSource.getRepository(OutboxMessage);
    await outbox.save(
      outbox.create({
        accountId: account.id,
        template: 'verification_code',
        language: 'fr',
        toAddress: 'x@example.com',
        params: {},
        status: 'failed',
      } as Partial<OutboxMessage>),
    );

    const res = await supervisor.get('/api/home/supervisor').expect(200);
    expect(res.body).toMatchObject({
      pendingApprovals: 2,
      openAlerts: 1,
      chain: { ok: true, fullPass: false, checkedAt: clock.now().toISOString() },
      failedMails: 1,
    });
  });

  it('gives admins the staff requests waiting for a second admin', async () => {
    const admin = await createStaff(t.dataSource, ['admin']);
    const target = await createStaff(t.dataSource, ['agent']);
    const client = await signIn(t, admin);
    const before = (await client.get('/api/home/admin').expect(200)).body.pendingRequests;
    const requests = t.dataSource.getRepository(RoleRequest);
    await requests.save(
      requests.create({
        staffId: target.user.id,
        requestedBy: admin.user.id,
        fromRoles: ['agent'],
        roles: ['agent', 'supervisor'],
        reason: 'home test',
      }),
    );
    const res = await client.get('/api/home/admin').expect(200);
    expect(res.body.pendingRequests).toBe(before + 1);
    expect(res.body.requests.find((r: { staffId: string }) => r.staffId === target.user.id)).toMatchObject({
      kind: 'role_grant',
      staffName: target.user.name,
      roles: ['agent', 'supervisor'],
    });
  });

  it('lets a person with several roles read each of their blocks, and no other', async () => {
    const both: TestStaff = await createStaff(t.dataSource, ['agent', 'reviewer']);
    const client = await signIn(t, both);
    await client.get('/api/home/agent').expect(200);
    await client.get('/api/home/reviewer').expect(200);
    await client.get('/api/home/supervisor').expect(403);
    await client.get('/api/home/admin').expect(403);
  });
});
