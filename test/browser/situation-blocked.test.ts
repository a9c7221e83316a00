/**
 * "My account is hacked, block it" (domain.md: a hacked account is blocked on request), in a real browser against
 * the real API, the queue workers and a real SMTP server. The demo agent finds the account, verifies the caller
 * with a code mailed to the backup email, and blocks the account with a reason: every address of the customer
 * gets the lock mail, the account page shows the lock with its reason, and the email swap — which the verified
 * caller could otherwise get — is disabled with the reason shown. The demo supervisor then finds the lock in the
 * account's timeline (who and why) and unblocks the account with a reason; the unblock mail reaches every address.
 */
import type { Browser, Page } from 'playwright-core';
import { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { AuditEvent } from '../../server/audit/audit-event.entity';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { createAccount } from '../support/factories';
import { codeIn, TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;
const AGENT = 'agent@example.test';
const SUPERVISOR = 'supervisor@example.test';

describe('situation: a hacked account blocked on request (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const smtp = new TestSmtp();
  let browser: Browser;
  let account: CustomerAccount;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ worker: true, config: { smtpUrl } });
    account = await createAccount(app.dataSource, { name: 'Margaux Lefranc', language: 'en' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp.stop();
  });

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());

  const openAccount = async (page: Page, callReference?: string) => {
    await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Accounts' }).click();
    await page.waitForURL(/#\/accounts/);
    if (callReference) await page.locator('input[name="callRef"]').fill(callReference);
    await page.locator('input[name="q"]').fill(account.customerId);
    await page.locator('input[name="q"]').press('Enter');
    const result = page.locator('table tbody tr').filter({ hasText: account.customerId });
    await result.waitFor();
    await result.click();
    await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));
    await page.getByTestId('customer-id').filter({ hasText: account.customerId }).waitFor();
  };

  it('the agent blocks the verified caller’s account, the swap waits; the supervisor sees it and unblocks', async () => {
    const reason = 'Caller says the account was hacked: unknown sign-ins and a changed password';
    const agent = await openConsole(browser, UI_TIMEOUT);
    try {
      const { page } = agent;
      await signIn(page, AGENT);
      await openAccount(page, `CALL-HACK-${Date.now() % 1_000_000}`);

      // Before the caller is verified, the agent cannot block: the button says what is missing.
      const block = page.getByRole('button', { name: 'Block account' });
      await block.waitFor();
      expect(await block.isDisabled()).toBe(true);
      await page.getByTestId('block-needs-call').waitFor();

      await page.getByRole('button', { name: 'Start verification' }).click();
      await page.getByText('Caller not verified yet').waitFor();
      await page.getByRole('button', { name: 'To backup email' }).click();
      const codeMail = await smtp.mailFor(account.backupEmail!, account.customerId, /verification code/i);
      await page.locator('input[name="code"]').fill(codeIn(codeMail));
      await page.getByRole('button', { name: 'Check code' }).click();
      await page.getByText('Caller verified: possession proven (Backup email).').waitFor();

      // The verified caller could get the swap now; they ask for the block instead.
      const actions = page.getByTestId('recovery-actions');
      await actions.locator('#swap-conditions [data-condition="possession"][data-met="true"]').waitFor();

      await block.click();
      const dialog = page.getByRole('dialog', { name: 'Block this account' });
      // No reason: refused in the dialog, nothing sent.
      await dialog.getByRole('button', { name: 'Block the account' }).click();
      await dialog.getByText('Say why (3 characters at least)').waitFor();
      await dialog.locator('textarea[name="recoveryReason"]').fill(reason);
      await dialog.getByRole('button', { name: 'Block the account' }).click();

      // The lock at the top of the page, with its reason; the swap disabled and saying why.
      const banner = page.getByTestId('account-locked');
      await banner.getByText('Account blocked', { exact: true }).waitFor();
      await banner.getByText(`Reason: ${reason}`).waitFor();
      await banner.getByText('every recovery action is refused').waitFor();
      expect(await page.getByRole('button', { name: 'Unblock' }).count()).toBe(0);
      await actions.locator('#swap-conditions [data-condition="not_locked"][data-met="false"]').waitFor();
      expect(await actions.getByRole('button', { name: 'Make the backup email primary' }).isDisabled()).toBe(true);
      await page.getByRole('table', { name: 'Security timeline' }).getByText('Account blocked').waitFor();

      // Every address of the customer is told, with the customer ID first in the subject.
      for (const to of [account.primaryEmail, account.backupEmail!]) {
        const mail = await smtp.mailFor(to, account.customerId, /Your account is blocked/);
        expect(mail.text).toContain('not even our support');
      }
      expect(agent.foreignRequests).toEqual([]);
      expect(agent.pageErrors).toEqual([]);
    } finally {
      await agent.context.close();
    }

    expect((await app.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: account.id })).status).toBe('locked');

    const supervisor = await openConsole(browser, UI_TIMEOUT);
    try {
      const { page } = supervisor;
      await signIn(page, SUPERVISOR);
      await openAccount(page);
      const timeline = page.getByRole('table', { name: 'Security timeline' });
      const row = timeline.locator('tr').filter({ hasText: 'Account blocked' });
      await row.waitFor();
      // Who and why, for staff.
      expect(await row.innerText()).toContain(`Alice Agent: ${reason}`);
      await page.getByTestId('account-locked').getByText(`Reason: ${reason}`).waitFor();

      await page.getByRole('button', { name: 'Unblock' }).click();
      const dialog = page.getByRole('dialog', { name: 'Unblock this account' });
      await dialog.locator('textarea[name="recoveryReason"]').fill('Customer called back; password reset done, sessions closed');
      await dialog.getByRole('button', { name: 'Unblock the account' }).click();
      await page.getByTestId('account-locked').waitFor({ state: 'detached' });
      await timeline.getByText('Account unblocked').waitFor();

      for (const to of [account.primaryEmail, account.backupEmail!]) {
        const mail = await smtp.mailFor(to, account.customerId, /Your account is unblocked/);
        expect(mail.text).toContain('Recovery requests');
      }
      expect(supervisor.foreignRequests).toEqual([]);
      expect(supervisor.pageErrors).toEqual([]);
    } finally {
      await supervisor.context.close();
    }

    const after = await app.dataSource.getRepository(CustomerAccount).findOneByOrFail({ id: account.id });
    expect(after).toMatchObject({ status: 'active', lockedAt: null, lockReason: null });
    const audit = await app.dataSource.getRepository(AuditEvent).find({ where: { targetId: account.id }, order: { id: 'ASC' } });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['account.lock', 'account.unlock']));
    expect(audit.find((e) => e.action === 'account.lock')).toMatchObject({ actorEmail: AGENT, reason });
    expect(audit.find((e) => e.action === 'account.unlock')).toMatchObject({ actorEmail: SUPERVISOR });
  }, 150_000);
});
