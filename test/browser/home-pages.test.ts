/**
 * The home page of each role in a real browser: a reviewer lands on the queue counts and the cases near or past
 * the 72 h target, a supervisor on approvals, alerts, the chain status and failed mails, an admin on the staff
 * requests waiting for a second admin. Each sees only their own blocks.
 */
import type { Browser, Page } from 'playwright-core';
import { IdentityCase } from '../../server/documents/identity-case.entity';
import { RecoveryCase } from '../../server/recovery/recovery-case.entity';
import { RoleRequest } from '../../server/staff/role-request.entity';
import { StaffUser } from '../../server/auth/staff-user.entity';
import { Alert } from '../../server/supervision/alert.entity';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { DEMO_PASSWORD, demoOtp, startTestApp, type TestApp } from '../support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from '../support/factories';

const UI_TIMEOUT = 15_000;
const HOUR = 3600_000;

describe('home page per role (browser)', () => {
  let app: TestApp;
  let browser: Browser;
  let lateCustomerId: string;
  let requestedName: string;

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.dataSource;
    const reviewer = await ds.getRepository(StaffUser).findOneByOrFail({ email: 'reviewer@example.test' });
    const admin = await ds.getRepository(StaffUser).findOneByOrFail({ email: 'admin@example.test' });
    const late = await createAccount(ds);
    lateCustomerId = late.customerId;
    const now = Date.now();
    const make = (status: IdentityCase['status'], hoursAgo: number, reviewerId: string | null = null) =>
      createVerifiedIdentityCase(ds, late, 'replace_email', {
        status,
        submittedAt: new Date(now - hoursAgo * HOUR),
        claimedAt: null,
        decidedAt: null,
        reviewerId,
      });
    await make('submitted', 1);
    await make('in_review', 80, reviewer.id);

    const agent = await createStaff(ds, ['agent']);
    const recovery = ds.getRepository(RecoveryCase);
    await recovery.save(
      recovery.create({
        accountId: late.id,
        action: 'disable_2fa',
        status: 'pending_approval',
        callReference: 'TCK-9',
        reason: 'home',
        openedBy: agent.user.id,
      }),
    );
    const alerts = ds.getRepository(Alert);
    await alerts.save(alerts.create({ rule: 'swap_burst', dedupeKey: 'home-browser', summary: 'burst', eventId: '1', details: {} }));

    const target = await createStaff(ds, ['agent'], { name: 'Noémie Lambert' });
    requestedName = target.user.name;
    const requests = ds.getRepository(RoleRequest);
    await requests.save(
      requests.create({
        staffId: target.user.id,
        requestedBy: admin.id,
        fromRoles: ['agent'],
        roles: ['agent', 'supervisor'],
        reason: 'team lead',
      }),
    );
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function home(email: string, check: (page: Page) => Promise<void>) {
    const session = await openConsole(browser, UI_TIMEOUT);
    try {
      await signInConsole(session.page, app.url, email, DEMO_PASSWORD, await demoOtp());
      await check(session.page);
      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }

  const count = async (page: Page, label: string) =>
    Number((await page.locator(`[data-count="${label}"] span`).first().innerText()).trim());
  const blocks = (page: Page) => page.locator('[data-home]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-home')));

  it('shows each role its own blocks', async () => {
    await home('reviewer@example.test', async (page) => {
      await page.getByRole('heading', { name: 'Identity documents queue' }).waitFor();
      expect(await blocks(page)).toEqual(['reviewer']);
      expect(await count(page, 'waiting for review')).toBe(1);
      expect(await count(page, 'in review by you')).toBe(1);
      expect(await count(page, 'past the 72 h target')).toBe(1);
      const late = page.getByRole('list', { name: 'Cases near or past the target' });
      const text = await late.innerText();
      expect(text).toContain(`Replace contact email · ${lateCustomerId}`);
      expect(text).toMatch(/In review · 8 h late/);
      expect(text).toContain('Yours');
    });

    await home('supervisor@example.test', async (page) => {
      await page.getByRole('heading', { name: 'Waiting for a supervisor' }).waitFor();
      expect(await blocks(page)).toEqual(['supervisor']);
      expect(await count(page, 'recovery actions to approve')).toBe(1);
      expect(await count(page, 'open alerts')).toBe(1);
      expect(await count(page, 'customer mails failed')).toBe(0);
      await page.getByText('The audit chain has not been checked yet.').waitFor();
      await page.locator('[data-count="recovery actions to approve"]').click();
      await page.waitForURL(/#\/recovery-cases/);
    });

    await home('admin@example.test', async (page) => {
      await page.getByRole('heading', { name: 'Staff administration' }).waitFor();
      expect(await blocks(page)).toEqual(['admin']);
      const list = page.getByRole('list', { name: 'requests waiting for a second administrator' });
      expect(await list.innerText()).toContain(requestedName);
      expect(await list.innerText()).toContain('Role change · Phone-support agent, Supervisor');
    });
  }, 120_000);
});
