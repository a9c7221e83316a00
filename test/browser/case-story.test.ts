/**
 * An investigation in a real browser, in French: from the audit explorer filtered on one customer ID and a time
 * range, the supervisor opens a recovery case's entry, follows it to the case, opens the case's
 * story, reads its events in time order (documents, the reviewer's decisions, the agent's opening, the
 * approval, the mails) with the chain verified, and downloads the evidence zip, whose files match its manifest
 * and whose audit entries match the live chain.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { AuditEvent } from '../../server/audit/audit-event.entity';
import { chainHash } from '../../server/audit/audit-chain';
import { CaseDocument } from '../../server/documents/case-document.entity';
import { DocumentStore } from '../../server/documents/document-store';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, signIn, startTestApp } from '../support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from '../support/factories';
import { jpegWithExif, pdf } from '../support/files';
import { unzip } from '../support/zip';

const UI_TIMEOUT = 15_000;
const SUPERVISOR = 'supervisor@example.test';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('a case’s story in the console (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let caseId: string;
  let customerId: string;
  let documentHashes: string[];

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    // A verified documents case (two processed documents, decided by a reviewer), a replacement an agent opens
    // on it and another supervisor approves.
    const account = await createAccount(app.dataSource);
    customerId = account.customerId;
    const reviewer = await createStaff(app.dataSource, ['reviewer']);
    const idCase = await createVerifiedIdentityCase(app.dataSource, account, 'replace_email', { reviewerId: reviewer.user.id });
    const store = app.app.get(DocumentStore);
    documentHashes = [];
    for (const [kind, data] of [
      ['identity_front', await jpegWithExif()],
      ['proof_of_address', await pdf(1)],
    ] as const) {
      const key = store.newKey();
      await store.put(key, data);
      await store.put(`${key}.preview`, await jpegWithExif(200, 120));
      documentHashes.push(sha256(data));
      await app.dataSource.getRepository(CaseDocument).save({
        caseId: idCase.id,
        kind,
        originalName: `${kind}.bin`,
        sizeBytes: data.length,
        storageKey: key,
        previewKey: `${key}.preview`,
        state: 'processed',
        sha256: sha256(data),
        detectedType: kind === 'proof_of_address' ? 'application/pdf' : 'image/jpeg',
        decision: 'accepted',
        decidedBy: reviewer.user.id,
        decidedAt: new Date(Date.now() - 30_000),
        createdAt: new Date(Date.now() - 60_000),
      });
    }
    const agent = await signIn(app, await createStaff(app.dataSource, ['agent']));
    const opened = await agent.post('/api/recovery-cases').send({
      accountId: account.id,
      action: 'replace_contact_email',
      identityCaseId: idCase.id,
      callReference: 'T-1',
      reason: 'verified',
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    const approver = await signIn(app, await createStaff(app.dataSource, ['supervisor']));
    await approver.post(`/api/recovery-cases/${caseId}/approve`).expect(200);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Signs the demo supervisor in through the French login page. */
  async function signInFrench(page: Page) {
    await signInConsole(page, app.url, SUPERVISOR, DEMO_PASSWORD, await demoOtp());
    // The console speaks the browser's language: French from the login page on.
    await page.getByRole('menu', { name: 'Menu principal' }).waitFor();
  }

  it('finds the case from the audit explorer, reads its story in order in French and checks the zip against the chain', async () => {
    const session = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR', acceptDownloads: true });
    const { page } = session;
    try {
      await signInFrench(page);
      // The investigation starts in the audit explorer: every entry on the customer ID within the last hour
      // (a shared link), the case's opening beside the list, one click to the case, one to its story.
      const filter = { customerId, from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
      await page.goto(`${app.url}/#/audit-events?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      await page.locator('table tbody tr').filter({ hasText: 'Remplacement de l’adresse de contact : Ouvert' }).click();
      await page
        .locator('section[aria-labelledby="audit-drawer-title"]')
        .getByRole('link', { name: `Ouvrir le dossier ${caseId.slice(0, 8)}` })
        .click();
      await page.waitForURL(new RegExp(`#/recovery-cases/${caseId}/show`));
      await page.getByRole('link', { name: 'Historique' }).click();
      await page.waitForURL(/#\/case-stories\//);
      await page
        .getByTestId('story-chain')
        .getByText(/Chaîne vérifiée/)
        .waitFor();
      await page.getByRole('heading', { level: 1, name: `Historique du dossier de récupération ${caseId.slice(0, 8)}` }).waitFor();

      // In time order: the documents and the reviewer's decisions, then the opening, then the approval.
      const labels = await page.getByTestId('story-label').allInnerTexts();
      const first = (text: string) => labels.findIndex((l) => l.startsWith(text));
      expect(first('Document reçu : Pièce')).toBeGreaterThanOrEqual(0);
      expect(first('Document accepté')).toBeGreaterThan(first('Document reçu'));
      expect(first('Ouvert : Remplacement de l’adresse de contact')).toBeGreaterThan(first('Document accepté'));
      expect(first('Approuvé : Remplacement de l’adresse de contact')).toBeGreaterThan(first('Ouvert :'));
      expect(labels.some((l) => l.startsWith('Mail : modification approuvée'))).toBe(true);
      const times = await page.locator('[data-testid="story-item"] time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      expect([...times].sort()).toEqual(times);
      const main = await page.locator('#main-content, main').first().innerText();
      expect(main).toContain('Le client');
      expect(main).toContain('Le système');
      expect(main).toContain('Vérifiée');
      expect(main).not.toMatch(UUID);
      expect(main).not.toMatch(/recovery\.|identity_case|replace_contact_email/);

      // The zip of the recovery case: every file matches the manifest, every entry the live chain.
      const zipLink = page.getByRole('listitem').filter({ hasText: `Dossier de récupération ${caseId.slice(0, 8)}` });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        zipLink.getByRole('link', { name: 'Zip avec les documents' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`evidence-recovery-case-${caseId.slice(0, 8)}.zip`);
      const files = await unzip(await readFile(await download.path()));
      const manifest = JSON.parse(files.get('manifest.json')!.toString());
      for (const f of manifest.files) expect(sha256(files.get(f.path)!)).toBe(f.sha256);
      const originals = [...files.keys()].filter((p) => p.startsWith('documents/'));
      expect(originals.map((p) => sha256(files.get(p)!)).sort()).toEqual([...documentHashes].sort());
      const evidence = JSON.parse(files.get('evidence.json')!.toString());
      expect(evidence.audit.length).toBeGreaterThanOrEqual(2);
      for (const e of evidence.audit) {
        expect(chainHash(e.prevHash, { ...e, at: new Date(e.at) })).toBe(e.hash);
        const live = await app.dataSource.getRepository(AuditEvent).findOneByOrFail({ id: e.id });
        expect([live.hash, live.prevHash]).toEqual([e.hash, e.prevHash]);
      }
      expect(session.pageErrors).toEqual([]);
      expect(session.foreignRequests).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 120_000);
});
