/**
 * A document whose processing failed for good (its job stalled twice: see test/faults.test.ts) in the review
 * console: the reviewer sees it failed with the reason, may not accept it, and processes it again in one click;
 * the page follows the fresh processing to its end.
 */
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { AuditEvent } from '../../server/audit/audit-event.entity';
import { CaseDocument } from '../../server/documents/case-document.entity';
import { DEMO_PASSWORD, demoOtp, startTestApp, TestApp } from '../support/app';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { png } from '../support/files';
import { until } from '../support/wait';

describe('a failed document in the review console (browser)', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the failure and its reason, and processes the document again', async () => {
    const opened = await request(app.url)
      .post('/api/public/identity-cases')
      .send({ customerId: 'rp12345', accountType: 'individual', purpose: 'replace_email', contactEmail: 'rp@example.org' });
    await request(app.url)
      .post(`/api/public/identity-cases/${opened.body.caseId}/documents`)
      .set('X-Case-Token', opened.body.token)
      .field('kind', 'identity_front')
      .attach('files', await png(), 'front.png')
      .expect(201);
    const docs = app.dataSource.getRepository(CaseDocument);
    const doc = await until(async () => {
      const d = await docs.findOneByOrFail({ caseId: opened.body.caseId });
      return d.state === 'processed' && d;
    });
    // As the documents reconciler leaves a document whose job failed for good.
    await docs.update({ id: doc.id }, { state: 'failed', processingNote: 'processing failed: job stalled more than allowable limit' });

    const session = await openConsole(browser);
    const { page } = session;
    try {
      await signInConsole(page, app.url, 'reviewer@example.test', DEMO_PASSWORD, await demoOtp());
      await page.goto(`${app.url}/#/identity-cases/${opened.body.caseId}/show`);
      const card = page.locator('[data-testid="case-document"][data-kind="identity_front"]');
      await card.getByText('Processing failed', { exact: true }).waitFor();
      await card.getByText('processing failed: job stalled more than allowable limit').waitFor();
      await card.getByText('Processing stopped on an error that is not the file’s fault. Process it again, or reject it.').waitFor();

      await card.getByRole('button', { name: 'Process again' }).click();
      await page.getByText('The document is being processed again.').waitFor();
      await card
        .locator('[data-testid="document-state"] li[aria-current="step"]')
        .filter({ hasText: 'Processed' })
        .waitFor({ timeout: 30_000 });
      expect(await card.getByRole('button', { name: 'Process again' }).count()).toBe(0);
      expect((await docs.findOneByOrFail({ id: doc.id })).state).toBe('processed');
      expect(await app.dataSource.getRepository(AuditEvent).countBy({ action: 'document.reprocess', targetId: doc.id })).toBe(1);
      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 90_000);
});
