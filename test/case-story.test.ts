import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { chainHash } from '../server/audit/audit-chain';
import { CaseDocument } from '../server/documents/case-document.entity';
import { DocumentStore } from '../server/documents/document-store';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { jpegWithExif, pdf } from './support/files';
import { codeIn, TestSmtp } from './support/smtp';
import { unzip } from './support/zip';

type Client = Awaited<ReturnType<typeof signIn>>;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('a case’s story and its evidence bundle', () => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let supervisor: Client;
  let story: Awaited<ReturnType<typeof tellStory>>;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ worker: true, config: { smtpUrl, mailRetryBaseMs: 50, publicUrl: 'http://desk.test' } });
    supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    story = await tellStory();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /**
   * An account's story across actors: an agent verifies the caller (a code mailed, read back), the customer's
   * documents (stored encrypted, processed), a reviewer's decisions, the agent opens the replacement, a
   * supervisor approves it; the system mails.
   */
  async function tellStory() {
    const account = await createAccount(t.dataSource);
    const reviewer = await createStaff(t.dataSource, ['reviewer']);
    const agentStaff = await createStaff(t.dataSource, ['agent']);
    const agent = await signIn(t, agentStaff);
    const v = (await agent.post(`/api/accounts/${account.id}/verifications`).send({ callReference: 'CALL-STORY' })).body;
    await agent.post(`/api/verifications/${v.id}/codes`).send({ channel: 'backup_email' }).expect(202);
    const mail = await smtp.waitFor((m) => smtp.to(account.backupEmail!).includes(m));
    expect((await agent.post(`/api/verifications/${v.id}/code-checks`).send({ code: codeIn(mail) })).body.result).toBe('match');

    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'replace_email', { reviewerId: reviewer.user.id });
    const store = t.app.get(DocumentStore);
    const files = { identity_front: await jpegWithExif(), proof_of_address: await pdf(1) };
    const docs: CaseDocument[] = [];
    for (const [kind, data] of Object.entries(files)) {
      const key = store.newKey();
      await store.put(key, data);
      await store.put(`${key}.preview`, await jpegWithExif(200, 120, '#3c3'));
      docs.push(
        await t.dataSource.getRepository(CaseDocument).save({
          caseId: idCase.id,
          kind: kind as CaseDocument['kind'],
          originalName: `${kind}.bin`,
          sizeBytes: data.length,
          storageKey: key,
          previewKey: `${key}.preview`,
          state: 'processed',
          sha256: sha256(data),
          detectedType: kind === 'proof_of_address' ? 'application/pdf' : 'image/jpeg',
          decision: 'accepted',
          decidedBy: reviewer.user.id,
          decidedAt: new Date(),
          createdAt: new Date(Date.now() - 60_000),
        }),
      );
    }
    const opened = await agent.post('/api/recovery-cases').send({
      accountId: account.id,
      action: 'replace_contact_email',
      identityCaseId: idCase.id,
      callReference: 'TICKET-S',
      reason: 'verified',
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.id as string;
    const approver = await createStaff(t.dataSource, ['supervisor']);
    await (await signIn(t, approver)).post(`/api/recovery-cases/${caseId}/approve`).expect(200);
    await smtp.waitFor((m) => smtp.to(account.primaryEmail).includes(m) && /approved|approuvée/i.test(m.subject ?? ''));
    return { account, reviewer, agentStaff, agent, approver, idCase, docs, files, caseId };
  }

  it('tells the story in time order, each item with who did it, and verifies the chain of its entries', async () => {
    const res = await supervisor.get(`/api/case-stories/${story.caseId.slice(0, 8)}`);
    expect(res.status).toBe(200);
    const { items, chain, subject, cases } = res.body;
    expect(subject).toMatchObject({ kind: 'recovery_case', ref: story.caseId.slice(0, 8), customerId: story.account.customerId });
    expect(cases.map((c: { ref: string }) => c.ref).sort()).toEqual([story.caseId.slice(0, 8), story.idCase.id.slice(0, 8)].sort());
    const ats = items.map((i: { at: string }) => i.at);
    expect([...ats].sort()).toEqual(ats);
    const codes = items.map((i: { kind: string; code: string }) => `${i.kind}:${i.code}`);
    const at = (code: string) => codes.indexOf(code);
    expect(at('document:processed')).toBeGreaterThanOrEqual(0);
    expect(at('document:processed')).toBeLessThan(at('decision:recovery.opened'));
    expect(at('decision:recovery.opened')).toBeLessThan(at('decision:recovery.approved'));
    expect(at('audit:recovery.replace_contact_email.open')).toBeLessThan(at('audit:recovery.replace_contact_email.approve'));
    expect(codes).toContain('mail:recovery_approved');
    // Who: the agent, the reviewer and the approver by email, the customer and the system by their role.
    const who = (code: string) => items.find((i: { kind: string; code: string }) => `${i.kind}:${i.code}` === code).who;
    expect(who('decision:recovery.opened')).toEqual({ kind: 'staff', email: story.agentStaff.email, roles: ['agent'] });
    expect(who('decision:recovery.approved')).toMatchObject({ kind: 'staff', email: story.approver.email });
    expect(who('decision:document.accepted')).toMatchObject({ kind: 'staff', email: story.reviewer.email });
    expect(who('document:processed')).toEqual({ kind: 'customer', email: null, roles: [] });
    expect(who('mail:recovery_approved')).toEqual({ kind: 'system', email: null, roles: [] });
    for (const i of items) expect(JSON.stringify(i.who)).not.toMatch(UUID_ANYWHERE);
    expect(chain).toEqual({
      entries: items.filter((i: { kind: string }) => i.kind === 'audit').length,
      verified: true,
      firstBrokenId: null,
    });
    expect(
      items.filter((i: { kind: string }) => i.kind === 'audit').every((i: { audit: { chain: string } }) => i.audit.chain === 'verified'),
    ).toBe(true);

    // The same story from the full id; the account's story (by customer ID) adds the call's checks.
    expect((await supervisor.get(`/api/case-stories/${story.caseId}`)).body.items).toEqual(items);
    const byAccount = await supervisor.get(`/api/case-stories/${story.account.customerId.toUpperCase()}`);
    expect(byAccount.status).toBe(200);
    expect(byAccount.body.subject).toMatchObject({ kind: 'account', ref: story.account.customerId });
    const check = byAccount.body.items.find((i: { kind: string }) => i.kind === 'check');
    expect(check).toMatchObject({ code: 'code', who: { kind: 'staff', email: story.agentStaff.email }, params: { result: 'match' } });
    const started = byAccount.body.items.find((i: { code: string }) => i.code === 'verification.start');
    expect(started).toMatchObject({ kind: 'audit', who: { kind: 'staff', email: story.agentStaff.email }, audit: { chain: 'verified' } });
    expect(byAccount.body.chain.verified).toBe(true);
    // Only those who read the audit trail read stories.
    expect((await story.agent.get(`/api/case-stories/${story.caseId}`)).status).toBe(403);
  });

  it('resolves short references and customer IDs, with a code for each refusal', async () => {
    const code = async (path: string) => {
      const r = await supervisor.get(path);
      return [r.status, r.body.code ?? null];
    };
    expect(await code('/api/case-stories/not%20a%20ref!')).toEqual([400, 'supervision.case_ref_malformed']);
    expect(await code('/api/evidence/recovery-cases/12345')).toEqual([400, 'supervision.case_ref_malformed']);
    expect(await code('/api/case-stories/zq99999-ovh')).toEqual([404, 'supervision.case_ref_not_found']);
    let unused: string;
    do unused = randomUUID().slice(0, 8);
    while ((await t.dataSource.query(`SELECT 1 FROM recovery_cases WHERE id::text LIKE $1 || '%'`, [unused])).length);
    expect(await code(`/api/evidence/recovery-cases/${unused}`)).toEqual([404, 'supervision.recovery_case_not_found']);

    // Two cases whose ids share their first 8 characters: the short reference is ambiguous.
    const prefix = unused;
    const account = await createAccount(t.dataSource);
    for (const n of [1, 2]) {
      await t.dataSource.query(
        `INSERT INTO recovery_cases (id, account_id, action, status, call_reference, reason, opened_by)
         VALUES ($1, $2, 'backup_to_primary', 'cancelled', 'AMBIG', 'test', $3)`,
        [`${prefix}-0000-4000-8000-00000000000${n}`, account.id, story.agentStaff.user.id],
      );
    }
    const ambiguous = await supervisor.get(`/api/case-stories/${prefix}`);
    expect([ambiguous.status, ambiguous.body.code, ambiguous.body.params]).toEqual([
      409,
      'supervision.case_ref_ambiguous',
      { ref: prefix, matches: 2 },
    ]);
    expect(await code(`/api/evidence/recovery-cases/${prefix}`)).toEqual([409, 'supervision.case_ref_ambiguous']);
    expect(await code(`/api/evidence/recovery-cases/${account.customerId}`)).toEqual([409, 'supervision.case_ref_ambiguous']);
    expect(await code(`/api/evidence/recovery-cases/${prefix}-0000-4000-8000-000000000001`)).toEqual([200, null]);

    // The evidence export takes the ids the screens show: the short reference and the customer ID.
    const short = await supervisor.get(`/api/evidence/identity-cases/${story.idCase.id.slice(0, 8)}`);
    expect(short.status).toBe(200);
    expect(short.body.identityCase.id).toBe(story.idCase.id);
    const byCustomer = await supervisor.get(`/api/evidence/recovery-cases/${story.account.customerId}`);
    expect([byCustomer.status, byCustomer.body.case?.id]).toEqual([200, story.caseId]);
    expect(await code(`/api/evidence/recovery-cases/${story.caseId}?format=pdf`)).toEqual([400, 'core.invalid_input']);
  });

  it('exports the bundle as a zip whose files match the manifest and whose entries match the chain', async () => {
    const res = await supervisor
      .get(`/api/evidence/recovery-cases/${story.caseId.slice(0, 8)}?format=zip`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`evidence-recovery-case-${story.caseId.slice(0, 8)}.zip`);
    const files = await unzip(res.body as Buffer);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    const listed = manifest.files.map((f: { path: string }) => f.path);
    expect([...files.keys()].filter((p) => p !== 'manifest.json' && p !== 'SHA256SUMS').sort()).toEqual([...listed].sort());
    for (const f of manifest.files) expect(sha256(files.get(f.path)!)).toBe(f.sha256);
    for (const line of files.get('SHA256SUMS')!.toString().trim().split('\n')) {
      const [hash, path] = line.split('  ');
      expect(sha256(files.get(path)!)).toBe(hash);
    }
    expect(files.get('SHA256SUMS')!.toString()).toContain('  manifest.json\n');

    // The processed documents, decrypted: each original's hash is the document's own; previews beside them.
    const originals = [...files.keys()].filter((p) => p.startsWith('documents/'));
    expect(originals.map((p) => sha256(files.get(p)!)).sort()).toEqual(story.docs.map((d) => d.sha256).sort());
    expect(originals.some((p) => p.endsWith('.pdf'))).toBe(true);
    expect([...files.keys()].filter((p) => p.startsWith('previews/'))).toHaveLength(2);

    // The bundle's audit entries: each hash recomputed, equal to the live chain's, and the chain intact.
    const evidence = JSON.parse(files.get('evidence.json')!.toString());
    expect(evidence.integrity).toMatchObject({ hashesRecomputed: true, chainVerified: true, firstBrokenId: null });
    expect(evidence.audit.length).toBeGreaterThanOrEqual(2);
    for (const e of evidence.audit) {
      expect(chainHash(e.prevHash, { ...e, at: new Date(e.at) })).toBe(e.hash);
      const live = await supervisor.get(`/api/audit-events/${e.id}`).expect(200);
      expect([live.body.hash, live.body.prevHash]).toEqual([e.hash, e.prevHash]);
    }
    expect((await supervisor.get('/api/audit-events/verify')).body.ok).toBe(true);
    expect(manifest.missing).toEqual([]);

    // A file the store lost is named in the manifest, not a failed download.
    await t.app.get(DocumentStore).remove(story.docs[0].previewKey!);
    const again = await supervisor.get(`/api/evidence/recovery-cases/${story.caseId}?format=zip`).buffer(true).parse(binary);
    expect(again.status).toBe(200);
    const lost = JSON.parse((await unzip(again.body as Buffer)).get('manifest.json')!.toString());
    expect(lost.missing).toEqual([
      {
        path: expect.stringMatching(new RegExp(`^previews/.*-${story.docs[0].id.slice(0, 8)}\\.jpg$`)),
        documentId: story.docs[0].id,
        reason: 'gone',
      },
    ]);
    const exported = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'evidence.export', targetId: story.caseId }, order: { id: 'DESC' }, take: 1 });
    // Audited like the JSON export, naming every file that left (with its hash) and the one that could not.
    const after = exported[0]?.after as { entries: number; format: string; files: { path: string; sha256: string }[]; missing: unknown[] };
    expect(after).toMatchObject({ entries: evidence.audit.length + 1, format: 'zip', missing: lost.missing });
    const shipped = lost.files.filter((f: { path: string }) => /^(documents|previews)\//.test(f.path));
    expect(after.files.map((f) => [f.path, f.sha256]).sort()).toEqual(
      shipped.map((f: { path: string; sha256: string }) => [f.path, f.sha256]).sort(),
    );
    expect(after.files).toHaveLength(3);
  });
});
