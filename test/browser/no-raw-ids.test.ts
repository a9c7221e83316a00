/**
 * What a person reads never holds an internal id or an untranslated code. Every role walks its screens in French
 * over data made by real actions (a block with its mails and audit entries, cases in review and waiting for
 * approval, an alert); the visible text of each page is searched for UUIDs, i18n keys and snake_case values.
 */
import type { Browser, Page } from 'playwright-core';
import { RecoveryCase } from '../../server/recovery/recovery-case.entity';
import { Alert } from '../../server/supervision/alert.entity';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, signIn, startTestApp, type TestApp } from '../support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from '../support/factories';

const UI_TIMEOUT = 15_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A translation key or a domain code shown as is: `recovery.show.closed`, `account.unmask`, `sup.staff.title`. */
const KEY =
  /\b(?:ra|rd|sup|recovery|documents|case|cases|account|accounts|staff|audit|core|auth|alert|alerts|verification|notifications|supervision|form)\.[a-z_]+(?:\.[a-z_0-9]+)*\b/g;
/** An enum value shown as is: `pending_approval`, `swap_burst`. */
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;

/** What a person reads on the page, without e-mail addresses and URLs (they may hold dots and underscores). */
async function visibleText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\S+@\S+/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ');
}

/** Waits until the page stops changing (lists loaded, no progress bar), then returns what it shows. */
async function settled(page: Page): Promise<string> {
  let previous = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    if (await page.locator('[role="progressbar"]').count()) continue;
    const text = await visibleText(page);
    if (text === previous && text.length > 0) return text;
    previous = text;
  }
  return previous;
}

function offences(text: string): string[] {
  return [...new Set([...(text.match(UUID) ?? []), ...(text.match(KEY) ?? []), ...(text.match(SNAKE) ?? [])])];
}

describe('no raw id or code where a person reads (browser, French)', () => {
  let app: TestApp;
  let browser: Browser;
  let accountId: string;
  let identityCaseId: string;
  let recoveryCaseId: string;
  let staffId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.dataSource;
    const account = await createAccount(ds, { language: 'fr' });
    accountId = account.id;
    const identity = await createVerifiedIdentityCase(ds, account, 'replace_email', { status: 'submitted', decidedAt: null });
    identityCaseId = identity.id;
    const agent = await createStaff(ds, ['agent'], { name: 'Inès Garnier' });
    staffId = agent.user.id;
    const recovery = ds.getRepository(RecoveryCase);
    const opened = await recovery.save(
      recovery.create({
        accountId: account.id,
        action: 'disable_2fa',
        status: 'pending_approval',
        callReference: 'TCK-77',
        reason: 'téléphone volé',
        openedBy: agent.user.id,
      }),
    );
    recoveryCaseId = opened.id;
    const alerts = ds.getRepository(Alert);
    await alerts.save(
      alerts.create({ rule: 'swap_burst', dedupeKey: 'no-raw-ids', summary: 'burst', eventId: '1', details: { count: 4 } }),
    );
    // A real block: audit entries, security timeline and the customer's mails in the outbox.
    const supervisor = await signIn(app, await createStaff(ds, ['supervisor']));
    await supervisor.post(`/api/accounts/${account.id}/lock`).send({ reason: 'le client craint un piratage' }).expect(200);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Signs `email` in with the console in French and returns, per page, what it shows that a person should not read. */
  async function walk(email: string, paths: string[]): Promise<Record<string, string[]>> {
    const session = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    const found: Record<string, string[]> = {};
    try {
      await signInConsole(session.page, app.url, email, DEMO_PASSWORD, await demoOtp());
      for (const path of paths) {
        await session.page.goto(`${app.url}/#${path}`);
        const bad = offences(await settled(session.page));
        if (bad.length) found[path] = bad;
      }
      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
    return found;
  }

  it('shows each role only names, customer IDs, short references and translated words', async () => {
    const found = {
      ...(await walk('agent@example.test', [
        '/',
        `/accounts/${accountId}/show`,
        '/recovery-cases',
        `/recovery-cases/${recoveryCaseId}/show`,
      ])),
      ...(await walk('reviewer@example.test', ['/identity-cases', `/identity-cases/${identityCaseId}/show`])),
      ...(await walk('supervisor@example.test', [
        '/recovery-cases?approvals',
        '/mail-outbox',
        '/audit-events',
        '/alerts',
        '/activity',
        '/call-scripts',
      ])),
      ...(await walk('admin@example.test', ['/', '/staff', `/staff/${staffId}/show`])),
    };
    expect(found).toEqual({});
  }, 240_000);
});
