/**
 * Issue 14, S5: the JavaScript an agent's browser downloads before they can type in the account search box stays
 * ≤ 300 kB gzipped, in English and in French.
 *
 * What it counts (bench/console-js.ts): every response carrying JavaScript, in a fresh browser profile (nothing
 * cached), from the first navigation to the sign-in page until the search box on the agent's home page is visible
 * and enabled: the entry script, its modulepreloads, the chunks they import, and every dynamic import fired on the
 * way (the language's messages, lazy screens). Each file counts at `gzip -9` of the bytes served (or its
 * compressed size, were the server to send it with a Content-Encoding); 1 kB = 1000 bytes.
 *
 * It fails when someone imports the supervisor's charts (recharts and d3, ~120 kB gz) or another role's screens
 * eagerly: the total passes 300 kB, and a file holding recharts is among those loaded.
 */
import type { Browser } from 'playwright-core';
import { formatJsLoad, waitForAgentSearchBox, watchJavaScript } from '../../bench/console-js';
import { totpCode } from '../../server/auth/totp';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp, type TestApp } from '../support/app';
import { createStaff, type TestStaff } from '../support/factories';

const UI_TIMEOUT = 15_000;
const BUDGET_KB = 300;

describe('console weight before the agent can search (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  let frenchAgent: TestStaff;

  beforeAll(async () => {
    app = await startTestApp();
    // Another agent for the French run: a TOTP code is single-use, the demo agent signs in in English.
    frenchAgent = await createStaff(app.dataSource, ['agent']);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each([
    ['en-US', 'Search'],
    ['fr-FR', 'Rechercher'],
  ])('loads ≤ 300 kB gz of JS before the search box is usable (%s)', async (locale, button) => {
    const session = await openConsole(browser, UI_TIMEOUT, { locale });
    try {
      const js = watchJavaScript(session.context);
      const [email, password, otp] =
        locale === 'en-US'
          ? ['agent@example.test', DEMO_PASSWORD, await demoOtp()]
          : [frenchAgent.email, frenchAgent.password, await totpCode(frenchAgent.secret)];
      await signInConsole(session.page, app.url, email, password, otp);
      await waitForAgentSearchBox(session.page);
      const load = await js.settle();
      const report = formatJsLoad(load);

      // The screen is the agent's, in the browser's language, and usable.
      await session.page.getByRole('search').getByRole('button', { name: button }).waitFor();
      expect(session.pageErrors).toEqual([]);
      expect(session.foreignRequests).toEqual([]);

      expect(load.files.length).toBeGreaterThan(0);
      const charts = load.files.filter((f) => f.charts).map((f) => new URL(f.url).pathname);
      expect(charts.length ? `charts loaded by ${charts.join(', ')}\n${report}` : 'no charts').toBe('no charts');
      const kB = load.gz / 1000;
      expect(kB <= BUDGET_KB ? 'within budget' : `${kB.toFixed(1)} kB gz > ${BUDGET_KB} kB\n${report}`).toBe('within budget');
    } finally {
      await session.context.close();
    }
  });
});
