// The HTTP API through app.request(): filters, paging, errors, exports, writes and their guard,
// static files. Synthetic events make it independent of what the extractor finds today.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS_2024 } from '../../src/output/acled-csv.js';
import { Doc } from '../../src/common/doc.js';
import type { Extractor } from '../../src/pipeline/index.js';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';

/** One event per document, its id derived from the document's: deterministic and observable. */
const fakeExtractor: Pick<Extractor, 'extract'> = {
  extract(source) {
    const id = source.id ?? 'noid';
    return {
      doc: new Doc(id, source.text),
      events: [syntheticEvent({ event_id: `${id}-e`, doc_id: id, notes: source.text.slice(0, 40) })],
    };
  },
};

let dir: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
  store = await openStore(join(dir, 'api.db'));
  const docs = [];
  for (let d = 0; d < 4; d++) {
    const events = [];
    for (let i = 0; i < 6; i++) {
      events.push(syntheticEvent({
        event_id: `ev${d}${i}`,
        doc_id: `doc${d}`,
        event_date: `2022-0${1 + d}-1${i}`,
        country: d % 2 ? 'Iraq' : 'Syria',
        iso3: d % 2 ? 'IRQ' : 'SYR',
        event_type: i % 3 ? 'Battles' : 'Riots',
      }));
    }
    docs.push({ id: `doc${d}`, text: `<script>alert(${d})</script> Article ${d}`, title: `Doc ${d}`, date: `2022-0${1 + d}-20`, events });
  }
  await store.saveDocuments(docs);
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The body of a JSON answer; an error must be an RFC 9457 problem (application/problem+json). */
async function json(res: Response): Promise<any> {
  assert.match(res.headers.get('content-type') ?? '', res.ok ? /^application\/json/ : /^application\/problem\+json/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const body = await res.json();
  if (!res.ok) {
    assert.equal(body.status, res.status);
    assert.equal(body.type, 'about:blank');
    assert.equal(typeof body.title, 'string');
    assert.equal(typeof body.detail, 'string');
    assert.equal(body.error, undefined);
  }
  return body;
}

describe('GET /api/events', () => {
  const app = () => createApp(store, { loopback: true });

  test('limit=5 gives at most 5 events, newest first, with a cursor to the rest', async () => {
    const res = await app().request('/api/events?limit=5');
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(body.events.length, 5);
    assert.equal(body.events[0].event_date, '2022-04-15');
    assert.equal(body.events[0].sources, 1);
    assert.ok(Array.isArray(body.events[0].claims) && body.events[0].claims.length > 0);
    assert.equal(typeof body.next_cursor, 'string');
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await json(await app().request(`/api/events?limit=7${cursor ? `&cursor=${cursor}` : ''}`));
      all.push(...page.events.map((e: { event_id: string }) => e.event_id));
      cursor = page.next_cursor;
    } while (cursor);
    assert.equal(all.length, 24);
    assert.equal(new Set(all).size, 24);
  });

  test('filters narrow the result', async () => {
    const body = await json(await app().request('/api/events?country=IRQ&event_type=riots&from=2022-02-01&to=2022-02-28'));
    assert.deepEqual(body.events.map((e: any) => e.event_id).sort(), ['ev10', 'ev13']);
    const q = await json(await app().request(`/api/events?q=${encodeURIComponent('ghweran')}&bbox=40,36,41,37&limit=500`));
    assert.equal(q.events.length, 24);
  });

  const bad: [string, string][] = [
    ['from=not-a-date', 'from'],
    ['to=2022-02-30', 'to'],
    ['from=2022-03-01&to=2022-01-01', 'from'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=%%%', 'cursor'],
    ['cursor=eyJ4IjoxfQ', 'cursor'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=0,80,10,70', 'bbox'],
    ['event_type=Skirmish', 'event_type'],
    ['country=', 'country'],
    ['sort=date', 'sort'],
    ['limit=5&limit=6', 'limit'],
  ];
  for (const [query, parameter] of bad) {
    test(`?${query} is refused with 400 naming ${parameter}`, async () => {
      const res = await app().request(`/api/events?${query}`);
      assert.equal(res.status, 400);
      const body = await json(res);
      assert.equal(body.parameter, parameter);
      assert.equal(body.title, 'Bad Request');
      assert.ok(body.detail.startsWith(`${parameter}: `), body.detail);
      assert.equal(body.instance, '/api/events');
    });
  }
});

describe('single resources', () => {
  const app = () => createApp(store, { loopback: true });

  test('an event with its evidence, claims and documents; unknown ids 404', async () => {
    const body = await json(await app().request('/api/events/ev21'));
    assert.equal(body.event_id, 'ev21');
    assert.deepEqual(body.documents.map((d: any) => d.id), ['doc2']);
    assert.equal(body.claims[0].reporter, 'the SDF');
    assert.deepEqual(body.evidence.event_date, [{ start: 0, end: 8, text: 'Thursday' }]);
    const missing = await app().request('/api/events/nope');
    assert.equal(missing.status, 404);
    assert.equal((await json(missing)).parameter, 'id');
  });

  test('a document as JSON (its text never as HTML), with its events; unknown ids 404', async () => {
    const res = await app().request('/api/documents/doc1');
    const body = await json(res);
    assert.equal(body.text, '<script>alert(1)</script> Article 1');
    assert.equal(body.events.length, 6);
    assert.equal((await json(await app().request('/api/documents/nope'))).status, 404);
    assert.equal((await json(await app().request('/api/nothing-here'))).status, 404);
  });

  test('stats and the OpenAPI description', async () => {
    const stats = await json(await app().request('/api/stats?country=Syria'));
    assert.equal(stats.total.count, 12);
    assert.deepEqual(stats.by_event_type.map((r: any) => [r.event_type, r.count]), [['Battles', 8], ['Riots', 4]]);
    assert.equal(stats.by_date.length, 12);
    assert.equal((await app().request('/api/stats?from=x')).status, 400);
    const spec = await json(await app().request('/api/openapi.json'));
    assert.equal(spec.openapi, '3.1.0');
    for (const p of ['/api/events', '/api/events/{id}', '/api/documents/{id}', '/api/events.geojson', '/api/events.csv', '/api/stats', '/api/documents']) {
      assert.ok(spec.paths[p], p);
    }
  });
});

describe('streamed exports', () => {
  const app = () => createApp(store, { loopback: true });

  test('events.csv has ACLED\'s columns and one row per matching event', async () => {
    const res = await app().request('/api/events.csv?country=Syria');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 12);
    assert.deepEqual(Object.keys(rows[0]!), [...ACLED_COLUMNS_2024, 'review_status']);
    assert.equal(rows[0]!.region, 'Middle East');
    assert.ok(Number(rows[0]!.timestamp) > 1_600_000_000);
    assert.equal((await app().request('/api/events.csv?bbox=nope')).status, 400);
  });

  test('events.geojson is one FeatureCollection', async () => {
    const res = await app().request('/api/events.geojson?event_type=Riots');
    assert.match(res.headers.get('content-type') ?? '', /^application\/geo\+json/);
    const fc = await res.json() as any;
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, 8);
    assert.deepEqual(fc.features[0].geometry.coordinates, [40.75, 36.5]);
  });
});

describe('POST /api/documents', () => {
  const post = (app: ReturnType<typeof createApp>, body: string, headers: Record<string, string> = {}) =>
    app.request('/api/documents', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  test('on loopback without a token: ingests one document or a batch, returns its events, idempotent', async () => {
    const app = createApp(store, { loopback: true, extractor: fakeExtractor });
    const one = await json(await post(app, JSON.stringify({ id: 'p1', text: 'Clashes in Hasakah.', date: '2022-01-24' })));
    assert.deepEqual(one.documents.map((d: any) => [d.id, d.status, d.events.map((e: any) => e.event_id)]), [['p1', 'new', ['p1-e']]]);
    const batch = await json(await post(app, JSON.stringify({ documents: [{ id: 'p1', text: 'Clashes in Hasakah.', date: '2022-01-24' }, { id: 'p2', text: 'More.' }] })));
    assert.deepEqual(batch.documents.map((d: any) => [d.id, d.status, d.events.length]), [['p1', 'unchanged', 1], ['p2', 'new', 1]]);
    // The fake extractor's events are alike: p2's report joins p1's event, and p2-e still resolves to it.
    const merged = await json(await app.request('/api/events/p2-e'));
    assert.equal(merged.event_id, 'p1-e');
    assert.deepEqual(merged.reports.map((r: any) => r.doc_id).sort(), ['p1', 'p2']);
    assert.equal(merged.reports.find((r: any) => r.doc_id === 'p2').values.notes, 'More.');
  });

  test('beyond loopback: 403 without a configured token; 401 with a wrong or missing one; 200 with it', async () => {
    const body = JSON.stringify([{ id: 'p3', text: 'x' }]);
    assert.equal((await post(createApp(store, { loopback: false, extractor: fakeExtractor }), body)).status, 403);
    const guarded = createApp(store, { loopback: false, token: 's3cret', extractor: fakeExtractor });
    assert.equal((await post(guarded, body)).status, 401);
    assert.equal((await post(guarded, body, { authorization: 'Bearer wrong' })).status, 401);
    const ok = await post(guarded, body, { authorization: 'Bearer s3cret' });
    assert.equal(ok.status, 200);
    // A token, once set, is required on loopback too.
    assert.equal((await post(createApp(store, { loopback: true, token: 's3cret', extractor: fakeExtractor }), body)).status, 401);
  });

  test('bad bodies: 400 naming the field, 413 over the size limit', async () => {
    const app = createApp(store, { loopback: true, extractor: fakeExtractor, maxBodyBytes: 1000 });
    let res = await post(app, '{not json');
    assert.equal(res.status, 400);
    assert.equal((await json(res)).parameter, 'body');
    res = await post(app, JSON.stringify([{ text: 'fine' }, { title: 'no text' }]));
    assert.equal(res.status, 400);
    assert.equal((await json(res)).parameter, 'documents[1].text');
    res = await post(app, JSON.stringify({ text: 'x', date: '24/01/2022' }));
    assert.equal((await json(res)).parameter, 'body.date');
    res = await post(app, JSON.stringify({ text: 'x'.repeat(5000) }));
    assert.equal(res.status, 413);
    await json(res);
    res = await app.request('/api/documents', { method: 'POST', body: '{"text":"x"}', headers: { 'content-type': 'text/plain' } });
    assert.equal(res.status, 415);
    assert.equal(res.headers.get('accept-post'), 'application/json');
    assert.equal((await json(res)).parameter, 'content-type');
  });
});

describe('static dashboard files', () => {
  let web: string;
  before(() => {
    web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>sitrep</title>');
    writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(web, '.env'), 'SECRET=1');
    writeFileSync(join(dir, 'outside.txt'), 'private');
  });

  test('index at /, assets with their content types, nothing outside the root', async () => {
    const app = createApp(store, { loopback: true, webRoot: web });
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    const js = await app.request('/assets/app-1234.js');
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(await js.text(), 'console.log(1)');
    for (const path of ['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e%2f%2e%2e%2foutside.txt', '/.env', '/assets', '/missing.js', '/%00']) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /private|SECRET/);
    }
    assert.equal((await app.request('/api/events?limit=1')).status, 200);
  });

  test('without a web root, / is a JSON 404', async () => {
    const res = await createApp(store, { loopback: true, webRoot: join(dir, 'absent') }).request('/');
    assert.equal(res.status, 404);
    await json(res);
  });
});
