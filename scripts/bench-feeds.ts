// `npm run bench:feeds`: sitrep worker on PostgreSQL against the loopback feed server.
//   1. throughput: documents/s with 1 and with 2 workers (each --threads 1), feeds of many items;
//   2. delay from an item appearing on a feed to its event in the API (GET /api/events of a worker's
//      --port), at a poll interval of --interval seconds (default 30);
//   3. 500 feeds, 10% slow or broken: is every healthy feed polled on schedule?
// Options: --docs N (default 2000), --rounds N (1 and 2 workers in turn, N times each; default 3),
// --threads N (each worker's), --interval S, --feeds N (default 500), --only throughput|delay|schedule,
// --cpu-prof DIR (workers write CPU profiles there), --bin PATH (another build's bin/sitrep.js, to compare),
// --schema-prefix NAME (of the PostgreSQL schemas made and dropped; default sitrep_bench), --warmup N (the
// workers first store N documents of other feeds, not measured: a long-running worker's code is compiled
// and optimised by then, a fresh one's is not).
// Besides documents/s (wall time, noisy on a shared machine) it prints the CPU time the workers and
// their PostgreSQL sessions spent per document (read from /proc: Linux only), which load does not change much.
// Needs PostgreSQL (SITREP_TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test) and a
// build (`npm run build`: the workers run dist/, as users do).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { addFeed } from '../src/feeds/feed-store.js';
import { openStore, type Store } from '../src/store/index.js';
import { reachablePostgres, ROOT } from './bench-feeds-env.js';
import { startFeedServer, type FeedServer } from '../test/feeds/feed-server.js';

const { values: args } = parseArgs({ options: {
  docs: { type: 'string', default: '2000' },
  rounds: { type: 'string', default: '3' },
  threads: { type: 'string', default: '1' },
  interval: { type: 'string', default: '30' },
  feeds: { type: 'string', default: '500' },
  only: { type: 'string' },
  'cpu-prof': { type: 'string' },
  bin: { type: 'string' },
  'one-only': { type: 'boolean' },
  'schema-prefix': { type: 'string', default: 'sitrep_bench' },
  warmup: { type: 'string', default: '0' },
  logs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} });

if (args.help) {
  console.log(`Usage: npm run bench:feeds -- [options]
Times sitrep worker on PostgreSQL against a loopback feed server: documents/s with 1 and 2 workers,
the delay from a new feed item to its event in the API, and 500 feeds (10% slow or broken) on schedule.
Needs PostgreSQL (SITREP_TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test) and npm run build.

Options:
  --docs N             documents per throughput round (default 2000)
  --rounds N           rounds of 1 and 2 workers in turn (default 3)
  --threads N          extraction threads of each worker (default 1)
  --interval S         poll interval of the delay measure, seconds (default 30)
  --feeds N            feeds of the schedule measure (default 500)
  --only KIND          throughput, delay or schedule only
  --one-only           one worker only (no 2-worker round)
  --warmup N           workers store N documents of other feeds first, not measured
  --bin PATH           another build's bin/sitrep.js, run in turn with this one (A/B)
  --cpu-prof DIR       workers write CPU profiles to DIR
  --logs DIR           workers' logs (JSON lines) written to DIR/SCHEMA-N.log, and failed jobs counted
  --schema-prefix NAME prefix of the PostgreSQL schemas made and dropped (default sitrep_bench)

Examples:
  npm run bench:feeds -- --only throughput --rounds 2 --warmup 4000
  npm run bench:feeds -- --only throughput --one-only --rounds 1 --bin /tmp/old/bin/sitrep.js
  npm run bench:feeds -- --only delay --interval 30`);
  process.exit(0);
}

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
  const schema = `${args['schema-prefix']}_${randomBytes(4).toString('hex')}`;
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

/** CPU seconds (user + system, all threads) of a live process, from /proc; 0 where there is none. */
function cpuSeconds(pid: number | undefined, thread?: number): number {
  try {
    const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
  } catch {
    return 0;
  }
}

/** CPU seconds of each thread of a live process (by thread id), from /proc. */
function threadCpu(pid: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) out.set(Number(t), cpuSeconds(pid, Number(t)));
  } catch {
    // gone
  }
  return out;
}

/**
 * A worker's CPU seconds since `before` split by thread: the main thread, the `threads` busiest
 * others (the extraction threads: Node does not name them), and the rest (V8's helper threads:
 * garbage collection and compilation).
 */
function threadSplit(pid: number | undefined, before: Map<number, number>, threads: number): { main: number; extraction: number; helpers: number } {
  const deltas = [...threadCpu(pid)].map(([tid, s]) => [tid, s - (before.get(tid) ?? 0)] as const);
  const main = deltas.find(([tid]) => tid === pid)?.[1] ?? 0;
  const others = deltas.filter(([tid]) => tid !== pid).map(([, d]) => d).sort((a, b) => b - a);
  const extraction = others.slice(0, threads).reduce((a, b) => a + b, 0);
  return { main, extraction, helpers: others.slice(threads).reduce((a, b) => a + b, 0) };
}

/** The workers' connection string: named, so that their PostgreSQL sessions can be found. */
function workerUrl(schema: string): string {
  const u = new URL(url!);
  u.searchParams.set('application_name', schema);
  return u.toString();
}

/** CPU seconds of the PostgreSQL sessions (same machine) of the workers of `schema`, by pid. */
async function sessionCpu(schema: string, into: Map<number, number>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [schema]);
    for (const { pid } of r.rows) {
      const s = cpuSeconds(pid);
      if (s > 0) into.set(pid, s);
    }
  } finally {
    await c.end();
  }
}

/**
 * What the workers' PostgreSQL sessions are doing, sampled: each session with a statement running
 * counts once per sample under its wait (Lock:advisory is a merge lock, none is running on a CPU),
 * and sessions inside a transaction between statements count as "idle in transaction".
 */
async function sessionStates(schema: string, into: Map<string, number>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ state: string; wait: string | null }>(
      `select state, wait_event_type || ':' || wait_event as wait from pg_stat_activity where application_name = $1 and state <> 'idle'`, [schema]);
    for (const { state, wait } of r.rows) {
      const key = state === 'active' ? `running${wait ? ` (waiting ${wait})` : ''}` : state;
      into.set(key, (into.get(key) ?? 0) + 1);
    }
    into.set('', (into.get('') ?? 0) + 1);
  } finally {
    await c.end();
  }
}

function worker(schema: string, extra: string[] = []): { child: ChildProcess; log: () => string; ready: Promise<void> } {
  const prof = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']] : [];
  const child = spawn(process.execPath, [...prof, args.bin ?? join(ROOT, 'bin', 'sitrep.js'), 'worker', '--db', workerUrl(schema), '--allow-private', '--log-format', 'json', ...extra], {
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

interface Run {
  rate: number;
  /** Documents/s from the first document stored (polling under way) to the last. */
  steady: number;
  /** CPU ms per document: the workers' processes, and their PostgreSQL sessions. */
  workerMs: number;
  /** Of workerMs, the workers' main threads (feeds, pages, the job queue, the store); the rest is extraction threads and V8's. */
  mainMs: number;
  /** Of workerMs, the extraction threads (extraction, pages read), and V8's helper threads (garbage collection, compilation). */
  extractionMs: number;
  helperMs: number;
  pgMs: number;
  chars: { mean: number; median: number; p90: number };
}

async function throughput(workers: number, docs: number): Promise<Run> {
  const perFeed = 20;
  const feeds = Math.ceil(docs / perFeed);
  // Feeds as found: RSS, Atom and JSON Feed; items whose body is short (under 600 characters) are
  // taken for summaries and their pages fetched and read, as sitrep does with any feed.
  const fixture = await startFeedServer({ feeds, itemsPerFeed: perFeed, kinds: (i) => (['rss', 'atom', 'json'] as const)[i % 3]!, start: Math.floor(Math.random() * 1e6) });
  const db = await fresh();
  const ws = Array.from({ length: workers }, () => worker(db.schema, ['--batch-size', '50', '--threads', args.threads!]));
  const sessions = new Map<number, number>();
  try {
    await Promise.all(ws.map((w) => w.ready));
    const warmup = Number(args.warmup);
    const sessions0 = new Map<number, number>();
    if (warmup > 0) {
      const warm = await startFeedServer({ feeds: Math.ceil(warmup / perFeed), itemsPerFeed: perFeed, kinds: (i) => (['rss', 'atom', 'json'] as const)[i % 3]!, start: 2e6 + Math.floor(Math.random() * 1e6) });
      try {
        for (const u of warm.urls) await addFeed(db.store, { url: u, intervalS: 3600 });
        const tw = Date.now();
        while ((await db.store.countDocuments()) < warm.urls.length * perFeed) {
          if (Date.now() - tw > 600_000) throw new Error('warm-up: not stored after 10 minutes');
          await sleep(200);
        }
      } finally {
        await warm.close();
      }
      await sessionCpu(db.schema, sessions0);
    }
    const base = await db.store.countDocuments();
    const cpu0 = ws.reduce((n, w) => n + cpuSeconds(w.child.pid), 0);
    const main0 = ws.reduce((n, w) => n + cpuSeconds(w.child.pid, w.child.pid), 0);
    const threads0 = ws.map((w) => threadCpu(w.child.pid));
    const t0 = Date.now();
    for (const u of fixture.urls) await addFeed(db.store, { url: u, intervalS: 3600 });
    const total = feeds * perFeed;
    let first = 0;
    let lastSample = 0;
    const states = new Map<string, number>();
    let lastState = 0;
    for (;;) {
      const n = (await db.store.countDocuments()) - base;
      if (n > 0 && !first) first = Date.now();
      if (Date.now() - lastSample > 1000) {
        await sessionCpu(db.schema, sessions);
        lastSample = Date.now();
      }
      if (Date.now() - lastState > 250) {
        await sessionStates(db.schema, states);
        lastState = Date.now();
      }
      if (n >= total) break;
      if (Date.now() - t0 > 600_000) throw new Error(`throughput: ${n} of ${total} after 10 minutes`);
      await sleep(100);
    }
    const end = Date.now();
    await sessionCpu(db.schema, sessions);
    const workerCpu = ws.reduce((n, w) => n + cpuSeconds(w.child.pid), 0) - cpu0;
    const mainCpu = ws.reduce((n, w) => n + cpuSeconds(w.child.pid, w.child.pid), 0) - main0;
    const split = ws.map((w, i) => threadSplit(w.child.pid, threads0[i]!, Number(args.threads)));
    const pgCpu = [...sessions].reduce((a, [pid, cpu]) => a + cpu - (sessions0.get(pid) ?? 0), 0);
    const lens = (await db.store.db.selectFrom('documents').select(sql<number>`length(text)`.as('n')).execute()).map((r) => Number(r.n)).sort((a, b) => a - b);
    const run: Run = {
      rate: total / ((end - t0) / 1000),
      steady: total / ((end - first) / 1000),
      workerMs: (workerCpu * 1000) / total,
      mainMs: (mainCpu * 1000) / total,
      extractionMs: (split.reduce((n, x) => n + x.extraction, 0) * 1000) / total,
      helperMs: (split.reduce((n, x) => n + x.helpers, 0) * 1000) / total,
      pgMs: (pgCpu * 1000) / total,
      chars: { mean: lens.reduce((a, b) => a + b, 0) / lens.length, median: lens[lens.length >> 1]!, p90: lens[Math.floor(lens.length * 0.9)]! },
    };
    console.log(`throughput, ${workers} worker(s): ${total} documents in ${((end - t0) / 1000).toFixed(1)} s = ${run.rate.toFixed(0)} documents/s ` +
      `(${run.steady.toFixed(0)}/s from the first stored); CPU per document: workers ${run.workerMs.toFixed(1)} ms (main threads ${run.mainMs.toFixed(1)}, extraction threads ${run.extractionMs.toFixed(1)}, V8 helper threads ${run.helperMs.toFixed(1)}), their PostgreSQL sessions ${run.pgMs.toFixed(1)} ms`);
    const samples = states.get('') ?? 0;
    states.delete('');
    console.log(`  workers' PostgreSQL sessions, mean over ${samples} samples: ` +
      [...states].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${(n / Math.max(1, samples)).toFixed(2)} ${k}`).join(', '));
    return run;
  } finally {
    await stopAll(ws);
    // Batches that failed (their jobs retried: extracted and stored again), by error.
    const failed = new Map<string, number>();
    ws.forEach((w, i) => {
      if (args.logs) writeFileSync(join(args.logs, `${db.schema}-${i + 1}.log`), w.log());
      for (const line of w.log().split('\n')) {
        if (!line.includes('"job failed')) continue;
        const error = (/"error":"([^"]{0,80})/.exec(line)?.[1] ?? '?');
        failed.set(error, (failed.get(error) ?? 0) + 1);
      }
    });
    if (failed.size > 0) console.log(`  failed batches (retried): ${[...failed].map(([e, n]) => `${n} x ${e}`).join('; ')}`);
    await fixture.close();
    await db.drop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

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
  const ones: Run[] = [];
  const twos: Run[] = [];
  for (let r = 0; r < Number(args.rounds); r++) {
    ones.push(await throughput(1, docs));
    if (!args['one-only']) twos.push(await throughput(2, docs));
  }
  const c = ones[0]!.chars;
  if (twos.length === 0) twos.push(...ones); // --one-only
  console.log(`documents: ${c.mean.toFixed(0)} characters on average (median ${c.median}, 90th percentile ${c.p90})`);
  console.log(`1 worker: median ${median(ones.map((r) => r.rate)).toFixed(0)} documents/s (${median(ones.map((r) => r.steady)).toFixed(0)}/s from the first stored), ` +
    `CPU ${median(ones.map((r) => r.workerMs)).toFixed(1)} ms worker (main thread ${median(ones.map((r) => r.mainMs)).toFixed(1)}) + ${median(ones.map((r) => r.pgMs)).toFixed(1)} ms PostgreSQL per document`);
  console.log(`2 workers: median ${median(twos.map((r) => r.rate)).toFixed(0)} documents/s (${median(twos.map((r) => r.steady)).toFixed(0)}/s from the first stored), ` +
    `CPU ${median(twos.map((r) => r.workerMs)).toFixed(1)} ms workers (main threads ${median(twos.map((r) => r.mainMs)).toFixed(1)}) + ${median(twos.map((r) => r.pgMs)).toFixed(1)} ms PostgreSQL per document`);
  const ratios = ones.map((o, i) => twos[i]!.rate / o.rate);
  console.log(`2 workers vs 1, pair by pair: ${ratios.map((x) => x.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}x`);
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
}
if (!args.only || args.only === 'delay') await delay(intervalS);
if (!args.only || args.only === 'schedule') await schedule(Number(args.feeds), intervalS);
