/**
 * An investigation in the audit explorer, in a real browser against the real API: a supervisor finds every action
 * on one customer ID in a time range (typed in the filters, held by the URL, the same rows when the URL is opened
 * again), opens an entry beside the list and follows it to the account.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from '../support/factories';
import { AuditService } from '../../server/audit/audit.service';
import { RecoveryCase } from '../../server/recovery/recovery-case.entity';

const UI_TIMEOUT = 15_000;
const SUPERVISOR = 'supervisor@example.test';

/** `yyyy-MM-ddTHH:mm` in the browser's local time, as a datetime-local input takes it. */
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Waits until the list shows exactly `n` rows (the filters apply after a debounce). */
async function countIs(locator: Locator, n: number): Promise<void> {
  const until = Date.now() + UI_TIMEOUT;
  while ((await locator.count()) !== n) {
    if (Date.now() > until) throw new Error(`expected ${n} rows, saw ${await locator.count()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('audit explorer: an investigation (browser)', () => {
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

  const rows = (page: Page) => page.locator('table tbody tr');

  it('finds every action on one customer ID in a time range, shares it by URL, opens the entry and the account', async () => {
    const account = await createAccount(app.dataSource);
    const other = await createAccount(app.dataSource);
    const agent = await createStaff(app.dataSource, ['agent']);
    const rc = await app.dataSource.getRepository(RecoveryCase).save({
      accountId: account.id,
      action: 'backup_to_primary',
      status: 'cancelled',
      callReference: 'CALL-9',
      reason: 'test',
      openedBy: agent.user.id,
    });
    const idCase = await createVerifiedIdentityCase(app.dataSource, account, 'replace_email');
    const audit = app.app.get(AuditService);
    const actor = { id: agent.user.id, email: agent.email, roles: ['agent'] };
    const meta = { ip: '198.51.100.23', requestId: 'req-investigation-1' };
    await audit.recordAlone({ actor, meta, action: 'account.unmask', targetType: 'account', targetId: account.id, reason: 'caller asked' });
    await audit.recordAlone({
      actor,
      meta,
      action: 'recovery.backup_to_primary.open',
      targetType: 'account',
      targetId: account.id,
      caseId: rc.id,
    });
    await audit.recordAlone({
      actor: null,
      meta,
      action: 'case.verify',
      targetType: 'identity_case',
      targetId: idCase.id,
      caseId: idCase.id,
    });
    await audit.recordAlone({ actor, meta, action: 'account.lock', targetType: 'account', targetId: other.id });

    const session = await openConsole(browser, UI_TIMEOUT);
    const { page } = session;
    try {
      await signInConsole(page, app.url, SUPERVISOR, DEMO_PASSWORD, await demoOtp());
      await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Audit trail' }).click();
      await page.waitForURL(/#\/audit-events/);
      await rows(page).first().waitFor();

      await page.locator('input[name="customerId"]').fill(account.customerId);
      await page.locator('input[name="from"]').fill(localInput(new Date(Date.now() - 3600_000)));
      await page.locator('input[name="to"]').fill(localInput(new Date(Date.now() + 3600_000)));
      await page.waitForURL(
        (url) => decodeURIComponent(url.href).includes(account.customerId) && /"to"/.test(decodeURIComponent(url.href)),
      );
      await rows(page).filter({ hasText: 'Identity case verified' }).waitFor();
      await countIs(rows(page), 3);

      const texts = await rows(page).allInnerTexts();
      expect(texts).toHaveLength(3);
      for (const text of texts) expect(text).toContain(account.customerId);
      expect(texts.join('\n')).toContain(`Recovery case ${rc.id.slice(0, 8)}`);
      expect(texts.join('\n')).toContain(`Documents case ${idCase.id.slice(0, 8)}`);
      expect(texts.join('\n')).not.toContain(other.customerId);
      // No UUID where a person reads.
      expect(texts.join('\n')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

      // The URL is the investigation: opened again, it shows the same rows.
      const shared = page.url();
      const again = await session.context.newPage();
      await again.goto(shared);
      await again.locator('table tbody tr').filter({ hasText: 'Identity case verified' }).waitFor();
      await countIs(again.locator('table tbody tr'), 3);
      expect(await again.locator('table tbody tr').allInnerTexts()).toEqual(texts);
      expect(await again.locator('input[name="customerId"]').inputValue()).toBe(account.customerId);
      await again.close();

      // The entry beside the list, then one click to the account.
      await rows(page).filter({ hasText: 'Contact data unmasked' }).click();
      const drawer = page.locator('section[aria-labelledby="audit-drawer-title"]');
      await drawer.waitFor();
      const detail = await drawer.innerText();
      expect(detail).toContain('198.51.100.23');
      expect(detail).toContain('req-investigation-1');
      expect(detail).toContain('caller asked');
      expect(detail).toContain(agent.email);
      await drawer.getByRole('link', { name: `Open account ${account.customerId}` }).click();
      await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));
      await page.getByText(account.customerId).first().waitFor();

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 120_000);
});
