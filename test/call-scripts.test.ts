import { AuditEvent } from '../server/audit/audit-event.entity';
import { CallScript } from '../server/accounts/call-script.entity';
import { CALL_SCRIPTS, SCRIPT_KEYS } from '../server/accounts/call-scripts';
import { CallScriptsService } from '../server/accounts/call-scripts.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

describe('call scripts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { mailFrom: 'Provider Support <support@provider.test>' } });
  });
  afterAll(() => t.close());

  it('has every default text, in French and English, on a fresh database', async () => {
    const rows = await t.dataSource.getRepository(CallScript).find();
    expect(rows).toHaveLength(SCRIPT_KEYS.length * 2);
    expect(rows.find((r) => r.key === 'code.spam' && r.language === 'en')?.text).toBe(CALL_SCRIPTS['code.spam'].en);
    expect(rows.every((r) => r.updatedBy === null)).toBe(true);

    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const res = await agent.get('/api/call-scripts').expect(200);
    expect(res.body.sender).toBe('support@provider.test');
    const spam = res.body.data.find((s: { key: string }) => s.key === 'code.spam');
    expect(spam).toMatchObject({
      placeholders: ['sender'],
      texts: { fr: CALL_SCRIPTS['code.spam'].fr, en: CALL_SCRIPTS['code.spam'].en },
      updatedBy: null,
    });
  });

  it('lets a supervisor edit a sentence, audited with the texts before and after, and agents read the new one', async () => {
    const supervisor = await createStaff(t.dataSource, ['supervisor']);
    const client = await signIn(t, supervisor);
    const texts = {
      en: 'I am mailing a code to {maskedAddress}: read it to me, please.',
      fr: 'Je vous envoie un code à {maskedAddress} : lisez-le-moi.',
    };
    const res = await client.patch('/api/call-scripts/code.send_primary_email').send(texts).expect(200);
    expect(res.body).toMatchObject({ key: 'code.send_primary_email', texts, updatedBy: supervisor.email });

    const [entry] = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'call_script.update', targetId: 'code.send_primary_email' } });
    expect(entry.actorId).toBe(supervisor.user.id);
    expect(entry.before).toEqual({ en: CALL_SCRIPTS['code.send_primary_email'].en, fr: CALL_SCRIPTS['code.send_primary_email'].fr });
    expect(entry.after).toEqual(texts);

    const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const list = await agent.get('/api/call-scripts').expect(200);
    expect(list.body.data.find((s: { key: string }) => s.key === 'code.send_primary_email').texts).toEqual(texts);
  });

  it('keeps a supervisor’s edit when the app boots again (defaults only fill what is missing)', async () => {
    const client = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    await client.patch('/api/call-scripts/code.match').send({ en: 'Correct, thank you.', fr: 'Correct, merci.' }).expect(200);
    await t.dataSource.getRepository(CallScript).delete({ key: 'code.expired' });
    await t.app.get(CallScriptsService).insertDefaults();
    const rows = await t.dataSource.getRepository(CallScript).findBy({ key: 'code.match' });
    expect(rows.map((r) => r.text).sort()).toEqual(['Correct, merci.', 'Correct, thank you.']);
    expect(await t.dataSource.getRepository(CallScript).countBy({ key: 'code.expired' })).toBe(2);
  });

  it('refuses unknown placeholders (422), empty or too long texts (422) and unknown keys (404)', async () => {
    const client = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    const bad = await client
      .patch('/api/call-scripts/code.spam')
      .send({ en: 'Look for a mail from {senderName}.', fr: 'Un mail de {sender}.' })
      .expect(422);
    expect(bad.body.code).toBe('accounts.unknown_placeholder');
    expect(Object.keys(bad.body.errors)).toEqual(['en']);
    const stray = await client
      .patch('/api/call-scripts/code.spam')
      .send({ en: 'A mail from {sender.', fr: 'Un mail de {sender}.' })
      .expect(422);
    expect(stray.body.code).toBe('accounts.unknown_placeholder');
    const empty = await client
      .patch('/api/call-scripts/code.spam')
      .send({ en: '  ', fr: 'x'.repeat(601) })
      .expect(422);
    expect(empty.body.code).toBe('accounts.invalid_script');
    expect(Object.keys(empty.body.errors).sort()).toEqual(['en', 'fr']);
    await client.patch('/api/call-scripts/no.such.step').send({ en: 'a', fr: 'b' }).expect(404);
    await client.patch('/api/call-scripts/code.spam').send({ en: 'a' }).expect(400);
    const rows = await t.dataSource.getRepository(CallScript).findBy({ key: 'code.spam' });
    expect(rows.every((r) => r.updatedBy === null)).toBe(true);
  });

  it('is edited by supervisors only', async () => {
    for (const roles of [['agent'], ['reviewer'], ['admin']] as const) {
      const client = await signIn(t, await createStaff(t.dataSource, [...roles]));
      await client.patch('/api/call-scripts/code.match').send({ en: 'Hacked', fr: 'Piraté' }).expect(403);
    }
    expect((await t.dataSource.getRepository(CallScript).findBy({ key: 'code.match' })).map((r) => r.text)).not.toContain('Hacked');
  });
});
