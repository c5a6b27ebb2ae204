// Who may talk to the server: the Host a request names and, for writes, the Origin it comes from.
//
// DNS rebinding: a web page at attacker.example can re-point its own name at 127.0.0.1 and then
// send requests to sitrep "same-origin"; the browser then sends `Host: attacker.example`. So every
// request must name a host the server expects (loopback names when it listens on loopback, the
// --host name otherwise). Cross-site writes (CSRF): a browser names the page that sends a request in
// `Origin` (and `Sec-Fetch-Site`); a write is accepted only from the server's own origin, or from a
// client that is not a browser (no Origin, no Sec-Fetch-Site: curl, scripts). Both checks hold with
// or without a token.
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';
import { corsAllows, type CorsPolicy } from './cors.js';

export interface HostPolicy {
  /** Host names (no port) a request may name; undefined: any (a wildcard listen address without a list). */
  hosts?: Set<string>;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** Lower-cased host name of a `host[:port]` value, brackets kept for IPv6; undefined if malformed. */
export function hostName(hostHeader: string): string | undefined {
  const h = hostHeader.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(h);
  if (!m) return undefined;
  return m[1]!.replace(/\.$/, '');
}

function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.includes(name) || /^127(\.\d{1,3}){3}$/.test(name) || name.endsWith('.localhost');
}

/**
 * The hosts a server listening on `listenHost` answers to: loopback names on loopback; the listen
 * name itself (and loopback names, for local use) otherwise; `extra` names (--allowed-host) too.
 * A wildcard address (0.0.0.0, ::) without extra names accepts any host: the machine's names are not
 * known, and writes there need a token anyway.
 */
export function hostPolicy(listenHost: string, extra: string[] = []): HostPolicy {
  const listen = hostName(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost);
  const wildcard = listen === '0.0.0.0' || listen === '[::]' || listen === '[0:0:0:0:0:0:0:0]';
  const names = extra.map((e) => hostName(e)).filter((x): x is string => x !== undefined);
  if (wildcard && names.length === 0) return {};
  const hosts = new Set<string>([...LOOPBACK_NAMES, ...names]);
  if (listen && !wildcard) hosts.add(listen);
  return { hosts };
}

export const LOOPBACK_POLICY: HostPolicy = { hosts: new Set(LOOPBACK_NAMES) };

function hostAllowed(policy: HostPolicy, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (!policy.hosts) return true;
  return policy.hosts.has(name) || (policy.hosts.has('localhost') && isLoopbackName(name));
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses (403) a request naming an unexpected host, and a write sent by a browser from another
 * origin: `Origin` must be this server's own (same scheme, host and port as the request) and
 * `Sec-Fetch-Site`, when sent, `same-origin` or `none`.
 */
export function hostAndOriginGuard(policy: HostPolicy, cors?: CorsPolicy): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const header = c.req.header('host');
    const names = [hostName(url.host), ...(header !== undefined ? [hostName(header)] : [])];
    if (!names.every((n) => hostAllowed(policy, n))) {
      return problem(c, 403, `unexpected Host ${JSON.stringify((header ?? url.host).slice(0, 100))}: this server answers only to ${policy.hosts ? [...policy.hosts].join(', ') : 'its own names'}`);
    }
    const origin = c.req.header('origin');
    // An origin allowed by --cors may write with a bearer token (never sent by a browser on its own).
    const corsWrite = corsAllows(cors, origin) && c.req.header('authorization') !== undefined;
    if (UNSAFE.has(c.req.method) && !corsWrite) {
      const site = c.req.header('sec-fetch-site');
      if (origin !== undefined && !sameOrigin(origin, url, header)) {
        return problem(c, 403, `cross-origin write refused (Origin ${JSON.stringify(origin.slice(0, 100))})`);
      }
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return problem(c, 403, `cross-site write refused (Sec-Fetch-Site: ${site.slice(0, 30)})`);
      }
    }
    await next();
  };
}

function sameOrigin(origin: string, url: URL, hostHeader: string | undefined): boolean {
  if (origin === 'null') return false;
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  const host = (hostHeader ?? url.host).trim().toLowerCase();
  return (o.protocol === 'http:' || o.protocol === 'https:') && o.host === host;
}
