// Scale-out on PostgreSQL: two `sitrep worker` processes share the feeds of the loopback fixture
// through pg-boss; every item is stored once, with no event twice; reports of one event stored at
// the same moment by two writers are merged (the merge locks). Skipped without PostgreSQL.
// The long kill -9 test is test/feeds/kill.slow.ts (`npm run test:feeds-kill`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addFeed, dropPending, pendingItems, queueItems, unseenItems } from '../../src/feeds/feed-store.js';
import { textHash, type FeedItem } from '../../src/feeds/parse.js';
import { startWorker } from '../../src/feeds/worker.js';
import { inProcessQueue } from '../../src/server/extract-pool.js';
import type { Store } from '../../src/store/index.js';
import { finished, startCli } from '../store/cli-helpers.js';
import { postgresEngine, type EngineUnderTest } from '../store/engines.js';
import { syntheticEvent } from '../store/fixtures.js';
import { startFeedServer, type FeedServer } from './feed-server.js';
import { storeCensus } from './census.js';

const engine: EngineUnderTest = await postgresEngine();

describe('workers on PostgreSQL', { skip: engine.skip }, () => {
  let store: Store;
  let fixture: FeedServer;
  before(async () => {
    store = await engine.open();
  });
  after(async () => {
    await fixture?.close();
    await store?.close();
    await engine.cleanup();
  });

  test('two writers storing reports of one event at once merge them into one event', async () => {
    const other = await engine.reopen();
    try {
      const doc = (id: string) => ({ id, text: `report ${id}`, date: '2022-01-24', events: [syntheticEvent({ event_id: `${id}-e`, doc_id: id })] });
      for (let round = 0; round < 5; round++) {
        const a = `concurrent-a${round}`;
        const b = `concurrent-b${round}`;
        await Promise.all([store.saveDocuments([doc(a)]), other.saveDocuments([doc(b)])]);
        const ev = await store.getEvent(`${a}-e`);
        const ids = new Set((ev?.reports ?? []).map((r) => r.doc_id));
        assert.ok(ids.has(a) && ids.has(b), `round ${round}: both reports in one event (${[...ids].join(', ')})`);
      }
    } finally {
      await other.close();
    }
  });

  test('a poll\'s items, its jobs and its record commit together (feed_pending), and leave once stored', async () => {
    const { feed } = await addFeed(store, { url: 'http://127.0.0.1:9/pending.rss', intervalS: 60 });
    const item = (key: string, text: string): FeedItem => ({ key, hash: textHash(text), doc: { id: key, text, origin: { file: 'test' } }, summaryOnly: false });
    const items = [item('p-1', 'First invented item.'), item('p-2', 'Second invented item.')];
    const rec = { status: 'ok' as const, httpStatus: 200, durationMs: 5, newItems: 2, etag: '"v1"', lastModified: null };
    // The jobs' insert fails: nothing is seen, pending or recorded (the feed stays due, its items unseen).
    await assert.rejects(queueItems(store, feed, rec, items, async () => { throw new Error('queue down'); }));
    assert.equal((await unseenItems(store, feed.id, items)).length, 2);
    assert.deepEqual(await pendingItems(store, [{ feed: feed.id, key: 'p-1' }]), []);
    assert.equal((await store.db.selectFrom('feeds').select('etag').where('id', '=', feed.id).executeTakeFirstOrThrow()).etag, null);
    // The same when the jobs' statements run as entries of the items' own statement (as the worker runs them).
    await assert.rejects(queueItems(store, feed, rec, items, { ctes: (from) => ({ text: `down as (insert into feed_fetches (feed_id, at, status) values ($${from}::text, null, 'x'))`, values: [feed.id] }) }));
    assert.equal((await unseenItems(store, feed.id, items)).length, 2);
    assert.deepEqual(await pendingItems(store, [{ feed: feed.id, key: 'p-1' }]), []);
    assert.equal((await store.db.selectFrom('feeds').select('etag').where('id', '=', feed.id).executeTakeFirstOrThrow()).etag, null);
    // It succeeds: seen, pending (in the order named), recorded.
    await queueItems(store, feed, rec, items, async () => {});
    assert.equal((await unseenItems(store, feed.id, items)).length, 0);
    const row = await store.db.selectFrom('feeds').select(['etag', 'items', 'last_status']).where('id', '=', feed.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.etag, Number(row.items), row.last_status], ['"v1"', 2, 'ok']);
    const refs = [{ feed: feed.id, key: 'p-2' }, { feed: feed.id, key: 'p-1' }, { feed: feed.id, key: 'p-9' }];
    assert.deepEqual((await pendingItems(store, refs)).map((p) => p.item.doc.text), ['Second invented item.', 'First invented item.']);
    // A newer version of p-1 queued meanwhile stays pending when the older one is dropped.
    const newer = item('p-1', 'First invented item, updated.');
    await queueItems(store, feed, { ...rec, newItems: 1 }, [newer], async () => {});
    await dropPending(store, items.map((x) => ({ feed: feed.id, item: x })));
    assert.deepEqual((await pendingItems(store, refs)).map((p) => p.item.doc.text), ['First invented item, updated.']);
    await dropPending(store, [{ feed: feed.id, item: newer }]);
    assert.deepEqual(await pendingItems(store, refs), []);
  });

  test('two workers store every item of 30 feeds once; bad feeds are recorded', async () => {
    fixture = await startFeedServer({ feeds: 30, itemsPerFeed: 2, slowMs: 1500 });
    for (const url of fixture.urls) await addFeed(store, { url, intervalS: 2 });
    const { db, env } = engine.target();
    const workers = [0, 1].map(() => startCli(['worker', '--db', db, '--allow-private', '--expire', '10', '--batch-size', '10'], env));
    const done = workers.map((w) => finished(w));
    const healthy = fixture.kinds.map((k, i) => [k, i] as const).filter(([k]) => k !== 'broken' && k !== 'ratelimited').map(([, i]) => i);
    const expected = () => healthy.reduce((n, f) => n + fixture.items(f).length, 0);
    const base = (await store.countDocuments());
    try {
      const wait = async (what: string) => {
        const end = Date.now() + 90_000;
        while ((await store.countDocuments()) - base < expected()) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${(await store.countDocuments()) - base} of ${expected()}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      };
      await wait('the first items');
      for (const f of [0, 1, 2, 3, 4, 5]) fixture.publish(f);
      await wait('the published items');
      await new Promise((r) => setTimeout(r, 2500)); // more polls, nothing stored twice
    } finally {
      for (const w of workers) w.kill('SIGTERM');
    }
    const results = await Promise.all(done);
    for (const r of results) assert.equal(r.code, 0, r.stderr.slice(-2000));
    const census = await storeCensus(store);
    assert.equal(census.documents - base, expected());
    assert.equal(census.orphanEvents, 0);
    assert.equal(census.reportsOnTwoEvents, 0);
    for (const f of healthy) for (const it of fixture.items(f)) assert.ok(await store.getDocument(it.id), `${it.id} stored`);
    const broken = await store.db.selectFrom('feeds').select(['url', 'last_status']).where('url', 'in', fixture.urls.filter((_, i) => fixture.kinds[i] === 'broken')).execute();
    for (const b of broken) assert.equal(b.last_status, 'error', b.url);
    // Both workers did some of the work.
    for (const r of results) assert.match(r.stderr, /queued|stored/);
  });

  test('a job that fails every time holds up only itself, not the jobs fetched with it', async () => {
    const poisoned = await startFeedServer({ feeds: 6, itemsPerFeed: 2, kinds: () => 'rss' });
    const { db, env } = engine.target();
    // A store of its own, so that the documents counted are this test's.
    const schema = `${env.SITREP_PG_SCHEMA}_poison`;
    const own = await (await import('../../src/store/index.js')).openStore(db, { pgSchema: schema });
    const poison = poisoned.items(0)[0]!.id;
    const queue = inProcessQueue({ extract: () => ({ events: [] }) as never });
    let calls = 0;
    const worker = await startWorker(own, {
      url: db,
      bossSchema: `${schema}_jobs`,
      // The first call waits, so that the jobs of every feed are queued and fetched together.
      extract: async (docs) => {
        if (calls++ === 0) await new Promise((r) => setTimeout(r, 1500));
        if (docs.some((d) => d.id === poison)) throw new Error('poisoned batch');
        return queue.run(docs);
      },
      extractConcurrency: 1,
      batchSize: 1,
      allowPrivate: true,
      scheduleEveryMs: 200,
    });
    try {
      for (const url of poisoned.urls) await addFeed(own, { url, intervalS: 3600 });
      const others = poisoned.urls.length * 2 - 1;
      const end = Date.now() + 30_000;
      while ((await own.countDocuments()) < others) {
        if (Date.now() > end) throw new Error(`the other jobs were held up: ${await own.countDocuments()} of ${others} stored`);
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(await own.getDocument(poison), undefined);
      assert.ok(calls > 2, 'the poisoned batch was retried');
    } finally {
      await worker.stop();
      await poisoned.close();
      await own.close();
      const c = new (await import('pg')).default.Client({ connectionString: db });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.query(`drop schema if exists "${schema}_jobs" cascade`);
      await c.end();
    }
  });
});
