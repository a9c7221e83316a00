/**
 * The staff console in a real browser against the real API: a supervisor finds their own sign-in in the
 * audit trail and verifies the hash chain; an agent is not offered the audit trail at all. Nothing the
 * console loads may leave the machine.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';

const UI_TIMEOUT = 15_000;

const SUPERVISOR = 'supervisor@example.test';
const AGENT = 'agent@example.test';

describe('staff console: audit trail (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  type Session = ConsoleSession;

  const openSession = () => openConsole(browser, UI_TIMEOUT);

  const mainMenu = (page: Page) => page.getByRole('menu', { name: 'Main menu' });

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());

  function expectStayedLocal(session: Session): void {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }

  it('shows a supervisor their own sign-in in the audit trail and an intact chain', async () => {
    const session = await openSession();
    const { page } = session;
    try {
      await signIn(page, SUPERVISOR);

      await mainMenu(page).getByRole('menuitem', { name: 'Audit trail' }).click();
      await page.waitForURL(/#\/audit-events/);
      await page.locator('table tbody tr').first().waitFor();

      // Narrow down to this supervisor's sign-ins: other tests may have filled the trail since.
      await page.locator('input[name="actor"]').fill(SUPERVISOR);
      // The action picker offers families by name; the URL holds the code (`auth.*`).
      await page.getByLabel('Actions').fill('Sign-ins');
      await page.getByRole('option', { name: 'Sign-ins — all actions' }).click();
      await page.waitForURL((url) => decodeURIComponent(url.href).includes('auth.*'));
      const ownLogin = page
        .locator('table tbody tr')
        .filter({ hasText: SUPERVISOR })
        .filter({ hasText: 'Staff sign-in' })
        .filter({ hasText: 'Success' });
      await ownLogin.first().waitFor();

      await page.getByRole('button', { name: 'Verify chain' }).click();
      const verdict = page.getByRole('status').filter({ hasText: /Chain (intact|broken)/ });
      await verdict.waitFor();
      const text = await verdict.innerText();
      expect(text).toMatch(/Chain intact — \d+ entr(y|ies) checked/);
      expect(Number(/— (\d+) entr/.exec(text)?.[1])).toBeGreaterThanOrEqual(1);

      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  }, 60_000);

  it('does not offer the audit trail to an agent', async () => {
    const session = await openSession();
    const { page } = session;
    try {
      await signIn(page, AGENT);

      const menu = mainMenu(page);
      await menu.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
      expect(await menu.getByRole('menuitem', { name: 'Audit trail' }).count()).toBe(0);

      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  }, 60_000);
});
