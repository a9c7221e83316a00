/**
 * The alert raised when stated-value checks on an account reach their daily limit, as a supervisor sees
 * it in the console, in English and in French: the rule and its summary in the reader's language.
 */
import type { Browser } from 'playwright-core';
import { AuditService } from '../../server/audit/audit.service';
import { AlertsService } from '../../server/supervision/alerts.service';
import { launchChromium, openConsole } from '../support/browser';
import { totpCode } from '../../server/auth/totp';
import { startTestApp } from '../support/app';
import { createStaff, uniqueId } from '../support/factories';

const UI_TIMEOUT = 15_000;

const LOCALES = [
  {
    locale: 'en-US',
    signIn: 'Sign in',
    menu: 'Main menu',
    rule: 'Stated values: daily limit reached',
    summary: /reached their daily limit, over one or several calls/,
  },
  {
    locale: 'fr-FR',
    signIn: 'Se connecter',
    menu: 'Menu principal',
    rule: 'Valeurs déclarées : limite du jour atteinte',
    summary: /ont atteint leur limite du jour, sur un ou plusieurs appels/,
  },
];

describe('staff console: the stated-value limit alert (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    const agent = await createStaff(app.dataSource, ['agent']);
    await app.app.get(AuditService).recordAlone({
      actor: { id: agent.user.id, email: agent.email, roles: agent.user.roles },
      meta: { ip: '10.0.0.1', requestId: null },
      action: 'verification.stated.throttled',
      outcome: 'denied',
      targetType: 'account',
      targetId: uniqueId(),
      reason: 'CALL-1',
      after: { subject: 'postal_code', limit: 'field' },
    });
    await app.app.get(AlertsService).scan();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(LOCALES)(
    'shows the rule and its summary in $locale',
    async (l) => {
      const session = await openConsole(browser, UI_TIMEOUT, { locale: l.locale });
      const { page } = session;
      try {
        // A supervisor of each language's own: a TOTP code signs in once.
        const supervisor = await createStaff(app.dataSource, ['supervisor']);
        await page.goto(`${app.url}/`);
        await page.locator('input[name="email"]').fill(supervisor.email);
        await page.locator('input[name="password"]').fill(supervisor.password);
        await page.locator('input[name="otp"]').fill(await totpCode(supervisor.secret));
        await page.getByRole('button', { name: l.signIn }).click();
        await page.locator(`[role="menu"][aria-label="${l.menu}"][aria-busy="false"]`).waitFor();
        await page.goto(`${app.url}/#/alerts`);
        const alert = page.locator('li[data-alert-rule="stated_value_limit"]');
        await alert.getByText(l.rule, { exact: true }).waitFor();
        await alert.getByText(l.summary).waitFor();
        expect(session.foreignRequests).toEqual([]);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.context.close();
      }
    },
    60_000,
  );
});
