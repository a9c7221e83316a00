import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with everything that would reach out to the network turned off. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** data:, blob: and about: never touch the network; anything else must stay on this machine. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (!NETWORK_PROTOCOLS.has(protocol)) return ['data:', 'blob:', 'about:'].includes(protocol);
  return LOCAL_HOSTS.has(hostname);
}

export interface ConsoleSession {
  context: BrowserContext;
  page: Page;
  /** Requests that left the machine: must stay empty. */
  foreignRequests: string[];
  pageErrors: string[];
}

/** A fresh browser profile in English (the console follows the browser's language), watched for foreign requests. */
export async function openConsole(
  browser: Browser,
  timeoutMs = 15_000,
  options: { locale?: string; acceptDownloads?: boolean } = {},
): Promise<ConsoleSession> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: options.acceptDownloads,
  });
  context.setDefaultTimeout(timeoutMs);
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  // On the context rather than one page: popups and workers are watched too.
  context.on('request', (request) => {
    if (!isLocal(request.url())) foreignRequests.push(request.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, foreignRequests, pageErrors };
}

/** Signs a demo staff member in through the console's login page; waits until the menu's permission checks answer. */
export async function signInConsole(page: Page, baseUrl: string, email: string, password: string, otp: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="otp"]').fill(otp);
  await page.locator('form button[type="submit"]').click();
  // The menu drops aria-busy once every permission check has answered (its label is in the console's language).
  const menuReady = page.locator('[role="menu"][aria-busy="false"]');
  const refused = page.locator('form [role="alert"]');
  await Promise.race([menuReady.waitFor(), refused.waitFor()]);
  if (await refused.isVisible()) throw new Error(`sign-in of ${email} refused: ${await refused.innerText()}`);
  await menuReady.waitFor();
}
