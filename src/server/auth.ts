// Who is asking: a user's bearer token, a dashboard session cookie, SITREP_API_TOKEN, or (with no
// users and no token, on loopback) the local user. With users in the store every /api request but
// the session endpoints and the API description needs one; writes need a role, and writes made with
// a session cookie need the session's CSRF token in X-CSRF-Token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { problem } from './problem.js';
import { hasUsers, roleAtLeast, sessionUser, userForToken, type Role } from '../review/users.js';
import type { Store } from '../store/index.js';

export const SESSION_COOKIE = 'sitrep_session';

export interface Principal {
  name: string;
  role: Role;
  via: 'user-token' | 'api-token' | 'session' | 'loopback';
  csrf?: string;
}

export interface AuthOptions {
  token?: string;
  loopback?: boolean;
}

const principals = new WeakMap<object, Principal>();
const usersKnown = new WeakMap<object, boolean>();

/** The authenticated principal of this request, if any. */
export function principalOf(c: Context): Principal | undefined {
  return principals.get(c);
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const PUBLIC = new Set(['/api/openapi.json', '/api/session']);

/** Finds the principal of every /api request; 401 when users exist and none is given (or a token is wrong). */
export function authenticate(store: Store, options: AuthOptions): MiddlewareHandler {
  return async (c, next) => {
    const usersExist = await hasUsers(store);
    usersKnown.set(c, usersExist);
    const header = c.req.header('authorization');
    const bearer = header === undefined ? undefined : /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    let principal: Principal | undefined;
    if (bearer !== undefined) {
      if (options.token && sameToken(bearer, options.token)) principal = { name: 'api-token', role: 'admin', via: 'api-token' };
      else if (usersExist) {
        const user = await userForToken(store, bearer);
        if (user) principal = { name: user.name, role: user.role, via: 'user-token' };
      }
      if (!principal && usersExist) {
        c.header('WWW-Authenticate', 'Bearer');
        return problem(c, 401, 'the bearer token is not valid');
      }
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) {
        const s = await sessionUser(store, cookie);
        if (s) principal = { name: s.user.name, role: s.user.role, via: 'session', csrf: s.csrf };
      }
    }
    if (principal) principals.set(c, principal);
    if (usersExist && !principal && !PUBLIC.has(c.req.path)) {
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'sign in first: Authorization: Bearer <token> (sitrep users add), or a dashboard session');
    }
    await next();
  };
}

/** Writes: a principal with at least `role` (and the CSRF token with a session); without users, today's rules. */
export function requireRole(role: Role, options: AuthOptions): MiddlewareHandler {
  return async (c, next) => {
    let principal = principalOf(c);
    if (principal?.via === 'session') {
      const given = c.req.header('x-csrf-token') ?? '';
      if (!principal.csrf || !given || !sameToken(given, principal.csrf)) {
        return problem(c, 403, 'writes from a session need the X-CSRF-Token header (GET /api/session gives it)');
      }
    }
    if (!principal) {
      if (usersKnown.get(c)) return problem(c, 401, 'sign in first');
      if (options.token) {
        c.header('WWW-Authenticate', 'Bearer');
        return problem(c, 401, 'writes need Authorization: Bearer <SITREP_API_TOKEN>');
      }
      if (!options.loopback) {
        return problem(c, 403, 'writes are disabled: the server listens beyond loopback and SITREP_API_TOKEN is not set');
      }
      principal = { name: 'local', role: 'admin', via: 'loopback' };
      principals.set(c, principal);
    }
    if (!roleAtLeast(principal.role, role)) {
      return problem(c, 403, `${principal.name} is a ${principal.role}: this needs the ${role} role`);
    }
    await next();
  };
}
