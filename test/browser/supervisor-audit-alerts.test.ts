/**
 * The supervision screens in a real browser against the real API: the demo supervisor narrows the audit trail
 * to one agent's swaps, acknowledges the swap-burst alert they raised, and exports an identity-documents case's
 * evidence as a JSON file whose hashes the server recomputed. Nothing the console loads may leave the machine.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import request from 'supertest';
import { AuditService } from '../../server/audit/audit.service';
import { totpCode } from '../../server/auth/totp';
import { AlertsService } from '../../server/supervision/alerts.service';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { createStaff, type TestStaff } from '../support/factories';

const UI_TIMEOUT = 15_000;

const SUPERVISOR = 'supervisor@example.test';
const SWAP = 'recovery.backup_to_primary.execute';
/** How the audit trail shows that action to an English reader (the code itself is on hover). */
const SWAP_LABEL = 'Backup email made primary: Executed';

describe('staff console: audit filters, alerts and evidence (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let busy: TestStaff;
  let identityCaseId: string;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();

    // An agent who swaps eight accounts' emails within minutes: above the hourly threshold, one swap-burst alert.
    busy = await createStaff(app.dataSource, ['agent']);
    const audit = app.app.get(AuditService);
    for (let i = 0; i < 8; i++) {
      await audit.recordAlone({
        actor: { id: busy.user.id, email: busy.email, roles: busy.user.roles },
        meta: { ip: '10.0.0.1', requestId: null },
        action: SWAP,
        targetType: 'account',
        targetId: `acc-burst-${i}`,
      });
    }
    await app.app.get(AlertsService).scan();

    // An identity-documents case opened by a customer through the public form.
    const opened = await request(app.url)
      .post('/api/public/identity-cases')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({ customerId: 'ev12345', accountType: 'individual', purpose: 'replace_email', contactEmail: 'evidence@example.org' });
    expect(opened.status).toBe(201);
    identityCaseId = opened.body.caseId;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const openSession = () => openConsole(browser, UI_TIMEOUT, { acceptDownloads: true });

  const mainMenu = (page: Page) => page.getByRole('menu', { name: 'Main menu' });

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());

  it('filters the trail by a staff member, acknowledges their swap burst and exports a case’s evidence', async () => {
    const session = await openSession();
    const { page } = session;
    try {
      await signIn(page, SUPERVISOR);

      // 1. The audit trail, narrowed to the busy agent's swaps.
      await mainMenu(page).getByRole('menuitem', { name: 'Audit trail' }).click();
      await page.waitForURL(/#\/audit-events/);
      await page.locator('table tbody tr').first().waitFor();
      await page.locator('input[name="actor"]').fill(busy.email);
      await page.getByLabel('Actions').fill(SWAP_LABEL);
      await page.getByRole('option', { name: SWAP_LABEL, exact: true }).click();
      await page.waitForURL(/backup_to_primary/);
      const swaps = page.locator('table tbody tr').filter({ hasText: busy.email }).filter({ hasText: SWAP_LABEL });
      await swaps.nth(7).waitFor();
      // Only those rows once the filtered page has replaced the unfiltered one.
      await page.locator('table tbody tr').nth(8).waitFor({ state: 'detached' });
      expect(await swaps.count()).toBe(8);

      // The CSV export link carries the same filters. It takes them on a render of its own, which may come after the
      // rows (a CI run read it once, right after the rows, with the actor but not yet the action): read it until it
      // has both or the time is up, then say what it holds.
      const exportLink = page.getByRole('link', { name: 'Export CSV' });
      const filtered = [`actor=${encodeURIComponent(busy.email)}`, `action=${encodeURIComponent(SWAP)}`];
      let exportHref = '';
      for (const until = Date.now() + UI_TIMEOUT; Date.now() < until; await page.waitForTimeout(100)) {
        exportHref = (await exportLink.getAttribute('href')) ?? '';
        if (filtered.every((part) => exportHref.includes(part))) break;
      }
      expect(exportHref).toContain(`actor=${encodeURIComponent(busy.email)}`);
      expect(exportHref).toContain(`action=${encodeURIComponent(SWAP)}`);

      // 2. The alert, open and marked as such; acknowledged with a comment.
      await mainMenu(page).getByRole('menuitem', { name: 'Alerts' }).click();
      await page.waitForURL(/#\/alerts/);
      const burst = page.locator('li[data-alert-rule="swap_burst"]').filter({ hasText: busy.email });
      await burst.waitFor();
      expect(await burst.getAttribute('data-alert-state')).toBe('open');
      await burst.getByText('Burst of email swaps').waitFor();
      await burst.getByRole('button', { name: 'Acknowledge' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Comment' }).fill('Checked with the team lead: a batch of customer calls.');
      await dialog.getByRole('button', { name: 'Acknowledge' }).click();
      await dialog.waitFor({ state: 'detached' });
      const done = page.locator('li[data-alert-rule="swap_burst"][data-alert-state="acknowledged"]').filter({ hasText: busy.email });
      await done.getByText('Checked with the team lead: a batch of customer calls.').waitFor();
      expect(await page.locator('li[data-alert-rule="swap_burst"][data-alert-state="open"]').filter({ hasText: busy.email }).count()).toBe(
        0,
      );

      // 3. The evidence of an identity-documents case, downloaded as JSON.
      await mainMenu(page).getByRole('menuitem', { name: 'Audit trail' }).click();
      await page.waitForURL(/#\/audit-events/);
      await page.getByRole('button', { name: 'Case evidence' }).click();
      const evidence = page.getByRole('dialog');
      await evidence.getByRole('radio', { name: 'Identity-documents case' }).check();
      await evidence.getByRole('textbox', { name: 'Case ID' }).fill(identityCaseId);
      const [download] = await Promise.all([page.waitForEvent('download'), evidence.getByRole('button', { name: 'Export' }).click()]);
      expect(download.suggestedFilename()).toBe(`evidence-identity-case-${identityCaseId}.json`);
      const bundle = JSON.parse(await readFile(await download.path(), 'utf8'));
      expect(bundle.integrity.hashesRecomputed).toBe(true);
      expect(bundle.integrity.entries).toBeGreaterThanOrEqual(1);
      expect(bundle.identityCase.id).toBe(identityCaseId);
      await evidence.getByText(/hashes recomputed: all match/).waitFor();

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 90_000);

  it('explains a broken audit chain alert in English and in French', async () => {
    await app.app.get(AlertsService).raise(
      {
        rule: 'audit_chain_broken',
        dedupeKey: 'audit_chain_broken:424242',
        summary: 'server text',
        params: { firstBrokenId: '424242', lastGoodId: '424241', lastGoodHash: 'ab'.repeat(32) },
        subject: { type: 'audit_entry', id: '424242' },
        evidence: [],
        details: { firstBrokenId: '424242', lastGood: { id: '424241', hash: 'ab'.repeat(32), count: 9 } },
      },
      '424242',
    );
    const expected = [
      {
        locale: 'en-US',
        rule: 'Audit trail tampered with',
        text: 'The audit trail no longer verifies from entry #424242',
        last: `Last intact point: entry #424241, hash ${'ab'.repeat(32)}.`,
      },
      {
        locale: 'fr-FR',
        rule: 'Journal d’audit altéré',
        text: 'Le journal d’audit ne se vérifie plus à partir de l’entrée n° 424242',
        last: `Dernier point intact : entrée n° 424241, empreinte ${'ab'.repeat(32)}.`,
      },
    ];
    for (const { locale, rule, text, last } of expected) {
      const session = await openConsole(browser, UI_TIMEOUT, { locale });
      const { page } = session;
      try {
        const staff = await createStaff(app.dataSource, ['supervisor']);
        const login = await page.request.post(`${app.url}/api/auth/login`, {
          data: { email: staff.email, password: staff.password, otp: await totpCode(staff.secret) },
        });
        expect(login.status()).toBe(200);
        await page.goto(`${app.url}/#/alerts`);
        const card = page.locator('li[data-alert-rule="audit_chain_broken"][data-alert-state="open"]');
        await card.getByText(rule).waitFor();
        await card.getByText(text).waitFor();
        await card.getByText(last).waitFor();
        expect(await card.getByText('server text').count()).toBe(0);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.context.close();
      }
    }
  }, 60_000);
});
