/**
 * Staff invitations in a real browser against the real API and a real SMTP server: an administrator invites a
 * reviewer from the console; the new member opens the mailed link, reads the secret the page shows, sets a
 * password, types the code of their authenticator and signs in. A role grant waits for a second administrator,
 * who confirms it in the console's pending requests. Nothing the pages load may leave the machine.
 */
import type { Browser } from 'playwright-core';
import { totpCode } from '../../server/auth/totp';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { signIn, startTestApp } from '../support/app';
import { createStaff, type TestStaff } from '../support/factories';
import { TestSmtp } from '../support/smtp';

const UI_TIMEOUT = 15_000;

describe('staff console: invitations and two-admin role grants (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  const smtp = new TestSmtp();

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp({ worker: true, config: { smtpUrl, mailRetryBaseMs: 50 } });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp.stop();
  });

  /** `nextStep`: the staff member signed in through the API in this step already (codes are single-use). */
  const consoleSignIn = async (session: ConsoleSession, staff: TestStaff, nextStep = false) =>
    signInConsole(session.page, app.url, staff.email, staff.password, await totpCode(staff.secret, Date.now() + (nextStep ? 30_000 : 0)));

  const pendingRows = (session: ConsoleSession, title: string) => session.page.getByRole('table', { name: title }).getByRole('row');

  function expectStayedLocal(session: ConsoleSession): void {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }

  it('invites a member who enrols through the mailed link, then signs in with their own password and code', async () => {
    const admin = await openConsole(browser, UI_TIMEOUT);
    const member = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    const email = `invited-${Date.now()}@staff.test`;
    try {
      await consoleSignIn(admin, await createStaff(app.dataSource, ['admin']));
      await admin.page.goto(`${app.url}/#/staff/create`);
      await admin.page.locator('input[name="email"]').fill(email);
      await admin.page.locator('input[name="name"]').fill('Inès Invitée');
      await admin.page.getByLabel('Compliance reviewer').check();
      await admin.page.locator('textarea[name="reason"]').fill('joins the compliance team');
      await admin.page.getByRole('button', { name: 'Send the invitation' }).click();
      await admin.page.getByText(`Invitation sent to ${email}`).waitFor();
      expectStayedLocal(admin);

      const mail = await smtp.waitFor((m) => smtp.to(email).includes(m));
      const token = /\/#\/enrol\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
      expect(token).toBeDefined();
      // The mail's link starts with PUBLIC_URL; this test's server listens on a port of its own.
      const link = `${app.url}/#/enrol/${token}`;

      const page = member.page;
      await page.goto(link);
      // French browser, English mail: the page follows the member's language as the admin chose it.
      await page.getByRole('heading', { name: 'Activate your Recovery Desk account' }).waitFor();
      expect(page.url()).not.toContain(token);
      const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
      await qr.waitFor();
      expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
      const secret = (await page.getByTestId('totp-secret').innerText()).trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

      await page.locator('input[name="password"]').fill('my own long passphrase');
      await page.locator('input[name="passwordAgain"]').fill('my own long passphrase');
      await page.locator('input[name="otp"]').fill(await totpCode(secret));
      await page.getByRole('button', { name: 'Activate my account' }).click();
      await page.getByText('Your account is ready.').waitFor();
      expectStayedLocal(member);

      // The enrolment spent this step's code: sign in with the next one (one step of drift is allowed).
      await page.getByRole('link', { name: 'Go to sign-in' }).click();
      await signInConsole(page, app.url, email, 'my own long passphrase', await totpCode(secret, Date.now() + 30_000));
      await page.getByText('Signed in as Inès Invitée').waitFor();

      // The same link again: refused.
      const again = await openConsole(browser, UI_TIMEOUT);
      try {
        await again.page.goto(link);
        await again.page.getByText('This link was used already or has expired.').waitFor();
      } finally {
        await again.context.close();
      }
    } finally {
      await admin.context.close();
      await member.context.close();
    }
  }, 120_000);

  it('lists a supervisor grant as pending; the requester cannot confirm it, another administrator does', async () => {
    const requesterStaff = await createStaff(app.dataSource, ['admin']);
    const target = await createStaff(app.dataSource, ['agent']);
    const requester = await signIn(app, requesterStaff);
    const asked = await requester.patch(`/api/staff/${target.user.id}`).send({ roles: ['supervisor'], reason: 'new team lead' });
    expect(asked.status).toBe(202);

    const own = await openConsole(browser, UI_TIMEOUT);
    const other = await openConsole(browser, UI_TIMEOUT);
    try {
      // The requester sees their request with Confirm disabled.
      await consoleSignIn(own, requesterStaff, true);
      await own.page.goto(`${app.url}/#/staff`);
      const ownRow = pendingRows(own, 'Waiting for a second administrator').filter({ hasText: target.email });
      await ownRow.waitFor();
      expect(await ownRow.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);

      await consoleSignIn(other, await createStaff(app.dataSource, ['admin']));
      await other.page.goto(`${app.url}/#/staff`);
      const row = pendingRows(other, 'Waiting for a second administrator').filter({ hasText: target.email });
      await row.getByText('Phone-support agent → Supervisor').waitFor();
      await row.getByRole('button', { name: 'Confirm' }).click();
      await other.page.getByText('Request confirmed.').waitFor();
      await pendingRows(other, 'Waiting for a second administrator').filter({ hasText: target.email }).waitFor({ state: 'detached' });
      expectStayedLocal(own);
      expectStayedLocal(other);
    } finally {
      await own.context.close();
      await other.context.close();
    }
    const targetSession = await signIn(app, target);
    expect((await targetSession.get('/api/auth/me')).body.user.roles).toEqual(['supervisor']);
  }, 120_000);
});
