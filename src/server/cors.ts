// Cross-origin use of the API from web pages of other origins (`sitrep serve --cors ORIGIN`), and
// OPTIONS. Without --cors no page of another origin may read the API (the browser's same-origin
// rule, no Access-Control-Allow-Origin). With it, the named origins (or "*") may read, and may
// write with a bearer token: a browser never attaches an Authorization header by itself, so a
// write carrying one is no cross-site request forgery. Cookies are never allowed cross-origin
// (no Access-Control-Allow-Credentials): the dashboard's session stays same-origin.
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

export interface CorsPolicy {
  /** Allowed origins (scheme://host[:port], lower-case), or 'any' for "*". */
  origins: Set<string> | 'any';
}

/** The policy of --cors values; throws naming a value that is not an origin. */
export function corsPolicy(values: readonly string[]): CorsPolicy | undefined {
  if (values.length === 0) return undefined;
  const origins = new Set<string>();
  for (const raw of values.flatMap((v) => v.split(','))) {
    const v = raw.trim();
    if (v === '*') return { origins: 'any' };
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new Error(`--cors: "${v.slice(0, 100)}" is not an origin (e.g. https://analysis.example.org, or *)`);
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== v.replace(/\/$/, '').toLowerCase()) {
      throw new Error(`--cors: "${v.slice(0, 100)}" is not an origin (scheme://host[:port], no path)`);
    }
    origins.add(u.origin);
  }
  return { origins };
}

export function corsAllows(policy: CorsPolicy | undefined, origin: string | undefined): boolean {
  if (!policy || origin === undefined || origin === 'null') return false;
  return policy.origins === 'any' || policy.origins.has(origin.toLowerCase());
}

const REQUEST_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Match, If-Modified-Since, X-CSRF-Token';
const EXPOSED_HEADERS = 'ETag, Last-Modified, Link, Retry-After, Allow';

/**
 * OPTIONS on an API path: 204 with Allow (404 for no operation's path), and for a preflight from an
 * allowed origin the Access-Control-Allow-* headers. Other requests from an allowed origin get
 * Access-Control-Allow-Origin and the headers a client may read. Runs before authentication: a
 * preflight never carries credentials.
 */
export function corsAndOptions(policy: CorsPolicy | undefined, allowedMethods: (path: string) => string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = corsAllows(policy, origin);
    if (policy) c.header('Vary', 'Origin', { append: true });
    if (c.req.method === 'OPTIONS') {
      const methods = allowedMethods(c.req.path);
      if (methods.length === 0) return problem(c, 404, `no such endpoint: ${c.req.path}`);
      c.header('Allow', methods.join(', '));
      if (allowed && c.req.header('access-control-request-method') !== undefined) {
        c.header('Access-Control-Allow-Origin', policy!.origins === 'any' ? '*' : origin!);
        c.header('Access-Control-Allow-Methods', methods.join(', '));
        c.header('Access-Control-Allow-Headers', REQUEST_HEADERS);
        c.header('Access-Control-Max-Age', '600');
      }
      return c.body(null, 204);
    }
    await next();
    if (allowed) {
      c.header('Access-Control-Allow-Origin', policy!.origins === 'any' ? '*' : origin!);
      c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}
