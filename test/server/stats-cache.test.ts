// /api/stats answers from the store's cache with the body serialised once, and a write (here by
// another connection, as an ingest in another process) shows in the next answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';

let dir: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-stats-cache-'));
  store = await openStore(join(dir, 'stats.db'));
  await store.saveDocuments([{ id: 'a', text: 'A', events: [syntheticEvent({ event_id: 'a1', doc_id: 'a', country: 'Syria', iso3: 'SYR', fatalities: 2 })] }], { merge: false });
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('stats: the same body while nothing changes, the new counts after a write by another connection', async () => {
  const app = createApp(store, { loopback: true });
  const get = async () => {
    const res = await app.request('/api/stats');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    return res.text();
  };
  const first = await get();
  assert.equal(JSON.parse(first).total.count, 1);
  assert.equal(await get(), first);
  const other = await openStore(join(dir, 'stats.db'));
  try {
    await other.saveDocuments([{ id: 'b', text: 'B', events: [syntheticEvent({ event_id: 'b1', doc_id: 'b', country: 'Iraq', iso3: 'IRQ', fatalities: 3 })] }], { merge: false });
  } finally {
    await other.close();
  }
  const second = JSON.parse(await get());
  assert.deepEqual(second.total, { count: 2, fatalities: 5 });
  assert.equal(second.documents, 2);
  assert.deepEqual(second.by_country.map((r: { iso3: string }) => r.iso3).sort(), ['IRQ', 'SYR']);
});
