import request from 'supertest';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { AuditService } from '../server/audit/audit.service';
import type { AuditInput } from '../server/audit/audit.types';
import { CaseDocument } from '../server/documents/case-document.entity';
import { Alert } from '../server/supervision/alert.entity';
import { AlertsService } from '../server/supervision/alerts.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, TestStaff } from './support/factories';
import { jpegWithExif } from './support/files';
import { TestSmtp } from './support/smtp';
import { until } from './support/wait';

/**
 * Alerts that name their subject (customer ID, staff email, document kind and case), carry the audit entries that
 * raised them, read as a code and params, count one incident once, and are acknowledged (alone or several at once)
 * with a comment, each acknowledgement audited. Real PostgreSQL, Redis, worker and SMTP server.
 */
describe('alerts: subject, evidence, acknowledgement', () => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let audit: AuditService;
  let alerts: AlertsService;
  let supervisor: TestStaff;
  // One session for the whole file: a second sign-in within the same 30 s would replay the TOTP code.
  let client: Awaited<ReturnType<typeof signIn>>;
  let ipSeq = 0;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ worker: true, config: { smtpUrl, uploadMaxFiles: 3, trustProxy: true } });
    audit = t.app.get(AuditService);
    alerts = t.app.get(AlertsService);
    supervisor = await createStaff(t.dataSource, ['supervisor']);
    client = await signIn(t, supervisor);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const act = (staff: TestStaff | null, input: Omit<AuditInput, 'actor' | 'meta'>) =>
    audit.recordAlone({
      actor: staff ? { id: staff.user.id, email: staff.email, roles: staff.user.roles } : null,
      meta: { ip: '10.0.0.1', requestId: null },
      ...input,
    });

  const ofRule = (rule: Alert['rule']) => t.dataSource.getRepository(Alert).findBy({ rule });

  async function openCase(customerId: string) {
    ipSeq += 1;
    const res = await request(t.url)
      .post('/api/public/identity-cases')
      .set('X-Forwarded-For', `198.51.100.${ipSeq}`)
      .send({ customerId, accountType: 'individual', purpose: 'replace_email', contactEmail: `dup${ipSeq}@example.org` });
    expect(res.status).toBe(201);
    return res.body as { caseId: string; token: string };
  }

  async function uploadAndProcess(opened: { caseId: string; token: string }, files: Buffer[]) {
    let req = request(t.url)
      .post(`/api/public/identity-cases/${opened.caseId}/documents`)
      .set('X-Forwarded-For', `198.51.100.${ipSeq}`)
      .set('X-Case-Token', opened.token)
      .field('kind', 'identity_front');
    for (const [i, f] of files.entries()) req = req.attach('files', f, `photo-${i}.jpg`);
    expect((await req).status).toBe(201);
    await until(async () => {
      const docs = await t.dataSource.getRepository(CaseDocument).findBy({ caseId: opened.caseId });
      return docs.length === files.length && docs.every((d) => ['processed', 'rejected', 'quarantined'].includes(d.state));
    });
  }

  it('names a staff burst by email, with its threshold and the entries that raised it as evidence', async () => {
    const busy = await createStaff(t.dataSource, ['agent']);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await act(busy, { action: 'recovery.backup_to_primary.execute', targetType: 'account', targetId: `acc-${i}` })).id);
    await alerts.scan();
    const [burst] = (await ofRule('swap_burst')).filter((a) => a.staffId === busy.user.id);
    expect(burst.subject).toMatchObject({ type: 'staff', id: busy.user.id, staffEmail: busy.email });
    // Raised at the 6th swap; the 7th is the same incident: its entry joins the evidence, the count follows.
    expect(burst.params).toEqual({ count: 7, threshold: 5, actorEmail: busy.email });
    expect(burst.evidenceIds).toEqual(ids);
    expect(await ofRule('swap_burst').then((all) => all.filter((a) => a.staffId === busy.user.id))).toHaveLength(1);

    const evidence = await client.get(`/api/alerts/${burst.id}/evidence`);
    expect(evidence.status).toBe(200);
    expect(evidence.body.data.map((e: { id: string }) => e.id)).toEqual(ids);
    expect(evidence.body.data[0]).toMatchObject({
      actorEmail: busy.email,
      action: 'recovery.backup_to_primary.execute',
      outcome: 'success',
    });
    const unknown = await client.get('/api/alerts/00000000-0000-4000-8000-000000000000/evidence');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'supervision.alert_not_found']);
  });

  it('names an account subject by its customer ID', async () => {
    const account = await createAccount(t.dataSource);
    const agent = await createStaff(t.dataSource, ['agent']);
    for (let i = 0; i < 3; i++)
      await act(agent, { action: 'verification.code.check', outcome: 'failure', targetType: 'account', targetId: account.id });
    await alerts.scan();
    const [found] = (await ofRule('repeated_attempts')).filter((a) => a.targetId === account.id);
    expect(found).toMatchObject({ customerId: account.customerId, params: { count: 3, threshold: 3 } });
    expect(found.subject).toEqual({ type: 'account', id: account.id, customerId: account.customerId });
    expect(found.evidenceIds).toHaveLength(3);
  });

  it('raises one alert for one upload of several files already seen on another account', async () => {
    const [a1, a2] = [await createAccount(t.dataSource), await createAccount(t.dataSource)];
    const files = [await jpegWithExif(500, 300, '#141'), await jpegWithExif(500, 300, '#242'), await jpegWithExif(500, 300, '#343')];
    const first = await openCase(a1.customerId);
    await uploadAndProcess(first, files);
    const second = await openCase(a2.customerId);
    await uploadAndProcess(second, files);
    // Each of the three documents is flagged in the trail: three entries, one incident.
    const flags = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'case.fraud_flag', caseId: second.caseId });
    expect(flags).toHaveLength(3);
    await alerts.scan();
    await alerts.scan();
    const raised = (await ofRule('duplicate_document')).filter((a) => a.caseId === second.caseId);
    expect(raised).toHaveLength(1);
    expect(raised[0].subject).toMatchObject({
      type: 'document',
      customerId: a2.customerId,
      documentKind: 'identity_front',
      caseId: second.caseId,
      caseRef: second.caseId.slice(0, 8),
    });
    expect(raised[0].params).toEqual({ cases: 2, otherCases: 1 });
    expect([...raised[0].evidenceIds].sort()).toEqual(flags.map((f) => f.id).sort());
    const search = await client.get('/api/alerts').query({ customerId: a2.customerId.toUpperCase() });
    expect(search.body.data.map((a: { id: string }) => a.id)).toEqual([raised[0].id]);
  });

  it('refuses an acknowledgement without a comment, with a code', async () => {
    const [open] = (await client.get('/api/alerts').query({ status: 'open' })).body.data;
    for (const body of [{}, { comment: '  ' }, { comment: 'ok' }]) {
      const res = await client.post(`/api/alerts/${open.id}/acknowledge`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('supervision.ack_comment_required');
    }
    const bulk = await client.post('/api/alerts/acknowledge').send({ ids: [open.id] });
    expect([bulk.status, bulk.body.code]).toEqual([400, 'supervision.ack_comment_required']);
    expect((await t.dataSource.getRepository(Alert).findOneByOrFail({ id: open.id })).acknowledgedAt).toBeNull();
  });

  it('acknowledges several alerts with one comment, each audited, and skips the others with a reason', async () => {
    const nosy = await createStaff(t.dataSource, ['agent']);
    for (let i = 0; i < 16; i++) await act(nosy, { action: 'account.unmask', targetType: 'account', targetId: `u${i}` });
    const night = await createStaff(t.dataSource, ['agent']);
    for (let i = 0; i < 21; i++) await act(night, { action: 'account.search', after: { callReference: null } });
    await alerts.scan();
    const [unmask] = (await ofRule('unmask_burst')).filter((a) => a.staffId === nosy.user.id);
    const [searches] = (await ofRule('searches_without_call')).filter((a) => a.staffId === night.user.id);
    await client.post(`/api/alerts/${searches.id}/acknowledge`).send({ comment: 'Seen first alone' }).expect(200);

    const comment = 'Both agents trained on call references today';
    const res = await client
      .post('/api/alerts/acknowledge')
      .send({ ids: [unmask.id, searches.id, '00000000-0000-4000-8000-000000000000'], comment });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: unmask.id, outcome: 'acknowledged', reason: null },
      { id: searches.id, outcome: 'skipped', reason: 'supervision.alert_already_acknowledged' },
      { id: '00000000-0000-4000-8000-000000000000', outcome: 'skipped', reason: 'supervision.alert_not_found' },
    ]);
    const entries = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'alert.acknowledge', targetId: unmask.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: supervisor.user.id, reason: comment });
    const alone = await t.dataSource.getRepository(AuditEvent).findBy({ action: 'alert.acknowledge', targetId: searches.id });
    expect(alone.map((e) => e.reason)).toEqual(['Seen first alone']);
    expect((await client.post('/api/alerts/acknowledge').send({ ids: [], comment })).status).toBe(400);
  });

  it('keeps acknowledged alerts searchable by state, rule, staff email and time', async () => {
    const acked = await client.get('/api/alerts').query({ status: 'acknowledged', rule: 'unmask_burst' });
    expect(acked.status).toBe(200);
    expect(acked.body.data.length).toBeGreaterThanOrEqual(1);
    const one = acked.body.data[0];
    expect(one).toMatchObject({ rule: 'unmask_burst', ackComment: 'Both agents trained on call references today' });
    const email: string = one.subject.staffEmail;
    const byStaff = await client.get('/api/alerts').query({ status: 'all', staff: email.slice(0, 12).toUpperCase() });
    expect(byStaff.body.data.map((a: { id: string }) => a.id)).toContain(one.id);
    const future = await client.get('/api/alerts').query({ from: new Date(Date.now() + 3600_000).toISOString() });
    expect(future.body.data).toEqual([]);
    const window = await client.get('/api/alerts').query({
      status: 'acknowledged',
      from: new Date(Date.now() - 3600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(window.body.data.map((a: { id: string }) => a.id)).toContain(one.id);
    expect((await client.get('/api/alerts').query({ status: 'open' })).body.data.map((a: { id: string }) => a.id)).not.toContain(one.id);
    expect((await client.get('/api/alerts').query({ rule: 'nope' })).status).toBe(400);
    // ISO forms a JavaScript Date cannot read (a week date) are refused with a field error, never a 500.
    for (const from of ['2024-W01', 'yesterday']) {
      const bad = await client.get('/api/alerts').query({ from });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors)).toEqual(['from']);
    }
  });
});
