/**
 * Situation 4 of domain.md, "2FA is on and my phone was stolen", end to end in real browsers against the real
 * API, queue workers and SMTP server, on an account that HAS a backup email. The demo agent verifies the caller,
 * opens a "Disable 2FA" documents case sending the form link to the backup address on file and ticking the
 * stolen phone's app only (not the security key). The customer, in a browser of their own, follows the mailed
 * link, confirms the code, uploads the documents and submits. The demo reviewer accepts every document: the 2FA
 * disablement opens by itself and waits in the demo supervisor's approvals inbox, who approves it. The hold passes
 * (the app's clock moves), the execution runs; the executed mail says 2FA must be re-enrolled, the security key is
 * still registered and the account page shows the requirement.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { maskEmail } from '../../server/accounts/masking';
import { TwoFactorMethod } from '../../server/accounts/two-factor-method.entity';
import { totpCode } from '../../server/auth/totp';
import { FixedClock } from '../../server/core/clock';
import { RecoveryCase } from '../../server/recovery/recovery-case.entity';
import { RecoveryExecuteHandler } from '../../server/recovery/recovery-execute.handler';
import { DEMO_TOTP_SECRET } from '../../server/staff/demo-staff';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { DEMO_PASSWORD, signIn as apiSignIn, startTestApp } from '../support/app';
import { createAccount, createStaff } from '../support/factories';
import { identityCardJpeg, proofOfAddressPdf } from '../support/files';
import { addressesOf, codeIn, TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;
const MAIL_TIMEOUT = 20_000;
const PROCESSING_TIMEOUT = 60_000;
const HOLD_HOURS = 24;

const AGENT = 'agent@example.test';
const REVIEWER = 'reviewer@example.test';
const SUPERVISOR = 'supervisor@example.test';

/** Real time plus an offset the test moves forward ("the hold passes"); TOTP codes follow it. */
class ShiftedClock extends FixedClock {
  offset = 0;
  override now(): Date {
    return new Date(Date.now() + this.offset);
  }
  override advance(ms: number): void {
    this.offset += ms;
  }
}

describe('situation 4: 2FA lost on an account with a backup email, every role (browser)', () => {
  const clock = new ShiftedClock();
  const smtp = new TestSmtp();
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let account: CustomerAccount;
  let phoneApp: TwoFactorMethod;
  let securityKey: TwoFactorMethod;
  let files: string;
  let identityFile: string;
  let proofFile: string;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ clock, worker: true, config: { smtpUrl, recoveryHoldHours: HOLD_HOURS } });
    account = await createAccount(app.dataSource, { name: 'Lucie Marchand', language: 'en' });
    const methods = app.dataSource.getRepository(TwoFactorMethod);
    [phoneApp, securityKey] = await methods.save([
      methods.create({
        accountId: account.id,
        kind: 'totp',
        label: 'Pixel 7',
        createdAt: new Date(),
        lastUsedAt: new Date(),
        codesLeft: null,
      }),
      methods.create({
        accountId: account.id,
        kind: 'security_key',
        label: 'YubiKey 5',
        createdAt: new Date(),
        lastUsedAt: null,
        codesLeft: null,
      }),
    ]);
    files = await mkdtemp(path.join(tmpdir(), 'rd-situation-4-'));
    identityFile = path.join(files, 'id-card.jpg');
    proofFile = path.join(files, 'electricity-bill.pdf');
    await writeFile(identityFile, await identityCardJpeg(['Nom : MARCHAND', 'Prenom : Lucie', 'Expire le : 01.01.2034']));
    await writeFile(proofFile, await proofOfAddressPdf(account.name));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp.stop();
    if (files) await rm(files, { recursive: true, force: true });
  });

  const mailTo = (to: string, subject: RegExp, text?: RegExp) =>
    smtp.waitFor(
      (m) =>
        addressesOf(m).includes(to.toLowerCase()) &&
        (m.subject ?? '').startsWith(`[${account.customerId}]`) &&
        subject.test(m.subject ?? '') &&
        (!text || text.test(m.text ?? '')),
      MAIL_TIMEOUT,
    );

  /** Demo staff sign in with the code of the app's (possibly shifted) time. */
  const signIn = async (page: Page, email: string) =>
    signInConsole(page, app.url, email, DEMO_PASSWORD, await totpCode(DEMO_TOTP_SECRET, clock.now().getTime()));

  const expectStayedLocal = (s: ConsoleSession) => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  };

  let identityCaseId: string | undefined;
  let recoveryCaseId: string | undefined;

  it('the agent verifies the caller and opens a Disable 2FA documents case to the backup address, the phone app only', async () => {
    const session = await openConsole(browser, UI_TIMEOUT);
    const { page } = session;
    const callReference = `CALL-${Date.now() % 1_000_000}`;
    try {
      await signIn(page, AGENT);
      await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Accounts' }).click();
      await page.waitForURL(/#\/accounts/);
      await page.locator('input[name="callRef"]').fill(callReference);
      await page.locator('input[name="q"]').fill(account.customerId);
      await page.locator('input[name="q"]').press('Enter');
      const result = page.locator('table tbody tr').filter({ hasText: account.customerId });
      await result.click();
      await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));

      // The caller proves they read the primary mailbox (their phone is gone, not their email).
      await page.getByRole('button', { name: 'Start verification' }).click();
      await page.getByText('Caller not verified yet').waitFor();
      await page.getByRole('button', { name: 'To primary email' }).click();
      const codeMail = await mailTo(account.primaryEmail, /verification code/i);
      await page.locator('input[name="code"]').fill(codeIn(codeMail));
      await page.getByRole('button', { name: 'Check code' }).click();
      await page.getByText(/Caller verified: possession proven/).waitFor();

      // The 2FA block is there although the account has a backup email.
      const actions = page.getByTestId('recovery-actions');
      await actions.getByTestId('twofa-lost-steps').waitFor();
      await actions.getByRole('button', { name: 'Open a “Disable 2FA” documents case' }).click();
      const dialog = page.getByRole('dialog', { name: 'Open a “Disable 2FA” documents case' });
      // The phone's app is ticked, the security key is not; the agent sees the addresses masked only.
      const appBox = dialog.getByRole('checkbox', { name: 'Authenticator app — Pixel 7' });
      const keyBox = dialog.getByRole('checkbox', { name: 'Security key — YubiKey 5' });
      expect(await appBox.isChecked()).toBe(true);
      expect(await keyBox.isChecked()).toBe(false);
      const backupChoice = dialog.getByRole('radio', { name: `The backup email on file (${maskEmail(account.backupEmail)})` });
      expect(await backupChoice.isChecked()).toBe(true);
      expect(await dialog.innerText()).not.toContain(account.backupEmail!);
      expect(await dialog.locator('input[name="callReference"]').inputValue()).toBe(callReference);
      await dialog.getByRole('button', { name: 'Open the case' }).click();
      await page.waitForURL(/#\/identity-cases\/[0-9a-f-]{36}\/show/);
      identityCaseId = /#\/identity-cases\/([0-9a-f-]{36})\/show/.exec(page.url())?.[1];
      expect(identityCaseId).toBeDefined();
      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  }, 120_000);

  it('the customer follows the link mailed to the backup address, confirms the code, uploads and submits', async () => {
    expect(identityCaseId).toBeDefined();
    const invitation = await mailTo(account.backupEmail!, /./, /\/form\/#\/case\//);
    const link = /https?:\/\/\S+?(\/form\/#\/case\/\S+)/.exec(invitation.text ?? '')?.[1];
    expect(link).toContain(identityCaseId!);
    const customer = await openConsole(browser, UI_TIMEOUT, { locale: 'en-US' });
    const { page } = customer;
    try {
      await page.goto(`${app.url}${link}`);
      await page.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
      await page.getByLabel('Code from the email').fill(codeIn(invitation));
      await page.getByRole('button', { name: 'Confirm' }).click();

      await page.getByRole('heading', { name: 'Your documents' }).waitFor();
      // A passport has one page; files upload as soon as they are chosen.
      await page.getByLabel(/Passport/).check();
      const identity = page.locator('.rd-slot[data-kind="identity_front"]');
      await identity.locator('input[type="file"]').setInputFiles(identityFile);
      await identity.getByText('id-card.jpg received.').waitFor();
      const proof = page.locator('.rd-slot[data-kind="proof_of_address"]');
      await proof.locator('input[type="file"]').setInputFiles(proofFile);
      await proof.getByText('electricity-bill.pdf received.').waitFor();
      await page
        .getByTestId('missing-box')
        .getByText(/Every required document is here/)
        .waitFor();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Send your request' }).waitFor();
      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.getByRole('heading', { name: 'Request received' }).waitFor();
      expectStayedLocal(customer);
    } finally {
      await customer.context.close();
    }
  }, 120_000);

  it('the reviewer accepts every document; the 2FA disablement opens by itself, pending approval', async () => {
    const watcher = await apiSignIn(app, await createStaff(app.dataSource, ['reviewer']));
    const deadline = Date.now() + PROCESSING_TIMEOUT;
    for (;;) {
      const res = await watcher.get(`/api/identity-cases/${identityCaseId}`);
      const states = (res.body.documents as { state: string }[]).map((d) => d.state);
      if (states.length === 2 && states.every((s) => s === 'processed')) break;
      if (Date.now() > deadline) throw new Error(`documents not processed in time: ${states.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const session = await openConsole(browser, UI_TIMEOUT);
    const { page } = session;
    try {
      await signIn(page, REVIEWER);
      await page.goto(`${app.url}/#/identity-cases/${identityCaseId}/show`);
      await page.getByRole('button', { name: 'Claim this case' }).click();
      await page.getByTestId('claim-state').filter({ hasText: 'You are reviewing this case.' }).waitFor();
      // The agent's choice is on the case: the phone's app goes, the key stays (the reviewer could change it).
      const choice = page.getByTestId('case-two-factor');
      expect(await choice.getByRole('checkbox', { name: 'Authenticator app — Pixel 7' }).isChecked()).toBe(true);
      expect(await choice.getByRole('checkbox', { name: 'Security key — YubiKey 5' }).isChecked()).toBe(false);

      const identity = page.locator('[data-testid="case-document"][data-kind="identity_front"]');
      await identity.getByRole('button', { name: 'Accept', exact: true }).click();
      let dialog = page.getByRole('form', { name: 'Accept: Identity document (front) — Passport' });
      expect(await dialog.locator('input[name="identityType"]').inputValue()).toBe('passport');
      await dialog.locator('input[name="holderName"]').fill('MARCHAND Lucie');
      await dialog.locator('input[name="expiry"]').fill(`${new Date().getUTCFullYear() + 5}-06-30`);
      await dialog.getByRole('button', { name: 'Accept the document' }).click();
      await dialog.waitFor({ state: 'detached' });

      const proof = page.locator('[data-testid="case-document"][data-kind="proof_of_address"]');
      await proof.getByRole('button', { name: 'Accept', exact: true }).click();
      dialog = page.getByRole('form', { name: 'Accept: Proof of address' });
      await dialog.locator('input[name="issuedOn"]').fill(new Date().toISOString().slice(0, 10));
      await dialog.getByRole('button', { name: 'Accept the document' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Case verified: every required document is accepted.').waitFor();
      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }

    const opened = await app.dataSource.getRepository(RecoveryCase).findOneByOrFail({ identityCaseId });
    expect(opened).toMatchObject({ action: 'disable_2fa', status: 'pending_approval', twoFactorMethodIds: [phoneApp.id] });
    recoveryCaseId = opened.id;
    // The customer is told what happens next, and when.
    const verified = await mailTo(account.backupEmail!, /documents are verified/);
    expect(verified.text).toContain("now waits for a supervisor's approval");
    expect(verified.text).toContain(`safety hold of ${HOLD_HOURS} hours`);
  }, 120_000);

  it('the supervisor finds it waiting in the approvals inbox and approves it; after the hold it is executed', async () => {
    expect(recoveryCaseId).toBeDefined();
    const session = await openConsole(browser, UI_TIMEOUT);
    const { page } = session;
    try {
      await signIn(page, SUPERVISOR);
      await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Recovery cases' }).click();
      await page.getByText('Approvals inbox').first().waitFor();
      const row = page.locator('table tbody tr').filter({ hasText: account.customerId });
      await row.getByText('2FA disablement').waitFor();
      await row.getByText('Waiting for a supervisor’s approval').waitFor();
      await row.click();
      await page.waitForURL(new RegExp(`#/recovery-cases/${recoveryCaseId}/show`));
      const effect = page.getByTestId('recovery-effect');
      await effect.getByText(/Authenticator app “Pixel 7”.*Kept: Security key “YubiKey 5”/).waitFor();

      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Approve this action' });
      await dialog.getByRole('button', { name: 'Approve' }).click();
      await page
        .getByTestId('recovery-state')
        .filter({ hasText: /^Approved, effective on / })
        .first()
        .waitFor();
      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }

    // The hold passes: the app's clock moves past it and the execution job runs.
    clock.advance(HOLD_HOURS * 3600_000 + 60_000);
    const job = app.app.get(RecoveryExecuteHandler);
    const deadline = Date.now() + MAIL_TIMEOUT;
    for (;;) {
      // Waits (refused, retried) until the mail announcing the change reached the primary address.
      const outcome = await job.handle({ recoveryCaseId: recoveryCaseId! }).catch((e: Error) => e);
      if (!(outcome instanceof Error)) break;
      if (Date.now() > deadline) throw outcome;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const executed = await mailTo(account.primaryEmail, /Change made to your account/);
    expect(executed.text).toContain('Methods removed: authenticator app "Pixel 7"');
    expect(executed.text).toContain('Methods kept: security key "YubiKey 5"');
    expect(executed.text).toContain('You must register a new two-factor authentication method');
    const left = await app.dataSource.getRepository(TwoFactorMethod).findBy({ accountId: account.id });
    expect(left.map((m) => m.id)).toEqual([securityKey.id]);
    const after = await app.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: account.id });
    expect(after.flags).toContain('reenrol_2fa_required');

    // The agent's account page says it: the case is done, the key is still there, 2FA must be re-enrolled.
    const agent = await openConsole(browser, UI_TIMEOUT);
    try {
      await signIn(agent.page, AGENT);
      await agent.page.goto(`${app.url}/#/accounts/${account.id}/show`);
      await agent.page.getByTestId('reenrol-2fa-required').waitFor();
      await agent.page.getByText('Security key — YubiKey 5').waitFor();
      expect(await agent.page.getByText('Authenticator app — Pixel 7').count()).toBe(0);
      await agent.page
        .locator('section[aria-labelledby="account-recovery-cases-title"]')
        .getByTestId('recovery-state')
        .filter({ hasText: /^Done on / })
        .first()
        .waitFor();
      expectStayedLocal(agent);
    } finally {
      await agent.context.close();
    }
  }, 120_000);
});
