import { loadConfig, OIDC_MAPPABLE_ROLES } from '../../core/config/config';
import { STAFF_ROLES } from '../staff-user.entity';
import { claimAt, narrowRoles, rolesAllowedByClaims, secondFactorProblem } from './oidc-claims';
import { openTransaction, sealTransaction } from './oidc-transaction';
import { configProblem as problem } from '../../../test/support/config';

const SECRET = 'a-secret-of-enough-length-0123456789abcdef';

describe('OIDC settings', () => {
  const base = { OIDC_ISSUER: 'https://login.example.com/realms/staff', OIDC_CLIENT_ID: 'recovery-desk' };

  it('are off by default, with password sign-in on', () => {
    expect(loadConfig({})).toMatchObject({ oidc: null, localLogin: true });
  });

  it('read the provider, derive the redirect URI from PUBLIC_URL and always ask for openid', () => {
    const c = loadConfig({
      ...base,
      PUBLIC_URL: 'https://desk.example.com/',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_SCOPES: 'email groups',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: 'desk-agents=agent, desk-leads=agent+supervisor',
      OIDC_REQUIRED_ACR: 'urn:mfa, gold',
      OIDC_REQUIRED_AMR: 'mfa',
      LOCAL_LOGIN: 'off',
    });
    expect(c.localLogin).toBe(false);
    expect(c.oidc).toEqual({
      issuer: 'https://login.example.com/realms/staff',
      clientId: 'recovery-desk',
      clientSecret: 's3cret',
      redirectUri: 'https://desk.example.com/oidc/callback',
      scopes: 'openid email groups',
      providerName: 'login.example.com',
      rolesClaim: 'realm_access.roles',
      roleMap: { 'desk-agents': ['agent'], 'desk-leads': ['agent', 'supervisor'] },
      requiredAcr: ['urn:mfa', 'gold'],
      requiredAmr: ['mfa'],
    });
    expect(loadConfig(base).oidc).toMatchObject({ scopes: 'openid email profile', clientSecret: null, roleMap: {} });
  });

  it('refuse what would lock everyone out or leak tokens, naming the variable', () => {
    expect(problem({ LOCAL_LOGIN: 'off' })).toMatch(/LOCAL_LOGIN can be off only with OIDC_ISSUER set/);
    expect(problem({ LOCAL_LOGIN: 'no' })).toMatch(/LOCAL_LOGIN must be one of on, off/);
    expect(problem({ OIDC_ISSUER: 'https://login.example.com' })).toMatch(/OIDC_CLIENT_ID is required/);
    expect(problem({ ...base, OIDC_ROLE_MAP: 'desk-admins=root' })).toMatch(/OIDC_ROLE_MAP must read claim-value=role/);
    expect(problem({ ...base, OIDC_REDIRECT_URI: 'https://desk.example.com/api/callback' })).toMatch(
      /OIDC_REDIRECT_URI must be the console/,
    );
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://rd@db.internal:5432/rd',
      REDIS_URL: 'redis://cache.internal:6379',
      SESSION_SECRET: SECRET,
      DOCUMENTS_KEY: Buffer.alloc(32, 7).toString('base64'),
      SEED_DEMO: 'false',
    };
    expect(problem({ ...production, ...base, OIDC_ISSUER: 'http://login.example.com' })).toMatch(/OIDC_ISSUER must start with https/);
    const secondFactor = { OIDC_REQUIRED_AMR: 'mfa' };
    expect(problem({ ...production, ...base, ...secondFactor })).toMatch(
      /OIDC_REDIRECT_URI is required in production when PUBLIC_URL is not set/,
    );
    const withUrl = { ...production, ...base, PUBLIC_URL: 'https://desk.example.com' };
    expect(problem(withUrl)).toMatch(/OIDC_REQUIRED_AMR or OIDC_REQUIRED_ACR must name the provider's second factor/);
    expect(loadConfig({ ...withUrl, ...secondFactor }).oidc?.redirectUri).toBe('https://desk.example.com/oidc/callback');
    expect(loadConfig({ ...withUrl, OIDC_REQUIRED_ACR: 'urn:mfa' }).oidc?.requiredAcr).toEqual(['urn:mfa']);
  });

  it('know the same role names as Recovery Desk', () => {
    expect([...OIDC_MAPPABLE_ROLES]).toEqual([...STAFF_ROLES]);
  });
});

describe("the provider's claims", () => {
  it('require the second factor from the ID token: acr one of the accepted values, amr with every required method', () => {
    const config = { requiredAcr: ['urn:mfa', 'gold'], requiredAmr: ['pwd', 'otp'] };
    expect(secondFactorProblem({ acr: 'gold', amr: ['pwd', 'otp', 'hwk'] }, config)).toBeNull();
    expect(secondFactorProblem({ acr: 'silver', amr: ['pwd', 'otp'] }, config)).toBe('acr_required');
    expect(secondFactorProblem({ amr: ['pwd', 'otp'] }, config)).toBe('acr_required');
    expect(secondFactorProblem({ acr: 'gold', amr: ['pwd'] }, config)).toBe('amr_required');
    expect(secondFactorProblem({ acr: 'gold', amr: 'pwd otp' }, config)).toBe('amr_required');
    expect(secondFactorProblem({}, { requiredAcr: [], requiredAmr: [] })).toBeNull();
  });

  it('read a roles claim by dotted path, through the map, and only ever narrow the roles granted here', () => {
    const claims = { realm_access: { roles: ['desk-agents', 'desk-admins', 'other'] }, 'https://x.example/groups': 'a b' };
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['desk-agents', 'desk-admins', 'other']);
    expect(claimAt(claims, 'https://x.example/groups')).toBe('a b');
    expect(claimAt(claims, 'realm_access.roles.0')).toBeUndefined();
    const config = { rolesClaim: 'realm_access.roles', roleMap: { 'desk-agents': ['agent'], 'desk-admins': ['admin'] } };
    const allowed = rolesAllowedByClaims(claims, config);
    expect(allowed).toEqual(['agent', 'admin']);
    expect(narrowRoles(['agent'], allowed)).toEqual(['agent']);
    expect(narrowRoles(['supervisor', 'agent'], allowed)).toEqual(['agent']);
    expect(narrowRoles(['reviewer'], allowed)).toEqual([]);
    // No map: the values are role names; no claim configured: nothing to narrow; claim missing: nothing allowed.
    expect(rolesAllowedByClaims({ roles: ['supervisor'] }, { rolesClaim: 'roles', roleMap: {} })).toEqual(['supervisor']);
    expect(narrowRoles(['admin'], rolesAllowedByClaims({}, { rolesClaim: null, roleMap: {} }))).toBeNull();
    expect(rolesAllowedByClaims({}, config)).toEqual([]);
  });
});

describe('the transaction cookie', () => {
  const tx = { codeVerifier: 'v'.repeat(43), state: 's'.repeat(43), nonce: 'n'.repeat(43), expiresAt: 2_000 };

  it('opens under the same secret until it expires, and never when tampered with or sealed under another secret', () => {
    const sealed = sealTransaction(tx, SECRET);
    expect(sealed).not.toContain('vvvv');
    expect(openTransaction(sealed, SECRET, 1_999)).toEqual(tx);
    expect(openTransaction(sealed, SECRET, 2_000)).toBeNull();
    expect(openTransaction(sealed, `${SECRET}-rotated`, 1_000)).toBeNull();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(openTransaction(bytes.toString('base64url'), SECRET, 1_000)).toBeNull();
    expect(openTransaction(undefined, SECRET, 1_000)).toBeNull();
    expect(openTransaction('garbage', SECRET, 1_000)).toBeNull();
  });
});
