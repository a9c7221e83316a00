import { randomUUID } from 'node:crypto';
import { AuditService } from '../server/audit/audit.service';
import type { AuditInput } from '../server/audit/audit.types';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { RecoveryCase } from '../server/recovery/recovery-case.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { parseCsv } from './support/csv';

const META = { ip: '203.0.113.9', requestId: 'req-explorer' };

interface Entry {
  id: string;
  action: string;
  reason: string | null;
  display: {
    customerId: string | null;
    staffEmail: string | null;
    caseRef: string | null;
    caseKind: string | null;
    accountId: string | null;
  };
}

describe('audit explorer', () => {
  let t: TestApp;
  let supervisor: Awaited<ReturnType<typeof signIn>>;
  const tag = `x${Date.now()}`;
  let customerId: string;
  let accountId: string;
  let otherCustomerId: string;
  let recoveryCaseId: string;
  let identityCaseId: string;
  let agentEmail: string;

  const record = (input: Partial<AuditInput> & { action: string }) =>
    t.app.get(AuditService).recordAlone({ actor: null, meta: META, ...input });

  const list = async (query: Record<string, string | string[]>) => {
    const res = await supervisor.get('/api/audit-events').query({ limit: 100, ...query });
    expect(res.status).toBe(200);
    return res.body.data as Entry[];
  };
  const reasons = (entries: Entry[]) => entries.map((e) => e.reason);

  beforeAll(async () => {
    t = await startTestApp();
    const account = await createAccount(t.dataSource);
    const other = await createAccount(t.dataSource);
    customerId = account.customerId;
    accountId = account.id;
    otherCustomerId = other.customerId;
    const agent = await createStaff(t.dataSource, ['agent']);
    agentEmail = agent.email;
    const repo = t.dataSource.getRepository(RecoveryCase);
    const rc = await repo.save(
      repo.create({
        accountId: account.id,
        action: 'backup_to_primary',
        status: 'cancelled',
        callReference: 'CALL-1',
        reason: 'test',
        openedBy: agent.user.id,
      }),
    );
    recoveryCaseId = rc.id;
    identityCaseId = (await createVerifiedIdentityCase(t.dataSource, account, 'replace_email')).id;
    const actor = { id: agent.user.id, email: agent.email, roles: ['agent'] };
    // On the account, on each of its cases, on another account, and by another actor.
    await record({ actor, action: 'account.unmask', targetType: 'account', targetId: account.id, reason: `${tag} a1` });
    await record({
      actor,
      action: 'recovery.backup_to_primary.open',
      targetType: 'account',
      targetId: account.id,
      caseId: rc.id,
      reason: `${tag} r1`,
    });
    await record({
      action: 'document.accept',
      targetType: 'document',
      targetId: identityCaseId,
      caseId: identityCaseId,
      reason: `${tag} d1`,
    });
    await record({
      action: 'case.verify',
      targetType: 'identity_case',
      targetId: identityCaseId,
      caseId: identityCaseId,
      reason: `${tag} i1`,
    });
    await record({ actor, action: 'account.lock', targetType: 'account', targetId: other.id, reason: `${tag} o1` });
    await record({ action: 'recovery.replace_contact_email.approve', targetType: 'account', targetId: other.id, reason: `${tag} o2` });
    await record({ actor, action: 'staff.settings.update', targetType: 'staff', targetId: agent.user.id, reason: `${tag} s1` });
    supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
  }, 60_000);
  afterAll(() => t.close());

  it('takes a family of actions, a list of actions, comma-separated or repeated', async () => {
    const family = await list({ action: 'recovery.*', from: new Date(Date.now() - 600_000).toISOString() });
    expect(family.length).toBeGreaterThanOrEqual(2);
    expect(family.every((e) => e.action.startsWith('recovery.'))).toBe(true);
    expect(reasons(family)).toEqual(expect.arrayContaining([`${tag} r1`, `${tag} o2`]));

    const comma = await list({ action: 'account.unmask,account.lock' });
    const repeated = await list({ action: ['account.unmask', 'account.lock'] });
    expect(reasons(comma).filter((r) => r?.startsWith(tag))).toEqual([`${tag} o1`, `${tag} a1`]);
    expect(repeated.map((e) => e.id)).toEqual(comma.map((e) => e.id));
    // `_` in a family is literal: `account_x.*` matches nothing of `account.*`.
    expect(await list({ action: 'accoun_.*' })).toEqual([]);
  });

  it('finds every entry about one account by its customer ID: on the account and on its recovery and identity cases', async () => {
    for (const written of [customerId, customerId.toUpperCase(), customerId.replace('-ovh', '')]) {
      const entries = await list({ customerId: written });
      expect(reasons(entries)).toEqual([`${tag} i1`, `${tag} d1`, `${tag} r1`, `${tag} a1`]);
    }
    const combined = await list({ customerId, action: 'recovery.*,document.*' });
    expect(reasons(combined)).toEqual([`${tag} d1`, `${tag} r1`]);
    expect(await list({ customerId: 'zz99999-ovh' })).toEqual([]);
  });

  it('shows each target as people know it: customer ID, staff email, case number', async () => {
    const entries = await list({ customerId });
    const by = (r: string) => entries.find((e) => e.reason === `${tag} ${r}`)!.display;
    expect(by('a1')).toMatchObject({ customerId, accountId, caseRef: null, staffEmail: null });
    expect(by('r1')).toMatchObject({ customerId, caseRef: recoveryCaseId.slice(0, 8), caseKind: 'recovery' });
    expect(by('d1')).toMatchObject({ customerId, caseRef: identityCaseId.slice(0, 8), caseKind: 'identity' });
    const [staffEntry] = await list({ action: 'staff.settings.update', actor: agentEmail });
    expect(staffEntry.display).toMatchObject({ staffEmail: agentEmail, customerId: null, caseRef: null });
    const one = await supervisor.get(`/api/audit-events/${staffEntry.id}`);
    expect(one.body.display.staffEmail).toBe(agentEmail);
  });

  it('searches targets by customer ID, staff email or case number, never a UUID', async () => {
    expect(reasons(await list({ target: otherCustomerId }))).toEqual([`${tag} o2`, `${tag} o1`]);
    expect(reasons(await list({ target: recoveryCaseId.slice(0, 8) }))).toEqual([`${tag} r1`]);
    expect(reasons(await list({ target: `${identityCaseId.slice(0, 8).toUpperCase()}…` }))).toEqual([`${tag} i1`, `${tag} d1`]);
    expect(reasons(await list({ target: agentEmail.toUpperCase() }))).toEqual([`${tag} s1`]);
  });

  it('filters the actor by part of the email, any case', async () => {
    const part = agentEmail.split('@')[0].slice(-6).toUpperCase();
    const entries = await list({ actor: part, from: new Date(Date.now() - 600_000).toISOString() });
    expect(reasons(entries)).toEqual([`${tag} s1`, `${tag} o1`, `${tag} r1`, `${tag} a1`]);
    expect(await list({ actor: 'nobody-has-this-part' })).toEqual([]);
    // The whole email still works for an address no longer among the staff (the export benchmark's filter).
    const gone = `gone-${tag}@example.test`;
    await record({ action: 'account.search', actor: { id: randomUUID(), email: gone, roles: ['agent'] }, reason: `${tag} g1` });
    expect(reasons(await list({ actor: gone }))).toEqual([`${tag} g1`]);
  });

  it('keeps the time range: from inclusive, to exclusive', async () => {
    const all = await list({ customerId });
    const rows = await t.dataSource.getRepository(AuditEvent).findBy({ reason: `${tag} r1` });
    const at = rows[0].at.toISOString();
    expect(reasons(await list({ customerId, from: at }))).toEqual(reasons(all).slice(0, 3));
    expect(reasons(await list({ customerId, to: at }))).toEqual([`${tag} a1`]);
  });

  it('refuses nonsense with 400 and a code', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ action: 'recovery.**' }, 'audit.action_invalid'],
      [{ action: 'DROP TABLE;' }, 'audit.action_invalid'],
      [{ action: ',' }, 'audit.action_invalid'],
      [{ action: Array.from({ length: 31 }, (_, i) => `a${i}`).join(',') }, 'audit.action_invalid'],
      [{ customerId: 'not a customer' }, 'audit.customer_id_invalid'],
      [{ target: 'what?' }, 'audit.target_unrecognised'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'audit.time_range_invalid'],
      [{ from: 'yesterday' }, 'core.invalid_input'],
    ];
    for (const [query, code] of cases) {
      const res = await supervisor.get('/api/audit-events').query(query);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code });
      const csv = await supervisor.get('/api/audit-events/export').query(query);
      expect({ query, status: csv.status, code: csv.body.code }).toEqual({ query, status: 400, code });
    }
  });

  it('exports the same filter as CSV with the customer ID column', async () => {
    const res = await supervisor
      .get('/api/audit-events/export')
      .query({ customerId, action: 'recovery.*,account.*' })
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(res.body as string);
    expect(header).toContain('customerId');
    expect(header.indexOf('customerId')).toBe(header.indexOf('caseId') + 1);
    expect(rows.map((r) => [r[header.indexOf('reason')], r[header.indexOf('customerId')]])).toEqual([
      [`${tag} r1`, customerId],
      [`${tag} a1`, customerId],
    ]);
  });

  it('saves, lists, applies and deletes searches, each staff member their own, audited', async () => {
    const mine = await createStaff(t.dataSource, ['supervisor']);
    const me = await signIn(t, mine);
    const other = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const query = `customerId=${customerId}&action=recovery.*`;
    const saved = await me.post('/api/audit-searches').send({ name: 'Takeover check', query });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Takeover check', query });
    const again = await me.post('/api/audit-searches').send({ name: 'Takeover check', query });
    expect([again.status, again.body.code]).toEqual([409, 'audit.saved_search_name_taken']);
    const bad = await me.post('/api/audit-searches').send({ name: 'x', query: 'cursor=abc&customerId=a' });
    expect([bad.status, bad.body.code]).toEqual([400, 'audit.saved_search_query_invalid']);
    const blank = await me.post('/api/audit-searches').send({ name: '  ', query });
    expect([blank.status, blank.body.code]).toEqual([400, 'core.invalid_input']);

    const listed = await me.get('/api/audit-searches');
    expect(listed.body.data).toEqual([expect.objectContaining({ id: saved.body.id, name: 'Takeover check' })]);
    const applied = await me.get(`/api/audit-events?${listed.body.data[0].query}`);
    expect(reasons(applied.body.data)).toEqual([`${tag} r1`]);

    expect((await other.get('/api/audit-searches')).body.data).toEqual([]);
    const foreign = await other.delete(`/api/audit-searches/${saved.body.id}`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'audit.saved_search_not_found']);
    expect((await me.delete(`/api/audit-searches/${saved.body.id}`)).status).toBe(204);
    expect((await me.get('/api/audit-searches')).body.data).toEqual([]);
    expect((await me.delete(`/api/audit-searches/${saved.body.id}`)).status).toBe(404);

    const trail = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { actorId: mine.user.id, targetId: saved.body.id }, order: { id: 'ASC' } });
    expect(trail.map((e) => e.action)).toEqual(['audit.search.save', 'audit.search.delete']);
    expect(trail[0].after).toEqual({ name: 'Takeover check', query: saved.body.query });

    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    expect((await agent.get('/api/audit-searches')).status).toBe(403);
    expect((await agent.post('/api/audit-searches').send({ name: 'x', query })).status).toBe(403);
  }, 120_000);
});
