// The review API: sessions (dashboard sign-in), users (admins), event edits with If-Match, history
// and revert, and the look-ups of the edit form (places from the gazetteer, actors from the actor
// dictionary and the store). Registered by app.ts before its catch-all.
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import actorDictionary from '../locales/en/data/actors.json' with { type: 'json' };
import { BODY_KEYS, editEvent, eventHistory, moveReport, ReviewError, revertChange } from '../review/edits.js';
import { placesNear, searchPlaces } from '../review/places.js';
import { addUser, createSession, endSession, hasUsers, listUsers, removeUser, ROLES, userForToken, UserError } from '../review/users.js';
import type { Store } from '../store/index.js';
import { principalOf, requireRole, SESSION_COOKIE, type AuthOptions } from './auth.js';
import { MAX_ID_LENGTH } from './limits.js';
import { problem, UnsupportedMediaTypeError } from './problem.js';
import { jsonResponse, problems } from './openapi.js';
import type { ApiRoutes } from './routes.js';

function isLoopbackHostname(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

async function jsonBody(c: Context): Promise<unknown> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new UnsupportedMediaTypeError();
  }
  const raw = await c.req.text();
  if (raw.length > 256 * 1024) throw new ReviewError(400, 'body: larger than 256 KiB', 'body');
  try {
    return JSON.parse(raw);
  } catch {
    throw new ReviewError(400, 'body: is not valid JSON', 'body');
  }
}

function reviewError(c: Context, err: unknown): Response {
  if (err instanceof ReviewError) {
    return problem(c, err.status, err.message, { parameter: err.parameter, ...(err.details ?? {}) });
  }
  if (err instanceof UnsupportedMediaTypeError) {
    c.header(c.req.method === 'PATCH' ? 'Accept-Patch' : 'Accept-Post', 'application/json');
    return problem(c, 415, `content-type: ${err.message}`, { parameter: 'content-type' });
  }
  if (err instanceof UserError) return problem(c, 400, err.message);
  throw err;
}

interface DictionaryActor { name: string; inter: number }
const DICTIONARY: DictionaryActor[] = [
  ...(actorDictionary as unknown as { actors: DictionaryActor[] }).actors,
].filter((a) => typeof a.name === 'string');

/** Actor names containing `q`: the dictionary's ({country} filled in) and those already in the store. */
async function suggestActors(store: Store, q: string, country: string, limit: number) {
  const needle = q.toLowerCase();
  const out = new Map<string, { name: string; inter: number | null; source: string }>();
  for (const a of DICTIONARY) {
    const name = country ? a.name.replace('{country}', country) : a.name.replace(/\s*\(\{country\}\)/, '');
    if (name.toLowerCase().includes(needle) && !out.has(name)) out.set(name, { name, inter: a.inter, source: 'dictionary' });
    if (out.size >= limit) break;
  }
  const like = store.engine === 'postgres' ? 'ilike' : 'like';
  const pattern = `%${q.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;
  for (const [col, inter] of [['actor1', 'inter1'], ['actor2', 'inter2']] as const) {
    if (out.size >= limit) break;
    const rows = await store.db.selectFrom('events').select([col, inter]).distinct()
      .where(col, like as 'like', pattern).orderBy(col).limit(limit).execute();
    for (const r of rows) {
      const name = (r as Record<string, unknown>)[col] as string;
      if (name && !out.has(name)) out.set(name, { name, inter: Number((r as Record<string, unknown>)[inter]), source: 'store' });
    }
  }
  return [...out.values()].slice(0, limit);
}

const ok = (description: string) => jsonResponse(description);
const IfMatch = z.object({
  'If-Match': z.string().optional().meta({ description: 'The ETag of GET /api/events/{id} as last read (required: 428 without it, 412 when stale).' }),
  'X-CSRF-Token': z.string().optional().meta({ description: 'Needed with a session cookie (GET /api/session gives it).' }),
});
const Csrf = z.object({
  'X-CSRF-Token': z.string().optional().meta({ description: 'Needed with a session cookie (GET /api/session gives it).' }),
});
const TextQuery = (what: string) => z.string({ error: `give ${what} (1-200 characters)` }).trim()
  .min(1, { error: `give ${what} (1-200 characters)` }).max(200, { error: `give ${what} (1-200 characters)` });
const EventPath = z.object({ id: z.string().meta({ description: 'The event\'s id' }) });
/** PATCH /api/events/{id}: the fields to change (checked field by field in src/review/edits.ts), review_status, place_id, reason. */
const ReviewBody = z.strictObject(Object.fromEntries(BODY_KEYS.map((k) => [k, z.unknown().optional()])), { error: 'must be a JSON object of fields' })
  .meta({ description: 'Fields as JSON (an event\'s fields, review_status: confirmed, rejected or unreviewed, place_id from /api/places, reason).' });

export function registerReviewRoutes(api: ApiRoutes, store: Store, options: AuthOptions, bodyGuard: MiddlewareHandler): void {
  /** The frame of every write to one event: an over-long id is a 404, the change's ETag goes in a
   *  header, the answer is the event as it now is (with `more` of the result's events), and a
   *  review error becomes its problem response. */
  async function eventWrite<R extends { etag: string }>(
    c: Context, id: string, change: () => Promise<R>, more: (r: R) => Promise<object> = async () => ({}),
  ): Promise<Response> {
    try {
      if (id.length > MAX_ID_LENGTH) throw new ReviewError(404, 'no event with this id', 'id');
      const result = await change();
      c.header('ETag', result.etag);
      return c.json({ event: await store.getEvent(id), ...(await more(result)), ...result });
    } catch (err) {
      return reviewError(c, err);
    }
  }

  const editor = requireRole('editor', options);
  const admin = requireRole('admin', options);
  const tags = ['review'];

  api.route({
    method: 'get', path: '/api/session', operationId: 'getSession', tags, access: 'public',
    summary: 'Whether the store has users, who is signed in, and the session\'s CSRF token',
    responses: { 200: ok('Session'), ...problems(400) },
  }, async (c) => {
    const p = principalOf(c);
    return c.json({
      users: await hasUsers(store),
      user: p ? { name: p.name, role: p.role } : null,
      csrf: p?.csrf ?? null,
    });
  });

  api.route({
    method: 'post', path: '/api/session', operationId: 'signIn', tags, access: 'public',
    summary: 'Sign in: exchange a user\'s token for a session cookie',
    body: { schema: z.object({ token: z.string({ error: 'must be the token `sitrep users add` printed' }).max(200, { error: 'must be the token `sitrep users add` printed' }) }, { error: 'must be an object with a "token" field' }) },
    middleware: [bodyGuard],
    responses: { 200: ok('User and CSRF token'), ...problems(400, 401, 413, 415) },
  }, async (c, input) => {
    try {
      const { token } = input.body(await jsonBody(c));
      const user = await userForToken(store, token.trim());
      if (!user) return problem(c, 401, 'this token does not belong to any user');
      const session = await createSession(store, user);
      setCookie(c, SESSION_COOKIE, session.cookie, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: !isLoopbackHostname(new URL(c.req.url).hostname),
        path: '/',
        maxAge: session.expiresAt - Math.floor(Date.now() / 1000),
      });
      return c.json({ user: { name: user.name, role: user.role }, csrf: session.csrf });
    } catch (err) {
      return reviewError(c, err);
    }
  });

  api.route({
    method: 'delete', path: '/api/session', operationId: 'signOut', tags, access: 'write',
    summary: 'Sign out', headers: Csrf,
    middleware: [requireRole('viewer', options)],
    responses: { 200: ok('Signed out'), ...problems(400, 401, 403) },
  }, async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await endSession(store, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ signed_out: true });
  });

  api.route({
    method: 'get', path: '/api/users', operationId: 'listUsers', tags, access: 'write',
    summary: 'Users and roles (admin)',
    middleware: [admin],
    responses: { 200: ok('Users'), ...problems(400, 401, 403) },
  }, async (c) => c.json({ users: (await listUsers(store)).map(({ name, role, created_at }) => ({ name, role, created_at })) }));

  api.route({
    method: 'post', path: '/api/users', operationId: 'addUser', tags, access: 'write',
    summary: 'Add a user; the token is in the answer only (admin)', headers: Csrf,
    body: { schema: z.object({ name: z.string({ error: 'must be a string' }), role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).optional() }, { error: 'must be an object with a "name" field' }) },
    middleware: [admin, bodyGuard],
    responses: { 201: ok('The user and token'), ...problems(400, 401, 403, 413, 415) },
  }, async (c, input) => {
    try {
      const body = input.body(await jsonBody(c));
      const user = await addUser(store, body.name, body.role ?? 'viewer');
      return c.json({ name: user.name, role: user.role, token: user.token }, 201);
    } catch (err) {
      return reviewError(c, err);
    }
  });

  api.route({
    method: 'delete', path: '/api/users/{name}', operationId: 'removeUser', tags, access: 'write',
    summary: 'Remove a user (admin)', headers: Csrf,
    params: z.object({ name: z.string().meta({ description: 'The user\'s name' }) }),
    middleware: [admin],
    responses: { 200: ok('Removed'), ...problems(400, 401, 403, 404) },
  }, async (c, { params: { name } }) => {
    const removed = await removeUser(store, name);
    return removed ? c.json({ removed: name }) : problem(c, 404, 'no user with this name', { parameter: 'name' });
  });

  api.route({
    method: 'patch', path: '/api/events/{id}', operationId: 'reviewEvent', tags, access: 'write',
    summary: 'Review the event (editor): fields as JSON, review_status (confirmed, rejected, unreviewed), place_id, reason',
    params: EventPath, headers: IfMatch, body: { schema: ReviewBody },
    middleware: [editor, bodyGuard],
    responses: { 200: ok('The event, its new ETag and the audit rows of the change'), ...problems(400, 401, 403, 404, 412, 413, 415, 428) },
  }, (c, input) => eventWrite(c, input.params.id, async () => {
    const raw = await jsonBody(c);
    // The shape (an object, known keys) here; each field's value in editEvent.
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) input.body(raw);
    return editEvent(store, input.params.id, c.req.header('if-match'), raw, { name: principalOf(c)!.name });
  }));

  api.route({
    method: 'post', path: '/api/events/{id}/revert', operationId: 'revertEventChange', tags, access: 'write',
    summary: 'Revert a change: every field of it back, as a new change (editor)',
    params: EventPath, headers: IfMatch,
    body: { schema: z.object({ audit_id: z.number({ error: 'must be the id of a history entry' }).int({ error: 'must be the id of a history entry' }).meta({ description: 'The id of a history entry' }), reason: z.string().optional() }) },
    middleware: [editor, bodyGuard],
    responses: { 200: ok('The event, its ETag and the change'), ...problems(400, 401, 403, 404, 412, 413, 415, 428) },
  }, (c, input) => eventWrite(c, input.params.id, async () => {
    const body = input.body(await jsonBody(c));
    return revertChange(store, input.params.id, c.req.header('if-match'), body.audit_id, body.reason, { name: principalOf(c)!.name });
  }));

  api.route({
    method: 'post', path: '/api/events/{id}/move-report', operationId: 'moveEventReport', tags, access: 'write',
    summary: 'Move one of the event\'s reports to event `to`, or split it off into an event of its own (no `to`); both events\' fields are chosen again from their reports, the fields an analyst set stay (editor)',
    params: EventPath, headers: IfMatch,
    body: {
      schema: z.strictObject({
        report_id: z.string({ error: 'must be the report_id of one of the event\'s reports' }).meta({ description: 'The report to move (GET /api/events/{id} lists them)' }),
        to: z.string().nullable().optional().meta({ description: 'The event to move it to; absent or null: split it off into an event of its own' }),
        reason: z.string().optional(),
      }, { error: 'must be a JSON object with report_id (and to, reason)' }),
    },
    middleware: [editor, bodyGuard],
    responses: { 200: ok('Both events, their ETags and the changes'), ...problems(400, 401, 403, 404, 412, 413, 415, 428) },
  }, (c, input) => eventWrite(c, input.params.id, async () => {
    const raw = await jsonBody(c);
    // The shape here; the values (which report, which event) in moveReport.
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) input.body(raw);
    return moveReport(store, input.params.id, c.req.header('if-match'), raw, { name: principalOf(c)!.name });
  }, async (result) => ({ target: await store.getEvent(result.to) })));

  api.route({
    method: 'get', path: '/api/events/{id}/history', operationId: 'getEventHistory', tags, access: 'read',
    summary: 'Every review change of the event: who, when, field, before, after, reason',
    params: EventPath,
    responses: { 200: ok('History'), ...problems(400, 401, 404) },
  }, async (c, { params: { id } }) => {
    const exists = id.length <= MAX_ID_LENGTH && (await store.db.selectFrom('events').select('event_id').where('event_id', '=', id).executeTakeFirst());
    if (!exists) return problem(c, 404, 'no event with this id', { parameter: 'id' });
    return c.json({ event_id: id, history: await eventHistory(store, id) });
  });

  api.route({
    method: 'get', path: '/api/places', operationId: 'searchPlaces', tags, access: 'read',
    summary: 'Gazetteer places of a name, with admin units, country and geo_precision',
    query: z.object({ q: TextQuery('a place name').meta({ description: 'A place name' }) }),
    responses: { 200: ok('Places'), ...problems(400, 401) },
  }, (c, { query }) => c.json({ places: searchPlaces(query.q) }));

  // The towns near a point (a click on the dashboard's map), nearest first.
  const coordinate = (name: string, bound: number, what: string) => z.string({ error: `${what} from -${bound} to ${bound}` })
    .regex(/^\s*-?\d{1,3}(\.\d{1,10})?\s*$/, { error: `${what} from -${bound} to ${bound}` })
    .transform(Number).pipe(z.number().min(-bound, { error: `${what} from -${bound} to ${bound}` }).max(bound, { error: `${what} from -${bound} to ${bound}` }))
    .meta({ description: `${what} from -${bound} to ${bound}`, param: { schema: { type: 'number', minimum: -bound, maximum: bound } } });
  api.route({
    method: 'get', path: '/api/places/near', operationId: 'placesNear', tags, access: 'read',
    summary: 'The towns of the gazetteer within 30 km of a point (a click on the map), nearest first, each with distance_km',
    query: z.object({ lat: coordinate('lat', 90, 'a latitude'), lon: coordinate('lon', 180, 'a longitude') }),
    responses: { 200: ok('Places'), ...problems(400, 401) },
  }, (c, { query }) => c.json({ places: placesNear(query.lat, query.lon) }));

  api.route({
    method: 'get', path: '/api/actors', operationId: 'suggestActors', tags, access: 'read',
    summary: 'Actor names containing q, from the actor dictionary and the store',
    query: z.object({
      q: TextQuery('part of an actor name').meta({ description: 'Part of an actor name' }),
      country: z.string().optional().meta({ description: 'The event\'s country: fills in the dictionary\'s "{country}" names' }),
    }),
    responses: { 200: ok('Actors'), ...problems(400, 401) },
  }, async (c, { query }) => c.json({ actors: await suggestActors(store, query.q, (query.country ?? '').trim().slice(0, 100), 20) }));
}
