#!/usr/bin/env node
// npm run loadtest [-- --events 1000000 --engine both --duration 10 --connections 10]
//
// Fills a store with synthetic events (bulk inserts, no extraction; see loadtest-fill.mjs), starts
// `sitrep serve` on it in a child process (loopback, port chosen by the system), and measures with
// autocannon p50/p99 latencies of /api/events with filters, with q, and /api/stats, each for a
// bounded time and number of requests. SQLite always; PostgreSQL when one answers on 127.0.0.1:5432
// (its own schema, dropped afterwards). Targets (issue 18, 1,000,000 events, 10 connections):
// SQLite p99 <= 100 ms (events) / 200 ms (stats), PostgreSQL <= 150 / 300 ms.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { fillPostgres, fillSqlite } from './loadtest-fill.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    amount: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '10' },
    db: { type: 'string' },
    'pg-url': { type: 'string' },
    'pg-schema': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-fill': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(`npm run loadtest -- [options]
  --events N         events in the synthetic store (default 1000000; 100000 for a quick run)
  --engine E         sqlite, postgres or both (default both; postgres is skipped when unreachable)
  --duration S       seconds per scenario (default 10)
  --amount N         at most N requests per scenario (default 20000)
  --connections N    concurrent connections (default 10)
  --db PATH          SQLite file to fill (default: a temporary file); with --no-fill, reuse it
  --pg-url URL       PostgreSQL (default postgres://postgres@127.0.0.1:5432/test)
  --pg-schema NAME   PostgreSQL schema to fill (default: a new one, dropped afterwards); with --no-fill, reuse it
  --keep             keep the filled store (prints where)
Example: npm run loadtest -- --events 100000 --engine sqlite --duration 5
`);
  process.exit(0);
}
const EVENTS = Number(opts.events);
const DURATION = Number(opts.duration);
const AMOUNT = Number(opts.amount);
const CONNECTIONS = Number(opts.connections);
for (const [k, v] of [['--events', EVENTS], ['--duration', DURATION], ['--amount', AMOUNT], ['--connections', CONNECTIONS]]) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${k} must be a positive whole number`);
}
if (!existsSync(join(root, 'dist', 'store', 'index.js'))) throw new Error('run `npm run build` first (the server runs from dist/)');
const { openStore } = await import(join(root, 'dist', 'store', 'index.js'));

const SCENARIOS = [
  {
    name: 'events, filters',
    paths: [
      '/api/events?country=Syria',
      '/api/events?country=IRQ&from=2020-01-01&to=2020-12-31',
      '/api/events?event_type=Battles&from=2022-01',
      '/api/events?country=Nigeria&event_type=Riots',
      '/api/events?from=2019-03-01&to=2019-03-31&event_type=Protests',
      '/api/events?country=Kenya,Uganda&from=2018',
      '/api/events?bbox=35,-30,45,-20',
      '/api/events?limit=100',
    ],
    target: { sqlite: 100, postgres: 150 },
  },
  {
    name: 'events, q',
    paths: [
      '/api/events?q=Liberation%20Front',
      '/api/events?q=Militia&country=Yemen',
      '/api/events?q=Ukraine&event_type=Battles',
      '/api/events?q=protesters&from=2023-01',
      '/api/events?actor=Police%20Forces%20of%20Kenya',
      '/api/events?q=shelling&country=Syria&from=2021',
    ],
    target: { sqlite: 100, postgres: 150 },
  },
  { name: 'stats', paths: ['/api/stats'], target: { sqlite: 200, postgres: 300 } },
  {
    name: 'stats, filters',
    paths: ['/api/stats?country=Syria', '/api/stats?from=2022-01&to=2022-12', '/api/stats?event_type=Battles,Riots&country=Mali'],
    target: { sqlite: 200, postgres: 300 },
  },
];

function log(msg) {
  process.stderr.write(`loadtest: ${msg}\n`);
}

async function startServer(db, env) {
  const child = spawn(process.execPath, [join(root, 'bin', 'sitrep.js'), 'serve', '--port', '0', '--db', db], {
    env: { ...process.env, ...env, SITREP_API_TOKEN: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`sitrep serve exited (${code}): ${err}`)));
  });
  return { port, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

function bench(port, paths, connections = CONNECTIONS) {
  return new Promise((resolve, reject) => {
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: DURATION,
      // (autocannon's `amount` would override the duration: both bounds hold with maxOverallRequests)
      maxOverallRequests: AMOUNT,
      requests: paths.map((path) => ({ method: 'GET', path })),
      timeout: 30,
    }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function run(engine, db, env) {
  const server = await startServer(db, env);
  const rows = [];
  try {
    // Warm-up: every path once (page cache, prepared statements, JIT).
    for (const s of SCENARIOS) for (const p of s.paths) {
      const res = await fetch(`http://127.0.0.1:${server.port}${p}`);
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    for (const s of SCENARIOS) {
      const r = await bench(server.port, s.paths);
      const bad = r.non2xx + r.errors + r.timeouts;
      const target = s.target[engine];
      rows.push({ engine, scenario: s.name, requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: bad, target, met: r.latency.p99 <= target && bad === 0 });
      log(`${engine} ${s.name}: ${r.requests.total} requests, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (target ${target}), ${bad} errors`);
    }
    // A full GeoJSON export streams (read as fast as this process can) while one client asks for
    // one event at a time: the export must not hold it up (target p99 <= 200 ms).
    let exporting = true;
    let exported = 0;
    const exporter = (async () => {
      while (exporting) {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/events.geojson`);
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          exported += value.byteLength;
          if (!exporting) {
            await reader.cancel();
            break;
          }
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const r = await bench(server.port, ['/api/events?limit=1'], 1);
    exporting = false;
    await exporter;
    const bad = r.non2xx + r.errors + r.timeouts;
    rows.push({ engine, scenario: 'limit=1 during a full export (1 connection)', requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: bad, target: 200, met: r.latency.p99 <= 200 && bad === 0 });
    log(`${engine} limit=1 during export: ${r.requests.total} requests, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; ${(exported / 1e6).toFixed(0)} MB exported meanwhile`);
  } finally {
    await server.stop();
  }
  return rows;
}

async function reachablePostgres(url) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const results = [];
const progress = (label) => {
  const t0 = Date.now();
  return (n) => log(`${label}: ${n.toLocaleString('en')} / ${EVENTS.toLocaleString('en')} events (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
};

if (opts.engine === 'sqlite' || opts.engine === 'both') {
  const dir = opts.db ? undefined : mkdtempSync(join(tmpdir(), 'sitrep-loadtest-'));
  const db = opts.db ?? join(dir, 'loadtest.db');
  try {
    if (!opts['no-fill']) {
      if (existsSync(db)) throw new Error(`${db} exists: remove it, or pass --no-fill to reuse it`);
      const t0 = Date.now();
      const store = await openStore(db); // creates and migrates
      await store.close();
      await fillSqlite(db, EVENTS, progress('sqlite fill'));
      log(`sqlite: filled ${EVENTS.toLocaleString('en')} events in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    results.push(...await run('sqlite', db, {}));
  } finally {
    if (opts.keep || opts.db) log(`sqlite store kept at ${db}`);
    else if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (opts.engine === 'postgres' || opts.engine === 'both') {
  const url = opts['pg-url'] ?? process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (!(await reachablePostgres(url))) {
    log(`PostgreSQL not reachable at ${url}: skipped`);
  } else {
    const schema = opts['pg-schema'] ?? `sitrep_loadtest_${process.pid}`;
    const pg = (await import('pg')).default;
    try {
      if (!opts['no-fill']) {
        const t0 = Date.now();
        const store = await openStore(url, { pgSchema: schema });
        await store.close();
        await fillPostgres(url, schema, EVENTS, progress('postgres fill'));
        log(`postgres: filled ${EVENTS.toLocaleString('en')} events in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      results.push(...await run('postgres', url, { SITREP_PG_SCHEMA: schema }));
    } finally {
      if (opts.keep || opts['pg-schema']) log(`postgres schema kept: ${schema}`);
      else {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
    }
  }
}

process.stdout.write(`\n${EVENTS.toLocaleString('en')} events, ${CONNECTIONS} connections, ${DURATION} s or ${AMOUNT} requests per scenario\n`);
process.stdout.write('| engine | scenario | requests | p50 ms | p99 ms | max ms | errors | target p99 | met |\n|---|---|---|---|---|---|---|---|---|\n');
for (const r of results) {
  process.stdout.write(`| ${r.engine} | ${r.scenario} | ${r.requests} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.target} | ${r.met ? 'yes' : 'NO'} |\n`);
}
