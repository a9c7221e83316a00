import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Never written to a log, even at debug: they are credentials. */
const SECRET_HEADERS = new Set(['cookie', 'authorization', 'x-case-token', 'set-cookie']);

type LoggedRequest = IncomingMessage & { id?: string; originalUrl?: string; baseUrl?: string; route?: { path?: unknown } };

/** Told of every finished request (the metrics' latency histogram), by route template, never by raw path. */
export interface HttpObserver {
  observe(method: string, route: string, status: number, seconds: number): void;
}

/**
 * The route template that answered (`/api/accounts/:id`), as Express left it on the request: a raw path would make
 * a series per id. Requests no route template matched are grouped: `(unmatched)` under /api (a 404, including Nest's
 * catch-all `*path` not-found route, a body refused before routing), `(console)` elsewhere (the console's files and
 * pages, whose routes are regular expressions).
 */
export function routeOf(req: LoggedRequest): string {
  const route = req.route?.path;
  if (typeof route === 'string' && !route.startsWith('*')) return (req.baseUrl ?? '') + route;
  const path = req.originalUrl ?? req.url ?? '/';
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/api?') ? '(unmatched)' : '(console)';
}

/** Keeps a caller's request id when it looks sane (a proxy's), otherwise makes one; echoes it back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The path alone: query strings carry what callers typed (a customer ID, an email, a name, a phone number). */
export function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function withoutSecrets(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADERS.has(name) ? '[Redacted]' : value;
  return out;
}

/**
 * The HTTP request log, first middleware of the app: gives every request its id (`req.id`, echoed in
 * X-Request-Id), and when the request ends writes one compact line: `reqId`, `method`, `path` (never the query
 * string), `status`, `ms`, and `aborted` when the client went away first. At info (error for a 5xx answer), a few
 * hundred bytes. When the logger is at debug or below, the same line also carries the detail: the request's and the
 * answer's headers (credentials redacted) and the client's address. pino-http wrote ~1.2 kB of JSON with every
 * response header per request at the default level (issue 14). With `metrics`, the same end-of-request hook also
 * gives it the duration by route template and status (one histogram update, no extra listener).
 */
export function requestLog(logger: Logger, opts: { enabled: boolean; metrics?: HttpObserver }) {
  const metrics = opts.metrics;
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    const id = requestId(req, res);
    req.id = id;
    if (!opts.enabled && !metrics) return next();
    const started = process.hrtime.bigint();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const elapsed = Number(process.hrtime.bigint() - started);
      if (metrics) metrics.observe(req.method ?? 'GET', routeOf(req), res.statusCode, elapsed / 1e9);
      if (!opts.enabled) return;
      const aborted = !res.writableFinished;
      const line: Record<string, unknown> = {
        reqId: id,
        method: req.method,
        path: pathOf(req.originalUrl ?? req.url),
        status: res.statusCode,
        ms: Math.round(elapsed / 1e4) / 100,
      };
      if (aborted) line.aborted = true;
      if (logger.isLevelEnabled('debug')) {
        line.req = { headers: withoutSecrets(req.headers), remoteAddress: req.socket?.remoteAddress };
        line.res = { headers: withoutSecrets(res.getHeaders()) };
      }
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
