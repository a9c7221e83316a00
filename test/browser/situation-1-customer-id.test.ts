/**
 * Situation 1 of domain.md, "I don't know my customer ID", for a caller who gives only their mobile number as
 * they write it at home: a UK customer says "07700 900123". In a real browser against the real API, the queue
 * workers and a real SMTP server, the demo agent (whose desk region is France) finds the account by that national
 * writing; nothing of the contact data is on the page until the caller reads back a code mailed to the primary
 * address; then the agent re-sends the customer ID to the primary email, and the mail carries it. The agent also
 * sets their own phone region in "My settings" (audited) and finds the same account again.
 * (test/browser/agent-call.test.ts plays the same call found by a loosely written customer ID, with the unmask.)
 */
import type { Browser, Page } from 'playwright-core';
import { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { maskEmail } from '../../server/accounts/masking';
import { AuditEvent } from '../../server/audit/audit-event.entity';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { createAccount } from '../support/factories';
import { codeIn, TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;
const AGENT = 'agent@example.test';

describe('situation 1: "I don\'t know my customer ID", found by a national phone number (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const smtp = new TestSmtp();
  let browser: Browser;
  let account: CustomerAccount;
  let decoy: CustomerAccount;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ worker: true, config: { smtpUrl } });
    account = await createAccount(app.dataSource, {
      name: 'Oliver Bennett',
      language: 'en',
      country: 'GB',
      city: 'London',
      postalCode: 'SW1A 1AA',
      addressLine: '10 Downing Street',
      phone: '+447700900123',
    });
    // A German account whose number is the same digits read in Germany: listed too, after the British reading.
    decoy = await createAccount(app.dataSource, {
      name: 'Otto Becker',
      language: 'en',
      country: 'DE',
      city: 'Berlin',
      phone: '+497700900123',
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp.stop();
  });

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());

  const search = async (page: Page, q: string, callReference?: string) => {
    await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Accounts' }).click();
    await page.waitForURL(/#\/accounts/);
    if (callReference) await page.locator('input[name="callRef"]').fill(callReference);
    await page.locator('input[name="q"]').fill(q);
    await page.locator('input[name="q"]').press('Enter');
  };

  it('finds the account by "07700 900123", verifies the caller, and mails the customer ID to the primary email', async () => {
    const session = await openConsole(browser, UI_TIMEOUT);
    const { page } = session;
    const callReference = `CALL-ID-${Date.now() % 1_000_000}`;
    try {
      await signIn(page, AGENT);
      await search(page, '07700 900123', callReference);
      const rows = page.locator('table tbody tr');
      const result = rows.filter({ hasText: account.customerId });
      await result.waitFor();
      // Both readings that match an account whose country gave them: the British one first (the provider's order).
      await rows.filter({ hasText: decoy.customerId }).waitFor();
      expect(await rows.count()).toBe(2);
      expect(await rows.first().innerText()).toContain(account.customerId);
      // Masked in the results: the number as a whole is not on the page.
      expect(await page.getByText('+447700900123').count()).toBe(0);
      expect(await page.getByText(account.primaryEmail).count()).toBe(0);
      await result.click();
      await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));
      await page.getByTestId('customer-id').filter({ hasText: account.customerId }).waitFor();

      // Nothing to disclose before the caller is verified: contact data masked, the note says so.
      await page.getByText('Masked until the caller passes a code check on this call. Disclose nothing before.').waitFor();
      const body = await page.locator('body').innerText();
      for (const secret of [account.primaryEmail, account.backupEmail!, '+447700900123', '7700 900123', '10 Downing Street']) {
        expect(body).not.toContain(secret);
      }
      expect(await page.getByRole('button', { name: 'Unmask' }).isDisabled()).toBe(true);

      // The caller still reads the primary mailbox: a code there, read back.
      await page.getByRole('button', { name: 'Start verification' }).click();
      await page.getByText('Caller not verified yet').waitFor();
      await page.getByRole('button', { name: 'To primary email' }).click();
      const codeMail = await smtp.mailFor(account.primaryEmail, account.customerId, /verification code/i);
      await page.locator('input[name="code"]').fill(codeIn(codeMail));
      await page.getByRole('button', { name: 'Check code' }).click();
      await page.getByText('Caller verified: possession proven (Primary email).').waitFor();

      // The customer ID goes to the primary email on file, never read out.
      expect(await page.locator('input[name="reminderCallReference"]').inputValue()).toBe(callReference);
      await page.getByRole('button', { name: 'Send the customer ID' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Customer ID sent to ${maskEmail(account.primaryEmail)}.` })
        .waitFor();
      const reminder = await smtp.mailFor(account.primaryEmail, account.customerId, /Your customer ID/);
      expect(reminder.text).toContain(`here is your customer ID: ${account.customerId}`);
      await page.getByRole('table', { name: 'Security timeline' }).getByText('Customer ID reminder sent').waitFor();

      // The agent moves to the UK line: "My settings" reads national numbers as British first.
      // The app bar hides while the page is scrolled down: back to the top, then the user menu.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.getByRole('button', { name: 'Profile' }).filter({ hasText: 'Alice Agent' }).click();
      await page.getByRole('menuitem', { name: 'My settings' }).click();
      await page.waitForURL(/#\/my-settings/);
      await page.getByRole('heading', { level: 1, name: 'My settings' }).waitFor();
      await page.getByRole('combobox', { name: 'Region of national phone numbers' }).click();
      await page.getByRole('option', { name: 'United Kingdom' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Settings saved').waitFor();
      // The list may still show the first search's rows: wait for the new search's own answer.
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'GET' && /\/api\/accounts\?/.test(r.url()) && decodeURIComponent(r.url()).includes('07700-900-123'),
      );
      await search(page, '07700-900-123');
      expect((await answered).status()).toBe(200);
      await page.locator('table tbody tr').filter({ hasText: decoy.customerId }).waitFor();
      expect(await page.locator('table tbody tr').first().innerText()).toContain(account.customerId);

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }

    const settings = await app.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'staff.settings.update' });
    expect(settings).toMatchObject({ actorEmail: AGENT, after: { phoneRegion: 'GB' } });
    const searches = await app.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'account.search', actorEmail: AGENT }, order: { id: 'ASC' } });
    expect(searches.map((s) => s.after)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'phone', phoneRegion: 'FR', results: 2, accountIds: [account.id, decoy.id] }),
        expect.objectContaining({ kind: 'phone', phoneRegion: 'GB', results: 2, accountIds: [account.id, decoy.id] }),
      ]),
    );
  }, 150_000);
});
