/**
 * The identity-documents procedure in a real browser against the real API, the real queue workers and a real
 * SMTP server. A customer who cannot sign in fills the online form (no staff login): their request, the code
 * mailed to the new address, a JPEG identity document and a PDF proof of address, submission. The documents are
 * processed by the workers; the demo reviewer then works the queue: claims the case, sees the preview, is refused
 * a holder name that does not match the account, accepts both documents, and the case is verified; the customer
 * gets the "verified" mail at the contact address. Nothing either browser loads may leave the machine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isLocal, launchChromium } from '../support/browser';
import type { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { DEMO_PASSWORD, demoOtp, signIn as apiSignIn, startTestApp } from '../support/app';
import { createAccount, createStaff } from '../support/factories';
import { identityCardJpeg, proofOfAddressPdf } from '../support/files';
import { codeIn, TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;
const MAIL_TIMEOUT = 20_000;
const PROCESSING_TIMEOUT = 30_000;

const REVIEWER = 'reviewer@example.test';

/** A plausible identity card: grey card, photo box, name lines. The server re-encodes it and makes the preview. */
describe('identity documents: the customer form and the review (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let smtp: TestSmtp;
  let browser: Browser;
  let account: CustomerAccount;
  let files: string;
  let identityFile: string;
  let proofFile: string;
  let contactEmail: string;
  // Set by the customer's test, used by the reviewer's.
  let caseId: string | undefined;

  beforeAll(async () => {
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    app = await startTestApp({ worker: true, config: { smtpUrl } });
    account = await createAccount(app.dataSource, { name: 'Élodie Lefèvre' });
    contactEmail = `elodie.nouvelle.${Date.now() % 1_000_000}@example.org`;
    files = await mkdtemp(path.join(tmpdir(), 'rd-documents-'));
    identityFile = path.join(files, 'carte-identite.jpg');
    proofFile = path.join(files, 'facture-electricite.pdf');
    await writeFile(
      identityFile,
      await identityCardJpeg(['Nom : LEFEVRE', 'Prenom : Elodie', 'Ne(e) le : 12.03.1988', 'Expire le : 01.01.2034']),
    );
    await writeFile(proofFile, await proofOfAddressPdf(account.name, 'Facture d’électricité', 'Date :'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.stop();
    if (files) await rm(files, { recursive: true, force: true });
  });

  interface Session {
    context: BrowserContext;
    page: Page;
    foreignRequests: string[];
    pageErrors: string[];
  }

  /** A fresh browser profile in English: no cookie, no storage. */
  async function openBrowser(): Promise<Session> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    context.setDefaultTimeout(UI_TIMEOUT);
    const foreignRequests: string[] = [];
    const pageErrors: string[] = [];
    context.on('request', (request) => {
      if (!isLocal(request.url())) foreignRequests.push(request.url());
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { context, page, foreignRequests, pageErrors };
  }

  function expectStayedLocal(session: Session): void {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }

  const mailTo = (to: string, subject: RegExp) =>
    smtp.waitFor(
      (mail) =>
        smtp.to(to).includes(mail) && (mail.subject ?? '').startsWith(`[${account.customerId}]`) && subject.test(mail.subject ?? ''),
      MAIL_TIMEOUT,
    );

  it('lets a customer open a request, confirm the new address, upload their documents and submit', async () => {
    const session = await openBrowser();
    const { page } = session;
    try {
      await page.goto(`${app.url}/form/`);
      await page.getByRole('heading', { name: 'Your request' }).waitFor();

      await page.getByLabel('Customer ID').fill(account.customerId);
      await page.getByLabel('Account type').selectOption('individual');
      await page.getByLabel('Replace my contact email').check();
      await page.getByLabel('The new address').fill(contactEmail);
      await page.getByRole('button', { name: 'Continue' }).click();

      // Step 2: the code mailed to the address given (the page says nothing about the customer ID).
      await page.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
      await page.getByText(`We emailed a 6-digit code to ${contactEmail}.`).waitFor();
      // In the page's language (English), not the account's (French): the mail tells nothing about the account.
      const codeMail = await mailTo(contactEmail, /Confirm your email address/);
      await page.getByLabel('Code from the email').fill(codeIn(codeMail));
      await page.getByRole('button', { name: 'Confirm' }).click();

      // Step 3: the identity document's type first (a passport: one page), then one slot per document. A chosen
      // file is sent at once: there is no button to press for it.
      await page.getByRole('heading', { name: 'Your documents' }).waitFor();
      await page.getByTestId('missing-box').getByText('Identity document (choose its type)').waitFor();
      await page.getByLabel('Passport').check();
      const identity = page.locator('[data-kind="identity_front"]');
      await identity.getByRole('heading', { name: 'Passport — photo page' }).waitFor();
      await identity.locator('input[type="file"]').setInputFiles(identityFile);
      await identity.getByText('carte-identite.jpg received.').waitFor();
      await identity.locator('.rd-received').getByText('carte-identite.jpg').waitFor();
      await page.getByTestId('missing-box').getByText('Proof of address').waitFor();

      const proof = page.locator('[data-kind="proof_of_address"]');
      await proof.locator('input[type="file"]').setInputFiles(proofFile);
      await proof.getByText('facture-electricite.pdf received.').waitFor();
      await page.getByTestId('missing-box').getByText('Every required document is here.', { exact: false }).waitFor();

      await page.getByRole('button', { name: 'Continue' }).click();

      // Step 4: what goes, then the submission.
      await page.getByRole('heading', { name: 'Send your request' }).waitFor();
      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.getByRole('heading', { name: 'Request received' }).waitFor();
      await page.getByText('You will be answered within 72 hours by email.').waitFor();

      caseId = /#\/case\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
      expect(caseId).toBeDefined();
      // The token never stays in the address bar.
      expect(page.url()).not.toContain('token');
      await mailTo(contactEmail, /Request received/);

      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  }, 90_000);

  it('lets the reviewer claim the case, view the preview and accept both documents, and mails the customer', async () => {
    expect(caseId).toBeDefined();

    // The workers process both files (type, hash, scan, preview) before anyone can accept them.
    const watcher = await apiSignIn(app, await createStaff(app.dataSource, ['reviewer']));
    const deadline = Date.now() + PROCESSING_TIMEOUT;
    let states: string[];
    for (;;) {
      const res = await watcher.get(`/api/identity-cases/${caseId}`);
      expect(res.status).toBe(200);
      states = (res.body.documents as { state: string }[]).map((d) => d.state);
      if (states.length === 2 && states.every((s) => ['processed', 'rejected', 'quarantined'].includes(s))) break;
      if (Date.now() > deadline) throw new Error(`documents not processed in time: ${states.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(states).toEqual(['processed', 'processed']);

    const session = await openBrowser();
    const { page } = session;
    try {
      await page.goto(`${app.url}/`);
      await page.locator('input[name="email"]').fill(REVIEWER);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.locator('input[name="otp"]').fill(await demoOtp());
      await page.getByRole('button', { name: 'Sign in' }).click();
      const menu = page.locator('[role="menu"][aria-label="Main menu"][aria-busy="false"]');
      await menu.waitFor();

      // The queue: submitted cases, oldest first, with the time left to the 72-hour target.
      await menu.getByRole('menuitem', { name: 'Identity cases' }).click();
      await page.waitForURL(/#\/identity-cases/);
      const row = page.locator('table tbody tr').filter({ hasText: account.customerId });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/Submitted/);
      expect(await row.innerText()).toMatch(/\d+ d \d+ h left/);
      await row.click();
      await page.waitForURL(new RegExp(`#/identity-cases/${caseId}/show`));

      await page.getByTestId('case-account-name').filter({ hasText: account.name }).waitFor();
      await page.getByRole('button', { name: 'Claim this case' }).click();
      await page.getByTestId('claim-state').filter({ hasText: 'You are reviewing this case.' }).waitFor();

      // The identity document: its preview loads (same-origin image, session cookie).
      const identity = page.locator('[data-testid="case-document"][data-kind="identity_front"]');
      const preview = identity.getByTestId('document-preview');
      await preview.waitFor({ state: 'visible' });
      // Loaded and decoded, not just present. A function (the console's CSP forbids evaluating strings), typed by
      // hand since tests compile without the DOM library.
      type PreviewImage = { complete: boolean; naturalWidth: number };
      await page.waitForFunction(
        () => {
          const doc = (globalThis as unknown as { document: { querySelector(s: string): PreviewImage | null } }).document;
          const img = doc.querySelector('[data-kind="identity_front"] img[data-testid="document-preview"]');
          return Boolean(img && img.complete && img.naturalWidth > 0);
        },
        undefined,
        { timeout: UI_TIMEOUT },
      );
      await identity.getByRole('button', { name: 'Rotate right' }).click();
      await identity.getByRole('button', { name: 'Zoom in' }).click();

      // A name that is not the account's: the server refuses, the dialog says so on the field.
      // Dates are typed as printed (day first), the server keeps ISO.
      const expiry = `30/06/${new Date().getUTCFullYear() + 5}`;
      await identity.getByRole('button', { name: 'Accept', exact: true }).click();
      let dialog = page.getByRole('form', { name: 'Accept: Identity document (front) — Passport' });
      // The type the customer stated is already chosen; the reviewer confirms or corrects it.
      expect(await dialog.locator('input[name="identityType"]').inputValue()).toBe('passport');
      await dialog.locator('input[name="holderName"]').fill('DUPONT Pierre');
      await dialog.locator('input[name="expiry"]').fill(expiry);
      // The server's own name match, before anything is sent.
      await dialog.getByTestId('name-check').filter({ hasText: 'Does not match the name on the account: Élodie Lefèvre' }).waitFor();
      await dialog.getByTestId('expiry-check').filter({ hasText: 'Still valid today' }).waitFor();
      await dialog.getByRole('button', { name: 'Accept the document' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'does not match' }).waitFor();
      await dialog.getByText('does not match the account', { exact: true }).waitFor();

      // The name as printed on the card, accents and order aside.
      await dialog.locator('input[name="holderName"]').fill('LEFEVRE Elodie');
      await dialog.getByTestId('name-check').filter({ hasText: 'Matches the name on the account' }).waitFor();
      await dialog.getByRole('button', { name: 'Accept the document' }).click();
      await dialog.waitFor({ state: 'detached' });
      await identity.getByTestId('document-decision').filter({ hasText: 'Accepted' }).waitFor();
      await identity.getByText('name matches the account').waitFor();

      // The proof of address (a PDF): accepted, and with it the whole case.
      const proof = page.locator('[data-testid="case-document"][data-kind="proof_of_address"]');
      await proof.getByRole('button', { name: 'Accept', exact: true }).click();
      dialog = page.getByRole('form', { name: 'Accept: Proof of address' });
      // The issue date read on the proof is required (the server checks it is under 3 months old).
      await dialog.getByRole('button', { name: 'Accept the document' }).click();
      await dialog.getByText('Type the issue date read on the proof').waitFor();
      await dialog.locator('input[name="issuedOn"]').fill(new Date().toISOString().slice(0, 10));
      await dialog.getByRole('button', { name: 'Accept the document' }).click();
      await dialog.waitFor({ state: 'detached' });
      await proof.getByTestId('document-decision').filter({ hasText: 'Accepted' }).waitFor();
      await page.getByText('Case verified: every required document is accepted.').waitFor();
      await page.getByTestId('case-status').filter({ hasText: 'Verified' }).first().waitFor();

      const verified = await mailTo(contactEmail, /verified/);
      expect(verified.subject?.startsWith(`[${account.customerId}]`)).toBe(true);
      expect(verified.text).toContain(caseId!.slice(0, 8));

      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  }, 90_000);
});
