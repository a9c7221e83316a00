import request from 'supertest';
import { CaseDocument } from '../server/documents/case-document.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff } from './support/factories';
import { jpegWithExif, pdf, png } from './support/files';

describe('a downloaded original is named after its detected type, not the name it came with', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives the extension of the content (jpg, png, pdf) in an ASCII filename and an RFC 5987 filename*', async () => {
    const account = await createAccount(t.dataSource);
    const opened = await request(t.url)
      .post('/api/public/identity-cases')
      .send({ customerId: account.customerId, accountType: 'individual', purpose: 'replace_email', contactEmail: 'dl@example.org' })
      .expect(201);
    const files = [
      { data: await jpegWithExif(), name: 'passport.exe' },
      { data: await png(), name: 'scan.pdf.html' },
      { data: await pdf(1), name: 'noextension' },
      { data: await jpegWithExif(), name: 'Reçu d’été 100% (1).svg' },
    ];
    let upload = request(t.url)
      .post(`/api/public/identity-cases/${opened.body.caseId}/documents`)
      .set('X-Case-Token', opened.body.token)
      .field('kind', 'other');
    for (const f of files) upload = upload.attach('files', f.data, f.name);
    const uploaded = await upload;
    expect(uploaded.status).toBe(201);
    const ids: string[] = uploaded.body.documents.map((d: { id: string }) => d.id);
    // The name the customer gave is still what the reviewer sees as metadata.
    const stored = await t.dataSource.getRepository(CaseDocument).findBy({ caseId: opened.body.caseId });
    expect(stored.map((d) => d.originalName).sort()).toEqual(files.map((f) => f.name).sort());

    const reviewer = await signIn(t, await createStaff(t.dataSource, ['reviewer']));
    const got: Array<{ type: string; disposition: string }> = [];
    for (const id of ids) {
      const res = await reviewer.get(`/api/identity-cases/${opened.body.caseId}/documents/${id}/original`).buffer(true);
      expect(res.status).toBe(200);
      got.push({ type: res.headers['content-type'], disposition: res.headers['content-disposition'] });
    }
    expect(got).toEqual([
      { type: 'image/jpeg', disposition: `attachment; filename="passport.jpg"; filename*=UTF-8''passport.jpg` },
      { type: 'image/png', disposition: `attachment; filename="scan.png"; filename*=UTF-8''scan.png` },
      { type: 'application/pdf', disposition: `attachment; filename="noextension.pdf"; filename*=UTF-8''noextension.pdf` },
      {
        type: 'image/jpeg',
        disposition: `attachment; filename="Re_u d__t_ 100_ (1).jpg"; filename*=UTF-8''Re%C3%A7u%20d%E2%80%99%C3%A9t%C3%A9%20100%25%20%281%29.jpg`,
      },
    ]);
  });
});
