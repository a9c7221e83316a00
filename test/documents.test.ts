import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { AuditEvent } from '../server/audit/audit-event.entity';
import { CaseDocument } from '../server/documents/case-document.entity';
import { DocumentRetention } from '../server/documents/document-retention';
import { DocumentStore } from '../server/documents/document-store';
import { IdentityCase } from '../server/documents/identity-case.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { FakeClamd } from './support/fake-clamd';
import { createAccount, createStaff } from './support/factories';
import { distinct, jpegHeaderThenHtml, jpegWithExif, pdf, pdfWithJavaScript, png } from './support/files';
import { codeIn, TestSmtp } from './support/smtp';
import { until } from './support/wait';

describe('identity documents', () => {
  const smtp = new TestSmtp();
  const clamd = new FakeClamd();
  let t: TestApp;
  let ipSeq = 0;

  beforeAll(async () => {
    const [smtpUrl, clamdUrl] = await Promise.all([smtp.start(), clamd.start()]);
    t = await startTestApp({
      worker: true,
      config: { smtpUrl, clamdUrl, uploadMaxBytes: 1024 * 1024, uploadMaxFiles: 3, trustProxy: true },
    });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([smtp.stop(), clamd.stop()]);
  });
  beforeEach(() => {
    clamd.mode = 'clean';
  });

  /** Each test's customer comes from an address of its own, so the per-IP limit of the form is tested on purpose only. */
  function customer() {
    ipSeq += 1;
    const ip = `203.0.113.${ipSeq}`;
    return {
      post: (p: string) => request(t.url).post(p).set('X-Forwarded-For', ip),
      get: (p: string) => request(t.url).get(p).set('X-Forwarded-For', ip),
    };
  }

  async function openCase(customerId: string, accountType = 'individual', contactEmail = `c${Date.now()}${ipSeq}@example.org`) {
    const c = customer();
    const res = await c.post('/api/public/identity-cases').send({ customerId, accountType, purpose: 'replace_email', contactEmail });
    expect(res.status).toBe(201);
    return { ...res.body, contactEmail, c } as {
      caseId: string;
      token: string;
      requiredDocuments: string[];
      contactEmail: string;
      c: ReturnType<typeof customer>;
    };
  }

  async function confirm(opened: Awaited<ReturnType<typeof openCase>>) {
    const mail = await smtp.waitFor(
      (m) => smtp.to(opened.contactEmail).includes(m) && /Confirm your email|Confirmez/.test(m.subject ?? ''),
    );
    const res = await opened.c
      .post(`/api/public/identity-cases/${opened.caseId}/confirm-email`)
      .set('X-Case-Token', opened.token)
      .send({ code: codeIn(mail) });
    expect(res.status).toBe(200);
  }

  function upload(
    opened: { caseId: string; token: string; c: ReturnType<typeof customer> },
    kind: string,
    files: { data: Buffer; name: string }[],
  ) {
    let req = opened.c.post(`/api/public/identity-cases/${opened.caseId}/documents`).set('X-Case-Token', opened.token).field('kind', kind);
    for (const f of files) req = req.attach('files', f.data, f.name);
    return req;
  }

  async function processed(caseId: string, count: number) {
    return until(async () => {
      const docs = await t.dataSource.getRepository(CaseDocument).findBy({ caseId });
      return docs.length === count && docs.every((d) => ['processed', 'rejected', 'quarantined'].includes(d.state)) && docs;
    });
  }

  describe('the customer form', () => {
    it('answers the same whether the customer ID exists or not, and flags the unknown one for the reviewer', async () => {
      const account = await createAccount(t.dataSource);
      const known = await openCase(account.customerId.toUpperCase());
      const unknown = await openCase('qq99999-ovh');
      expect(Object.keys(known).sort()).toEqual(Object.keys(unknown).sort());
      expect(known.requiredDocuments).toEqual(unknown.requiredDocuments);
      const rows = await t.dataSource.getRepository(IdentityCase).findBy([{ id: known.caseId }, { id: unknown.caseId }]);
      expect(rows.find((r) => r.id === known.caseId)).toMatchObject({ accountId: account.id, fraudFlags: [] });
      expect(rows.find((r) => r.id === unknown.caseId)).toMatchObject({ accountId: null, fraudFlags: ['no_matching_account'] });
    });

    it('limits openings per customer ID', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (
            await customer()
              .post('/api/public/identity-cases')
              .send({ customerId: 'rl12345', accountType: 'individual', purpose: 'disable_2fa', contactEmail: `rl${i}@example.org` })
          ).status,
        );
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
    });

    it('limits openings per IP address', async () => {
      const c = customer();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push(
          (
            await c
              .post('/api/public/identity-cases')
              .send({ customerId: `ip${i}0000`, accountType: 'individual', purpose: 'disable_2fa', contactEmail: `ip${i}@example.org` })
          ).status,
        );
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('refuses a wrong token exactly like an unknown case', async () => {
      const opened = await openCase('tk12345');
      const wrong = await request(t.url).get(`/api/public/identity-cases/${opened.caseId}`).set('X-Case-Token', 'nope');
      const none = await request(t.url)
        .get('/api/public/identity-cases/00000000-0000-4000-8000-000000000000')
        .set('X-Case-Token', opened.token);
      expect([wrong.status, none.status]).toEqual([404, 404]);
      expect([wrong.body.code, none.body.code]).toEqual(['documents.request_not_found', 'documents.request_not_found']);
      expect(wrong.body.message).toBe(none.body.message);
    });

    it('needs the emailed code before submission, and every required document', async () => {
      const account = await createAccount(t.dataSource);
      const opened = await openCase(account.customerId);
      const early = await opened.c.post(`/api/public/identity-cases/${opened.caseId}/submit`).set('X-Case-Token', opened.token);
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('documents.email_not_confirmed');
      const wrong = await opened.c
        .post(`/api/public/identity-cases/${opened.caseId}/confirm-email`)
        .set('X-Case-Token', opened.token)
        .send({ code: '000000' });
      expect(wrong.status).toBe(422);
      await confirm(opened);
      await upload(opened, 'identity_front', [{ data: await jpegWithExif(), name: 'id.jpg' }]).expect(201);
      const missing = await opened.c.post(`/api/public/identity-cases/${opened.caseId}/submit`).set('X-Case-Token', opened.token);
      expect(missing.status).toBe(422);
      expect([missing.body.code, missing.body.params]).toEqual(['documents.documents_missing', { missing: 'proof_of_address' }]);
      await upload(opened, 'proof_of_address', [{ data: await pdf(), name: 'edf.pdf' }]).expect(201);
      const ok = await opened.c.post(`/api/public/identity-cases/${opened.caseId}/submit`).set('X-Case-Token', opened.token);
      expect(ok.body).toEqual({ status: 'submitted' });
      await smtp.waitFor((m) => smtp.to(opened.contactEmail).includes(m) && /Demande reçue|Request received/.test(m.subject ?? ''));
      const late = await upload(opened, 'other', [{ data: await png(), name: 'more.png' }]);
      expect(late.status).toBe(409);
    });
  });

  describe('upload limits', () => {
    let opened: Awaited<ReturnType<typeof openCase>>;
    beforeAll(async () => {
      opened = await openCase('up12345');
    });

    async function count() {
      return t.dataSource.getRepository(CaseDocument).countBy({ caseId: opened.caseId });
    }

    it('refuses a file whose content is not JPEG, PNG or PDF, whatever its name (415), storing nothing of the request', async () => {
      const res = await upload(opened, 'identity_front', [
        { data: await jpegWithExif(), name: 'good.jpg' },
        { data: Buffer.from('MZ this is really a program'), name: 'scan.pdf' },
      ]);
      expect(res.status).toBe(415);
      expect([res.body.code, res.body.params]).toEqual(['documents.unsupported_file', { fileName: 'scan.pdf' }]);
      expect(await count()).toBe(0);
    });

    it('refuses an oversized file with 413', async () => {
      const big = Buffer.concat([await pdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const res = await upload(opened, 'proof_of_address', [{ data: big, name: 'big.pdf' }]);
      expect(res.status).toBe(413);
      expect([res.body.code, res.body.params.maxMb]).toEqual(['documents.too_large', 1]);
    });

    it('checks the case token before it reads an upload: no token, no body read (404 even for an oversized file)', async () => {
      const big = Buffer.concat([await pdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const send = (token: string, data: Buffer) =>
        opened.c
          .post(`/api/public/identity-cases/${opened.caseId}/documents`)
          .set('X-Case-Token', token)
          .field('kind', 'proof_of_address')
          .attach('files', data, 'edf.pdf');
      const oversized = await send('nope', big);
      const fitting = await send('nope', await pdf());
      expect([oversized.status, fitting.status]).toEqual([404, 404]);
      expect([oversized.body.code, fitting.body.code]).toEqual(['documents.request_not_found', 'documents.request_not_found']);
      expect(await count()).toBe(0);
      // The same oversized file with the right token reaches multer's limit.
      expect((await send(opened.token, big)).body.code).toBe('documents.too_large');
    });

    it('refuses an empty file with 422', async () => {
      const res = await upload(opened, 'proof_of_address', [{ data: Buffer.alloc(0), name: 'empty.pdf' }]);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('documents.empty_file');
    });

    it('refuses too many files with 413', async () => {
      const p = await pdf(1);
      const res = await upload(
        opened,
        'other',
        [1, 2, 3, 4].map((i) => ({ data: p, name: `${i}.pdf` })),
      );
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('documents.too_many_files');
    });

    it('refuses a truncated multipart body with 400', async () => {
      const boundary = 'XyZ123';
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 trunc`;
      const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const u = new URL(`${t.url}/api/public/identity-cases/${opened.caseId}/documents`);
        const req = http.request(
          {
            host: u.hostname,
            port: u.port,
            path: u.pathname,
            method: 'POST',
            headers: {
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'x-case-token': opened.token,
              'x-forwarded-for': '198.51.100.7',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode!, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(status.status).toBe(400);
      expect(JSON.parse(status.body).code).toBe('documents.upload_malformed');
    });

    it('refuses a request that is not multipart with 415, and an unknown kind with 400', async () => {
      const notMultipart = await opened.c
        .post(`/api/public/identity-cases/${opened.caseId}/documents`)
        .set('X-Case-Token', opened.token)
        .send({ kind: 'other' });
      expect(notMultipart.status).toBe(415);
      const badKind = await upload(opened, 'selfie', [{ data: await png(), name: 'a.png' }]);
      expect(badKind.status).toBe(400);
      expect(badKind.body.errors.kind).toBeDefined();
    });

    it('keeps a path-like file name as cleaned metadata only, and stores the file encrypted under a generated id', async () => {
      const jpeg = await jpegWithExif();
      const res = await upload(opened, 'identity_front', [{ data: jpeg, name: '../../etc/passwd.jpg' }]);
      expect(res.status).toBe(201);
      const doc = await t.dataSource.getRepository(CaseDocument).findOneByOrFail({ id: res.body.documents[0].id });
      expect(doc.originalName).toBe('passwd.jpg');
      expect(doc.storageKey).toMatch(/^[0-9a-f-]{36}$/);
      const onDisk = fs.readFileSync(path.join(t.config.documentsDir, doc.storageKey.slice(0, 2), doc.storageKey));
      expect(onDisk.includes(jpeg.subarray(0, 64))).toBe(false);
      expect(onDisk.subarray(0, 4).toString()).toBe('RDE2');
    });
  });

  describe('the processing pipeline', () => {
    it('processes real images and PDFs: upright, metadata stripped, re-encoded, with previews, PDF pages and flags', async () => {
      const opened = await openCase('pp12345');
      await upload(opened, 'identity_front', [
        { data: await jpegWithExif(640, 400), name: 'front.jpg' },
        { data: await png(), name: 'back.png' },
      ]).expect(201);
      await upload(opened, 'proof_of_address', [
        { data: await pdf(3), name: 'bill.pdf' },
        { data: await pdfWithJavaScript(), name: 'active.pdf' },
      ]).expect(201);
      const docs = await processed(opened.caseId, 4);
      const byName = Object.fromEntries(docs.map((d) => [d.originalName, d]));
      expect(docs.every((d) => d.state === 'processed' && d.scanVerdict === 'clean' && /^[0-9a-f]{64}$/.test(d.sha256 ?? ''))).toBe(true);
      expect(byName['front.jpg']).toMatchObject({ detectedType: 'image/jpeg', width: 400, height: 640 });
      expect(byName['back.png']).toMatchObject({ detectedType: 'image/png', width: 300, height: 200 });
      expect(byName['bill.pdf']).toMatchObject({ detectedType: 'application/pdf', pdfPages: 3, pdfFlags: [] });
      expect(byName['active.pdf'].pdfFlags).toContain('active_content');

      const store = t.app.get(DocumentStore);
      const clean = await store.get(`${byName['front.jpg'].storageKey}.clean`);
      const meta = await sharp(clean).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation ?? 1).toBe(1);
      expect(clean.includes(Buffer.from('Secret Model 9000'))).toBe(false);
      const preview = await sharp(await store.get(byName['front.jpg'].previewKey!)).metadata();
      expect(preview.format).toBe('jpeg');
    });

    it('rejects a JPEG header followed by HTML (final), and never scans a file it cannot type', async () => {
      const opened = await openCase('hx12345');
      await upload(opened, 'identity_front', [{ data: jpegHeaderThenHtml(), name: 'x.jpg' }]).expect(201);
      const [doc] = await processed(opened.caseId, 1);
      expect(doc.state).toBe('rejected');
      expect(doc.processingNote).toMatch(/cannot be decoded/);
    });

    it.each([
      ['infected', 'infected', /Eicar-Test-Signature/],
      ['error', 'error', /scanner said: INSTREAM size limit exceeded/],
      ['silent', 'error', /no verdict/],
    ] as const)('quarantines a file when the scanner answers %s', async (mode, verdict, note) => {
      clamd.mode = mode;
      const opened = await openCase(`sc${mode.length}${Date.now() % 100000}`);
      await upload(opened, 'identity_front', [{ data: await png(), name: 'a.png' }]).expect(201);
      const [doc] = await processed(opened.caseId, 1);
      expect(doc).toMatchObject({ state: 'quarantined', scanVerdict: verdict });
      expect(doc.processingNote).toMatch(note);
    });

    it('quarantines when the scanner is down', async () => {
      const down = await startTestApp({
        worker: true,
        config: { clamdUrl: 'tcp://127.0.0.1:1', queuePrefix: `rddown${process.env.TEST_WORKER_TAG}` },
      });
      try {
        const opened = await customer()
          .post('/api/public/identity-cases')
          .send({ customerId: 'dn12345', accountType: 'individual', purpose: 'replace_email', contactEmail: 'dn@example.org' });
        const up = await request(down.url)
          .post(`/api/public/identity-cases/${opened.body.caseId}/documents`)
          .set('X-Case-Token', opened.body.token)
          .field('kind', 'identity_front')
          .attach('files', await png(), 'a.png');
        expect(up.status).toBe(201);
        const [doc] = await processed(opened.body.caseId, 1);
        expect(doc).toMatchObject({ state: 'quarantined', scanVerdict: 'error' });
        expect(doc.processingNote).toMatch(/scanner unreachable/);
      } finally {
        await down.close();
      }
    });

    it('flags the same document sent for two different accounts on both cases', async () => {
      const a1 = await createAccount(t.dataSource);
      const a2 = await createAccount(t.dataSource);
      const shared = await jpegWithExif(500, 300, '#3a3');
      const c1 = await openCase(a1.customerId);
      const c2 = await openCase(a2.customerId);
      await upload(c1, 'identity_front', [{ data: shared, name: 'id.jpg' }]).expect(201);
      await processed(c1.caseId, 1);
      await upload(c2, 'identity_front', [{ data: shared, name: 'id-too.jpg' }]).expect(201);
      await processed(c2.caseId, 1);
      const cases = await t.dataSource.getRepository(IdentityCase).findBy([{ id: c1.caseId }, { id: c2.caseId }]);
      expect(cases.map((c) => c.fraudFlags)).toEqual([['duplicate_document'], ['duplicate_document']]);
    });
  });

  describe('review', () => {
    async function submittedCase(accountOverrides = {}) {
      const account = await createAccount(t.dataSource, { name: 'Élodie Lefèvre', ...accountOverrides });
      const opened = await openCase(account.customerId);
      await confirm(opened);
      // Each customer's own bytes: one file sent for many accounts is the duplicate flag, tested above.
      const front = (await upload(opened, 'identity_front', [{ data: distinct(await jpegWithExif(), opened.caseId), name: 'front.jpg' }]))
        .body.documents[0].id;
      const proof = (await upload(opened, 'proof_of_address', [{ data: distinct(await pdf(), opened.caseId), name: 'proof.pdf' }])).body
        .documents[0].id;
      await opened.c.post(`/api/public/identity-cases/${opened.caseId}/submit`).set('X-Case-Token', opened.token).expect(200);
      await processed(opened.caseId, 2);
      return { account, opened, front: front as string, proof: proof as string };
    }

    it('verifies a case when every required document is accepted, and mails the customer', async () => {
      const { opened, front, proof } = await submittedCase();
      const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
      const queue = await reviewer.get('/api/identity-cases');
      expect(queue.body.data.map((c: { id: string }) => c.id)).toContain(opened.caseId);
      const item = queue.body.data.find((c: { id: string }) => c.id === opened.caseId);
      expect(item.late).toBe(false);
      expect(item.msLeft).toBeGreaterThan(71 * 3600_000);

      expect(
        (await reviewer.post(`/api/identity-cases/${opened.caseId}/documents/${front}/decision`).send({ decision: 'accepted' })).status,
      ).toBe(409);
      expect((await reviewer.post(`/api/identity-cases/${opened.caseId}/claim`)).status).toBe(200);
      const detail = (await reviewer.get(`/api/identity-cases/${opened.caseId}`)).body;
      expect(detail.checklist).toEqual([
        { kind: 'identity_front', status: 'to_review', documentIds: [front], missing: [], identityType: null },
        { kind: 'proof_of_address', status: 'to_review', documentIds: [proof], missing: [] },
      ]);

      const noFields = await reviewer
        .post(`/api/identity-cases/${opened.caseId}/documents/${front}/decision`)
        .send({ decision: 'accepted' });
      expect(noFields.status).toBe(400);
      expect(Object.keys(noFields.body.errors).sort()).toEqual(['expiry', 'holderName', 'identityType']);
      expect(noFields.body.code).toBe('documents.identity_type_required');
      const mismatch = await reviewer
        .post(`/api/identity-cases/${opened.caseId}/documents/${front}/decision`)
        .send({ decision: 'accepted', holderName: 'Jean Dupont', expiry: '2031-01-01', identityType: 'passport' });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.code).toBe('documents.name_mismatch');
      const expired = await reviewer
        .post(`/api/identity-cases/${opened.caseId}/documents/${front}/decision`)
        .send({ decision: 'accepted', holderName: 'LEFEVRE Elodie', expiry: '2020-01-01', identityType: 'passport' });
      expect(expired.status).toBe(422);

      const first = await reviewer
        .post(`/api/identity-cases/${opened.caseId}/documents/${front}/decision`)
        .send({ decision: 'accepted', holderName: 'LEFEVRE Elodie', expiry: '2031-01-01', identityType: 'passport' });
      expect(first.body).toMatchObject({ caseStatus: 'in_review', document: { decision: 'accepted', nameMatches: true } });
      const second = await reviewer
        .post(`/api/identity-cases/${opened.caseId}/documents/${proof}/decision`)
        .send({ decision: 'accepted', issuedOn: new Date().toISOString().slice(0, 10) });
      expect(second.body.caseStatus).toBe('verified');
      const mail = await smtp.waitFor((m) => smtp.to(opened.contactEmail).includes(m) && /validés|verified/.test(m.subject ?? ''));
      expect(mail.subject).toMatch(/^\[tt\d+-ovh\]/);
      expect(
        (
          await reviewer
            .post(`/api/identity-cases/${opened.caseId}/documents/${proof}/decision`)
            .send({ decision: 'rejected', reasonCode: 'unreadable' })
        ).status,
      ).toBe(409);
    });

    it('rejects the whole case on one rejected document, and tells the customer why', async () => {
      const { opened, proof } = await submittedCase();
      const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
      await reviewer.post(`/api/identity-cases/${opened.caseId}/claim`).expect(200);
      const noReason = await reviewer
        .post(`/api/identity-cases/${opened.caseId}/documents/${proof}/decision`)
        .send({ decision: 'rejected' });
      expect(noReason.status).toBe(400);
      const res = await reviewer
        .post(`/api/identity-cases/${opened.caseId}/documents/${proof}/decision`)
        .send({ decision: 'rejected', reasonCode: 'older_than_3_months' });
      expect(res.body.caseStatus).toBe('rejected');
      const mail = await smtp.waitFor(
        (m) => smtp.to(opened.contactEmail).includes(m) && /ne peut pas aboutir|cannot go ahead/.test(m.subject ?? ''),
      );
      expect(mail.text).toMatch(/plus de 3 mois|older than 3 months/);
    });

    it('keeps a reviewer from claiming a case they opened or uploaded for, and one case to one reviewer', async () => {
      const account = await createAccount(t.dataSource, { name: 'Élodie Lefèvre' });
      const both = await createStaff(t.dataSource, ['agent', 'reviewer']);
      const agentReviewer = await signIn(t, both);
      const c = await agentReviewer
        .post('/api/identity-cases')
        .send({ accountId: account.id, purpose: 'disable_2fa', contactEmail: 'elodie@example.org', callReference: 'CALL-77' });
      expect(c.status).toBe(201);
      await t.dataSource.getRepository(IdentityCase).update({ id: c.body.id }, { status: 'submitted', submittedAt: new Date() });
      const own = await agentReviewer.post(`/api/identity-cases/${c.body.id}/claim`);
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('documents.own_case');

      const r1 = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
      const r2 = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
      const claims = await Promise.all([
        r1.post(`/api/identity-cases/${c.body.id}/claim`),
        r2.post(`/api/identity-cases/${c.body.id}/claim`),
      ]);
      expect(claims.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('serves documents only to who may see them, as attachments that are never sniffed nor cached, and audits each view', async () => {
      const { opened, front } = await submittedCase();
      const reviewerStaff = await createStaff(t.dataSource, ['reviewer']);
      const reviewer = await signIn(t, reviewerStaff);
      const original = await reviewer.get(`/api/identity-cases/${opened.caseId}/documents/${front}/original`).buffer(true);
      expect(original.status).toBe(200);
      expect(original.headers['content-disposition']).toMatch(/^attachment; filename="front\.jpg"/);
      expect(original.headers['x-content-type-options']).toBe('nosniff');
      expect(original.headers['cache-control']).toBe('no-store');
      expect(original.headers['content-type']).toBe('image/jpeg');
      const preview = await reviewer.get(`/api/identity-cases/${opened.caseId}/documents/${front}/preview`);
      expect(preview.headers['content-type']).toBe('image/jpeg');
      expect(await t.dataSource.getRepository(AuditEvent).countBy({ actorId: reviewerStaff.user.id, targetId: front })).toBe(2);

      const agent = await signIn(t, await createStaff(t.dataSource, ['agent']));
      expect((await agent.get(`/api/identity-cases/${opened.caseId}/documents/${front}/original`)).status).toBe(403);
      expect((await request(t.url).get(`/api/identity-cases/${opened.caseId}/documents/${front}/original`)).status).toBe(401);
      const other = await openCase('ot12345');
      expect((await reviewer.get(`/api/identity-cases/${other.caseId}/documents/${front}/original`)).status).toBe(404);
    });
  });
});

describe('document retention', () => {
  it('purges the files of cases ended longer ago than the retention period, keeping hash, decision and audit', async () => {
    const t = await startTestApp({ worker: true });
    try {
      const opened = await request(t.url)
        .post('/api/public/identity-cases')
        .set('X-Forwarded-For', '192.0.2.44')
        .send({ customerId: 'rt12345', accountType: 'individual', purpose: 'replace_email', contactEmail: 'rt@example.org' });
      await request(t.url)
        .post(`/api/public/identity-cases/${opened.body.caseId}/documents`)
        .set('X-Case-Token', opened.body.token)
        .field('kind', 'identity_front')
        .attach('files', await png(), 'a.png')
        .expect(201);
      const doc = await until(async () => {
        const d = await t.dataSource.getRepository(CaseDocument).findOneByOrFail({ caseId: opened.body.caseId });
        return d.state === 'processed' && d;
      });
      const store = t.app.get(DocumentStore);
      expect(await store.exists(doc.storageKey)).toBe(true);
      const retention = t.app.get(DocumentRetention);
      expect(await retention.purge()).toBe(0);

      await t.dataSource.query(`UPDATE identity_cases SET status = 'rejected', decided_at = now() - interval '181 days' WHERE id = $1`, [
        opened.body.caseId,
      ]);
      expect(await retention.purge()).toBe(1);
      for (const suffix of ['', '.clean', '.preview']) expect(await store.exists(doc.storageKey + suffix)).toBe(false);
      const after = await t.dataSource.getRepository(CaseDocument).findOneByOrFail({ id: doc.id });
      expect(after).toMatchObject({ sha256: doc.sha256, previewKey: null });
      expect(after.purgedAt).toBeInstanceOf(Date);
      expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'document.purge', targetId: doc.id })).toBe(1);
      const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
      const res = await reviewer.get(`/api/identity-cases/${opened.body.caseId}/documents/${doc.id}/original`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('documents.document_purged');
    } finally {
      await t.close();
    }
  });
});

describe('a document processing worker killed mid-job', () => {
  it('leaves the document to another worker, which brings it to exactly one final state', async () => {
    const { spawn } = await import('node:child_process');
    const clamd = new FakeClamd();
    const clamdUrl = await clamd.start();
    const prefix = `rdkill${process.env.TEST_WORKER_TAG}`;
    const api = await startTestApp({ config: { clamdUrl, queuePrefix: prefix } });
    const env = {
      ...process.env,
      ROLE: 'worker',
      CLAMD_URL: clamdUrl,
      QUEUE_PREFIX: prefix,
      QUEUE_LOCK_MS: '2000',
      MIGRATE_ON_START: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
    };
    const child = spawn(process.execPath, [path.resolve(__dirname, '../dist/server/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let takeover: TestApp | undefined;
    try {
      await until(async () => out.includes('worker running'), 30_000);
      clamd.mode = 'hold';
      const scanning = new Promise<void>((resolve) => (clamd.onScan = resolve));
      const opened = await request(api.url)
        .post('/api/public/identity-cases')
        .send({ customerId: 'kw12345', accountType: 'individual', purpose: 'replace_email', contactEmail: 'kw@example.org' });
      await request(api.url)
        .post(`/api/public/identity-cases/${opened.body.caseId}/documents`)
        .set('X-Case-Token', opened.body.token)
        .field('kind', 'identity_front')
        .attach('files', await png(), 'a.png')
        .expect(201);
      await scanning;
      const midway = await api.dataSource.getRepository(CaseDocument).findOneByOrFail({ caseId: opened.body.caseId });
      expect(midway.state).toBe('hashed');
      child.kill('SIGKILL');

      clamd.mode = 'clean';
      takeover = await startTestApp({ worker: true, config: { clamdUrl, queuePrefix: prefix, queueLockMs: 2000 } });
      const doc = await until(async () => {
        const d = await api.dataSource.getRepository(CaseDocument).findOneByOrFail({ id: midway.id });
        return d.state === 'processed' && d;
      }, 30_000);
      expect(doc).toMatchObject({ state: 'processed', scanVerdict: 'clean', sha256: midway.sha256 });
      expect(await api.dataSource.getRepository(CaseDocument).countBy({ caseId: opened.body.caseId })).toBe(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await takeover?.close();
      await api.close();
      await clamd.stop();
    }
  }, 90_000);
});
