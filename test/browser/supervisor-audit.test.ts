/**
 * The staff console in a real browser against the real API: a supervisor finds their own sign-in in the
 * audit trail and verifies the hash chain; an agent is not offered the audit trail at all. Nothing the
 * console loads may leave the machine.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isLocal, launchChromium } from '../support/browser';
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

  interface Session {
    context: BrowserContext;
    page: Page;
    foreignRequests: string[];
    pageErrors: string[];
  }

  /** A fresh browser profile in English (the console follows the browser's language). */
  async function openConsole(): Promise<Session> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    context.setDefaultTimeout(UI_TIMEOUT);
    const foreignRequests: string[] = [];
    const pageErrors: string[] = [];
    // On the context rather than one page: popups and workers are watched too.
    context.on('request', request => {
      if (!isLocal(request.url())) foreignRequests.push(request.url());
    });
    const page = await context.newPage();
    page.on('pageerror', error => pageErrors.push(error.message));
    return { context, page, foreignRequests, pageErrors };
  }

  const mainMenu = (page: Page) => page.getByRole('menu', { name: 'Main menu' });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${app.url}/`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('input[name="otp"]').fill(await demoOtp());
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The menu drops aria-busy once every permission check has answered.
    const menuReady = page.locator('[role="menu"][aria-label="Main menu"][aria-busy="false"]');
    const refused = page.locator('form [role="alert"]');
    await Promise.race([menuReady.waitFor(), refused.waitFor()]);
    if (await refused.isVisible()) {
      throw new Error(`sign-in of ${email} refused: ${await refused.innerText()}`);
    }
    await menuReady.waitFor();
  }

  function expectStayedLocal(session: Session): void {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }

  it(
    'shows a supervisor their own sign-in in the audit trail and an intact chain',
    async () => {
      const session = await openConsole();
      const { page } = session;
      try {
        await signIn(page, SUPERVISOR);

        await mainMenu(page).getByRole('menuitem', { name: 'Audit trail' }).click();
        await page.waitForURL(/#\/audit-events/);
        await page.locator('table tbody tr').first().waitFor();

        // Narrow down to this supervisor's sign-ins: other tests may have filled the trail since.
        await page.locator('input[name="actor"]').fill(SUPERVISOR);
        await page.locator('input[name="action"]').fill('auth.login');
        await page.waitForURL(/auth\.login/);
        const ownLogin = page
          .locator('table tbody tr')
          .filter({ hasText: SUPERVISOR })
          .filter({ hasText: 'auth.login' })
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
    },
    60_000,
  );

  it(
    'does not offer the audit trail to an agent',
    async () => {
      const session = await openConsole();
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
    },
    60_000,
  );
});
