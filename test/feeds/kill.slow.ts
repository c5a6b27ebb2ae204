// `npm run test:feeds-kill` (not part of `npm test`: about two minutes). Two workers on PostgreSQL
// follow 60 loopback feeds while items keep being published; one of them is killed with SIGKILL
// mid-batch 20 times (and started again). At the end every published item is stored exactly once:
// 0 documents lost, 0 stored twice, 0 duplicate events. Skipped without PostgreSQL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { addFeed } from '../../src/feeds/feed-store.js';
import type { Store } from '../../src/store/index.js';
import { finished, startCli } from '../store/cli-helpers.js';
import { postgresEngine, type EngineUnderTest } from '../store/engines.js';
import { startFeedServer, type FeedServer } from './feed-server.js';
import { storeCensus } from './census.js';

const KILLS = Number(process.env.SITREP_KILLS ?? 20);
const engine: EngineUnderTest = await postgresEngine();
let store: Store;
let fixture: FeedServer;

before(async () => {
  if (engine.skip) return;
  store = await engine.open();
});
after(async () => {
  await fixture?.close();
  await store?.close();
  await engine.cleanup();
});

function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let err = '';
    const t = setTimeout(() => reject(new Error(`worker did not start: ${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"msg":"working"')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
}

test(`kill -9 of a worker mid-batch, ${KILLS} times: nothing lost, nothing twice`, { skip: engine.skip, timeout: 900_000 }, async () => {
  fixture = await startFeedServer({ feeds: 66, itemsPerFeed: 2, window: 200, kinds: (i) => (i % 11 === 10 ? 'broken' : (['rss', 'atom', 'json', 'rss', 'summary'] as const)[i % 5]!) });
  for (const url of fixture.urls) await addFeed(store, { url, intervalS: 1 });
  const { db, env } = engine.target();
  const args = ['worker', '--db', db, '--allow-private', '--expire', '6', '--batch-size', '10', '--log-format', 'json'];
  const healthy = fixture.kinds.map((k, i) => [k, i] as const).filter(([k]) => k !== 'broken').map(([, i]) => i);
  const published = new Set<string>();
  for (const f of healthy) for (const it of fixture.items(f)) published.add(it.id);
  const steady = startCli(args, env);
  const steadyDone = finished(steady);
  let victim: ChildProcess | undefined;
  const publisher = setInterval(() => {
    published.add(fixture.publish(healthy[Math.floor(Math.random() * healthy.length)]!).id);
  }, 100);
  let killedMidBatch = 0;
  try {
    await started(steady);
    for (let round = 0; round < KILLS; round++) {
      victim = startCli(args, env);
      const out = finished(victim);
      await started(victim);
      // Mid-batch: once the worker has taken extraction jobs (its log says so), at a random moment.
      let log = '';
      victim.stderr!.on('data', (d: Buffer) => (log += d.toString()));
      const end = Date.now() + 10_000;
      while (!/"msg":"(stored|queued)"/.test(log) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      if (/"msg":"(stored|queued)"/.test(log)) killedMidBatch++;
      victim.kill('SIGKILL');
      const r = await out;
      assert.equal(r.signal, 'SIGKILL');
    }
  } finally {
    clearInterval(publisher);
  }
  // Everything published is stored once the killed worker's jobs have expired and run again.
  const deadline = Date.now() + 120_000;
  const missing = async () => {
    const ids = [...published];
    let found = 0;
    for (let i = 0; i < ids.length; i += 500) {
      found += Number((await store.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).where('id', 'in', ids.slice(i, i + 500)).executeTakeFirst())?.n ?? 0);
    }
    return ids.length - found;
  };
  while ((await missing()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  steady.kill('SIGTERM');
  const s = await steadyDone;
  assert.equal(s.code, 0, s.stderr.slice(-2000));
  const census = await storeCensus(store);
  const lost = await missing();
  process.stderr.write(`kill test: ${KILLS} kills (${killedMidBatch} after the worker had taken jobs), ${published.size} items published, ` +
    `${census.documents} documents stored, ${lost} lost, ${census.documents - (published.size - lost)} extra, ` +
    `${census.reportsOnTwoEvents} reports on two events, ${census.orphanEvents} events without a report, ${census.events} events\n`);
  assert.equal(lost, 0, 'documents lost');
  assert.equal(census.documents, published.size, 'documents stored twice or from nowhere');
  assert.equal(census.reportsOnTwoEvents, 0);
  assert.equal(census.orphanEvents, 0);
});
