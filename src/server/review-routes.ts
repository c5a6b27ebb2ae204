// The review API: sessions (dashboard sign-in), users (admins), event edits with If-Match, history
// and revert, and the look-ups of the edit form (places from the gazetteer, actors from the actor
// dictionary and the store). Registered by app.ts before its catch-all.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import actorDictionary from '../locales/en/data/actors.json' with { type: 'json' };
import { editEvent, eventHistory, moveReport, ReviewError, revertChange } from '../review/edits.js';
import { placesNear, searchPlaces } from '../review/places.js';
import { addUser, createSession, endSession, hasUsers, listUsers, parseRole, removeUser, userForToken, UserError } from '../review/users.js';
import type { Store } from '../store/index.js';
import { principalOf, requireRole, SESSION_COOKIE, type AuthOptions } from './auth.js';
import { MAX_ID_LENGTH } from './limits.js';
import { problem, UnsupportedMediaTypeError } from './problem.js';

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

export function registerReviewRoutes(app: Hono, store: Store, options: AuthOptions, bodyGuard: MiddlewareHandler): void {
  const editor = requireRole('editor', options);
  const admin = requireRole('admin', options);

  app.get('/api/session', async (c) => {
    const p = principalOf(c);
    return c.json({
      users: await hasUsers(store),
      user: p ? { name: p.name, role: p.role } : null,
      csrf: p?.csrf ?? null,
    });
  });

  app.post('/api/session', bodyGuard, async (c) => {
    try {
      const body = await jsonBody(c);
      const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
      if (typeof token !== 'string' || token.length > 200) throw new ReviewError(400, 'token: must be the token `sitrep users add` printed', 'token');
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

  app.delete('/api/session', requireRole('viewer', options), async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await endSession(store, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ signed_out: true });
  });

  app.get('/api/users', admin, async (c) => c.json({ users: (await listUsers(store)).map(({ name, role, created_at }) => ({ name, role, created_at })) }));
  app.post('/api/users', admin, bodyGuard, async (c) => {
    try {
      const body = (await jsonBody(c)) as { name?: unknown; role?: unknown };
      if (typeof body?.name !== 'string') throw new ReviewError(400, 'name: must be a string', 'name');
      const user = await addUser(store, body.name, parseRole(String(body.role ?? 'viewer')));
      return c.json({ name: user.name, role: user.role, token: user.token }, 201);
    } catch (err) {
      return reviewError(c, err);
    }
  });
  app.delete('/api/users/:name', admin, async (c) => {
    const removed = await removeUser(store, c.req.param('name'));
    return removed ? c.json({ removed: c.req.param('name') }) : problem(c, 404, 'no user with this name', { parameter: 'name' });
  });

  app.patch('/api/events/:id', editor, bodyGuard, async (c) => {
    try {
      const id = c.req.param('id');
      if (id.length > MAX_ID_LENGTH) throw new ReviewError(404, 'no event with this id', 'id');
      const result = await editEvent(store, id, c.req.header('if-match'), await jsonBody(c), { name: principalOf(c)!.name });
      c.header('ETag', result.etag);
      return c.json({ event: await store.getEvent(id), ...result });
    } catch (err) {
      return reviewError(c, err);
    }
  });

  app.post('/api/events/:id/revert', editor, bodyGuard, async (c) => {
    try {
      const id = c.req.param('id');
      if (id.length > MAX_ID_LENGTH) throw new ReviewError(404, 'no event with this id', 'id');
      const body = (await jsonBody(c)) as { audit_id?: unknown; reason?: unknown } | null;
      const result = await revertChange(store, id, c.req.header('if-match'), body?.audit_id, body?.reason, { name: principalOf(c)!.name });
      c.header('ETag', result.etag);
      return c.json({ event: await store.getEvent(id), ...result });
    } catch (err) {
      return reviewError(c, err);
    }
  });

  // Moves one report of the event to another event (`to`), or splits it off into its own (no `to`).
  app.post('/api/events/:id/move-report', editor, bodyGuard, async (c) => {
    try {
      const id = c.req.param('id');
      if (id.length > MAX_ID_LENGTH) throw new ReviewError(404, 'no event with this id', 'id');
      const result = await moveReport(store, id, c.req.header('if-match'), await jsonBody(c), { name: principalOf(c)!.name });
      c.header('ETag', result.etag);
      return c.json({ event: await store.getEvent(id), target: await store.getEvent(result.to), ...result });
    } catch (err) {
      return reviewError(c, err);
    }
  });

  app.get('/api/events/:id/history', async (c) => {
    const id = c.req.param('id');
    const exists = id.length <= MAX_ID_LENGTH && (await store.db.selectFrom('events').select('event_id').where('event_id', '=', id).executeTakeFirst());
    if (!exists) return problem(c, 404, 'no event with this id', { parameter: 'id' });
    return c.json({ event_id: id, history: await eventHistory(store, id) });
  });

  app.get('/api/places', (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q || q.length > 200) return problem(c, 400, 'q: give a place name (1-200 characters)', { parameter: 'q' });
    return c.json({ places: searchPlaces(q) });
  });

  // The towns near a point (a click on the dashboard's map), nearest first.
  app.get('/api/places/near', (c) => {
    const num = (name: string, bound: number) => {
      const raw = c.req.query(name) ?? '';
      const v = /^-?\d{1,3}(\.\d{1,10})?$/.test(raw.trim()) ? Number(raw) : NaN;
      return Number.isFinite(v) && Math.abs(v) <= bound ? v : undefined;
    };
    const lat = num('lat', 90);
    const lon = num('lon', 180);
    if (lat === undefined) return problem(c, 400, 'lat: a latitude from -90 to 90', { parameter: 'lat' });
    if (lon === undefined) return problem(c, 400, 'lon: a longitude from -180 to 180', { parameter: 'lon' });
    return c.json({ places: placesNear(lat, lon) });
  });

  app.get('/api/actors', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    const country = (c.req.query('country') ?? '').trim().slice(0, 100);
    if (!q || q.length > 200) return problem(c, 400, 'q: give part of an actor name (1-200 characters)', { parameter: 'q' });
    return c.json({ actors: await suggestActors(store, q, country, 20) });
  });
}
