// HTTP conventions client tools expect: 405 with Allow, OPTIONS, CORS (--cors), GeoJSON pages with
// next_cursor and a Link header.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { corsPolicy } from '../../src/server/cors.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';

let dir: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-conventions-'));
  store = await openStore(join(dir, 'api.db'));
  const events = [];
  for (let i = 0; i < 7; i++) {
    events.push(syntheticEvent({ event_id: `c${i}`, doc_id: 'd1', event_date: `2022-03-1${i}`, country: 'Syria', iso3: 'SYR' }));
  }
  await store.saveDocuments([{ id: 'd1', text: 'Article', title: 'T', date: '2022-03-20', events }], { merge: false } as never);
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('methods', () => {
  const app = () => createApp(store, { loopback: true });

  test('a wrong method on a known path: 405 problem with Allow; an unknown path stays 404', async () => {
    const res = await app().request('/api/events', { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD, OPTIONS');
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(((await res.json()) as { status: number }).status, 405);
    const put = await app().request('/api/events/c1', { method: 'PUT' });
    assert.equal(put.status, 405);
    assert.deepEqual(put.headers.get('allow')!.split(', ').sort(), ['GET', 'HEAD', 'OPTIONS', 'PATCH']);
    assert.equal((await app().request('/api/documents', { method: 'GET' })).headers.get('allow'), 'POST, OPTIONS');
    assert.equal((await app().request('/api/nothing', { method: 'DELETE' })).status, 404);
  });

  test('an unhealthy check makes /api/health a 503 problem naming it', async () => {
    const res = await createApp(store, { loopback: true, healthChecks: { queue: () => Promise.reject(new Error('down')) } }).request('/api/health');
    assert.equal(res.status, 503);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = (await res.json()) as { detail: string; checks: Record<string, string> };
    assert.equal(body.detail, 'unavailable: queue');
    assert.deepEqual(body.checks, { database: 'ok', queue: 'down' });
  });

  test('OPTIONS answers 204 with Allow, without credentials even when users exist', async () => {
    const res = await app().request('/api/events/c1/history', { method: 'OPTIONS' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('allow'), 'GET, HEAD, OPTIONS');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal((await app().request('/api/nothing', { method: 'OPTIONS' })).status, 404);
  });
});

describe('CORS', () => {
  const ORIGIN = 'https://analysis.example.org';
  const app = () => createApp(store, { loopback: true, cors: corsPolicy([ORIGIN]) });

  test('--cors values must be origins', () => {
    assert.throws(() => corsPolicy(['https://a.example/path']), /--cors/);
    assert.throws(() => corsPolicy(['not an origin']), /--cors/);
    assert.equal(corsPolicy([]), undefined);
    assert.equal(corsPolicy(['*'])!.origins, 'any');
  });

  test('a preflight from the allowed origin is answered; another origin gets no CORS headers', async () => {
    const pre = await app().request('/api/documents', {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.equal(pre.headers.get('access-control-allow-credentials'), null);
    const other = await app().request('/api/documents', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  test('reads from the allowed origin carry Access-Control-Allow-Origin, errors too; without --cors none', async () => {
    const ok = await app().request('/api/events', { headers: { origin: ORIGIN } });
    assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /ETag/);
    assert.match(ok.headers.get('vary') ?? '', /Origin/);
    const bad = await app().request('/api/events?limit=0', { headers: { origin: ORIGIN } });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('access-control-allow-origin'), ORIGIN);
    const none = await createApp(store, { loopback: true }).request('/api/events', { headers: { origin: ORIGIN } });
    assert.equal(none.headers.get('access-control-allow-origin'), null);
  });

  test('writes from the allowed origin need a bearer token (no cross-site forgery); other origins stay refused', async () => {
    const body = JSON.stringify({ text: 'x' });
    const headers = { origin: ORIGIN, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' };
    const cookieOnly = await app().request('/api/documents', { method: 'POST', body, headers });
    assert.equal(cookieOnly.status, 403);
    const withToken = createApp(store, { token: 'secret', cors: corsPolicy([ORIGIN]) });
    const wrongToken = await withToken.request('/api/documents?dry_run=1', { method: 'POST', body, headers: { ...headers, authorization: 'Bearer nope' } });
    assert.equal(wrongToken.status, 401); // past the origin guard, refused by the token check
    const evil = await withToken.request('/api/documents', { method: 'POST', body, headers: { ...headers, origin: 'https://evil.example', authorization: 'Bearer secret' } });
    assert.equal(evil.status, 403);
  });
});

describe('GeoJSON pages', () => {
  const app = () => createApp(store, { loopback: true });

  test('limit/cursor: pages of features with next_cursor and a Link header, covering every event once', async () => {
    const seen: string[] = [];
    let url: string | null = '/api/events.geojson?country=Syria&limit=3&details=0';
    let pages = 0;
    while (url) {
      const res = await app().request(url);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/geo\+json/);
      const fc = (await res.json()) as { type: string; features: { id: string }[]; next_cursor: string | null };
      assert.equal(fc.type, 'FeatureCollection');
      seen.push(...fc.features.map((f) => f.id));
      const link = res.headers.get('link');
      if (fc.next_cursor) {
        const m = /^<([^>]+)>; rel="next"$/.exec(link ?? '');
        assert.ok(m, `Link: ${link}`);
        assert.equal(new URL(m[1]!, 'http://x').searchParams.get('cursor'), fc.next_cursor);
        assert.equal(new URL(m[1]!, 'http://x').searchParams.get('limit'), '3');
        url = m[1]!;
      } else {
        assert.equal(link, null);
        url = null;
      }
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual([...seen].sort(), ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    // Without limit and cursor: the whole collection, streamed, as before.
    const all = (await (await app().request('/api/events.geojson?country=Syria')).json()) as { features: unknown[]; next_cursor?: unknown };
    assert.equal(all.features.length, 7);
    assert.equal(all.next_cursor, undefined);
    const bad = await app().request('/api/events.geojson?cursor=nope');
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { parameter: string }).parameter, 'cursor');
  });
});

describe('conditional GETs', () => {
  const app = () => createApp(store, { loopback: true });

  test('lists and documents carry ETag and Last-Modified; 304 while nothing is written, 200 after a write', async () => {
    const paths = ['/api/events?country=Syria', '/api/events.geojson', '/api/events.csv', '/api/stats', '/api/documents/d1'];
    const a = app();
    const first = new Map<string, { etag: string; modified: string }>();
    for (const path of paths) {
      const res = await a.request(path);
      assert.equal(res.status, 200, path);
      await res.arrayBuffer();
      const etag = res.headers.get('etag');
      const modified = res.headers.get('last-modified');
      assert.match(etag ?? '', /^W\/"[^"]+"$/, path);
      assert.ok(modified && Number.isFinite(Date.parse(modified)), path);
      assert.equal(res.headers.get('cache-control'), 'private, no-cache', path);
      first.set(path, { etag: etag!, modified: modified! });
      const again = await a.request(path, { headers: { 'if-none-match': etag! } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal((await a.request(path, { headers: { 'if-modified-since': modified! } })).status, 304, path);
      assert.equal((await a.request(path, { headers: { 'if-none-match': 'W/"other", ' + etag! } })).status, 304, path);
      assert.equal((await a.request(path, { headers: { 'if-none-match': 'W/"other"' } })).status, 200, path);
    }
    // A bad request is still refused, whatever the validators say.
    assert.equal((await a.request('/api/events?limit=0', { headers: { 'if-none-match': first.get('/api/events?country=Syria')!.etag } })).status, 400);
    // A write: every validator changes and the old ones get the new answer.
    await store.saveDocuments([{ id: 'd2', text: 'Another', title: 'U', date: '2022-03-21', events: [syntheticEvent({ event_id: 'c9', doc_id: 'd2', event_date: '2022-03-21', country: 'Syria', iso3: 'SYR' })] }], { merge: false } as never);
    for (const path of paths) {
      const { etag, modified } = first.get(path)!;
      const res = await a.request(path, { headers: { 'if-none-match': etag } });
      assert.equal(res.status, 200, path);
      assert.notEqual(res.headers.get('etag'), etag, path);
      assert.ok(Date.parse(res.headers.get('last-modified')!) > Date.parse(modified), path);
      assert.equal((await a.request(path, { headers: { 'if-modified-since': modified } })).status, 200, path);
    }
  });
});
