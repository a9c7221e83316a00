import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { ROUTE_POLICY } from '../server/auth/policy.decorator';
import { listRoutes } from '../server/core/http/route-inventory';
import { signIn, startTestApp, TestApp } from './support/app';
import { createStaff } from './support/factories';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the OpenAPI contract', () => {
  let t: TestApp;
  let admin: ReturnType<typeof request.agent>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, await createStaff(t.dataSource, ['admin']));
  });
  afterAll(() => t.close());

  it('matches the console types committed in admin-ui/src/api (npm test builds first)', async () => {
    const result = await run(process.execPath, [path.join(ROOT, 'dist/server/cli/api-types.js'), '--check'], { cwd: ROOT }).then(
      () => ({ stale: '' }),
      (e: { stderr: string }) => ({ stale: e.stderr }),
    );
    // On failure the message says: run `npm run api:types` and commit the file.
    expect(result).toEqual({ stale: '' });
  });

  it('describes every route of the app, with its answers', async () => {
    const res = await admin.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = res.body.paths as Record<string, Record<string, Operation>>;
    const documented = Object.entries(paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routes = listRoutes(t.app, ROUTE_POLICY)
      .filter((r) => !r.path.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.path}`);
    expect(documented.sort()).toEqual(routes.sort());
    expect(res.body.components.schemas.ApiErrorBody.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message']));
  });

  it('gives every route its answer schema, and the shared error body for 401 behind a session', async () => {
    const paths = (await admin.get('/api/docs-json')).body.paths as Record<string, Record<string, Operation>>;
    const policies = new Map(listRoutes(t.app, ROUTE_POLICY).map((r) => [`${r.method} ${r.path}`, r.policy as { kind: string }]));
    const gaps: string[] = [];
    for (const [p, ops] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(ops)) {
        const route = `${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`;
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        if (!success.length || success.some(([status, r]) => status !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema)))
          gaps.push(`${route}: answer`);
        const unauthenticated = operation.responses['401']?.content?.['application/json']?.schema as { $ref?: string } | undefined;
        if (policies.get(route)?.kind !== 'public' && unauthenticated?.$ref !== '#/components/schemas/ApiErrorBody')
          gaps.push(`${route}: 401`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('serves Swagger UI to admins under the app CSP: no inline script, every script from the API', async () => {
    const page = await admin.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attrs)![1];
      const asset = await admin.get(src);
      expect({ src, status: asset.status, type: asset.headers['content-type'] }).toEqual({
        src,
        status: 200,
        type: expect.stringMatching(/^text\/javascript/),
      });
    }
    const css = await admin.get('/api/docs/swagger-ui.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect((await admin.get('/api/docs/package.json')).status).toBe(404);
  });

  it('keeps the contract from anyone but an admin', async () => {
    expect((await request(t.url).get('/api/docs-json')).status).toBe(401);
    const supervisor = await signIn(t, await createStaff(t.dataSource, ['supervisor']));
    expect((await supervisor.get('/api/docs')).status).toBe(403);
  });
});
