/**
 * The provider's document rules on both sides, in a real browser: a customer in French who moved recently (old and
 * new address proofs) and says their identity document is a passport (one page) fills the form; the reviewer reads
 * an ID card instead, corrects the type when accepting, and the checklist then shows "back missing"; the reviewer
 * asks the customer for it. The customer's mail (French) links to a page that asks for that one document, in French,
 * and the new file sends the case back to the queue.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { IdentityCase } from '../../server/documents/identity-case.entity';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { createAccount } from '../support/factories';
import { jpegWithExif, pdf } from '../support/files';
import { addressesOf, codeIn, TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;
const MAIL_TIMEOUT = 20_000;

describe('document rules: a moved customer, a corrected identity type, a missing back (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const smtp = new TestSmtp();
  let browser: Browser;
  let account: CustomerAccount;
  let dir: string;
  let contactEmail: string;
  const sessions: ConsoleSession[] = [];
  const files: Record<string, string> = {};

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ worker: true, config: { smtpUrl } });
    account = await createAccount(app.dataSource, { name: 'Hugo Marchand', backupEmail: null });
    contactEmail = `hugo.m.${Date.now() % 1_000_000}@example.org`;
    dir = await mkdtemp(path.join(tmpdir(), 'rd-variants-'));
    const write = async (name: string, content: Buffer) => {
      files[name] = path.join(dir, name);
      await writeFile(files[name], content);
    };
    await write('piece.jpg', await jpegWithExif(800, 500, '#d0d8e0'));
    await write('verso.jpg', await jpegWithExif(800, 500, '#e6e0d0'));
    await write('ancienne-adresse.pdf', await pdf(1, 'Facture de cloture - ancienne adresse'));
    await write('nouvelle-adresse.pdf', await pdf(1, 'Facture - nouvelle adresse'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await smtp.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const mailTo = (subject: RegExp) =>
    smtp.waitFor(
      (m) =>
        addressesOf(m).includes(contactEmail) && (m.subject ?? '').startsWith(`[${account.customerId}]`) && subject.test(m.subject ?? ''),
      MAIL_TIMEOUT,
    );

  const expectLocal = (session: ConsoleSession) => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  };

  it('plays the customer (in French) and the reviewer through a corrected type and a requested back', async () => {
    // The customer, French browser.
    const customer = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    sessions.push(customer);
    let page = customer.page;
    await page.goto(`${app.url}/form/`);
    await page.getByLabel('Identifiant client').fill(account.customerId);
    await page.getByLabel('Type de compte').selectOption('individual');
    await page.getByLabel('Remplacer mon adresse e-mail de contact').check();
    await page.getByLabel('La nouvelle adresse').fill(contactEmail);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('heading', { name: 'Confirmez votre adresse e-mail' }).waitFor();
    await page.getByLabel('Code reçu par e-mail').fill(codeIn(await mailTo(/Confirmez votre adresse e-mail/)));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('heading', { name: 'Vos justificatifs' }).waitFor();

    // Moved recently: the checklist asks for the old and the new address's proofs.
    await page.getByLabel(/J’ai déménagé récemment/).check();
    const missing = page.getByTestId('missing-box');
    await missing.getByText('Justificatif de votre ancienne adresse').waitFor();
    await page.getByLabel(/Passeport/).check();
    await page.locator('.rd-slot[data-kind="identity_front"]').getByRole('heading', { name: 'Passeport — page photo' }).waitFor();
    expect(await page.locator('.rd-slot[data-kind="identity_back"]').count()).toBe(0);
    await page.locator('.rd-slot[data-kind="identity_front"] input[type="file"]').setInputFiles(files['piece.jpg']);
    await page.locator('.rd-slot[data-kind="identity_front"]').getByText('piece.jpg reçu.').waitFor();
    await page.locator('.rd-slot[data-kind="old_proof_of_address"] input[type="file"]').setInputFiles(files['ancienne-adresse.pdf']);
    await page.locator('.rd-slot[data-kind="old_proof_of_address"]').getByText('ancienne-adresse.pdf reçu.').waitFor();
    await page.locator('.rd-slot[data-kind="proof_of_address"] input[type="file"]').setInputFiles(files['nouvelle-adresse.pdf']);
    await page.locator('.rd-slot[data-kind="proof_of_address"]').getByText('nouvelle-adresse.pdf reçu.').waitFor();
    await missing.getByText(/Tous les documents obligatoires sont là/).waitFor();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByRole('heading', { name: 'Demande reçue' }).waitFor();
    const caseId = /#\/case\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expectLocal(customer);
    await customer.context.close();

    // The reviewer (English console).
    const reviewer = await openConsole(browser, UI_TIMEOUT);
    sessions.push(reviewer);
    page = reviewer.page;
    await signInConsole(page, app.url, 'reviewer@example.test', DEMO_PASSWORD, await demoOtp());
    await page.goto(`${app.url}/#/identity-cases/${caseId}/show`);
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page.getByTestId('claim-state').filter({ hasText: 'You are reviewing this case.' }).waitFor();
    await page.getByTestId('checklist-variant').filter({ hasText: 'moved (previous and new address)' }).waitFor();

    // The file is an ID card's front, not a passport: the reviewer corrects the type when accepting it.
    const front = page.locator('[data-testid="case-document"][data-kind="identity_front"]');
    await front.getByRole('button', { name: 'Accept', exact: true }).click();
    const dialog = page.getByRole('form', { name: 'Accept: Identity document (front) — Passport' });
    await dialog.getByRole('combobox', { name: /Type of identity document/ }).click();
    await page.getByRole('option', { name: 'National ID card' }).click();
    await dialog.locator('input[name="holderName"]').fill('MARCHAND Hugo');
    await dialog.locator('input[name="expiry"]').fill(`${new Date().getUTCFullYear() + 3}-09-30`);
    await dialog.getByRole('button', { name: 'Accept the document' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The checklist now wants the card's back, never sent: the reviewer asks the customer for it.
    const checklist = page.getByTestId('case-checklist');
    await checklist.getByText('Identity document — National ID card').waitFor();
    await checklist.getByTestId('checklist-missing').filter({ hasText: 'back missing' }).waitFor();
    await checklist.getByRole('button', { name: 'Ask the customer for it: Identity document (back)' }).click();
    const ask = page.getByRole('dialog', { name: 'Ask for a missing document: Identity document (back)' });
    await ask.getByRole('button', { name: 'Ask the customer' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByTestId('reupload-asked').filter({ hasText: 'Identity document (back) — Missing document' }).waitFor();
    expect((await app.dataSource.getRepository(IdentityCase).findOneByOrFail({ id: caseId })).status).toBe('awaiting_reupload');
    expectLocal(reviewer);

    // The customer's mail, in French, links to that one document's page.
    const asked = await mailTo(/Un document manque à votre dossier/);
    const link = /https?:\/\/\S+\/form\/#\/case\/[0-9a-f-]{36}\?token=[\w-]+/.exec(asked.text ?? '')?.[0];
    expect(link).toBeDefined();
    const again = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    sessions.push(again);
    page = again.page;
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, app.url));
    await page.getByRole('heading', { name: 'Un document à envoyer' }).waitFor();
    await page.getByTestId('reupload-reason').filter({ hasText: 'Carte nationale d’identité — verso' }).waitFor();
    await page.getByTestId('reupload-reason').filter({ hasText: 'Il manque parmi les documents que vous avez envoyés.' }).waitFor();
    expect(await page.locator('.rd-slot').count()).toBe(1);
    await page.locator('.rd-slot[data-kind="identity_back"] input[type="file"]').setInputFiles(files['verso.jpg']);
    await page.getByRole('heading', { name: 'Demande reçue' }).waitFor();
    expect((await app.dataSource.getRepository(IdentityCase).findOneByOrFail({ id: caseId })).status).toBe('submitted');
    expectLocal(again);
  }, 120_000);
});
