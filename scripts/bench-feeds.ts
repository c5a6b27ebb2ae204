// `npm run bench:feeds`: sitrep worker on PostgreSQL against the loopback feed server.
//   1. throughput: documents/s with 1 and with 2 workers (each --threads 1), feeds of many items;
//   2. delay from an item appearing on a feed to its event in the API (GET /api/events of a worker's
//      --port), at a poll interval of --interval seconds (default 30);
//   3. 500 feeds, 10% slow or broken: is every healthy feed polled on schedule?
// Options: --docs N (default 1000), --interval S, --feeds N (default 500), --only throughput|delay|schedule.
// Needs PostgreSQL (SITREP_TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test) and a
// build (`npm run build`: the workers run dist/, as users do).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addFeed } from '../src/feeds/feed-store.js';
import { openStore, type Store } from '../src/store/index.js';
import { reachablePostgres, ROOT } from './bench-feeds-env.js';
import { startFeedServer, type FeedServer } from '../test/feeds/feed-server.js';

const { values: args } = parseArgs({ options: {
  docs: { type: 'string', default: '1000' },
  interval: { type: 'string', default: '30' },
  feeds: { type: 'string', default: '500' },
  only: { type: 'string' },
} });

const url = await reachablePostgres();
if (!url) {
  console.error('bench:feeds: PostgreSQL not reachable (set SITREP_TEST_DATABASE_URL)');
  process.exit(1);
}
const dist = join(ROOT, 'dist', 'cli', 'main.js');
if (!existsSync(dist)) {
  console.error('bench:feeds: run `npm run build` first (the workers run dist/)');
  process.exit(1);
}

async function fresh(): Promise<{ store: Store; schema: string; drop(): Promise<void> }> {
  const schema = `sitrep_bench_${randomBytes(4).toString('hex')}`;
  const store = await openStore(url!, { pgSchema: schema });
  return {
    store,
    schema,
    async drop() {
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.query(`drop schema if exists "${schema}_jobs" cascade`);
      await c.end();
    },
  };
}

function worker(schema: string, extra: string[] = []): { child: ChildProcess; log: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), 'worker', '--db', url!, '--allow-private', '--log-format', 'json', ...extra], {
    env: { ...process.env, SITREP_PG_SCHEMA: schema },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('"msg":"working"')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}): ${log.slice(-500)}`)));
  });
  ready.catch(() => {});
  return { child, log: () => log, ready };
}

async function stopAll(ws: { child: ChildProcess }[]): Promise<void> {
  await Promise.all(ws.map((w) => new Promise<void>((r) => {
    if (w.child.exitCode !== null) return r();
    w.child.once('exit', () => r());
    w.child.kill('SIGTERM');
  })));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function throughput(workers: number, docs: number): Promise<number> {
  const perFeed = 20;
  const feeds = Math.ceil(docs / perFeed);
  const fixture = await startFeedServer({ feeds, itemsPerFeed: perFeed, kinds: (i) => (['rss', 'atom', 'json'] as const)[i % 3]! });
  const db = await fresh();
  const ws = Array.from({ length: workers }, () => worker(db.schema, ['--batch-size', '50']));
  try {
    await Promise.all(ws.map((w) => w.ready));
    const t0 = Date.now();
    for (const u of fixture.urls) await addFeed(db.store, { url: u, intervalS: 3600 });
    const total = feeds * perFeed;
    let first = 0;
    for (;;) {
      const n = await db.store.countDocuments();
      if (n > 0 && !first) first = Date.now();
      if (n >= total) break;
      if (Date.now() - t0 > 600_000) throw new Error(`throughput: ${n} of ${total} after 10 minutes`);
      await sleep(100);
    }
    const seconds = (Date.now() - t0) / 1000;
    const rate = total / seconds;
    console.log(`throughput, ${workers} worker(s): ${total} documents in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} documents/s (${((Date.now() - first) / 1000).toFixed(1)} s from the first stored)`);
    return rate;
  } finally {
    await stopAll(ws);
    await fixture.close();
    await db.drop();
  }
}

async function delay(intervalS: number): Promise<void> {
  const fixture = await startFeedServer({ feeds: 20, itemsPerFeed: 1, kinds: (i) => (['rss', 'atom', 'json', 'summary'] as const)[i % 4]! });
  const db = await fresh();
  for (const u of fixture.urls) await addFeed(db.store, { url: u, intervalS });
  const w = worker(db.schema, ['--port', '0']);
  try {
    await w.ready;
    let base = '';
    while (!(base = /API at (http:\/\/\S+?)\/api\/events/.exec(w.log())?.[1] ?? '')) await sleep(50);
    while ((await db.store.countDocuments()) < 20) await sleep(200);
    const delays: number[] = [];
    const samples = 6;
    for (let s = 0; s < samples; s++) {
      await sleep(Math.random() * intervalS * 1000); // an item appears at any moment of the interval
      const f = Math.floor(Math.random() * 20);
      const it = fixture.publish(f);
      const t0 = Date.now();
      for (;;) {
        const r = await fetch(`${base}/api/documents/${encodeURIComponent(it.id)}`);
        if (r.status === 200) {
          const doc = (await r.json()) as { events: unknown[] };
          if (doc.events.length > 0) break;
        }
        if (Date.now() - t0 > (intervalS + 120) * 1000) throw new Error('delay: item never reached the API');
        await sleep(100);
      }
      delays.push((Date.now() - t0) / 1000);
    }
    delays.sort((a, b) => a - b);
    console.log(`delay item -> event in the API, poll interval ${intervalS} s: ${delays.map((d) => d.toFixed(1)).join(', ')} s; ` +
      `max ${delays[delays.length - 1]!.toFixed(1)} s (target <= ${intervalS + 10} s)`);
  } finally {
    await stopAll([w]);
    await fixture.close();
    await db.drop();
  }
}

async function schedule(feeds: number, intervalS: number): Promise<void> {
  const fixture: FeedServer = await startFeedServer({ feeds, itemsPerFeed: 1, slowMs: 8000 });
  const db = await fresh();
  for (const u of fixture.urls) await addFeed(db.store, { url: u, intervalS });
  const w = worker(db.schema, ['--poll-concurrency', '16']);
  try {
    await w.ready;
    const runS = intervalS * 3 + 10;
    // Items keep appearing so that polls do work.
    const publisher = setInterval(() => fixture.publish(Math.floor(Math.random() * feeds)), 200);
    await sleep(runS * 1000);
    clearInterval(publisher);
    const healthy = fixture.kinds.map((k, i) => [k, i] as const).filter(([k]) => k !== 'slow' && k !== 'broken' && k !== 'ratelimited').map(([, i]) => i);
    let onSchedule = 0;
    let worstGap = 0;
    for (const f of healthy) {
      const times = fixture.stats.lastRequest.get(f) ?? [];
      let ok = times.length >= 3;
      for (let i = 1; i < times.length; i++) {
        const gap = (times[i]! - times[i - 1]!) / 1000;
        worstGap = Math.max(worstGap, gap);
        if (gap > intervalS + 10) ok = false;
      }
      if (ok) onSchedule++;
    }
    const bad = fixture.kinds.filter((k) => k === 'slow' || k === 'broken' || k === 'ratelimited').length;
    console.log(`${feeds} feeds (${bad} slow, broken or rate-limited), interval ${intervalS} s, ${runS} s: ${onSchedule} of ${healthy.length} healthy feeds ` +
      `polled every interval (>= 3 polls, no gap over interval + 10 s); longest gap ${worstGap.toFixed(1)} s`);
  } finally {
    await stopAll([w]);
    await fixture.close();
    await db.drop();
  }
}

const docs = Number(args.docs);
const intervalS = Number(args.interval);
if (!args.only || args.only === 'throughput') {
  const one = await throughput(1, docs);
  const two = await throughput(2, docs);
  console.log(`2 workers vs 1: ${(two / one).toFixed(2)}x`);
}
if (!args.only || args.only === 'delay') await delay(intervalS);
if (!args.only || args.only === 'schedule') await schedule(Number(args.feeds), intervalS);
