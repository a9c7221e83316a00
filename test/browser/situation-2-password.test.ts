/**
 * Domain situation 2, "I lost my password", in a real browser against the real API: a supervisor rewrites the
 * sentence agents read about password resets (a wrong placeholder is refused first), and the edit lands in the
 * audit trail; the agent lands on their home page, finds the caller's account from its search box, reads in
 * the security timeline that reset mails were sent and where (masked), and the call workspace shows the new
 * sentence with the time and the masked address in it; the agent's call of the day is then on their home page.
 * The reset mails themselves are the provider's sign-in side's, not the desk's: they are timeline entries here.
 */
import type { Browser, Page } from 'playwright-core';
import { maskEmail } from '../../server/accounts/masking';
import type { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { AuditEvent } from '../../server/audit/audit-event.entity';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp, type TestApp } from '../support/app';
import { createAccount, createSecurityEvent } from '../support/factories';

const UI_TIMEOUT = 15_000;
const AGENT = 'agent@example.test';
const SUPERVISOR = 'supervisor@example.test';

const NEW_EN = 'Use "Forgot password" on the sign-in page. Our last reset mail left at {time} for {maskedAddress}, sent by {sender}.';
const NEW_FR = 'Utilisez « Mot de passe oublié ». Notre dernier mail est parti à {time} vers {maskedAddress}, envoyé par {sender}.';

describe('situation 2: "I lost my password" (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  let account: CustomerAccount;
  let masked: string;

  beforeAll(async () => {
    app = await startTestApp({ config: { mailFrom: 'Provider Support <support@provider.test>' } });
    account = await createAccount(app.dataSource, { language: 'en', name: 'Olivia Grant' });
    masked = maskEmail(account.primaryEmail)!;
    const now = Date.now();
    for (const minutesAgo of [90, 20]) {
      await createSecurityEvent(app.dataSource, account, 'password_reset_sent', {
        at: new Date(now - minutesAgo * 60_000),
        channel: 'email',
        destinationMasked: masked,
        detail: 'password reset link',
        ip: '198.51.100.7',
      });
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());
  const mainMenu = (page: Page) => page.getByRole('menu', { name: 'Main menu' });
  const expectClean = (session: ConsoleSession) => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  };

  it('a supervisor rewrites the password sentence; the agent finds the reset mails and reads the new sentence', async () => {
    const supervisor = await openConsole(browser, UI_TIMEOUT);
    const agent = await openConsole(browser, UI_TIMEOUT);
    try {
      // The supervisor's home page, then the scripts screen.
      const sp = supervisor.page;
      await signIn(sp, SUPERVISOR);
      await sp.getByRole('heading', { name: 'Waiting for a supervisor' }).waitFor();
      await mainMenu(sp).getByRole('menuitem', { name: 'Call scripts' }).click();
      const editor = sp.locator('[data-script-editor="password.reset_sent"]');
      await editor.waitFor();

      // A placeholder the step does not know is refused, and the stored sentence stays.
      await editor.locator('textarea[name="password.reset_sent.en"]').fill('Your reset mail went to {address}.');
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor
        .getByText(/Only the values listed for this step can be used in braces/)
        .first()
        .waitFor();

      await editor.locator('textarea[name="password.reset_sent.en"]').fill(NEW_EN);
      await editor.locator('textarea[name="password.reset_sent.fr"]').fill(NEW_FR);
      await editor.locator('[data-preview="en"]').filter({ hasText: 'for p***@e***.org, sent by support@provider.test' }).waitFor();
      await editor.getByRole('button', { name: 'Save' }).click();
      await sp.getByText('Sentence saved: Password reset mail sent').waitFor();
      await editor.getByText(`Changed by ${SUPERVISOR}`).waitFor();

      // The agent lands on their home page: the search box, no call yet today.
      const ap = agent.page;
      await signIn(ap, AGENT);
      await ap.getByRole('heading', { name: 'Find the caller’s account' }).waitFor();
      await ap.getByText('No call yet today.').waitFor();
      const callReference = `CALL-${Date.now() % 1_000_000}`;
      await ap.locator('input[name="homeCallRef"]').fill(callReference);
      await ap.locator('input[name="homeSearch"]').fill(account.customerId);
      await ap.locator('input[name="homeSearch"]').press('Enter');
      await ap.waitForURL(/#\/accounts$/);
      const row = ap.locator('table tbody tr').filter({ hasText: account.customerId });
      await row.waitFor();
      await row.click();
      await ap.waitForURL(new RegExp(`#/accounts/${account.id}/show`));

      // The timeline says reset mails were sent, and where (masked); the full address is nowhere on the page.
      const timeline = ap.getByRole('table', { name: 'Security timeline' });
      const resets = timeline.locator('tr[data-kind="password_reset_sent"]');
      await resets.first().waitFor();
      expect(await resets.count()).toBe(2);
      expect(await resets.first().innerText()).toContain(`→ ${masked}`);
      expect(await ap.getByText(account.primaryEmail).count()).toBe(0);

      // What to tell the caller: the supervisor's new sentence, filled with the last reset's time and address.
      const notice = ap.locator('[data-notice="password_reset"]').first();
      await notice.waitFor();
      expect(await notice.innerText()).toContain(`to ${masked}`);
      const script = notice.locator('[data-script="password.reset_sent"]');
      const said = await script.innerText();
      expect(said).toContain(`Our last reset mail left at`);
      expect(said).toContain(`for ${masked}, sent by support@provider.test.`);
      expect(said).not.toMatch(/[{}]/);

      // The call of the day: started on the account page, listed on the agent's home page with the customer ID.
      expect(await ap.locator('input[name="callReference"]').inputValue()).toBe(callReference);
      expect(await ap.locator('[data-script="verification.start"]').innerText()).toContain(
        'I need to check that you are the account holder',
      );
      await ap.getByRole('button', { name: 'Start verification' }).click();
      await ap.locator('[data-script="verification.start"]').waitFor({ state: 'detached' });
      await ap.getByText('Caller not verified yet').waitFor();
      await mainMenu(ap).getByRole('menuitem', { name: 'Dashboard' }).click();
      const calls = ap.getByRole('list', { name: 'Your calls today' });
      await calls.getByText(account.customerId).waitFor();
      expect(await calls.innerText()).toContain(`Call ${callReference}`);
      expect(await calls.innerText()).toContain('In progress');

      // The edit is in the audit trail, with the texts before and after.
      await mainMenu(sp).getByRole('menuitem', { name: 'Audit trail' }).click();
      await sp.waitForURL(/#\/audit-events/);
      await sp.getByLabel('Actions').fill('Call script updated');
      await sp.getByRole('option', { name: 'Call script updated', exact: true }).click();
      await sp.waitForURL(/call_script\.update/);
      await sp.locator('table tbody tr').filter({ hasText: SUPERVISOR }).filter({ hasText: 'Call script updated' }).first().waitFor();
      const entries = await app.dataSource
        .getRepository(AuditEvent)
        .findBy({ action: 'call_script.update', targetId: 'password.reset_sent' });
      expect(entries).toHaveLength(1);
      expect(entries[0].after).toEqual({ en: NEW_EN, fr: NEW_FR });

      expectClean(supervisor);
      expectClean(agent);
    } finally {
      await supervisor.context.close();
      await agent.context.close();
    }
  }, 120_000);
});
