import request from 'supertest';
import { ROUTE_POLICY } from '../server/auth/policy.decorator';
import { FixedClock } from '../server/core/clock';
import { listRoutes } from '../server/core/http/route-inventory';
import type { StaffRole } from '../server/auth/staff-user.entity';
import { AuditService } from '../server/audit/audit.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff } from './support/factories';

type Who = 'anonymous' | StaffRole;
const WHO: Who[] = ['anonymous', 'agent', 'reviewer', 'supervisor', 'admin'];

interface Fixture {
  auditId: string;
  staffId: () => Promise<string>;
  accountId: string;
  /** Another agent's verification: outside an agent's own calls. */
  foreignVerificationId: string;
  /** A case another agent opened. */
  foreignCaseId: string;
  /** A new account of its own (for a row that changes the account's state). */
  freshAccountId: () => Promise<string>;
}

type Client = ReturnType<typeof request.agent>;

interface Row {
  path: (f: Fixture, client: Client, who: Who) => Promise<string>;
  body?: object | (() => object);
  expect: Record<Who, number>;
}

/**
 * Every route × every role × the expected status. A route added without a row here fails the inventory test,
 * so each new route's permissions are decided and checked on purpose.
 */
const TABLE: Record<string, Row> = {
  'GET /api/health': {
    path: async () => '/api/health',
    expect: { anonymous: 200, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  'GET /api/health/live': {
    path: async () => '/api/health/live',
    expect: { anonymous: 200, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  'GET /api/health/ready': {
    path: async () => '/api/health/ready',
    expect: { anonymous: 200, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  'GET /api/docs-json': {
    path: async () => '/api/docs-json',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 },
  },
  'GET /api/docs': { path: async () => '/api/docs', expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 } },
  'GET /api/docs/:asset': {
    path: async () => '/api/docs/swagger-ui.css',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 },
  },
  'POST /api/auth/login': {
    path: async () => '/api/auth/login',
    body: { email: 'nobody@staff.test', password: 'x', otp: '000000' },
    expect: { anonymous: 401, agent: 401, reviewer: 401, supervisor: 401, admin: 401 },
  },
  'GET /api/auth/me': {
    path: async () => '/api/auth/me',
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  'POST /api/auth/logout': {
    path: async () => '/api/auth/logout',
    expect: { anonymous: 401, agent: 204, reviewer: 204, supervisor: 204, admin: 204 },
  },
  'GET /api/auth/methods': {
    path: async () => '/api/auth/methods',
    expect: { anonymous: 200, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  // No OIDC provider in this app: the provider's routes answer oidc.not_configured (test/oidc.test.ts runs one).
  'POST /api/auth/oidc/start': {
    path: async () => '/api/auth/oidc/start',
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/auth/oidc/callback': {
    path: async () => '/api/auth/oidc/callback',
    body: { query: '?code=x&state=y' },
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'GET /api/audit-events': {
    path: async () => '/api/audit-events',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/audit-events/verify': {
    path: async () => '/api/audit-events/verify',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/audit-events/export': {
    path: async () => '/api/audit-events/export?action=test.route-table',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/audit-events/:id': {
    path: async (f) => `/api/audit-events/${f.auditId}`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/audit-searches': {
    path: async () => '/api/audit-searches',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'POST /api/audit-searches': {
    path: async () => '/api/audit-searches',
    body: () => ({ name: `route walk ${Math.random()}`, query: 'action=recovery.*' }),
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 201, admin: 403 },
  },
  'DELETE /api/audit-searches/:id': {
    // The supervisor deletes one of their own; the others are refused before any lookup.
    path: async (_f, client, who) => {
      if (who !== 'supervisor') return `/api/audit-searches/${crypto.randomUUID()}`;
      const saved = await client.post('/api/audit-searches').send({ name: `route walk ${Math.random()}`, query: 'action=auth.*' });
      return `/api/audit-searches/${saved.body.id}`;
    },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 204, admin: 403 },
  },
  'GET /api/staff': { path: async () => '/api/staff', expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 200 } },
  'POST /api/staff': {
    path: async () => '/api/staff',
    body: () => ({
      email: `rt-${Math.random().toString(36).slice(2)}@staff.test`,
      name: 'Route Table',
      roles: ['agent'],
      reason: 'route table',
    }),
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 201 },
  },
  'POST /api/staff/:id/mfa-reset-requests': {
    path: async (f) => `/api/staff/${await f.staffId()}/mfa-reset-requests`,
    body: { reason: 'route table' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 201 },
  },
  'POST /api/staff/mfa-reset-requests/:requestId/confirm': {
    path: async () => '/api/staff/mfa-reset-requests/00000000-0000-4000-8000-000000000000/confirm',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 404 },
  },
  'GET /api/staff/pending-requests': {
    path: async () => '/api/staff/pending-requests',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 },
  },
  'POST /api/staff/role-requests/:requestId/confirm': {
    path: async () => '/api/staff/role-requests/00000000-0000-4000-8000-000000000000/confirm',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 404 },
  },
  'POST /api/staff/role-requests/:requestId/refuse': {
    path: async () => '/api/staff/role-requests/00000000-0000-4000-8000-000000000000/refuse',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 404 },
  },
  'POST /api/staff/mfa-reset-requests/:requestId/refuse': {
    path: async () => '/api/staff/mfa-reset-requests/00000000-0000-4000-8000-000000000000/refuse',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 404 },
  },
  'POST /api/staff/:id/invitation': {
    // The fixture member has enrolled already: an admin passes the permission and the state answers 409.
    path: async (f) => `/api/staff/${await f.staffId()}/invitation`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 409 },
  },
  'POST /api/public/staff-enrolment/view': {
    path: async () => '/api/public/staff-enrolment/view',
    body: { token: 'not-a-link-we-sent-0123456789abcdefghijklmn' },
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/public/staff-enrolment': {
    path: async () => '/api/public/staff-enrolment',
    body: { token: 'not-a-link-we-sent-0123456789abcdefghijklmn', password: 'a long enough passphrase', otp: '123456' },
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'GET /api/staff/:id': {
    path: async (f) => `/api/staff/${await f.staffId()}`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 200 },
  },
  'PATCH /api/staff/:id': {
    path: async (f) => `/api/staff/${await f.staffId()}`,
    body: { roles: ['reviewer'], reason: 'route table test' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 },
  },
  'GET /api/accounts': {
    path: async () => '/api/accounts?q=Dupont',
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 403 },
  },
  'GET /api/accounts/:id': {
    path: async (f) => `/api/accounts/${f.accountId}`,
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 403 },
  },
  'GET /api/accounts/:id/events': {
    path: async (f) => `/api/accounts/${f.accountId}/events`,
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 403 },
  },
  'POST /api/accounts/:id/verifications': {
    path: async (f) => `/api/accounts/${f.accountId}/verifications`,
    body: { callReference: 'CALL-ROUTES-1' },
    expect: { anonymous: 401, agent: 201, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'POST /api/accounts/:id/unmask': {
    // An agent passes the route's permission; this verification is not theirs, so it is not found.
    path: async (f) => `/api/accounts/${f.accountId}/unmask`,
    body: { verificationId: '00000000-0000-4000-8000-000000000000', reason: 'route table' },
    expect: { anonymous: 401, agent: 404, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'GET /api/my-settings': {
    path: async () => '/api/my-settings',
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  'PATCH /api/my-settings': {
    path: async () => '/api/my-settings',
    body: { phoneRegion: 'GB' },
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  'GET /api/my-security-keys': {
    path: async () => '/api/my-security-keys',
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 200 },
  },
  'POST /api/my-security-keys': {
    // Before the options row: no ceremony started in this session yet: the challenge is gone.
    path: async () => '/api/my-security-keys',
    body: { name: 'route table', response: { id: 'AAAA' } },
    expect: { anonymous: 401, agent: 410, reviewer: 410, supervisor: 410, admin: 410 },
  },
  'POST /api/my-security-keys/registration-options': {
    // Past the permission, the password asked again is wrong.
    path: async () => '/api/my-security-keys/registration-options',
    body: { password: 'not the password' },
    expect: { anonymous: 401, agent: 400, reviewer: 400, supervisor: 400, admin: 400 },
  },
  'DELETE /api/my-security-keys/:id': {
    path: async () => '/api/my-security-keys/00000000-0000-4000-8000-000000000000',
    expect: { anonymous: 401, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/auth/security-key/options': {
    // An email of its own: five tries per account are what the sign-in throttle allows.
    path: async () => '/api/auth/security-key/options',
    body: { email: 'nobody-with-a-key@staff.test', password: 'x' },
    expect: { anonymous: 401, agent: 401, reviewer: 401, supervisor: 401, admin: 401 },
  },
  'POST /api/auth/security-key/first-key-options': {
    path: async () => '/api/auth/security-key/first-key-options',
    body: { email: 'nobody-without-a-key@staff.test', password: 'x', otp: '000000' },
    expect: { anonymous: 401, agent: 401, reviewer: 401, supervisor: 401, admin: 401 },
  },
  'POST /api/auth/security-key/first-key': {
    path: async () => '/api/auth/security-key/first-key',
    body: { ticket: 'A'.repeat(43), name: 'route table', response: { id: 'AAAA' } },
    expect: { anonymous: 410, agent: 410, reviewer: 410, supervisor: 410, admin: 410 },
  },
  'POST /api/auth/security-key': {
    path: async () => '/api/auth/security-key',
    body: { ticket: 'A'.repeat(43), response: { id: 'AAAA' } },
    expect: { anonymous: 410, agent: 410, reviewer: 410, supervisor: 410, admin: 410 },
  },
  'GET /api/staff/:id/security-keys': {
    path: async (f) => `/api/staff/${await f.staffId()}/security-keys`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 200 },
  },
  'POST /api/staff/:id/security-key-resets': {
    path: async (f) => `/api/staff/${await f.staffId()}/security-key-resets`,
    body: { reason: 'route table' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 201 },
  },
  'GET /api/security-key-resets': {
    path: async () => '/api/security-key-resets',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 },
  },
  'POST /api/security-key-resets/:requestId/confirm': {
    path: async () => '/api/security-key-resets/00000000-0000-4000-8000-000000000000/confirm',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 404 },
  },
  'POST /api/security-key-resets/:requestId/refuse': {
    path: async () => '/api/security-key-resets/00000000-0000-4000-8000-000000000000/refuse',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 404 },
  },
  'POST /api/accounts/:id/lock': {
    // An agent passes the route's permission but has not verified this caller (403 caller_not_verified); a supervisor
    // locks a fresh account (the fixture's must stay unlocked for the other rows).
    path: async (f, client, who) =>
      who === 'supervisor' ? `/api/accounts/${await f.freshAccountId()}/lock` : `/api/accounts/${f.accountId}/lock`,
    body: { reason: 'route table' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'POST /api/accounts/:id/unlock': {
    // The fixture account is not locked: a supervisor passes the permission and the state answers 409.
    path: async (f) => `/api/accounts/${f.accountId}/unlock`,
    body: { reason: 'route table' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 409, admin: 403 },
  },
  'POST /api/accounts/:id/customer-id-reminder': {
    path: async (f) => `/api/accounts/${f.accountId}/customer-id-reminder`,
    body: { callReference: 'CALL-ROUTES-2' },
    expect: { anonymous: 401, agent: 202, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'GET /api/verifications/:id': {
    path: ownVerification(''),
    expect: { anonymous: 401, agent: 200, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'POST /api/verifications/:id/codes': {
    path: ownVerification('/codes'),
    body: { channel: 'primary_email' },
    expect: { anonymous: 401, agent: 202, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'POST /api/verifications/:id/code-checks': {
    // No code was sent on this fresh call: the permission passes and the state answers 409.
    path: ownVerification('/code-checks'),
    body: { code: '000000' },
    expect: { anonymous: 401, agent: 409, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'POST /api/verifications/:id/stated-values': {
    path: ownVerification('/stated-values'),
    body: { field: 'postal_code', value: '75002' },
    expect: { anonymous: 401, agent: 200, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'GET /api/mail-outbox': {
    path: async () => '/api/mail-outbox',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/security-webhooks': {
    path: async () => '/api/security-webhooks',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  // No webhook is configured here: the admin passes the policy and learns the name is unknown.
  'POST /api/security-webhooks/:name/resume': {
    path: async () => '/api/security-webhooks/siem/resume',
    body: { fromId: '1' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 404 },
  },
  'GET /api/identity-cases': {
    path: async () => '/api/identity-cases',
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 403 },
  },
  'POST /api/identity-cases': {
    path: async () => '/api/identity-cases',
    body: () => ({ accountId: ACCOUNT_ID.value, purpose: 'disable_2fa', contactEmail: 'someone@example.com', callReference: 'CALL-CASE' }),
    expect: { anonymous: 401, agent: 201, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'GET /api/identity-cases/:id': {
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}`,
    // Another agent's case still collecting documents: not this agent's, not verified.
    expect: { anonymous: 401, agent: 404, reviewer: 200, supervisor: 200, admin: 403 },
  },
  'POST /api/identity-cases/:id/documents': {
    // Permission passes for the agent who opened the case; a body that is not multipart answers 415.
    path: ownCase('/documents'),
    expect: { anonymous: 401, agent: 415, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'POST /api/identity-cases/:id/address-variant': {
    // The agent who opened the case or a reviewer changes the individual checklist's variant.
    path: ownCase('/address-variant'),
    body: { addressVariant: 'moved' },
    expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 403, admin: 403 },
  },
  'POST /api/identity-cases/:id/claim': {
    // The case is still collecting documents: a reviewer passes the permission and the state answers 409.
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/claim`,
    expect: { anonymous: 401, agent: 403, reviewer: 409, supervisor: 403, admin: 403 },
  },
  'POST /api/identity-cases/:id/documents/:documentId/decision': {
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/documents/00000000-0000-4000-8000-000000000000/decision`,
    body: { decision: 'accepted' },
    expect: { anonymous: 401, agent: 403, reviewer: 409, supervisor: 403, admin: 403 },
  },
  'POST /api/identity-cases/:id/documents/:documentId/name-check': {
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/documents/00000000-0000-4000-8000-000000000000/name-check`,
    body: { holderName: 'Jean Dupont' },
    expect: { anonymous: 401, agent: 403, reviewer: 404, supervisor: 403, admin: 403 },
  },
  'POST /api/identity-cases/:id/request-document': {
    // The case is still collecting documents: a reviewer passes the permission and the state answers 409.
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/request-document`,
    body: { kind: 'identity_back' },
    expect: { anonymous: 401, agent: 403, reviewer: 409, supervisor: 403, admin: 403 },
  },
  'POST /api/identity-cases/:id/two-factor-methods': {
    // The case is still collecting documents: a reviewer passes the permission and the state answers 409.
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/two-factor-methods`,
    body: { twoFactorMethodIds: ['00000000-0000-4000-8000-000000000000'] },
    expect: { anonymous: 401, agent: 403, reviewer: 409, supervisor: 403, admin: 403 },
  },
  'POST /api/identity-cases/:id/documents/:documentId/reprocess': {
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/documents/00000000-0000-4000-8000-000000000000/reprocess`,
    expect: { anonymous: 401, agent: 403, reviewer: 404, supervisor: 403, admin: 403 },
  },
  'GET /api/identity-cases/:id/documents/:documentId/preview': {
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/documents/00000000-0000-4000-8000-000000000000/preview`,
    expect: { anonymous: 401, agent: 403, reviewer: 404, supervisor: 404, admin: 403 },
  },
  'GET /api/identity-cases/:id/documents/:documentId/original': {
    path: async (f) => `/api/identity-cases/${f.foreignCaseId}/documents/00000000-0000-4000-8000-000000000000/original`,
    expect: { anonymous: 401, agent: 403, reviewer: 404, supervisor: 404, admin: 403 },
  },
  'POST /api/public/identity-cases': {
    path: async () => '/api/public/identity-cases',
    body: () => ({
      customerId: `zz${Math.floor(Math.random() * 1e6)}`,
      accountType: 'individual',
      purpose: 'replace_email',
      contactEmail: 'me@example.org',
    }),
    expect: { anonymous: 201, agent: 201, reviewer: 201, supervisor: 201, admin: 201 },
  },
  'GET /api/public/identity-cases/:id': {
    // No case token: the case does not exist for this caller.
    path: async (f) => `/api/public/identity-cases/${f.foreignCaseId}`,
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/public/identity-cases/:id/confirm-email': {
    path: async (f) => `/api/public/identity-cases/${f.foreignCaseId}/confirm-email`,
    body: { code: '123456' },
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/public/identity-cases/:id/address-variant': {
    path: async (f) => `/api/public/identity-cases/${f.foreignCaseId}/address-variant`,
    body: { addressVariant: 'moved' },
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/public/identity-cases/:id/documents': {
    // No case token: refused before the body is looked at (not multipart would be 415 with the token).
    path: async (f) => `/api/public/identity-cases/${f.foreignCaseId}/documents`,
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/public/identity-cases/:id/submit': {
    path: async (f) => `/api/public/identity-cases/${f.foreignCaseId}/submit`,
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'GET /api/recovery-cases': {
    path: async () => '/api/recovery-cases',
    expect: { anonymous: 401, agent: 200, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/recovery-cases/:id': {
    path: async () => '/api/recovery-cases/00000000-0000-4000-8000-000000000000',
    expect: { anonymous: 401, agent: 404, reviewer: 403, supervisor: 404, admin: 403 },
  },
  'POST /api/recovery-cases/swaps': {
    // A verification of nobody's: the agent passes the permission, the record check answers 404.
    path: async () => '/api/recovery-cases/swaps',
    body: () => ({
      accountId: ACCOUNT_ID.value,
      verificationId: '00000000-0000-4000-8000-000000000000',
      callReference: 'CALL-SWAP',
      reason: 'route table',
    }),
    expect: { anonymous: 401, agent: 404, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'POST /api/recovery-cases': {
    path: async () => '/api/recovery-cases',
    body: () => ({
      accountId: ACCOUNT_ID.value,
      action: 'disable_2fa',
      identityCaseId: '00000000-0000-4000-8000-000000000000',
      callReference: 'CALL-X',
      reason: 'route table',
    }),
    expect: { anonymous: 401, agent: 422, reviewer: 403, supervisor: 403, admin: 403 },
  },
  ...Object.fromEntries(
    (['approve', 'execute', 'reject', 'cancel', 'revert'] as const).map((verb) => [
      `POST /api/recovery-cases/:id/${verb}`,
      {
        path: async () => `/api/recovery-cases/00000000-0000-4000-8000-000000000000/${verb}`,
        body: { reason: 'route table' },
        expect: { anonymous: 401, agent: verb === 'cancel' ? 404 : 403, reviewer: 403, supervisor: 404, admin: 403 },
      } satisfies Row,
    ]),
  ),
  'GET /api/alerts': {
    path: async () => '/api/alerts',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'POST /api/alerts/:id/acknowledge': {
    path: async () => '/api/alerts/00000000-0000-4000-8000-000000000000/acknowledge',
    body: { comment: 'route table' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 404, admin: 403 },
  },
  'GET /api/alerts/:id/evidence': {
    path: async () => '/api/alerts/00000000-0000-4000-8000-000000000000/evidence',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 404, admin: 403 },
  },
  'POST /api/alerts/acknowledge': {
    path: async () => '/api/alerts/acknowledge',
    body: { ids: ['00000000-0000-4000-8000-000000000000'], comment: 'route table' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/dashboard': {
    path: async () => '/api/dashboard',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/call-scripts': {
    path: async () => '/api/call-scripts',
    expect: { anonymous: 401, agent: 200, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'PATCH /api/call-scripts/:key': {
    path: async () => '/api/call-scripts/code.match',
    body: { en: 'Thank you, that code is correct.', fr: 'Merci, ce code est correct.' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/home/agent': {
    path: async () => '/api/home/agent',
    expect: { anonymous: 401, agent: 200, reviewer: 403, supervisor: 403, admin: 403 },
  },
  'GET /api/home/reviewer': {
    path: async () => '/api/home/reviewer',
    expect: { anonymous: 401, agent: 403, reviewer: 200, supervisor: 403, admin: 403 },
  },
  'GET /api/home/supervisor': {
    path: async () => '/api/home/supervisor',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/home/admin': {
    path: async () => '/api/home/admin',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 },
  },
  'GET /api/evidence/recovery-cases/:ref': {
    path: async () => '/api/evidence/recovery-cases/00000000-0000-4000-8000-000000000000',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 404, admin: 403 },
  },
  'GET /api/evidence/identity-cases/:ref': {
    path: async (f) => `/api/evidence/identity-cases/${f.foreignCaseId}`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/case-stories/:ref': {
    path: async (f) => `/api/case-stories/${f.foreignCaseId.slice(0, 8)}`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/public/recovery-links/:token': {
    path: async () => '/api/public/recovery-links/not-a-token',
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
  'POST /api/public/recovery-links/:token': {
    path: async () => '/api/public/recovery-links/not-a-token',
    expect: { anonymous: 404, agent: 404, reviewer: 404, supervisor: 404, admin: 404 },
  },
};

const ACCOUNT_ID = { value: '' };

/** An agent works on a case they opened; everyone else is pointed at another agent's. */
function ownCase(suffix: string): Row['path'] {
  return async (f, client, who) => {
    if (who !== 'agent') return `/api/identity-cases/${f.foreignCaseId}${suffix}`;
    const res = await client
      .post('/api/identity-cases')
      .send({ accountId: f.accountId, purpose: 'disable_2fa', contactEmail: 'c@example.com', callReference: 'CALL-OWN' });
    return `/api/identity-cases/${res.body.id}${suffix}`;
  };
}

/** An agent works on a verification of their own call; everyone else is pointed at another agent's. */
function ownVerification(suffix: string): Row['path'] {
  return async (f, client, who) => {
    if (who !== 'agent') return `/api/verifications/${f.foreignVerificationId}${suffix}`;
    const res = await client
      .post(`/api/accounts/${f.accountId}/verifications`)
      .send({ callReference: `CALL-ROUTES-OWN${suffix.replace('/', '-')}` });
    return `/api/verifications/${res.body.id}${suffix}`;
  };
}

describe('route permissions', () => {
  let t: TestApp;
  let fixture: Fixture;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const entry = await t.app
      .get(AuditService)
      .recordAlone({ actor: null, meta: { ip: null, requestId: null }, action: 'test.route-table' });
    const account = await createAccount(t.dataSource);
    const otherAgent = await signIn(t, await createStaff(t.dataSource, ['agent']));
    const foreign = await otherAgent.post(`/api/accounts/${account.id}/verifications`).send({ callReference: 'CALL-OTHER' });
    const foreignCase = await otherAgent
      .post('/api/identity-cases')
      .send({ accountId: account.id, purpose: 'replace_email', contactEmail: 'new@example.com', callReference: 'CALL-OTHER' });
    ACCOUNT_ID.value = account.id;
    fixture = {
      foreignCaseId: foreignCase.body.id,
      auditId: entry.id,
      staffId: async () => (await createStaff(t.dataSource, ['agent'])).user.id,
      accountId: account.id,
      freshAccountId: async () => (await createAccount(t.dataSource)).id,
      foreignVerificationId: foreign.body.id,
    };
  });
  afterAll(() => t.close());

  it('has a declared policy on every route, and a public route always says why', () => {
    const routes = listRoutes(t.app, ROUTE_POLICY);
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) {
      expect({ route: `${r.method} ${r.path}`, policy: r.policy }).toEqual({ route: `${r.method} ${r.path}`, policy: expect.any(Object) });
      const policy = r.policy as { kind: string; reason?: string };
      if (policy.kind === 'public') expect(policy.reason?.length).toBeGreaterThan(10);
    }
  });

  it('lists every route in the role table, and nothing else', () => {
    const routes = listRoutes(t.app, ROUTE_POLICY)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(Object.keys(TABLE).sort()).toEqual(routes);
  });

  // One session per role serves every row but logout (which ends it); each row still signs nobody else in.
  const sessions = new Map<StaffRole, Client>();
  async function sessionOf(role: StaffRole): Promise<Client> {
    if (!sessions.has(role)) sessions.set(role, await signIn(t, await createStaff(t.dataSource, [role])));
    return sessions.get(role)!;
  }

  for (const [route, row] of Object.entries(TABLE)) {
    for (const who of WHO) {
      it(`${route} as ${who} → ${row.expect[who]}`, async () => {
        const client =
          who === 'anonymous'
            ? request.agent(t.url)
            : route === 'POST /api/auth/logout'
              ? await signIn(t, await createStaff(t.dataSource, [who]))
              : await sessionOf(who);
        const [method] = route.split(' ');
        const path = await row.path(fixture, client, who);
        const call =
          method === 'GET'
            ? client.get(path)
            : method === 'POST'
              ? client.post(path)
              : method === 'PATCH'
                ? client.patch(path)
                : client.delete(path);
        const body = typeof row.body === 'function' ? row.body() : row.body;
        const res = await (body ? call.send(body) : call);
        expect(res.status).toBe(row.expect[who]);
      });
    }
  }
});
