import { AuditEvent } from '../server/audit/audit-event.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff } from './support/factories';

describe('phones from anywhere (search by a national number)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds each country’s account by its national writing, the agent’s region first, and keeps the setting per member', async () => {
    const uk = await createAccount(t.dataSource, { country: 'GB', language: 'en', phone: '+447700900123', name: 'Oliver Smith' });
    const fr = await createAccount(t.dataSource, { country: 'FR', phone: '+33612345678' });
    const de = await createAccount(t.dataSource, { country: 'DE', phone: '+49612345678', name: 'Jonas Müller' });
    const be = await createAccount(t.dataSource, { country: 'BE', phone: '+32470123456' });
    const ch = await createAccount(t.dataSource, { country: 'CH', phone: '+41791234567' });
    const es = await createAccount(t.dataSource, { country: 'ES', phone: '+34911234567' });
    const deMobile = await createAccount(t.dataSource, { country: 'DE', phone: '+4915123456789' });
    const agentStaff = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, agentStaff);
    const search = async (q: string) => {
      const res = await agent.get('/api/accounts').query({ q, callRef: 'CALL-PHONE' });
      expect(res.status).toBe(200);
      return res.body.data as { id: string; match: string; phone: string }[];
    };

    // The desk's default region (FR) first; every other country the provider serves still reads the number.
    expect((await agent.get('/api/my-settings')).body).toEqual({ phoneRegion: null, defaultPhoneRegion: 'FR' });
    expect((await search('07700 900123')).map((a) => a.id)).toEqual([uk.id]);
    expect((await search('07700-900-123'))[0]).toMatchObject({ id: uk.id, match: 'phone' });
    expect((await search('+44 (0)7700 900123')).map((a) => a.id)).toEqual([uk.id]);
    expect((await search('06 12 34 56 78')).map((a) => a.id)).toEqual([fr.id, de.id]);
    expect((await search('06.12.34.56.78')).map((a) => a.id)).toEqual([fr.id, de.id]);
    expect((await search('0470 12 34 56')).map((a) => a.id)).toEqual([be.id]);
    expect((await search('079 123 45 67')).map((a) => a.id)).toEqual([ch.id]);
    expect((await search('91 123 45 67')).map((a) => a.id)).toEqual([es.id]);
    expect((await search('0151 23456789')).map((a) => a.id)).toEqual([deMobile.id]);
    expect((await search('0049 151 23456789')).map((a) => a.id)).toEqual([deMobile.id]);

    // A German desk member reads 06… as German first.
    const bad = await agent.patch('/api/my-settings').send({ phoneRegion: 'UK' });
    expect(bad.status).toBe(400);
    const set = await agent.patch('/api/my-settings').send({ phoneRegion: 'de' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ phoneRegion: 'DE', defaultPhoneRegion: 'FR' });
    expect((await search('06 12 34 56 78')).map((a) => a.id)).toEqual([de.id, fr.id]);
    const audit = await t.dataSource
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'staff.settings.update', actorId: agentStaff.user.id });
    expect(audit).toMatchObject({ before: { phoneRegion: null }, after: { phoneRegion: 'DE' } });
    const searches = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'account.search', actorId: agentStaff.user.id }, order: { id: 'DESC' }, take: 1 });
    expect(searches[0].after).toMatchObject({ kind: 'phone', phoneRegion: 'DE', results: 2 });

    // Another member keeps the default; back to the default with null.
    const other = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    expect((await other.get('/api/accounts').query({ q: '06 12 34 56 78' })).body.data.map((a: { id: string }) => a.id)).toEqual([
      fr.id,
      de.id,
    ]);
    expect((await agent.patch('/api/my-settings').send({ phoneRegion: '' })).body).toEqual({ phoneRegion: null, defaultPhoneRegion: 'FR' });
  });

  it('checks a phone number the caller states in their national writing against the account’s country', async () => {
    const uk = await createAccount(t.dataSource, { country: 'GB', language: 'en', phone: '+447700900124' });
    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const v = (await agent.post(`/api/accounts/${uk.id}/verifications`).send({ callReference: 'CALL-STATED-UK' }).expect(201)).body;
    const state = async (value: string) =>
      (await agent.post(`/api/verifications/${v.id}/stated-values`).send({ field: 'phone', value })).body;
    expect(await state('07700 900125')).toMatchObject({ field: 'phone', result: 'no_match' });
    expect(await state('07700-900-124')).toMatchObject({ field: 'phone', result: 'match' });
    expect(await state('+44 7700 900124')).toMatchObject({ field: 'phone', result: 'match' });
  });

  it('uses the phone index, never a scan', async () => {
    // A test database is small, so the planner may scan; with scans priced out it must have the index to use.
    await t.dataSource.query('SET enable_seqscan = off');
    const [forced] = await t.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT id FROM customer_accounts WHERE phone IN ('+33612345678', '+49612345678', '+447700900123') ORDER BY customer_id LIMIT 25`,
    );
    await t.dataSource.query('SET enable_seqscan = on');
    expect(JSON.stringify(forced['QUERY PLAN'])).toContain('customer_accounts_phone_idx');
  });
});
