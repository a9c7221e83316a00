import type { NextFunction, Request, Response } from 'express';
import { coreError } from './core.errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `scheme://host[:port]` in canonical form (lower case, default port dropped); null when it is not an http(s) URL. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request that a browser sent from another site, so that SameSite cookies are not the
 * only defence against cross-site requests (the customers' form has no cookie at all).
 *
 * Allowed: the origin of PUBLIC_URL (where the deployment says it is reached) and the origin the request itself
 * was served at. The latter is `req.protocol` and `req.host`: without TRUST_PROXY they come from the socket and the
 * Host header, which a browser sets to the site it is talking to and a cross-site page cannot change; with
 * TRUST_PROXY they come from the proxy's X-Forwarded-Proto and X-Forwarded-Host, which a browser cannot send
 * cross-site either (a custom header needs a CORS preflight this API never grants). Behind a TLS proxy without
 * TRUST_PROXY the request looks like plain http while the browser says https: PUBLIC_URL is what then matches.
 *
 * A request with neither Origin nor Referer (curl, a server-side client) is not a browser's cross-site request and
 * goes through; `Origin: null` (sandboxed frames, some redirects) and an unreadable Referer are refused.
 */
export function sameOriginOnly(publicUrl: string) {
  const publicOrigin = originOf(publicUrl);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const claimed = req.get('origin') ?? req.get('referer');
    if (claimed === undefined) return next();
    const origin = originOf(claimed);
    const own = originOf(`${req.protocol}://${req.host}`);
    if (origin !== null && (origin === publicOrigin || origin === own)) return next();
    const requestId = (req as Request & { id?: string | number }).id;
    const refused = coreError('cross_origin');
    res.status(403).json({
      statusCode: 403,
      error: 'Forbidden',
      message: refused.message,
      code: refused.code,
      params: refused.params,
      requestId: requestId === undefined ? undefined : String(requestId),
    });
  };
}
