// A real OpenID Connect provider (oidc-provider) for the tests, run as a child process: it is ESM-only and runs
// untransformed here, outside jest. It listens on an ephemeral port, prints {"issuer": "..."} on one line, and
// serves until killed. Configuration comes from OIDC_TEST_CONFIG (JSON): the one client (id, secret, redirect URI)
// and the accounts (see TestIdpAccount in oidc.ts). The login page is our own minimal one: the account's password,
// then the provider records the acr/amr the account is set up with (its "second factor"), as a company's provider
// would after its own MFA step.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG ?? '{}');
/** @type {Map<string, {sub: string, email: string, email_verified: boolean, name: string, groups: string[], password: string, acr?: string, amr?: string[]}>} */
const accounts = new Map(config.accounts.map((a) => [a.sub, a]));

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${body}</body></html>`;

function loginForm(uid, problem) {
  return page(
    'Test IdP sign-in',
    `<h1>Test IdP</h1>${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
    <form method="post" action="/interaction/${escape(uid)}/login">
      <label>Email <input name="email" type="email" autocomplete="username"></label>
      <label>Password <input name="password" type="password" autocomplete="current-password"></label>
      <button type="submit">Continue</button>
    </form>
    <form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: [config.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' }] },
  cookies: { keys: ['test-only-oidc-provider-cookie-key'] },
  // acr and amr with the openid scope: in every ID token, as a workforce provider that reports its MFA does.
  claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  acrValues: ['urn:test:pwd', 'urn:test:mfa'],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        email: account.email,
        email_verified: account.email_verified,
        name: account.name,
        groups: account.groups,
      }),
    };
  },
  // The default error page loads a web font from the Internet: the browser tests allow no foreign request.
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Test IdP error', `<h1>Error</h1><pre>${escape(JSON.stringify(out))}</pre>`);
  },
});

const handle = provider.callback();
server.on('request', (req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return handle(req, res);
  interaction(req, res, match[2]).catch((error) => {
    res.statusCode = error instanceof errors.SessionNotFound ? 400 : 500;
    res.end(page('Test IdP error', `<pre>${escape(error.message)}</pre>`));
  });
});

async function interaction(req, res, step) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' && details.prompt.name === 'login') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    return res.end(loginForm(details.uid));
  }
  if (req.method === 'GET') {
    // Consent: the company's own application, granted without asking (as a workforce provider does).
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
  }
  const form = await readForm(req);
  if (step === 'abort') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The user cancelled' },
      { mergeWithLastSubmission: false },
    );
  }
  const account = [...accounts.values()].find((a) => a.email === form.get('email') && a.password === form.get('password'));
  if (!account) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    return res.end(loginForm(details.uid, 'Wrong email or password'));
  }
  const login = { accountId: account.sub, ...(account.acr ? { acr: account.acr } : {}), ...(account.amr ? { amr: account.amr } : {}) };
  return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
}

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
