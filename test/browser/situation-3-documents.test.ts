/**
 * Situation 3 of domain.md without a backup email, every role in a real browser against the real API, workers and
 * SMTP server: the customer (a browser of their own, no staff login) opens the public form, confirms the new
 * address with the code read from the mail, says their identity document is an ID card (front and back) and sends
 * each file as soon as it is chosen, then submits. The demo reviewer claims the case, accepts the front and asks for
 * the back again (glare). The customer follows the mail's link in a fresh browser: the page says why and offers that
 * one slot only; the new back sends the case back to review. The reviewer accepts everything (holder name, expiry,
 * the proof's issue date) and the case is verified; the customer gets the "verified" mail. The verification opens the
 * contact email replacement at once, in the supervisors' approvals inbox: the demo supervisor approves it, the hold
 * passes (the test's clock moves), the change is executed and the customer's new address gets the final mail.
 * Nothing any browser loads may leave the machine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import type { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { CustomerAccount as AccountEntity } from '../../server/accounts/customer-account.entity';
import { totpCode } from '../../server/auth/totp';
import { FixedClock } from '../../server/core/clock';
import { IdentityCase } from '../../server/documents/identity-case.entity';
import { RecoveryCase } from '../../server/recovery/recovery-case.entity';
import { RecoveryExecuteHandler } from '../../server/recovery/recovery-execute.handler';
import { DEMO_TOTP_SECRET } from '../../server/staff/demo-staff';
import { DEMO_PASSWORD, startTestApp } from '../support/app';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { createAccount } from '../support/factories';
import { jpegWithExif, pdf } from '../support/files';
import { addressesOf, codeIn, TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;
const MAIL_TIMEOUT = 20_000;
const REVIEWER = 'reviewer@example.test';
const SUPERVISOR = 'supervisor@example.test';

describe('situation 3 without a backup email: documents, a re-upload, verification (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const smtp = new TestSmtp();
  // The app's clock: still, moved by hand (a sign-in step, the recovery hold).
  const clock = new FixedClock(new Date());
  /** Mails already matched: a second mail of the same kind is a new one. */
  const seen = new Set<ParsedMail>();
  let browser: Browser;
  let account: CustomerAccount;
  let dir: string;
  const file: Record<'front' | 'back' | 'newBack' | 'proof' | 'notes' | 'fake', string> = {
    front: '',
    back: '',
    newBack: '',
    proof: '',
    notes: '',
    fake: '',
  };
  let contactEmail: string;
  let caseId: string;
  const sessions: ConsoleSession[] = [];
  /** The reviewer's browser stays signed in from one step to the next (sign-in codes are single-use). */
  let reviewer: ConsoleSession;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ clock, worker: true, config: { smtpUrl } });
    account = await createAccount(app.dataSource, { name: 'Nadia Benali', backupEmail: null, language: 'en' });
    contactEmail = `nadia.new.${Date.now() % 1_000_000}@example.org`;
    dir = await mkdtemp(path.join(tmpdir(), 'rd-situation-3-'));
    const write = async (key: keyof typeof file, name: string, content: Buffer | string) => {
      file[key] = path.join(dir, name);
      await writeFile(file[key], content);
    };
    await write('front', 'id-front.jpg', await jpegWithExif(800, 500, '#c9d3dc'));
    await write('back', 'id-back.jpg', await jpegWithExif(800, 500, '#fafafa'));
    await write('newBack', 'id-back-new.jpg', await jpegWithExif(800, 500, '#b7c4cf'));
    await write('proof', 'electricity-bill.pdf', await pdf(1, 'Electricity bill — Nadia Benali'));
    await write('notes', 'notes.txt', 'not a document');
    await write('fake', 'scan.png', 'this is text, not a PNG image, whatever its name says');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const session of sessions) await session.context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await smtp.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const openBrowser = async () => {
    const session = await openConsole(browser, UI_TIMEOUT);
    sessions.push(session);
    return session;
  };

  /** The next mail to `to` (the contact address by default) with the customer ID in its subject, not matched before. */
  const mailTo = async (subject: RegExp, to = contactEmail) => {
    const mail = await smtp.waitFor(
      (m) =>
        !seen.has(m) &&
        addressesOf(m).includes(to.toLowerCase()) &&
        (m.subject ?? '').startsWith(`[${account.customerId}]`) &&
        subject.test(m.subject ?? ''),
      MAIL_TIMEOUT,
    );
    seen.add(mail);
    return mail;
  };

  /** The demo staff's code at the app's time, one step later each time (codes are single-use). */
  const otp = () => {
    clock.advance(30_000);
    return totpCode(DEMO_TOTP_SECRET, clock.now().getTime());
  };

  const expectLocal = (session: ConsoleSession) => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  };

  const documentCard = (page: Page, kind: string) =>
    page.locator(`[data-testid="case-document"][data-kind="${kind}"]:not([data-superseded])`);

  async function chooseReason(page: Page, dialogName: string, reason: string) {
    const dialog = page.getByRole('form', { name: dialogName });
    await dialog.getByRole('combobox', { name: /Reason/ }).click();
    await page.getByRole('option', { name: reason, exact: true }).click();
    return dialog;
  }

  it('the customer opens the form, confirms the address, files go up as soon as chosen, and submits', async () => {
    const session = await openBrowser();
    const { page } = session;
    await page.goto(`${app.url}/form/`);
    await page.getByLabel('Customer ID').fill(account.customerId);
    await page.getByLabel('Account type').selectOption('individual');
    await page.getByLabel('Replace my contact email').check();
    await page.getByLabel('The new address').fill(contactEmail);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
    const codeMail = await mailTo(/Confirm your email address/);
    await page.getByLabel('Code from the email').fill(codeIn(codeMail));
    await page.getByRole('button', { name: 'Confirm' }).click();

    // Documents: nothing is there yet, and the page says so before any submission.
    await page.getByRole('heading', { name: 'Your documents' }).waitFor();
    const missing = page.getByTestId('missing-box');
    await missing.getByText('Identity document (choose its type)').waitFor();
    await missing.getByText('Proof of address', { exact: true }).waitFor();
    // An individual says where they live: the standard checklist (one proof of address) is chosen.
    expect(
      await page
        .getByTestId('address-variant')
        .getByLabel(/I live at my own address/)
        .isChecked(),
    ).toBe(true);

    // An ID card has two sides: two slots.
    await page.getByLabel(/National ID card/).check();
    const front = page.locator('.rd-slot[data-kind="identity_front"]');
    const back = page.locator('.rd-slot[data-kind="identity_back"]');
    await front.getByRole('heading', { name: 'National ID card — front' }).waitFor();
    await back.getByRole('heading', { name: 'National ID card — back' }).waitFor();

    // The page refuses a file that is not a document at once, in the slot, naming the file.
    await front.locator('input[type="file"]').setInputFiles(file.notes);
    await front.getByRole('alert').filter({ hasText: 'notes.txt is not a JPG, PNG or PDF file.' }).waitFor();
    await front.getByRole('button', { name: 'Remove from the list' }).click();
    // The server refuses a "PNG" that is text: the error stays on that file, with a retry.
    await front.locator('input[type="file"]').setInputFiles(file.fake);
    const failed = front.locator('.rd-upload-row[data-status="failed"]').filter({ hasText: 'scan.png' });
    await failed.getByRole('alert').waitFor();
    await failed.getByRole('button', { name: 'Try again' }).waitFor();
    await failed.getByRole('button', { name: 'Remove from the list' }).click();

    // Chosen, sent: no other button.
    await front.locator('input[type="file"]').setInputFiles(file.front);
    await front.getByText('id-front.jpg received.').waitFor();
    await missing.getByText('National ID card — back').waitFor();
    await back.locator('input[type="file"]').setInputFiles(file.back);
    await back.getByText('id-back.jpg received.').waitFor();
    const proof = page.locator('.rd-slot[data-kind="proof_of_address"]');
    await proof.locator('input[type="file"]').setInputFiles(file.proof);
    await proof.getByText('electricity-bill.pdf received.').waitFor();
    await missing.getByText(/Every required document is here/).waitFor();

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Send your request' }).waitFor();
    await page.getByText('National ID card — back').waitFor();
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByRole('heading', { name: 'Request received' }).waitFor();
    caseId = /#\/case\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await mailTo(/Request received/);
    expectLocal(session);
    await session.context.close();

    // The code mail's link back opens the case in any browser, on the step for its state (here: received).
    const linkBack = /https?:\/\/\S+\/form\/#\/case\/[0-9a-f-]{36}\?token=[\w-]+/.exec(codeMail.text ?? '')?.[0];
    expect(linkBack).toBeDefined();
    const elsewhere = await openBrowser();
    await elsewhere.page.goto(linkBack!.replace(/^https?:\/\/[^/]+/, app.url));
    await elsewhere.page.getByRole('heading', { name: 'Request received' }).waitFor();
    expect(elsewhere.page.url()).not.toContain('token');
    expectLocal(elsewhere);
    await elsewhere.context.close();
  }, 90_000);

  it('the reviewer claims the case, accepts the front and asks for the back again', async () => {
    expect(caseId).toBeTruthy();
    reviewer = await openBrowser();
    const { page } = reviewer;
    await signInConsole(page, app.url, REVIEWER, DEMO_PASSWORD, await otp());
    await page.goto(`${app.url}/#/identity-cases/${caseId}/show`);
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page.getByTestId('claim-state').filter({ hasText: 'You are reviewing this case.' }).waitFor();
    await page.getByTestId('checklist-variant').filter({ hasText: 'standard' }).waitFor();
    await page.getByTestId('case-checklist').getByText('Identity document — National ID card').waitFor();

    // The front: the type the customer stated comes preselected; the reviewer types what the card says.
    const front = documentCard(page, 'identity_front');
    await front.getByRole('button', { name: 'Accept', exact: true }).click();
    let dialog = page.getByRole('form', { name: 'Accept: Identity document (front) — National ID card' });
    expect(await dialog.locator('input[name="identityType"]').inputValue()).toBe('id_card');
    await dialog.locator('input[name="holderName"]').fill('BENALI Nadia');
    await dialog.locator('input[name="expiry"]').fill(`${new Date().getUTCFullYear() + 4}-03-31`);
    await dialog.getByRole('button', { name: 'Accept the document' }).click();
    await dialog.waitFor({ state: 'detached' });
    await front.getByTestId('document-decision').filter({ hasText: 'Accepted' }).waitFor();

    // The back: a reflection hides part of it. Asked again, not rejected.
    const back = documentCard(page, 'identity_back');
    await back.getByRole('button', { name: 'Ask for a new upload' }).click();
    dialog = await chooseReason(page, 'Ask again: Identity document (back) — National ID card', 'Glare');
    await dialog.locator('textarea[name="note"]').fill('The flash hides the bottom lines.');
    await dialog.getByRole('button', { name: 'Ask the customer for a new upload' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('reupload-asked').filter({ hasText: 'Identity document (back) — Glare' }).waitFor();
    await page.getByTestId('case-status').filter({ hasText: 'Awaiting a new upload' }).first().waitFor();
    await page.getByTestId('checklist-missing').filter({ hasText: 'back missing' }).waitFor();
    expect((await app.dataSource.getRepository(IdentityCase).findOneByOrFail({ id: caseId })).status).toBe('awaiting_reupload');
    expectLocal(reviewer);
  }, 90_000);

  it('the customer follows the mail’s link in a fresh browser, sends only that document, and the case is back', async () => {
    const asked = await mailTo(/Please send one document again/);
    const link = /https?:\/\/\S+\/form\/#\/case\/[0-9a-f-]{36}\?token=[\w-]+/.exec(asked.text ?? '')?.[0];
    expect(link).toBeDefined();
    const session = await openBrowser();
    const { page } = session;
    // The mail's link names the configured public address; the test server listens elsewhere.
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, app.url));
    await page.getByRole('heading', { name: 'One document to send again' }).waitFor();
    await page.getByTestId('reupload-reason').filter({ hasText: 'National ID card — back' }).waitFor();
    await page.getByTestId('reupload-reason').filter({ hasText: 'A reflection hides part of the document.' }).waitFor();
    // The reviewer's note with a listed reason stays internal: only "other" mails and shows it.
    expect(await page.getByTestId('reupload-note').count()).toBe(0);
    expect(page.url()).not.toContain('token');
    // That one slot only.
    expect(await page.locator('.rd-slot').count()).toBe(1);
    const slot = page.locator('.rd-slot[data-kind="identity_back"]');
    await slot.locator('input[type="file"]').setInputFiles(file.newBack);
    // Received: the request goes back to review at once.
    await page.getByRole('heading', { name: 'Request received' }).waitFor();
    await mailTo(/Request received/);
    expect((await app.dataSource.getRepository(IdentityCase).findOneByOrFail({ id: caseId })).status).toBe('submitted');
    expectLocal(session);
    await session.context.close();
  }, 90_000);

  it('the reviewer accepts the new back and the proof: the case is verified and the customer told', async () => {
    const session = reviewer;
    const { page } = session;
    // Back in the queue: the reviewer opens it from the list (its 72 h counted from the new upload).
    await page.goto(`${app.url}/#/identity-cases`);
    await page.reload();
    const row = page.locator('table tbody tr').filter({ hasText: account.customerId });
    await row.filter({ hasText: 'Submitted' }).waitFor();
    await row.click();
    await page.waitForURL(new RegExp(`#/identity-cases/${caseId}/show`));
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page.getByTestId('claim-state').filter({ hasText: 'You are reviewing this case.' }).waitFor();
    // The back asked again stays on the page, marked as such; the new one is to review.
    await page
      .locator('[data-testid="case-document"][data-kind="identity_back"][data-superseded]')
      .getByTestId('document-decision')
      .filter({ hasText: 'New upload asked — Glare' })
      .waitFor();

    const back = documentCard(page, 'identity_back');
    await back.getByText('id-back-new.jpg').waitFor();
    await back.getByRole('button', { name: 'Accept', exact: true }).click();
    let dialog = page.getByRole('form', { name: 'Accept: Identity document (back) — National ID card' });
    await dialog.locator('input[name="holderName"]').fill('BENALI Nadia');
    await dialog.locator('input[name="expiry"]').fill(`${new Date().getUTCFullYear() + 4}-03-31`);
    await dialog.getByRole('button', { name: 'Accept the document' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The proof: its issue date, typed beside the preview; one older than 3 months is refused by the server.
    const proof = documentCard(page, 'proof_of_address');
    await proof.getByRole('button', { name: 'Accept', exact: true }).click();
    dialog = page.getByRole('form', { name: 'Accept: Proof of address' });
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 5);
    await dialog.locator('input[name="issuedOn"]').fill(old.toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Accept the document' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'This proof is more than 3 months old' }).waitFor();
    await dialog.locator('input[name="issuedOn"]').fill(new Date().toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Accept the document' }).click();
    await dialog.waitFor({ state: 'detached' });
    await proof.getByTestId('document-issued-on').waitFor();

    await page.getByText('Case verified: every required document is accepted.').waitFor();
    await page.getByTestId('case-status').filter({ hasText: 'Verified' }).first().waitFor();
    const verified = await mailTo(/verified/);
    expect(verified.text).toContain(caseId.slice(0, 8));
    // Nobody has to pick the case up: the replacement waits for a supervisor already, and the mail says so.
    expect(verified.text).toMatch(/now waits for a supervisor's approval/);
    expectLocal(session);
    await session.context.close();
  }, 90_000);

  it('the supervisor approves the replacement from the inbox; after the hold it is made and the customer told', async () => {
    const recovery = await app.dataSource.getRepository(RecoveryCase).findOneByOrFail({ identityCaseId: caseId });
    expect(recovery).toMatchObject({ action: 'replace_contact_email', status: 'pending_approval', newValue: contactEmail });
    // The address on file (that the customer can no longer read) is told of the request too.
    await mailTo(/A change to your account was requested/, account.primaryEmail);

    const session = await openBrowser();
    const { page } = session;
    await signInConsole(page, app.url, SUPERVISOR, DEMO_PASSWORD, await otp());
    await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Recovery cases' }).click();
    await page.getByText('Approvals inbox').first().waitFor();
    const row = page.locator('table tbody tr').filter({ hasText: account.customerId });
    await row.click();
    await page.waitForURL(new RegExp(`#/recovery-cases/${recovery.id}/show`));
    await page.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this action' });
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').filter({ hasText: 'Approved: on hold until' }).waitFor();
    expectLocal(session);
    await session.context.close();

    // The hold passes; the queued execution runs (called here: its delayed job would wait real hours).
    clock.advance(app.config.recoveryHoldHours * 3600_000 + 60_000);
    expect(await app.app.get(RecoveryExecuteHandler).handle({ recoveryCaseId: recovery.id })).toEqual({ status: 'executed' });
    const after = await app.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
    expect(after.primaryEmail).toBe(contactEmail);
    const made = await mailTo(/Change made to your account/);
    expect(made.text).toContain('The requested change was made');
  }, 90_000);
});
