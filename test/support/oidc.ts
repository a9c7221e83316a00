import { ChildProcess, spawn } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../server/app';
import { AppConfig, loadConfig, OidcConfig } from '../../server/core/config/config';
import type { TestApp } from './app';
import { prepareTestDatabase } from './db';

/** An account at the test provider, with the factors its sign-in reports (acr, amr). */
export interface TestIdpAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
  password: string;
  acr?: string;
  amr?: string[];
}

export const TEST_CLIENT = { clientId: 'recovery-desk', clientSecret: 'test-only-client-secret-0123456789' };
export const MFA = 'urn:test:mfa';
export const PASSWORD_ONLY = 'urn:test:pwd';

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts the real OpenID Connect provider (oidc-provider, ESM) as a child process: see oidc-provider.mjs. Its
 * output is kept and shown only if it fails to start.
 */
export async function startOidcProvider(redirectUri: string, accounts: TestIdpAccount[]): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_TEST_CONFIG: JSON.stringify({ ...TEST_CLIENT, redirectUri, accounts }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the test OIDC provider did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { issuer: string }).issuer);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the test OIDC provider exited (${code}): ${stderr}`));
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

export interface OidcTestApp extends TestApp {
  provider: TestProvider;
}

/**
 * The API with sign-in through a test provider. The app's address must be known before it is configured (it is
 * the redirect URI the provider registers, and PUBLIC_URL), so the HTTP server listens on an ephemeral port first
 * and the Nest application is attached to it once built.
 */
export async function startOidcApp(
  accounts: TestIdpAccount[],
  settings: Partial<OidcConfig> = {},
  config: Partial<AppConfig> = {},
): Promise<OidcTestApp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = `${url}/oidc/callback`;
  const provider = await startOidcProvider(redirectUri, accounts);
  try {
    await prepareTestDatabase();
    const appConfig = loadConfig(process.env, {
      role: 'api',
      port: 0,
      publicUrl: url,
      oidc: {
        issuer: provider.issuer,
        ...TEST_CLIENT,
        redirectUri,
        scopes: 'openid email profile groups',
        providerName: 'Test IdP',
        rolesClaim: null,
        roleMap: {},
        requiredAcr: [],
        requiredAmr: [],
        ...settings,
      },
      ...config,
    });
    const app = await createHttpApp(appConfig);
    await app.init();
    server.on('request', app.getHttpAdapter().getInstance());
    return {
      app,
      url,
      dataSource: app.get(DataSource),
      config: appConfig,
      provider,
      close: async () => {
        await new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        });
        await app.close();
        await provider.stop();
      },
    };
  } catch (error) {
    await provider.stop();
    server.close();
    throw error;
  }
}

/** Cookies by origin, as a browser keeps them (enough for these servers: no path or domain games). */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie) || /max-age=0\b/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).origin)?.get(name);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(url, res);
    return res;
  }
}

export interface DanceResult {
  /** The answer of POST /api/auth/oidc/callback. */
  status: number;
  body: { code?: string; user?: { email: string; roles: string[] }; [key: string]: unknown };
  /** Set-Cookie of that answer. */
  setCookie: string[];
  jar: CookieJar;
}

/**
 * What the console and a browser do, by hand, up to the provider's answer: start at the API, follow the provider's
 * redirects, sign in on its page (or cancel). Returns the query string the provider sent the browser back with.
 */
export async function providerAnswer(
  appUrl: string,
  login: { email: string; password: string } | 'cancel',
  jar: CookieJar,
): Promise<string> {
  const started = await jar.fetch(`${appUrl}/api/auth/oidc/start`, { method: 'POST' });
  if (started.status !== 200) throw new Error(`start answered ${started.status}: ${await started.text()}`);
  let at = ((await started.json()) as { authorizationUrl: string }).authorizationUrl;
  let res = await jar.fetch(at);
  for (let hop = 0; hop < 20; hop++) {
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, at);
      if (next.origin === new URL(appUrl).origin) return next.search;
      res = await jar.fetch((at = next.href));
    } else if (res.status === 200) {
      const html = await res.text();
      const step = login === 'cancel' ? 'abort' : 'login';
      const action = new RegExp(`action="([^"]+/${step})"`).exec(html)?.[1];
      if (!action) throw new Error(`no ${step} form on the provider's page: ${html}`);
      const form = login === 'cancel' ? new URLSearchParams() : new URLSearchParams(login);
      res = await jar.fetch((at = new URL(action, at).href), { method: 'POST', body: form });
    } else throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
  }
  throw new Error('the provider never sent the browser back');
}

/** What the console's callback page does: hands the provider's answer to the API, with the transaction cookie. */
export async function finishSignIn(appUrl: string, query: string, jar: CookieJar): Promise<DanceResult> {
  const finished = await jar.fetch(`${appUrl}/api/auth/oidc/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl },
    body: JSON.stringify({ query }),
  });
  return {
    status: finished.status,
    body: (await finished.json()) as DanceResult['body'],
    setCookie: finished.headers.getSetCookie(),
    jar,
  };
}

/** The whole redirect dance, as a browser goes through it. */
export async function signInThroughProvider(
  appUrl: string,
  login: { email: string; password: string } | 'cancel',
  jar = new CookieJar(),
): Promise<DanceResult> {
  return finishSignIn(appUrl, await providerAnswer(appUrl, login, jar), jar);
}
