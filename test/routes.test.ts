import request from 'supertest';
import { ROUTE_POLICY } from '../server/auth/policy.decorator';
import { FixedClock } from '../server/core/clock';
import { listRoutes } from '../server/core/http/route-inventory';
import type { StaffRole } from '../server/staff/staff-user.entity';
import { AuditService } from '../server/audit/audit.service';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

type Who = 'anonymous' | StaffRole;
const WHO: Who[] = ['anonymous', 'agent', 'reviewer', 'supervisor', 'admin'];

interface Fixture {
  auditId: string;
  staffId: () => Promise<string>;
}

interface Row {
  path: (f: Fixture) => Promise<string>;
  body?: object;
  expect: Record<Who, number>;
}

/**
 * Every route × every role × the expected status. A route added without a row here fails the inventory test,
 * so each new route's permissions are decided and checked on purpose.
 */
const TABLE: Record<string, Row> = {
  'GET /api/health': { path: async () => '/api/health', expect: { anonymous: 200, agent: 200, reviewer: 200, supervisor: 200, admin: 200 } },
  'POST /api/auth/login': {
    path: async () => '/api/auth/login',
    body: { email: 'nobody@staff.test', password: 'x', otp: '000000' },
    expect: { anonymous: 401, agent: 401, reviewer: 401, supervisor: 401, admin: 401 },
  },
  'GET /api/auth/me': { path: async () => '/api/auth/me', expect: { anonymous: 401, agent: 200, reviewer: 200, supervisor: 200, admin: 200 } },
  'POST /api/auth/logout': { path: async () => '/api/auth/logout', expect: { anonymous: 401, agent: 204, reviewer: 204, supervisor: 204, admin: 204 } },
  'GET /api/audit-events': { path: async () => '/api/audit-events', expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 } },
  'GET /api/audit-events/verify': {
    path: async () => '/api/audit-events/verify',
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/audit-events/:id': {
    path: async (f) => `/api/audit-events/${f.auditId}`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 403 },
  },
  'GET /api/staff': { path: async () => '/api/staff', expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 200 } },
  'GET /api/staff/:id': {
    path: async (f) => `/api/staff/${await f.staffId()}`,
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 200, admin: 200 },
  },
  'PATCH /api/staff/:id': {
    path: async (f) => `/api/staff/${await f.staffId()}`,
    body: { roles: ['reviewer'], reason: 'route table test' },
    expect: { anonymous: 401, agent: 403, reviewer: 403, supervisor: 403, admin: 200 },
  },
};

describe('route permissions', () => {
  let t: TestApp;
  let fixture: Fixture;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const entry = await t.app.get(AuditService).recordAlone({ actor: null, meta: { ip: null, requestId: null }, action: 'test.route-table' });
    fixture = { auditId: entry.id, staffId: async () => (await createStaff(t.dataSource, ['agent'])).user.id };
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
    const routes = listRoutes(t.app, ROUTE_POLICY).map((r) => `${r.method} ${r.path}`).sort();
    expect(Object.keys(TABLE).sort()).toEqual(routes);
  });

  for (const [route, row] of Object.entries(TABLE)) {
    for (const who of WHO) {
      it(`${route} as ${who} → ${row.expect[who]}`, async () => {
        const client = who === 'anonymous' ? request.agent(t.url) : await signIn(t, await createStaff(t.dataSource, [who]));
        const [method, ] = route.split(' ');
        const path = await row.path(fixture);
        const call = method === 'GET' ? client.get(path) : method === 'POST' ? client.post(path) : method === 'PATCH' ? client.patch(path) : client.delete(path);
        const res = await (row.body ? call.send(row.body) : call);
        expect(res.status).toBe(row.expect[who]);
      });
    }
  }
});
