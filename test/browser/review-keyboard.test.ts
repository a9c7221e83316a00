/**
 * The reviewer's keyboard flow, in a real browser against the real API and workers: a submitted case (a passport
 * and a PDF proof of address carrying JavaScript) is opened and claimed; the reviewer moves between the documents,
 * zooms and rotates the current one, opens the shortcut help, fills the decision beside the preview (the server's
 * name match shown live, dates typed day first), confirms the PDF's active content and accepts both documents;
 * the case moves on to verified. After sign-in and opening the page, no step uses the mouse.
 */
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { totpCode } from '../../server/auth/totp';
import { CaseDocument } from '../../server/documents/case-document.entity';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { launchChromium, openConsole, signInConsole, type ConsoleSession } from '../support/browser';
import { createAccount, createStaff } from '../support/factories';
import { identityCardJpeg, pdfWithJavaScript } from '../support/files';
import { codeIn, TestSmtp } from '../support/smtp';
import { until } from '../support/wait';

const UI_TIMEOUT = 15_000;

describe('the review console by keyboard (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const smtp = new TestSmtp();
  let browser: Browser;
  let account: CustomerAccount;
  let caseId: string;
  const sessions: ConsoleSession[] = [];

  beforeAll(async () => {
    app = await startTestApp({ worker: true, config: { smtpUrl: await smtp.start() } });
    account = await createAccount(app.dataSource, { name: 'Élodie Lefèvre' });
    caseId = await submittedCase(account);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await smtp.stop();
  });

  /** The customer's side through the API: request, code, a passport and a PDF with a script, submission, processing. */
  async function submittedCase(owner: CustomerAccount): Promise<string> {
    const contactEmail = `keys.${Date.now() % 1_000_000}@example.org`;
    const opened = await request(app.url)
      .post('/api/public/identity-cases')
      .send({ customerId: owner.customerId, accountType: 'individual', purpose: 'replace_email', contactEmail })
      .expect(201);
    const { caseId: id, token } = opened.body as { caseId: string; token: string };
    const mail = await smtp.waitFor((m) => smtp.to(contactEmail).includes(m) && /Confirm|Confirmez/.test(m.subject ?? ''));
    await request(app.url)
      .post(`/api/public/identity-cases/${id}/confirm-email`)
      .set('X-Case-Token', token)
      .send({ code: codeIn(mail) })
      .expect(200);
    const send = (kind: string, data: Buffer, name: string, fields: Record<string, string> = {}) => {
      let req = request(app.url).post(`/api/public/identity-cases/${id}/documents`).set('X-Case-Token', token).field('kind', kind);
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('files', data, name).expect(201);
    };
    await send('identity_front', await identityCardJpeg(['PASSEPORT', 'LEFEVRE', 'Elodie', 'Expire le : 30.06.2031']), 'passeport.jpg', {
      identityType: 'passport',
    });
    await send('proof_of_address', await pdfWithJavaScript(), 'facture.pdf');
    await request(app.url).post(`/api/public/identity-cases/${id}/submit`).set('X-Case-Token', token).expect(200);
    await until(async () => {
      const docs = await app.dataSource.getRepository(CaseDocument).findBy({ caseId: id });
      return docs.length === 2 && docs.every((d) => d.state === 'processed');
    }, 30_000);
    return id;
  }

  /** The element holding the focus, described by what the test checks (typed by hand: tests compile without the DOM). */
  type Focused = { name: string | null; kind: string | null; tag: string; checked: boolean | null };
  const focused = (page: Page) =>
    page.evaluate((): Focused => {
      type El = { tagName: string; getAttribute(n: string): string | null; checked?: boolean };
      const el = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
      return {
        name: el?.getAttribute('name') ?? null,
        kind: el?.getAttribute('data-kind') ?? null,
        tag: el?.tagName ?? '',
        checked: typeof el?.checked === 'boolean' ? el.checked : null,
      };
    });

  it('moves, zooms, rotates and accepts both documents from the keyboard, and the case moves on', async () => {
    const session = await openConsole(browser, UI_TIMEOUT);
    sessions.push(session);
    const { page } = session;
    await signInConsole(page, app.url, 'reviewer@example.test', DEMO_PASSWORD, await demoOtp());
    await page.goto(`${app.url}/#/identity-cases/${caseId}/show`);
    await page.getByTestId('case-account-name').filter({ hasText: account.name }).waitFor();

    // Claimed with the keyboard: the button takes the focus, Enter presses it.
    await page.getByRole('button', { name: 'Claim this case' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('claim-state').filter({ hasText: 'You are reviewing this case.' }).waitFor();

    const identity = page.locator('[data-testid="case-document"][data-kind="identity_front"]');
    const proof = page.locator('[data-testid="case-document"][data-kind="proof_of_address"]');
    await identity.getByTestId('document-preview').waitFor({ state: 'visible' });
    await identity.getByRole('button', { name: 'Zoom in' }).and(page.locator(':enabled')).waitFor();
    // The first document still to decide is current.
    await page.locator('[data-testid="case-document"][data-current="true"][data-kind="identity_front"]').waitFor();

    // J and K move between documents; the card moved to takes the focus.
    await page.keyboard.press('j');
    await page.locator('[data-testid="case-document"][data-current="true"][data-kind="proof_of_address"]').waitFor();
    expect(await focused(page)).toMatchObject({ kind: 'proof_of_address' });
    await page.keyboard.press('k');
    await page.locator('[data-testid="case-document"][data-current="true"][data-kind="identity_front"]').waitFor();
    expect(await focused(page)).toMatchObject({ kind: 'identity_front' });

    // Zoom and rotation act on the current document.
    const viewer = identity.getByTestId('viewer-state');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('-');
    expect(await viewer.getAttribute('data-zoom')).toBe('1.25');
    await page.keyboard.press('r');
    expect(await viewer.getAttribute('data-rotation')).toBe('90');
    await page.keyboard.press('Shift+R');
    await page.keyboard.press('r');
    expect(await viewer.getAttribute('data-rotation')).toBe('90');

    // The help, in the console's language.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Next document').waitFor();
    await help.getByText('Accept the current document (opens its form)').waitFor();
    // Every key has its sentence: no translation key left raw.
    const listed = await help.getByTestId('shortcut-list').innerText();
    for (const label of ['Zoom in', 'Zoom out', 'Rotate right', 'Rotate left', 'Fit and straighten', 'Show this help'])
      expect(listed).toContain(label);
    expect(listed).not.toMatch(/cases\.keys/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // A opens the accept form beside the preview (no dialog over it); nothing is decided yet.
    await page.keyboard.press('a');
    const form = page.getByRole('form', { name: 'Accept: Identity document (front) — Passport' });
    await form.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    const preview = await identity.getByTestId('document-preview').boundingBox();
    const formBox = await form.boundingBox();
    expect(formBox!.x).toBeGreaterThan(preview!.x + preview!.width);
    // The customer stated a passport: the focus starts at the holder's name.
    expect(await focused(page)).toMatchObject({ name: 'holderName' });
    await page.keyboard.press('Enter');
    await form.getByText('Type the expiry date read on the document').waitFor();
    expect(await identity.getByTestId('document-decision').count()).toBe(0);

    // Typing in a field is typing: "r" and "a" in the name rotate and accept nothing.
    await page.keyboard.type('LEFEVRE Elodie');
    expect(await viewer.getAttribute('data-rotation')).toBe('90');
    await form.getByTestId('name-check').filter({ hasText: 'Matches the name on the account: Élodie Lefèvre' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ name: 'expiry' });
    await page.keyboard.type('30/06/2031');
    await form.getByText(/Read as Jun 30, 2031/).waitFor();
    await form.getByTestId('expiry-check').filter({ hasText: 'Still valid today' }).waitFor();
    await page.keyboard.press('Enter');
    await identity.getByTestId('document-decision').filter({ hasText: 'Accepted' }).waitFor();
    await identity.getByText('name matches the account').waitFor();

    // The case moves on to the next document to decide, which takes the focus.
    await page.locator('[data-testid="case-document"][data-current="true"][data-kind="proof_of_address"]').waitFor();
    await until(async () => (await focused(page)).kind === 'proof_of_address');

    // The PDF carries JavaScript: accepting asks for the confirmation, and keys cannot skip it.
    await page.keyboard.press('a');
    const proofForm = page.getByRole('form', { name: 'Accept: Proof of address' });
    await proofForm.waitFor();
    expect(await focused(page)).toMatchObject({ name: 'issuedOn' });
    const today = new Date();
    const dd = String(today.getDate()).padStart(2, '0');
    const mm = String(today.getMonth() + 1).padStart(2, '0');
    await page.keyboard.type(`${dd}/${mm}/${today.getFullYear()}`);
    await proofForm.getByTestId('flag-confirmation').getByText('I have seen that this PDF carries active content').waitFor();
    await page.keyboard.press('Enter');
    await proofForm.getByText('Tick each confirmation to accept this document').waitFor();
    // Refused by the console: the focus is on the box to tick, nothing was decided.
    expect(await focused(page)).toMatchObject({ name: 'ack-active_content', checked: false });
    expect(await proof.getByTestId('document-decision').count()).toBe(0);
    await page.keyboard.press('Space');
    expect(await focused(page)).toMatchObject({ name: 'ack-active_content', checked: true });
    await page.keyboard.press('Control+Enter');

    await proof.getByTestId('document-decision').filter({ hasText: 'Accepted' }).waitFor();
    await page.getByText('Case verified: every required document is accepted.').waitFor();
    await page.getByTestId('case-status').filter({ hasText: 'Verified' }).first().waitFor();

    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }, 120_000);

  it('puts the decision below the preview on a narrow screen, in French, with a duplicate’s evidence to confirm', async () => {
    const session = await openConsole(browser, UI_TIMEOUT, { locale: 'fr-FR' });
    sessions.push(session);
    const { page } = session;
    await page.setViewportSize({ width: 1100, height: 900 });
    const other = await createAccount(app.dataSource, { name: 'Hugo Marchand' });
    const id = await submittedCase(other);
    // The sign-in form in French, sent with Enter.
    await page.goto(`${app.url}/`);
    // A reviewer of its own: the demo reviewer's code of this half-minute was used by the first test.
    const staff = await createStaff(app.dataSource, ['reviewer']);
    await page.locator('input[name="email"]').fill(staff.email);
    await page.locator('input[name="password"]').fill(staff.password);
    await page.locator('input[name="otp"]').fill(await totpCode(staff.secret));
    await page.keyboard.press('Enter');
    await page.locator('[role="menu"][aria-busy="false"]').waitFor();
    await page.goto(`${app.url}/#/identity-cases/${id}/show`);
    await page.getByRole('button', { name: 'Prendre en charge' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('claim-state').filter({ hasText: 'Vous examinez ce dossier.' }).waitFor();
    const identity = page.locator('[data-testid="case-document"][data-kind="identity_front"]');
    await identity.getByTestId('document-preview').waitFor({ state: 'visible' });

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await help.getByText('Document suivant').waitFor();
    await help.getByText('Accepter le document courant (ouvre son formulaire)').waitFor();
    expect(await help.getByTestId('shortcut-list').innerText()).toContain('Pivoter à gauche');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('x');
    const form = page.getByRole('form', { name: /^Refuser/ });
    await form.waitFor();
    const preview = await identity.getByTestId('document-preview').boundingBox();
    const formBox = await form.boundingBox();
    expect(formBox!.y).toBeGreaterThan(preview!.y + preview!.height);
    // Escape closes the form and gives the focus back to the document; nothing was decided.
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ kind: 'identity_front' });
    expect(await identity.getByTestId('document-decision').count()).toBe(0);

    // The same passport picture was sent for the first test's customer: accepting asks to confirm it, naming the
    // other case by its short reference and customer ID.
    await page.keyboard.press('a');
    const accept = page.getByRole('form', { name: /^Accepter/ });
    await accept
      .getByTestId('flag-confirmation')
      .getByText(`dossier ${caseId.slice(0, 8)} (identifiant client ${account.customerId}, pièce d’identité (recto))`, { exact: false })
      .waitFor();
    expect(await accept.getByRole('link', { name: `Ouvrir le dossier ${caseId.slice(0, 8)}` }).getAttribute('href')).toBe(
      `#/identity-cases/${caseId}/show`,
    );
    await page.keyboard.press('Escape');
    await accept.waitFor({ state: 'detached' });
    expect(session.pageErrors).toEqual([]);
  }, 120_000);
});
