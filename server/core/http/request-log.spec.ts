import express from 'express';
import { pino, type Level } from 'pino';
import request from 'supertest';
import { HttpObserver, requestLog } from './request-log';

function capture(level: Level) {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = {
    write: (line: string) => {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  const app = express();
  app.use(requestLog(pino({ level }, stream), { enabled: true }));
  app.get('/api/accounts', (_req, res) => {
    res.setHeader('Set-Cookie', 'rd_session=secret-token');
    res.json({ data: [] });
  });
  app.get('/api/boom', (_req, res) => {
    res.status(503).json({ code: 'core.unavailable' });
  });
  return { app, lines, raw };
}

describe('requestLog (the HTTP request log)', () => {
  it('writes one compact line per request at info: method, path without its query, status, time, request id', async () => {
    const { app, lines, raw } = capture('info');
    const res = await request(app)
      .get('/api/accounts?q=jean.dupont%40example.com&callRef=AB123456-ovh')
      .set('Cookie', 'rd_session=secret-token')
      .set('X-Request-Id', 'probe-12345678');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('probe-12345678');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      reqId: 'probe-12345678',
      method: 'GET',
      path: '/api/accounts',
      status: 200,
    });
    expect(typeof lines[0].ms).toBe('number');
    expect(lines[0]).not.toHaveProperty('req');
    expect(lines[0]).not.toHaveProperty('res');
    // Nothing the caller typed, no credential, no header dump.
    expect(raw[0]).not.toMatch(/jean|dupont|example\.com|AB123456|\?q=|secret-token|content-security-policy/i);
    expect(Buffer.byteLength(raw[0])).toBeLessThan(300);
  });

  it('makes a request id when the caller gives none or a malformed one', async () => {
    const { app, lines } = capture('info');
    const res = await request(app).get('/api/accounts').set('X-Request-Id', 'bad id with spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0].reqId).toBe(res.headers['x-request-id']);
  });

  it('logs a 5xx answer at error', async () => {
    const { app, lines } = capture('info');
    await request(app).get('/api/boom?q=secret');
    expect(lines[0]).toMatchObject({ level: 50, path: '/api/boom', status: 503 });
  });

  it('adds the headers at debug, credentials redacted, still without the query string', async () => {
    const { app, lines, raw } = capture('debug');
    await request(app).get('/api/accounts?q=jean.dupont%40example.com').set('Cookie', 'rd_session=secret-token').set('User-Agent', 'probe');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      path: '/api/accounts',
      status: 200,
      req: { headers: expect.objectContaining({ cookie: '[Redacted]', 'user-agent': 'probe' }) },
      res: { headers: expect.objectContaining({ 'set-cookie': '[Redacted]' }) },
    });
    expect(raw[0]).not.toMatch(/jean|secret-token/);
  });

  it('writes nothing when disabled (tests), but still gives the request its id', async () => {
    const lines: string[] = [];
    const app = express();
    app.use(requestLog(pino({ level: 'info' }, { write: (l: string) => lines.push(l) }), { enabled: false }));
    app.get('/x', (req, res) => res.json({ id: (req as unknown as { id: string }).id }));
    const res = await request(app).get('/x');
    expect(res.body.id).toBe(res.headers['x-request-id']);
    expect(lines).toHaveLength(0);
  });

  it('tells the metrics each request by route template and status, even with the log off', async () => {
    const seen: [string, string, number, number][] = [];
    const metrics: HttpObserver = { observe: (method, route, status, seconds) => seen.push([method, route, status, seconds]) };
    const app = express();
    app.use(requestLog(pino({ level: 'info' }, { write: () => undefined }), { enabled: false, metrics }));
    app.get('/api/accounts/:id', (_req, res) => void res.json({}));
    const board = express.Router();
    board.get('/api/queues/:name', (_req, res) => void res.json({}));
    app.use('/api/admin/queues', board);
    // Nest's not-found route under its prefix, and the console's catch-all page.
    const notFound = express.Router();
    notFound.all('*path', (_req, res) => void res.status(404).json({}));
    app.get(/^\/(?!api(\/|$)).*/, (_req, res) => void res.send('console'));
    app.use('/api', notFound);

    await request(app).get('/api/accounts/4f1c2a9e-1111-4222-8333-944445555666?q=secret');
    await request(app).get('/api/admin/queues/api/queues/mail');
    await request(app).get('/api/accounts-nope/12');
    await request(app).get('/cases/123');
    expect(seen.map(([method, route, status]) => [method, route, status])).toEqual([
      ['GET', '/api/accounts/:id', 200],
      ['GET', '/api/admin/queues/api/queues/:name', 200],
      ['GET', '(unmatched)', 404],
      ['GET', '(console)', 200],
    ]);
    for (const [, , , seconds] of seen) expect(seconds).toBeGreaterThan(0);
  });
});
