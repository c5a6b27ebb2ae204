// Pages of /api/events from the read pool's worker threads (their own SQLite connections) are the
// same bytes as from the store on the event loop: filters, paging by cursor, a write seen at once,
// and a bad cursor still the store's error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { sqliteReadPool, type ReadPool } from '../../src/server/read-pool.js';
import { InvalidCursorError, openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';

let dir: string;
let store: Store;
let pool: ReadPool;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-read-pool-'));
  store = await openStore(join(dir, 'read.db'));
  const countries = [['Syria', 'SYR'], ['Iraq', 'IRQ'], ['Kenya', 'KEN']] as const;
  await store.saveDocuments(Array.from({ length: 12 }, (_, d) => ({
    id: `d${d}`,
    text: `Document ${d}`,
    events: [syntheticEvent({ event_id: `e${d}`, doc_id: `d${d}`, event_date: `2022-0${1 + (d % 9)}-1${d % 10}`, country: countries[d % 3]![0], iso3: countries[d % 3]![1], notes: d % 2 ? 'Shelling of a village.' : 'A protest.' })],
  })), { merge: false });
  pool = sqliteReadPool(store.sqliteFile!, 2);
});

after(async () => {
  await pool.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the read pool answers the same bytes as the store, page by page, and sees writes', async () => {
  const direct = createApp(store, { loopback: true });
  const pooled = createApp(store, { loopback: true, readPool: pool });
  const both = async (path: string) => {
    const [a, b] = await Promise.all([direct.request(path), pooled.request(path)]);
    assert.equal(b.status, a.status, path);
    assert.equal(b.headers.get('content-type'), a.headers.get('content-type'), path);
    const [ta, tb] = [await a.text(), await b.text()];
    assert.equal(tb, ta, path);
    return JSON.parse(ta) as { events: { event_id: string }[]; next_cursor: string | null };
  };
  for (const path of ['/api/events', '/api/events?country=Syria', '/api/events?q=shelling&from=2022-03', '/api/events?event_type=Battles&limit=2']) await both(path);
  // Every page by cursor, several requests at once (spread over both workers).
  let cursor: string | null = null;
  const seen: string[] = [];
  do {
    const page = await both(`/api/events?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    await Promise.all([both('/api/events?country=Iraq'), both('/api/events?limit=1')]);
    seen.push(...page.events.map((e) => e.event_id));
    cursor = page.next_cursor;
  } while (cursor);
  assert.equal(seen.length, 12);
  await store.saveDocuments([{ id: 'new', text: 'New', events: [syntheticEvent({ event_id: 'new1', doc_id: 'new', event_date: '2030-01-01' })] }], { merge: false });
  assert.equal((await both('/api/events?limit=1')).events[0]!.event_id, 'new1');
});

test('a bad cursor is the store\'s error from a worker too', async () => {
  await assert.rejects(pool.eventsPage({}, { limit: 5, cursor: 'not-a-cursor' }), InvalidCursorError);
});
