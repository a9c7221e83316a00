/**
 * Security keys in a real browser against the real API: Chromium's virtual authenticator (DevTools protocol
 * `WebAuthn.addVirtualAuthenticator`) plays the key. A member signs in with their code, enrols a key from their
 * settings, signs out, and signs in again with their password and the key. A supervisor (a role that must use a key)
 * with no key spends their code once to enrol a first one on the sign-in page, then is refused a code sign-in and
 * signs in with the key. Nothing the pages load may leave the machine.
 */
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../../server/auth/totp';
import type { AppConfig } from '../../server/core/config/config';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { startTestApp, type TestApp } from '../support/app';
import { createStaff } from '../support/factories';

const UI_TIMEOUT = 15_000;

/** A key plugged into this page's browser: a CTAP2 authenticator that answers at once (the person touching it). */
async function plugVirtualKey(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
}

describe('security keys in the console (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  /** WebAuthn wants a host name, not 127.0.0.1: the console is opened on localhost. */
  let consoleUrl: string;
  const webauthn: AppConfig['webauthn'] = {
    rpId: 'localhost',
    rpName: 'Recovery Desk',
    origin: '',
    requiredRoles: ['supervisor', 'admin'],
  };

  beforeAll(async () => {
    app = await startTestApp({ config: { webauthn } });
    consoleUrl = app.url.replace('127.0.0.1', 'localhost');
    // The test server listens on a port of its own: the keys answer that origin, as WEBAUTHN_ORIGIN would say.
    webauthn.origin = consoleUrl;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  function expectStayedLocal(session: ConsoleSession): void {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }

  it('enrols a security key from my settings, then signs in with the password and the key', async () => {
    const staff = await createStaff(app.dataSource, ['agent']);
    const session = await openConsole(browser, UI_TIMEOUT);
    const { page } = session;
    try {
      await plugVirtualKey(page);
      await signInConsole(page, consoleUrl, staff.email, staff.password, await totpCode(staff.secret));
      await page.goto(`${consoleUrl}/#/my-settings`);
      await page.getByRole('link', { name: 'Security keys' }).click();
      await page.getByRole('heading', { name: 'Security keys', level: 1 }).waitFor();
      await page.getByText('No security key yet.').waitFor();

      await page.getByLabel('Name of the key').fill('Blue key');
      await page.getByLabel('Your password').fill(staff.password);
      await page.getByRole('button', { name: 'Add a security key' }).click();
      await page.getByText('Security key “Blue key” enrolled.').waitFor();
      const row = page.getByRole('table', { name: 'Your security keys' }).getByRole('row').filter({ hasText: 'Blue key' });
      await row.getByRole('cell', { name: 'Never' }).waitFor();

      await page.getByRole('button', { name: 'Profile' }).click();
      await page.getByRole('menuitem', { name: 'Logout' }).click();
      await page.locator('input[name="email"]').waitFor();

      // Email and password, then the key instead of the code.
      await page.locator('input[name="email"]').fill(staff.email);
      await page.locator('input[name="password"]').fill(staff.password);
      await page.getByRole('button', { name: 'Use a security key instead' }).click();
      await page.getByText(`Signed in as ${staff.user.name}`).waitFor();

      await page.goto(`${consoleUrl}/#/my-settings/security-keys`);
      await row.waitFor();
      expect(await row.getByRole('cell', { name: 'Never' }).count()).toBe(0);
      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  }, 120_000);

  it('has a supervisor, in French, enrol a first key with their code once, then sign in only with the key', async () => {
    const staff = await createStaff(app.dataSource, ['supervisor']);
    const session = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    const { page } = session;
    const fillCredentials = async (otp: string) => {
      await page.locator('input[name="email"]').fill(staff.email);
      await page.locator('input[name="password"]').fill(staff.password);
      await page.locator('input[name="otp"]').fill(otp);
    };
    try {
      await plugVirtualKey(page);
      await page.goto(`${consoleUrl}/`);
      // No key yet: the right code does not sign in, it lets the supervisor enrol a first key.
      await fillCredentials(await totpCode(staff.secret));
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page.getByRole('alert').getByText('Votre rôle impose une clé de sécurité', { exact: false }).waitFor();
      await page.getByLabel('Nom de la clé').fill('Clé rouge');
      await page.getByRole('button', { name: 'Enregistrer ma clé de sécurité' }).click();
      await page.getByRole('status').getByText('Clé de sécurité enregistrée.', { exact: false }).waitFor();

      // With a key, a code is refused with the reason on screen (the next step's code: the first one is spent).
      await fillCredentials(await totpCode(staff.secret, Date.now() + 30_000));
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page.getByRole('alert').getByText('Votre rôle impose la connexion avec une clé de sécurité, pas avec un code.').waitFor();

      await page.getByRole('button', { name: 'Utiliser plutôt une clé de sécurité' }).click();
      await page.getByText(`Connecté en tant que ${staff.user.name}`).waitFor();
      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  }, 120_000);
});
