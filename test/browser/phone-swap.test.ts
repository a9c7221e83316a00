/**
 * Procedure 3 on the phone, in a real browser against the real API, the real queue workers and a real SMTP server:
 * the demo agent finds the account, verifies the caller with a code mailed to the backup email, and makes the
 * backup email the primary one. The new primary gets its mail, the account page shows the swap (new primary,
 * masked; "new backup email required"). Then the old primary's owner opens the link of the mail they got, in a
 * browser of their own, and reports the swap ("this was not me"): the account is locked, and a supervisor sees
 * the report on the case page and reverts the swap. Nothing either browser loads may leave the machine.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { maskEmail } from '../../server/accounts/masking';
import { RecoveryCase } from '../../server/recovery/recovery-case.entity';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { createAccount } from '../support/factories';
import { codeIn, TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;

const AGENT = 'agent@example.test';
const SUPERVISOR = 'supervisor@example.test';

describe('phone desk: the backup email made primary on a call (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const smtp = new TestSmtp();
  let browser: Browser;
  let account: CustomerAccount;
  /** Set by the first test: the link mailed to the old primary address. */
  let reportLink: string | null = null;
  let caseId: string | null = null;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ worker: true, config: { smtpUrl } });
    account = await createAccount(app.dataSource, { name: 'Camille Rousseau', language: 'en' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp.stop();
  });

  const openBrowser = () => openConsole(browser, UI_TIMEOUT);

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());

  /** The value under a label in the contact section ("Primary email" → "s***@e***.net"). */
  const contactValue = (page: Page, label: string) =>
    page.locator('section[aria-labelledby="contact-title"]').getByText(label, { exact: true }).locator('xpath=..');

  it('verifies the caller with a code mailed to the backup email, then makes the backup email primary', async () => {
    const session = await openBrowser();
    const { page } = session;
    const callReference = `CALL-${Date.now() % 1_000_000}`;
    const oldPrimary = account.primaryEmail;
    const backup = account.backupEmail!;
    try {
      await signIn(page, AGENT);

      await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Accounts' }).click();
      await page.waitForURL(/#\/accounts/);
      await page.locator('input[name="callRef"]').fill(callReference);
      await page.locator('input[name="q"]').fill(account.customerId);
      await page.locator('input[name="q"]').press('Enter');
      const result = page.locator('table tbody tr').filter({ hasText: account.customerId });
      await result.waitFor();
      await result.click();
      await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));
      await page.getByTestId('customer-id').filter({ hasText: account.customerId }).waitFor();

      // Before the call is verified, the swap is there but disabled, and the list says what is missing.
      const actions = page.getByTestId('recovery-actions');
      const swapButton = actions.getByRole('button', { name: 'Make the backup email primary' });
      await swapButton.waitFor();
      expect(await swapButton.isDisabled()).toBe(true);
      expect(await actions.locator('#swap-conditions [data-condition="possession"]').getAttribute('data-met')).toBe('false');

      await page.getByRole('button', { name: 'Start verification' }).click();
      await page.getByText('Caller not verified yet').waitFor();
      expect(await swapButton.isDisabled()).toBe(true);

      // The code goes to the backup email; the "caller" reads it from the mail.
      await page.getByRole('button', { name: 'To backup email' }).click();
      const codeMail = await smtp.mailFor(backup, account.customerId, /verification code/i);
      await page.locator('input[name="code"]').fill(codeIn(codeMail));
      await page.getByRole('button', { name: 'Check code' }).click();
      await page.getByText('Caller verified: possession proven (Backup email).').waitFor();

      // Every condition met: the swap is enabled (click waits for it); it asks for a reason and says what happens.
      await actions.locator('#swap-conditions [data-condition="possession"][data-met="true"]').waitFor();
      await swapButton.click();
      const dialog = page.getByRole('dialog', { name: 'Make the backup email primary' });
      await dialog
        .getByText(`the backup email ${maskEmail(backup)} becomes the primary email, replacing ${maskEmail(oldPrimary)}`)
        .waitFor();
      expect(await dialog.locator('input[name="recoveryCallReference"]').inputValue()).toBe(callReference);
      // No reason: refused in the dialog, nothing sent.
      await dialog.getByRole('button', { name: 'Make it primary' }).click();
      await dialog.getByText('Say why (3 characters at least)').waitFor();
      await dialog.locator('textarea[name="recoveryReason"]').fill('Caller lost access to the primary mailbox (provider closed it)');
      await dialog.getByRole('button', { name: 'Make it primary' }).click();

      const done = page.getByTestId('swap-done');
      await done.waitFor();
      expect(await done.innerText()).toContain(`${maskEmail(backup)} is now the primary email`);

      // The new primary gets its mail, with the customer ID first in the subject.
      const newPrimaryMail = await smtp.mailFor(backup, account.customerId, /backup email is now your primary email/);
      expect(newPrimaryMail.text).toContain(callReference);

      // The account page shows the swap: new primary (masked), no backup email, a new one required.
      await contactValue(page, 'Primary email')
        .filter({ hasText: maskEmail(backup)! })
        .waitFor();
      expect(await contactValue(page, 'Primary email').innerText()).toContain(maskEmail(backup)!);
      expect(await contactValue(page, 'Backup email').innerText()).toContain('—');
      await page.getByText('New backup email required').first().waitFor();
      await page.getByRole('table', { name: 'Security timeline' }).getByText('Primary email changed').waitFor();
      // The agent's own case list on the page shows the executed swap.
      await page.locator('section[aria-labelledby="account-recovery-cases-title"]').getByText('Backup email made primary').waitFor();

      // In the database: swapped, flagged, recorded as an executed case.
      const after = await app.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: account.id });
      expect(after.primaryEmail).toBe(backup);
      expect(after.backupEmail).toBeNull();
      expect(after.flags).toContain('backup_email_required');
      const swap = await app.dataSource.getRepository(RecoveryCase).findOneByOrFail({ accountId: account.id, action: 'backup_to_primary' });
      expect(swap.status).toBe('executed');
      caseId = swap.id;

      // The old primary is told too, with a link to report the change.
      const oldMail = await smtp.mailFor(oldPrimary, account.customerId, /email address of your account changed/);
      reportLink = /https?:\/\/\S+\/form\/#\/link\/[A-Za-z0-9_-]+/.exec(oldMail.text ?? '')?.[0] ?? null;
      expect(reportLink).not.toBeNull();

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 120_000);

  it('the old primary reports the swap from its mail link ("this was not me"); a supervisor sees it and reverts', async () => {
    expect(reportLink).not.toBeNull();
    // The mail links to PUBLIC_URL; the token is what matters: open it on the app under test.
    const token = reportLink!.split('#/link/')[1];
    const customer = await openBrowser();
    try {
      await customer.page.goto(`${app.url}/form/#/link/${token}`);
      await customer.page.getByRole('heading', { level: 1, name: 'Report a change you did not ask for' }).waitFor();
      await customer.page.getByText('your backup email address became your primary email address').waitFor();
      // The token left the address bar at once.
      expect(customer.page.url()).not.toContain(token);
      await customer.page.getByRole('button', { name: 'This was not me' }).click();
      await customer.page.getByTestId('link-result').filter({ hasText: 'Your account is locked' }).waitFor();
      expect(customer.foreignRequests).toEqual([]);
      expect(customer.pageErrors).toEqual([]);

      // Single use: the same link again is refused.
      const again = await customer.context.newPage();
      await again.goto(`${app.url}/form/#/link/${token}`);
      await again.getByRole('heading', { level: 1, name: 'Link no longer valid' }).waitFor();
    } finally {
      await customer.context.close();
    }

    const locked = await app.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: account.id });
    expect(locked.status).toBe('locked');

    const staff = await openBrowser();
    const { page } = staff;
    try {
      await signIn(page, SUPERVISOR);
      // The supervisor's list opens on the approvals inbox.
      await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Recovery cases' }).click();
      await page.getByText('Approvals inbox').first().waitFor();

      await page.goto(`${app.url}/#/recovery-cases/${caseId}/show`);
      await page.getByRole('heading', { level: 1, name: 'Backup email made primary' }).waitFor();
      await page.getByText('The customer reported this change').waitFor();
      const timeline = page.getByTestId('recovery-timeline');
      await timeline.getByText('Executed', { exact: true }).waitFor();
      await timeline.getByText('Reported by the customer', { exact: true }).waitFor();
      await page.getByTestId('recovery-mails').getByText('Swap: to the new primary').waitFor();

      await page.getByRole('button', { name: 'Revert the swap' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revert this swap' });
      await dialog.locator('textarea[name="recoveryReason"]').fill('Customer reported the swap; caller was not the holder');
      await dialog.getByRole('button', { name: 'Revert the swap' }).click();
      await page.getByRole('status').filter({ hasText: 'Swap reverted.' }).waitFor();
      await page.getByTestId('recovery-timeline').getByText('Reverted', { exact: true }).waitFor();

      const reverted = await app.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: account.id });
      expect(reverted.primaryEmail).toBe(account.primaryEmail);
      expect(reverted.backupEmail).toBe(account.backupEmail);
      expect(staff.foreignRequests).toEqual([]);
      expect(staff.pageErrors).toEqual([]);
    } finally {
      await staff.context.close();
    }
  }, 120_000);
});
