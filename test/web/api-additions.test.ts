// What the dashboard added to the API: POST /api/documents?dry_run=1 (its preview: the events found
// and the text they point into come back, nothing is stored, the write guard still applies) and
// GET /api/events.geojson?details=0 (its overview: no claims). Plus a check that the dashboard's
// code never writes HTML strings into the page (article text is untrusted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Doc } from '../../src/common/doc.js';
import type { Extractor } from '../../src/pipeline/index.js';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';
import { ROOT } from './browser.js';

const extractor: Pick<Extractor, 'extract'> = {
  extract(source) {
    if (source.text.includes('FAIL')) throw new Error('cannot read this');
    const id = source.id!;
    return { doc: new Doc(id, source.text), events: [syntheticEvent({ event_id: `${id}-e`, doc_id: id })] };
  },
};

let dir: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-preview-'));
  store = await openStore(join(dir, 'p.db'));
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(app: ReturnType<typeof createApp>, body: unknown, query = '?dry_run=1', headers: Record<string, string> = {}) {
  return app.request(`/api/documents${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

test('dry_run=1 returns the events and the text, and stores nothing', async () => {
  const app = createApp(store, { loopback: true, extractor });
  const res = await post(app, [
    { id: 'a', text: '<b>one</b>', date: '2022-01-24' },
    { id: 'b', text: 'FAIL here' },
    { id: 'c', text: 'three' },
  ]);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { documents: { id: string; status: string; text: string; events: { event_id: string; sources: number }[] }[]; errors: { document: number; error: string }[] };
  assert.deepEqual(body.documents.map((d) => [d.id, d.status, d.text, d.events.map((e) => e.event_id)]), [
    ['a', 'preview', '<b>one</b>', ['a-e']],
    ['c', 'preview', 'three', ['c-e']],
  ]);
  assert.equal(body.documents[0]!.events[0]!.sources, 1);
  assert.deepEqual(body.errors, [{ document: 1, error: 'extraction failed: cannot read this' }]);
  assert.equal(await store.countDocuments(), 0);
  assert.equal(await store.countEvents(), 0);
  // Without the flag the same request stores.
  const saved = await post(app, { id: 'a', text: '<b>one</b>' }, '');
  assert.equal(saved.status, 200);
  assert.equal(await store.countDocuments(), 1);
});

test('dry_run still needs the token when the server has one', async () => {
  const app = createApp(store, { loopback: true, token: 's3cret', extractor });
  assert.equal((await post(app, { text: 'x' })).status, 401);
  assert.equal((await post(app, { text: 'x' }, '?dry_run=1', { authorization: 'Bearer s3cret' })).status, 200);
  const remote = createApp(store, { loopback: false, extractor });
  assert.equal((await post(remote, { text: 'x' })).status, 403);
});

test('events.geojson?details=0 leaves out the claims; details must be 0 or 1', async () => {
  const app = createApp(store, { loopback: true, extractor });
  assert.equal((await post(app, { id: 'geo', text: 'four' }, '?merge=0')).status, 200); // one event per report
  const full = (await (await app.request('/api/events.geojson')).json()) as { features: { properties: { claims: unknown[]; sources: number } }[] };
  const light = (await (await app.request('/api/events.geojson?details=0')).json()) as typeof full;
  assert.equal(light.features.length, full.features.length);
  assert.ok(full.features.every((f) => f.properties.claims.length > 0));
  assert.ok(light.features.every((f) => f.properties.claims.length === 0 && f.properties.sources === 1));
  assert.equal((await app.request('/api/events.geojson?details=yes')).status, 400);
  assert.equal((await app.request('/api/events.csv?details=0')).status, 200);
});

test('the dashboard never writes HTML strings into the page', () => {
  const src = join(ROOT, 'web', 'src');
  const offenders: string[] = [];
  for (const name of readdirSync(src).filter((n) => n.endsWith('.ts'))) {
    readFileSync(join(src, name), 'utf8').split('\n').forEach((line, i) => {
      if (/\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/.test(line)) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});
