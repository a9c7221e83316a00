import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROUTE_POLICY } from '../server/auth/policy.decorator';
import type { RoutePolicy } from '../server/auth/policy.decorator';
import { FixedClock } from '../server/core/clock';
import { listRoutes, RouteInfo } from '../server/core/http/route-inventory';
import type { StaffRole } from '../server/auth/staff-user.entity';
import { signIn, startTestApp, TestApp } from './support/app';
import { createAccount, createStaff, createVerifiedIdentityCase } from './support/factories';
import { dtoFields, routeInputs } from './support/route-inputs';

/**
 * Every route of the route inventory (so routes added later are walked too) gets hostile values in each path
 * parameter, query field and body field, as the role that passes its permission: a refusal is fine, a 5xx never.
 */

const STRINGS = [
  '\ud800',
  'a\udfffb',
  '\u202eevil\u202c',
  '\u200f\u200e\u061c',
  '\u0000',
  'a\u0000b',
  'x'.repeat(5000),
  '../../etc/passwd',
  "' OR 1=1 --",
  '%',
  '_',
  '\\',
  '%_\\',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '0',
  '9999999999999999999',
  '99999999999999999999',
  '1e309',
  'NaN',
  ' ',
  '',
  '😀',
  '<script>alert(1)</script>',
  '2026-13-45',
  'null',
  'true',
  '\r\n\tX: y',
];
const NON_STRINGS: unknown[] = [[], ['a'], {}, { $gt: '' }, null, true, -1, 1.5, 1e308, 2 ** 63, -(2 ** 63)];
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8').toString('base64url');
/** Cursors that decode but hold what no page ever returned. */
const CURSORS = [
  b64('9999999999999999999'),
  b64('0'),
  b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
  b64(['+275760-09-13T00:00:00.000Z', randomUUID()]),
  b64(['-271821-04-20T00:00:00.000Z', randomUUID()]),
  b64([1, 2]),
  b64({}),
  b64(['2026-01-01T00:00:00.000Z', '\u0000']),
  b64(['2026-01-01T00:00:00.000Z', '9'.repeat(40)]),
  '!!!',
  '====',
];
const RAW_PATH = ['%ED%A0%80', '%E0%A4%A', '%00', '%25', '..%2F..%2Fetc%2Fpasswd', '%C0%AF'];
const RAW_BODIES: Array<[string, string]> = [
  ['application/json', '{"a":'],
  ['application/json', '[]'],
  ['application/json', '"text"'],
  ['application/json', 'null'],
  ['application/json', '0'],
  ['application/json', '{"__proto__":{"polluted":1}}'],
  ['application/json', '{"constructor":{"prototype":{"polluted":1}}}'],
  ['application/json', '['.repeat(3000) + ']'.repeat(3000)],
  ['application/json', '"\\ud800"'],
  ['application/json; charset=utf-16', '{}'],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'a=1&a=2&b[c]=d'],
  ['multipart/form-data; boundary=x', '--x\r\nbroken'],
];

/** Percent-encodes as a hostile client would, lone surrogates included (as the bytes a CESU-8 encoder writes). */
function enc(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out +=
      cp >= 0xd800 && cp <= 0xdfff
        ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
        : encodeURIComponent(ch);
  }
  return out;
}

type Client = ReturnType<typeof request.agent>;
interface Attempt {
  what: string;
  send(client: Client): Promise<request.Response>;
}

describe('hostile input never gets a 5xx, on any route', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());
  const roles: StaffRole[] = ['admin', 'supervisor', 'agent', 'reviewer'];
  const sessions = new Map<StaffRole, Client>();

  /** Records that exist, so that values reach the code behind the record lookup; other ids are random (not found). */
  const existing: Array<[string, string]> = [];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const account = await createAccount(t.dataSource);
    const idCase = await createVerifiedIdentityCase(t.dataSource, account, 'disable_2fa');
    existing.push(
      ['/api/accounts/:id', account.id],
      ['/api/staff/:id', (await createStaff(t.dataSource, ['agent'])).user.id],
      ['/api/identity-cases/:id', idCase.id],
      ['/api/evidence/identity-cases/:ref', idCase.id],
      ['/api/case-stories/:ref', idCase.id],
      ['/api/audit-events/:id', '1'],
    );
  });
  afterAll(() => t.close());

  async function session(role: StaffRole): Promise<Client> {
    const current = sessions.get(role);
    if (current && (await current.get('/api/auth/me')).status === 200) return current;
    const fresh = await signIn(t, await createStaff(t.dataSource, [role]));
    sessions.set(role, fresh);
    return fresh;
  }

  function attemptsFor(route: RouteInfo): Attempt[] {
    const inputs = routeInputs(t.app, route);
    const query = dtoFields(inputs.query);
    const body = dtoFields(inputs.body);
    const baseQuery = Object.fromEntries(query.filter((f) => !f.optional).map((f) => [f.name, f.valid]));
    const baseBody = Object.fromEntries(body.map((f) => [f.name, f.valid]));
    const pathWith = (param?: string, raw?: string) =>
      route.path.replace(/:([A-Za-z_]+)/g, (m, name: string, at: number) =>
        name === param ? raw! : (existing.find(([prefix]) => route.path.slice(0, at + m.length) === prefix)?.[1] ?? randomUUID()),
      );
    const qs = (values: Record<string, unknown>) =>
      Object.entries(values)
        .flatMap(([k, v]) => [v].flat().map((x) => `${enc(k)}=${enc(String(x))}`))
        .join('&');
    const call = (client: Client, path: string) => {
      const m = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      return client[m](path);
    };
    const write = route.method !== 'GET';
    const withBody = (req: request.Test, b: object) => (inputs.multipart ? multipart(req, b) : write ? req.send(b) : req);
    const multipart = (req: request.Test, b: object) => {
      let r = req;
      for (const [k, v] of Object.entries(b)) if (typeof v === 'string') r = r.field(k, v.replace(/[\ud800-\udfff]/g, '?'));
      return r.attach('files', Buffer.from('%PDF-1.4\n'), 'x.pdf');
    };

    const attempts: Attempt[] = [{ what: 'baseline', send: (c) => withBody(call(c, `${pathWith()}?${qs(baseQuery)}`), baseBody) }];
    for (const param of inputs.params) {
      for (const raw of [...STRINGS.filter(Boolean).map(enc), ...RAW_PATH]) {
        attempts.push({ what: `path :${param}=${raw.slice(0, 40)}`, send: (c) => withBody(call(c, pathWith(param, raw)), baseBody) });
      }
    }
    for (const f of query) {
      const values: unknown[] = [...STRINGS, ...(/cursor/i.test(f.name) ? CURSORS : []), ['a', 'b'], [f.valid, f.valid]];
      for (const v of values) {
        attempts.push({
          what: `query ${f.name}=${JSON.stringify(v).slice(0, 40)}`,
          send: (c) => withBody(call(c, `${pathWith()}?${qs({ ...baseQuery, [f.name]: v })}`), baseBody),
        });
      }
    }
    if (write) {
      for (const f of body) {
        for (const v of [...STRINGS, ...NON_STRINGS]) {
          attempts.push({
            what: `body ${f.name}=${JSON.stringify(v)?.slice(0, 40)}`,
            send: (c) => withBody(call(c, pathWith()), { ...baseBody, [f.name]: v }),
          });
        }
      }
      for (const [type, raw] of RAW_BODIES) {
        attempts.push({
          what: `raw body ${type} ${raw.slice(0, 30)}`,
          send: (c) => call(c, pathWith()).set('Content-Type', type).send(raw),
        });
      }
    }
    return attempts;
  }

  /** The client that passes the route's permission: anonymous for public routes, else the first role not refused. */
  async function clientFor(route: RouteInfo, baseline: Attempt): Promise<{ who: string; client: Client }> {
    if ((route.policy as RoutePolicy).kind === 'public') return { who: 'anonymous', client: request.agent(t.url) };
    for (const role of roles) {
      const client = await session(role);
      const res = await baseline.send(client);
      if (res.status !== 401 && res.status !== 403) return { who: role, client };
    }
    return { who: 'admin', client: await session('admin') };
  }

  it('refuses what no column can hold with 400 core.invalid_text or core.too_deep, and a malformed id with 404 core.unknown_id', async () => {
    const admin = await session('admin');
    const supervisor = await session('supervisor');
    const account = await createAccount(t.dataSource);
    const target = (await createStaff(t.dataSource, ['agent'])).user.id;
    const cases: Array<[Promise<request.Response>, number, string]> = [
      [admin.patch('/api/staff/not-a-uuid').send({ roles: ['agent'], reason: 'hostile input' }), 404, 'core.unknown_id'],
      // null is "absent" to @IsOptional: it must be absent for the service too.
      [admin.patch(`/api/staff/${target}`).send({ roles: null, active: null, reason: 'hostile input' }), 400, 'staff.nothing_to_change'],
      [supervisor.get('/api/audit-events/9999999999999999999'), 404, 'core.unknown_id'],
      [supervisor.get(`/api/audit-events?action=${enc('a\u0000b')}`), 400, 'core.invalid_text'],
      [
        request(t.url).post('/api/auth/login').send({ email: '\ud800@example.org', password: 'x', otp: '000000' }),
        400,
        'core.invalid_text',
      ],
      [
        request(t.url)
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send('['.repeat(3000) + ']'.repeat(3000)),
        400,
        'core.too_deep',
      ],
      [supervisor.get(`/api/audit-events?cursor=${b64('9999999999999999999')}`), 400, 'core.invalid_cursor'],
      [supervisor.get(`/api/mail-outbox?cursor=${b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])}`), 400, 'core.invalid_cursor'],
      [supervisor.get(`/api/recovery-cases?cursor=${b64(['-271821-04-20T00:00:00.000Z', randomUUID()])}`), 400, 'core.invalid_cursor'],
      [
        supervisor.get(`/api/accounts/${account.id}/events?cursor=${b64(['2026-01-01T00:00:00.000Z', '9'.repeat(40)])}`),
        400,
        'core.invalid_cursor',
      ],
    ];
    const got = await Promise.all(cases.map(async ([res]) => res));
    expect(got.map((r) => [r.status, r.body.code])).toEqual(cases.map(([, status, code]) => [status, code]));
  });

  it('answers every hostile value on every route with less than 500', async () => {
    const routes = listRoutes(t.app, ROUTE_POLICY);
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const attempts = attemptsFor(route);
      const { who } = await clientFor(route, attempts[0]);
      // Small batches in parallel keep the walk short; a route that ends the session (logout) gets a new one.
      for (let i = 0; i < attempts.length; i += 8) {
        const client = who === 'anonymous' ? request.agent(t.url) : await session(who as StaffRole);
        const batch = attempts.slice(i, i + 8);
        const results = await Promise.all(
          batch.map((a) => a.send(client).catch((e: Error) => ({ status: 0, body: { message: e.message } }) as request.Response)),
        );
        results.forEach((res, j) => {
          sent += 1;
          if (res.status >= 500 || res.status === 0)
            failures.push(
              `${route.method} ${route.path} as ${who}, ${batch[j].what}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`,
            );
        });
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});
