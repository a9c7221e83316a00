/**
 * Staff sign-in through the company's OpenID Connect provider, in a real browser: the console's "Sign in with
 * <provider>" button, the provider's own sign-in page (a real oidc-provider started by the test), the way back to
 * the console and a signed-in home page; and a refusal (the provider did not confirm the second factor) shown in
 * the console's language. Nothing the pages load may leave the machine.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium, openConsole, type ConsoleSession } from '../support/browser';
import { createStaff, type TestStaff } from '../support/factories';
import { MFA, startOidcApp, type OidcTestApp, type TestIdpAccount } from '../support/oidc';

const UI_TIMEOUT = 15_000;
const tag = randomBytes(4).toString('hex');

const account = (who: string, amr: string[]): TestIdpAccount => ({
  sub: `sub-${who}-${tag}`,
  email: `oidc-browser-${who}-${tag}@staff.test`,
  email_verified: true,
  name: `IdP ${who}`,
  groups: ['rd-agents', 'rd-admins'],
  password: `${who}-password`,
  acr: MFA,
  amr,
});
const WITH_OTP = account('otp', ['pwd', 'otp']);
const WITHOUT_OTP = account('pwd', ['pwd']);

describe('staff console: sign-in through the OpenID Connect provider (browser)', () => {
  let app: OidcTestApp;
  let browser: Browser;
  let member: TestStaff;

  beforeAll(async () => {
    app = await startOidcApp([WITH_OTP, WITHOUT_OTP], {
      rolesClaim: 'groups',
      roleMap: { 'rd-agents': ['agent'], 'rd-admins': ['admin'] },
      requiredAcr: [MFA],
      requiredAmr: ['otp'],
    });
    member = await createStaff(app.dataSource, ['agent'], { email: WITH_OTP.email, name: 'Olivia Provider' });
    await createStaff(app.dataSource, ['agent'], { email: WITHOUT_OTP.email });
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

  /** At the provider's page: its own form, on its own origin. */
  async function signInAtProvider(session: ConsoleSession, idp: TestIdpAccount): Promise<void> {
    const { page } = session;
    await page.waitForURL((url) => url.origin === app.provider.issuer);
    await page.getByLabel('Email').fill(idp.email);
    await page.getByLabel('Password').fill(idp.password);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs a member in through the whole redirect dance, to a signed-in console with the roles granted here', async () => {
    const session = await openConsole(browser, UI_TIMEOUT);
    try {
      const { page } = session;
      await page.goto(`${app.url}/`);
      // Both ways are offered: password + TOTP stays (LOCAL_LOGIN on), the provider's button below.
      await page.locator('input[name="email"]').waitFor();
      await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
      await signInAtProvider(session, WITH_OTP);

      await page.locator('[role="menu"][aria-busy="false"]').waitFor();
      await page.getByText('Signed in as Olivia Provider').waitFor();
      // The provider's code is gone from the address bar; the console is at home.
      expect(page.url()).toBe(`${app.url}/#/`);
      const cookie = (await session.context.cookies(app.url)).find((c) => c.name === 'rd_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as { user: { id: string; roles: string[] } };
      // The provider's groups say admin too: Recovery Desk granted agent only.
      expect(me.user).toMatchObject({ id: member.user.id, roles: ['agent'] });
      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  });

  it("shows the refusal in the console's language when the provider did not confirm the second factor", async () => {
    const session = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    try {
      const { page } = session;
      await page.goto(`${app.url}/`);
      await page.getByRole('button', { name: 'Se connecter avec Test IdP' }).click();
      await signInAtProvider(session, WITHOUT_OTP);

      const alert = page.locator('form [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toBe(
        'Le fournisseur d’identité n’a pas confirmé les méthodes d’authentification requises (second facteur).',
      );
      expect(page.url()).toBe(`${app.url}/#/login`);
      expect((await session.context.cookies(app.url)).some((c) => c.name === 'rd_session')).toBe(false);
      // And from there, a new start works (the spent transaction is not in the way).
      await page.getByRole('button', { name: 'Se connecter avec Test IdP' }).waitFor();
      expectStayedLocal(session);
    } finally {
      await session.context.close();
    }
  });
});
