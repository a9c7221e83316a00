/**
 * An administrator's pending requests, in French: a second-factor reset and a role grant asked by another
 * administrator are listed with who asked (email) and when (local time, in French), the member concerned by email,
 * and no UUID; the reset is refused and the grant confirmed from the list, each row's buttons naming its request.
 */
import type { Browser } from 'playwright-core';
import { totpCode } from '../../server/auth/totp';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { signIn, startTestApp } from '../support/app';
import { createStaff } from '../support/factories';

const UI_TIMEOUT = 15_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TITLE = 'En attente d’un second administrateur';

describe('staff console: pending requests decided from the list, in French (browser)', () => {
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

  it('lists a reset and a grant with who asked and when, refuses one and confirms the other', async () => {
    const requester = await createStaff(app.dataSource, ['admin']);
    const lostPhone = await createStaff(app.dataSource, ['agent']);
    const promoted = await createStaff(app.dataSource, ['agent']);
    const asker = await signIn(app, requester);
    const reset = await asker.post(`/api/staff/${lostPhone.user.id}/mfa-reset-requests`).send({ reason: 'téléphone perdu' });
    expect(reset.status).toBe(201);
    const grant = await asker.patch(`/api/staff/${promoted.user.id}`).send({ roles: ['supervisor'], reason: 'nouveau chef d’équipe' });
    expect(grant.status).toBe(202);

    const session = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    const { page } = session;
    try {
      const admin = await createStaff(app.dataSource, ['admin']);
      await signInConsole(page, app.url, admin.email, admin.password, await totpCode(admin.secret));
      // The console speaks the browser's language: French from the login page on.
      await page.getByRole('menu', { name: 'Menu principal' }).waitFor();
      await page.goto(`${app.url}/#/staff`);

      const table = page.getByRole('table', { name: TITLE });
      const resetRow = table.getByRole('row').filter({ hasText: lostPhone.email });
      const grantRow = table.getByRole('row').filter({ hasText: promoted.email });
      await resetRow.getByText('Réinitialisation du second facteur', { exact: true }).first().waitFor();
      await grantRow.getByText('Agent du support téléphonique → Superviseur').waitFor();
      for (const row of [resetRow, grantRow]) {
        await row.getByText(requester.email).waitFor();
        // The request's time in French (« 1 déc. 2026, 09:12:33 »), its exact UTC value on the element.
        const time = row.locator('time');
        expect(await time.innerText()).toMatch(/^\d{1,2} [a-zéû]+\.? \d{4}/);
        expect(await time.getAttribute('datetime')).toMatch(/Z$/);
      }
      expect(await table.innerText()).not.toMatch(UUID);

      await resetRow.getByRole('button', { name: `Refuser : Réinitialisation du second facteur de ${lostPhone.email}` }).click();
      await page.getByText('Demande refusée.').waitFor();
      await resetRow.waitFor({ state: 'detached' });
      await grantRow.getByRole('button', { name: `Confirmer : Changement de rôles de ${promoted.email}` }).click();
      await page.getByText('Demande confirmée.').waitFor();
      await grantRow.waitFor({ state: 'detached' });
      await page.getByText('Aucune demande en attente.').waitFor();
      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
    const roles: { roles: string[] }[] = await app.dataSource.query(`SELECT roles FROM staff_users WHERE id = $1`, [promoted.user.id]);
    expect(roles[0].roles).toEqual(['supervisor']);
    const resets: { cancelled_at: Date | null }[] = await app.dataSource.query(
      `SELECT cancelled_at FROM staff_mfa_resets WHERE staff_id = $1`,
      [lostPhone.user.id],
    );
    expect(resets).toHaveLength(1);
    expect(resets[0].cancelled_at).not.toBeNull();
  }, 120_000);
});
