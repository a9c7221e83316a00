/**
 * Swagger UI in a real browser: an admin signed in to the console opens /api/docs and browses the contract. Its
 * scripts and styles must load under the app's CSP, and nothing may leave the machine (no validator badge).
 */
import type { Browser } from 'playwright-core';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';

describe('API documentation page (browser)', () => {
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

  it('shows an admin the contract, its routes and error body, with no CSP refusal', async () => {
    const session = await openConsole(browser);
    const { page } = session;
    const refusals: string[] = [];
    try {
      await signInConsole(page, app.url, 'admin@example.test', DEMO_PASSWORD, await demoOtp());
      // From here on (the console's own 401 before sign-in is expected): a CSP refusal logs an error.
      page.on('console', (message) => {
        if (message.type() === 'error') refusals.push(message.text());
      });
      await page.goto(`${app.url}/api/docs`);
      await page.locator('.swagger-ui .info .title', { hasText: 'Recovery Desk API' }).waitFor();
      await page.locator('.opblock-summary-path', { hasText: '/api/recovery-cases/{id}/approve' }).first().waitFor();
      await page.locator('.models', { hasText: 'ApiErrorBody' }).waitFor();
      expect(refusals).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      expect(session.foreignRequests).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 60_000);
});
