/**
 * The agent's call workspace in a real browser against the real API, the real queue workers and a real SMTP
 * server: the agent finds the account by its customer ID written loosely, starts the verification of the call,
 * mails a code to the backup email, types the code the "caller" reads from that mail, unmasks the contact data
 * and sends the customer-ID reminder to the primary email. Nothing the console loads may leave the machine.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openConsole, signInConsole } from '../support/browser';
import { SMTPServer } from 'smtp-server';
import type { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { DEMO_PASSWORD, demoOtp, startTestApp } from '../support/app';
import { createAccount } from '../support/factories';

const UI_TIMEOUT = 15_000;
const MAIL_TIMEOUT = 20_000;

const AGENT = 'agent@example.test';

interface ReceivedMail {
  /** Envelope recipients, as the SMTP server got them. */
  to: string[];
  mail: ParsedMail;
}

/** A local SMTP server that keeps what it receives, parsed. */
async function startSmtp(): Promise<{ port: number; received: ReceivedMail[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), mail });
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Waits for the first mail to `to` whose subject starts with `[customerId]` and matches `subject`. */
async function waitForMail(received: ReceivedMail[], to: string, customerId: string, subject: RegExp): Promise<ParsedMail> {
  const deadline = Date.now() + MAIL_TIMEOUT;
  for (;;) {
    const found = received.find(
      (r) => r.to.includes(to.toLowerCase()) && (r.mail.subject ?? '').startsWith(`[${customerId}]`) && subject.test(r.mail.subject ?? ''),
    );
    if (found) return found.mail;
    if (Date.now() > deadline) {
      const seen = received.map((r) => `${r.to.join(',')}: ${r.mail.subject}`).join('; ') || 'none';
      throw new Error(`no mail to ${to} about ${customerId} within ${MAIL_TIMEOUT} ms (received: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('staff console: an agent on a call (browser)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let browser: Browser;
  let account: CustomerAccount;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp({ worker: true, config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}` } });
    account = await createAccount(app.dataSource, { name: 'Hélène Marchal' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  const openSession = () => openConsole(browser, UI_TIMEOUT);

  const signIn = async (page: Page, email: string) => signInConsole(page, app.url, email, DEMO_PASSWORD, await demoOtp());

  it('finds the account, verifies the caller with a mailed code, unmasks the contact data and sends the customer ID', async () => {
    const session = await openSession();
    const { page } = session;
    const callReference = `CALL-${Date.now() % 1_000_000}`;
    try {
      await signIn(page, AGENT);

      // The customer ID as a caller spells it: upper case, no suffix.
      const spoken = account.customerId.replace(/-ovh$/, '').toUpperCase();
      await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Accounts' }).click();
      await page.waitForURL(/#\/accounts/);
      await page.locator('input[name="callRef"]').fill(callReference);

      // The name as the agent heard it, misspelled: no account has all the words, similar spellings are shown.
      await page.locator('input[name="q"]').fill('helene marchall');
      await page.locator('input[name="q"]').press('Enter');
      await page.getByRole('alert').filter({ hasText: 'No account has all the words of “helene marchall”' }).waitFor();
      await page.locator('table tbody tr').filter({ hasText: account.customerId }).waitFor();

      await page.locator('input[name="q"]').fill(spoken);
      await page.locator('input[name="q"]').press('Enter');
      const result = page.locator('table tbody tr').filter({ hasText: account.customerId });
      await result.waitFor();
      // Masked in the results: the full address is not on the page.
      expect(await page.getByText(account.primaryEmail).count()).toBe(0);
      await result.click();
      await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));
      await page.getByTestId('customer-id').filter({ hasText: account.customerId }).waitFor();

      // The call reference typed at the search fills the verification form.
      const referenceInput = page.locator('input[name="callReference"]');
      expect(await referenceInput.inputValue()).toBe(callReference);
      await page.getByRole('button', { name: 'Start verification' }).click();
      await page.getByText('Caller not verified yet').waitFor();
      expect(await page.getByRole('button', { name: 'Unmask' }).isDisabled()).toBe(true);

      // A code to the backup email, read back from the mail the SMTP server received.
      await page.getByRole('button', { name: 'To backup email' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Code sent to s\*\*\*@e\*\*\*\.net, expires at/ })
        .first()
        .waitFor();
      const codeMail = await waitForMail(smtp.received, account.backupEmail!, account.customerId, /./);
      const code = /\b(\d{6})\b/.exec(codeMail.text ?? '')?.[1];
      expect(code).toMatch(/^\d{6}$/);

      await page.locator('input[name="code"]').fill(code!);
      await page.getByRole('button', { name: 'Check code' }).click();
      await page.getByText('The code matches').waitFor();
      await page.getByText('Caller verified: possession proven (Backup email).').waitFor();
      await page.getByRole('table', { name: 'Checks on this call' }).getByText('Match', { exact: true }).waitFor();

      // Unmask, with a reason: the full primary email replaces the masked one.
      await page.getByRole('button', { name: 'Unmask' }).click();
      const dialog = page.getByRole('dialog', { name: 'Show the full contact data' });
      await dialog.locator('textarea[name="reason"]').fill('Caller asks which address the account uses');
      await dialog.getByRole('button', { name: 'Unmask' }).click();
      await page.getByText(account.primaryEmail, { exact: true }).waitFor();
      await page.getByText(account.backupEmail!, { exact: true }).waitFor();
      await page.getByText(`Shown in full for call ${callReference}`).waitFor();

      // The customer-ID reminder goes to the primary email, with the call's reference.
      expect(await page.locator('input[name="reminderCallReference"]').inputValue()).toBe(callReference);
      await page.getByRole('button', { name: 'Send the customer ID' }).click();
      await page.getByRole('status').filter({ hasText: 'Customer ID sent to p***@e***.com.' }).waitFor();
      const reminder = await waitForMail(smtp.received, account.primaryEmail, account.customerId, /identifiant client/);
      expect(reminder.text).toContain(account.customerId);

      // Both mails are in the account's security timeline.
      const timeline = page.getByRole('table', { name: 'Security timeline' });
      await timeline.getByText('Customer ID reminder sent').waitFor();
      await timeline.getByText('Call verification code sent').waitFor();

      expect(session.foreignRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 90_000);
});
