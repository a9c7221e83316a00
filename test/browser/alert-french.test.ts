/**
 * An alert from trigger to acknowledgement, in French: recovery openings on one account cross a lowered threshold,
 * and a supervisor whose console speaks French sees the alert named by the customer ID (no UUID, no rule code),
 * opens its evidence (the audit entries, translated, each a link), acknowledges it with a comment, and finds it again
 * among the acknowledged ones by customer ID. Two staff bursts beside it, named by the agents' emails, are
 * acknowledged together with one comment.
 */
import type { Browser } from 'playwright-core';
import { AuditService } from '../../server/audit/audit.service';
import { totpCode } from '../../server/auth/totp';
import { loadConfig } from '../../server/core/config/config';
import { AlertsService } from '../../server/supervision/alerts.service';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { startTestApp } from '../support/app';
import { createAccount, createStaff, type TestStaff } from '../support/factories';

const UI_TIMEOUT = 15_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('staff console: an alert in French, from trigger to acknowledgement (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let customerId: string;
  let agent: TestStaff;
  let other: TestStaff;

  beforeAll(async () => {
    // Two openings on one account a day, three unmasks an hour are enough here; working hours all day.
    const defaults = loadConfig(process.env).alerts;
    app = await startTestApp({
      config: {
        alerts: { ...defaults, attemptsPerAccountPerDay: 2, unmasksPerHour: 2, workingHours: { start: 0, end: 24, timeZone: 'UTC' } },
      },
    });
    browser = await launchChromium();
    const account = await createAccount(app.dataSource);
    customerId = account.customerId;
    agent = await createStaff(app.dataSource, ['agent']);
    const audit = app.app.get(AuditService);
    const act = (action: string, targetId: string) =>
      audit.recordAlone({
        actor: { id: agent.user.id, email: agent.email, roles: agent.user.roles },
        meta: { ip: '10.0.0.1', requestId: null },
        action,
        targetType: 'account',
        targetId,
      });
    await act('recovery.disable_2fa.open', account.id);
    await act('recovery.replace_contact_email.open', account.id);
    for (let i = 0; i < 3; i++) await act('account.unmask', (await createAccount(app.dataSource)).id);
    other = await createStaff(app.dataSource, ['agent']);
    for (let i = 0; i < 3; i++)
      await audit.recordAlone({
        actor: { id: other.user.id, email: other.email, roles: other.user.roles },
        meta: { ip: '10.0.0.2', requestId: null },
        action: 'account.unmask',
        targetType: 'account',
        targetId: (await createAccount(app.dataSource)).id,
      });
    await app.app.get(AlertsService).scan();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('names the alert, shows its evidence, acknowledges it with a comment and finds it again', async () => {
    const session = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    const { page } = session;
    try {
      const supervisor = await createStaff(app.dataSource, ['supervisor'], { language: 'fr' });
      await signInConsole(page, app.url, supervisor.email, supervisor.password, await totpCode(supervisor.secret));
      // The console speaks the browser's language: French from the login page on.
      await page.getByRole('menu', { name: 'Menu principal' }).waitFor();
      await page.goto(`${app.url}/#/alerts`);

      // 1. Named by the customer ID, worded in French from its code and params, no UUID and no code on the card.
      const card = page.locator('li[data-alert-rule="repeated_attempts"][data-alert-state="open"]');
      await card.getByText('Tentatives répétées sur un compte', { exact: true }).waitFor();
      await card.getByText(`2 tentatives de récupération ou vérifications d’appelant échouées sur le compte ${customerId}`).waitFor();
      await card.getByRole('link', { name: `le compte ${customerId}` }).waitFor();
      const text = await card.innerText();
      expect(text).not.toMatch(UUID);
      expect(text).not.toContain('repeated_attempts');
      const burst = page.locator('li[data-alert-rule="unmask_burst"]').filter({ hasText: agent.email });
      await burst.getByText(`${agent.email} a démasqué 3 comptes en une heure. (Seuil : 2.)`).waitFor();
      expect(await burst.innerText()).not.toMatch(UUID);

      // 2. Its evidence: the two openings, translated, with who and when, each a link to its audit entry.
      await card.getByRole('button', { name: 'Preuves : 2 entrées d’audit' }).click();
      const evidence = card.getByRole('list', { name: 'Entrées d’audit à l’origine de cette alerte' });
      await evidence.getByRole('listitem').nth(1).waitFor();
      expect(await evidence.getByRole('listitem').count()).toBe(2);
      const evidenceText = await evidence.innerText();
      expect(evidenceText).toContain(agent.email);
      expect(evidenceText).not.toContain('recovery.');
      expect(evidenceText).not.toMatch(UUID);
      const entryLink = evidence.getByRole('link').first();
      expect(await entryLink.getAttribute('href')).toMatch(/#\/audit-events\/\d+\/show$/);

      // 3. Acknowledged with a comment: refused without one, then done.
      await card.getByRole('button', { name: 'Traiter', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Traiter' }).click();
      await dialog.getByText('Dites ce que vous avez constaté (3 caractères au moins)').waitFor();
      await dialog.getByRole('textbox', { name: 'Commentaire' }).fill('Le client a confirmé les deux demandes par téléphone.');
      await dialog.getByRole('button', { name: 'Traiter' }).click();
      await dialog.waitFor({ state: 'detached' });

      // 4. The two unmask bursts picked and acknowledged at once, with one comment.
      for (const email of [agent.email, other.email])
        await page
          .locator('li[data-alert-rule="unmask_burst"]')
          .filter({ hasText: email })
          .getByRole('checkbox', { name: 'Sélectionner cette alerte : Rafale de démasquages' })
          .check();
      await page.getByRole('button', { name: 'Traiter les 2 alertes sélectionnées' }).click();
      const bulk = page.getByRole('dialog');
      const picked = bulk.getByRole('list', { name: 'Alertes à traiter' });
      await picked.getByText(`Rafale de démasquages — le membre du personnel ${other.email}`).waitFor();
      await bulk.getByRole('textbox', { name: 'Commentaire' }).fill('Campagne de vérification autorisée ce matin.');
      await bulk.getByRole('button', { name: 'Traiter' }).click();
      await page.getByText('2 alertes traitées.').waitFor();
      await bulk.waitFor({ state: 'detached' });
      await page.locator('li[data-alert-rule="unmask_burst"][data-alert-state="acknowledged"]').nth(1).waitFor();
      expect(await page.locator('li[data-alert-rule="unmask_burst"][data-alert-state="open"]').count()).toBe(0);

      // 5. Found again among the acknowledged ones by its customer ID; the search is in the URL.
      await page.getByRole('combobox', { name: 'État' }).click();
      await page.getByRole('option', { name: 'Traitées', exact: true }).click();
      await page.getByRole('textbox', { name: 'Identifiant client' }).fill(customerId);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForURL(new RegExp(`customerId=${customerId}`));
      const done = page.locator('li[data-alert-rule="repeated_attempts"][data-alert-state="acknowledged"]');
      await done.getByText('Le client a confirmé les deux demandes par téléphone.').waitFor();
      // Who acknowledged it, by name (here the signed-in supervisor).
      expect(await done.innerText()).toMatch(/Traitée le .+ par Test supervisor \(vous\)/);
      await done.getByRole('link', { name: `le compte ${customerId}` }).waitFor();
      // The open list re-renders after the acknowledgement's refetch: wait for it to go before counting.
      await page.locator('#alerts-open').waitFor({ state: 'detached' });
      expect(await page.locator('#alerts-open').count()).toBe(0);
      expect(await page.locator('li[data-alert-rule="unmask_burst"]').count()).toBe(0);

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 90_000);
});
