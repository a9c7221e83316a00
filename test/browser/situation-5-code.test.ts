/**
 * Domain situation 5, "I never turned on 2FA but I am asked for a code", in a real browser against the real API,
 * the real queue workers and a real SMTP server: the code the caller is asked for was mailed by their own sign-in
 * to the primary address. The agent sees it labelled as what it is (a security code sent by the customer's sign-in,
 * with its time and the masked address), never as a call code, with the sentence that points to the spam folder
 * and names the address our mails come from; that address is the one the real mails carry, checked on a code the
 * agent then sends during the call.
 */
import type { Browser, Page } from 'playwright-core';
import { maskEmail } from '../../server/accounts/masking';
import type { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp, type TestApp } from '../support/app';
import { createAccount, createSecurityEvent } from '../support/factories';
import { TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;
const AGENT = 'agent@example.test';
const SENDER = 'support@provider.test';

describe('situation 5: "I am asked for a code" (browser)', () => {
  const smtp = new TestSmtp();
  let app: TestApp;
  let browser: Browser;
  let account: CustomerAccount;
  let masked: string;
  let sentAt: Date;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ worker: true, config: { smtpUrl, mailFrom: `Provider Support <${SENDER}>` } });
    // A French customer: the sentences come in French until the agent switches the call to English.
    account = await createAccount(app.dataSource, { language: 'fr', name: 'Camille Roux', backupEmail: null });
    masked = maskEmail(account.primaryEmail)!;
    sentAt = new Date(Date.now() - 7 * 60_000);
    await createSecurityEvent(app.dataSource, account, 'login', {
      at: new Date(Date.now() - 3 * 86_400_000),
      channel: 'web',
      ip: '198.51.100.7',
    });
    await createSecurityEvent(app.dataSource, account, 'login_code_sent', {
      at: sentAt,
      channel: 'email',
      destinationMasked: masked,
      detail: 'security verification code (new device)',
      ip: '198.51.100.7',
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp.stop();
  });

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());

  it('labels the sign-in security code as such, with its time, masked address and the spam prompt naming the sender', async () => {
    const session = await openConsole(browser, UI_TIMEOUT);
    const { page } = session;
    try {
      await signIn(page, AGENT);
      await page.locator('input[name="homeCallRef"]').fill(`CALL-${Date.now() % 1_000_000}`);
      await page.locator('input[name="homeSearch"]').fill(account.customerId);
      await page.getByRole('button', { name: 'Search' }).click();
      const row = page.locator('table tbody tr').filter({ hasText: account.customerId });
      await row.waitFor();
      await row.click();
      await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));

      // The timeline row: a security code sent by the customer's own sign-in, to the masked primary address.
      const timeline = page.getByRole('table', { name: 'Security timeline' });
      const codeRow = timeline.locator('tr[data-kind="login_code_sent"]');
      await codeRow.waitFor();
      const rowText = await codeRow.innerText();
      expect(rowText).toContain('Security code sent by the customer’s own sign-in');
      expect(rowText).toContain(`→ ${masked}`);

      // The notice, in the call workspace and above the timeline: what it is, when, where.
      const timeIn = (locale: string, style: 'short' | 'medium') =>
        page.evaluate(
          ([iso, l, s]) => new Date(iso).toLocaleTimeString(l, { timeStyle: s as 'short' | 'medium' }),
          [sentAt.toISOString(), locale, style],
        );
      const time = await timeIn('en-US', 'medium');
      const notices = page.locator('[data-notice="signin_code"]');
      await notices.nth(1).waitFor();
      expect(await notices.count()).toBe(2);
      for (const notice of await notices.all()) {
        const text = await notice.innerText();
        expect(text).toContain('Security code sent by the customer’s own sign-in');
        expect(text).toContain(`at ${time} to ${masked}`);
        expect(text).toContain('It is not a code of this call');
      }

      // The sentence to read, in the account's language (French), then in English once the agent switches.
      const script = notices.first().locator('[data-script="signin_code.explain"]');
      const french = await script.innerText();
      expect(french).toContain(`l’a envoyé à ${await timeIn('fr', 'short')} à votre adresse principale qui se termine par ${masked}`);
      expect(french).toContain(`Il vient de ${SENDER}`);
      expect(french).toContain('spams');
      await page.getByRole('button', { name: 'Call in English' }).click();
      await script.filter({ hasText: 'check your spam folder' }).waitFor();
      const english = await script.innerText();
      expect(english).toContain(`your own sign-in sent it at ${await timeIn('en', 'short')} to your primary address ending in ${masked}`);
      expect(english).toContain(`ending in ${masked}`);
      expect(english).toContain(`It comes from ${SENDER}`);

      // Nothing on the page calls it a call code.
      expect(await page.getByText(/call (verification )?code/i).count()).toBe(0);

      // The sender named is the real one: a code sent during the call arrives from it, with the spam prompt.
      await page.getByRole('button', { name: 'Start verification' }).click();
      await page.getByRole('button', { name: 'To primary email' }).click();
      const sendScript = page.locator('[data-script="code.send_primary_email"]');
      await sendScript.waitFor();
      expect(await sendScript.innerText()).toContain(`I am sending a code to the address ending in ${masked}; please read it back to me.`);
      expect(await page.locator('[data-script="code.spam"]').innerText()).toContain(`a mail from ${SENDER}`);
      const mail = await smtp.waitFor((m) => (m.subject ?? '').startsWith(`[${account.customerId}]`), 20_000);
      expect(mail.from?.value[0].address).toBe(SENDER);

      // That code, now in the timeline, is the call's; the sign-in code keeps its own label.
      await timeline.locator('tr[data-kind="verification_code_sent"]').waitFor();
      expect(await timeline.locator('tr[data-kind="login_code_sent"]').innerText()).toContain(
        'Security code sent by the customer’s own sign-in',
      );

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 120_000);
});
