// `sitrep feeds add|list|remove|import` (feeds live in the store) and `sitrep watch` (poll every
// feed on its schedule and serve the API and dashboard, in one process).
import type { Command } from 'commander';
import type { LogFormat } from '../feeds/metrics.js';
import { withStore } from './with-store.js';

const DB_HELP = 'SQLite file or postgres:// URL (default: $DATABASE_URL if postgres://, else ./sitrep.db)';
export const DEFAULT_INTERVAL = '5m';

function intervalOption(text: string): number {
  // Loaded lazily with the rest; a tiny parser kept here for option errors.
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/i.exec(text);
  const n = m ? Number(m[1]) * ({ s: 1, m: 60, h: 3600 } as Record<string, number>)[(m[2] ?? 's').toLowerCase()]! : NaN;
  if (!(n >= 1 && n <= 7 * 86400)) throw new Error(`--every: "${text}" is not an interval from 1s to 168h (e.g. 30s, 5m, 2h)`);
  return Math.round(n);
}

export function logFormatOption(v: string | undefined): LogFormat {
  if (v === undefined || v === 'text') return 'text';
  if (v === 'json') return 'json';
  throw new Error(`--log-format: "${v}" is not text or json`);
}

export function positiveInt(name: string, v: string | undefined, fallback: number, max = 1024): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > max) throw new Error(`${name}: "${v}" is not a whole number from 1 to ${max}`);
  return n;
}

function ago(ms: number | null, now: number): string {
  if (ms === null) return 'never';
  const s = Math.round((now - ms) / 1000);
  return s < 120 ? `${s}s ago` : s < 7200 ? `${Math.round(s / 60)}m ago` : `${Math.round(s / 3600)}h ago`;
}

export function registerFeeds(program: Command): void {
  const feeds = program
    .command('feeds')
    .summary('the RSS, Atom and JSON feeds `sitrep watch` and `sitrep worker` follow')
    .description('Add, list, remove and import the feeds followed by `sitrep watch` and `sitrep worker`; they live in the store.')
    .addHelpText('after', '\nExamples:\n' +
      '  sitrep feeds add https://example.org/world.rss --every 5m --name "Example world"\n' +
      '  sitrep feeds import subscriptions.opml --every 15m\n' +
      '  sitrep feeds list\n' +
      '  sitrep feeds remove "Example world"');

  feeds.command('add')
    .description('follow a feed (adding it again changes its interval and name)')
    .argument('<url>', 'the feed\'s http(s) URL (RSS, Atom or JSON Feed)')
    .option('--every <interval>', 'poll interval: seconds, or with s, m or h', DEFAULT_INTERVAL)
    .option('--name <name>', 'a name to show and to remove it by')
    .option('--db <path|url>', DB_HELP)
    .action(async (url: string, opts: { every: string; name?: string; db?: string }) => {
      const intervalS = intervalOption(opts.every);
      const { addFeed, formatInterval } = await import('../feeds/feed-store.js');
      await withStore(opts.db, async (store) => {
        const { feed, added } = await addFeed(store, { url, intervalS, name: opts.name });
        process.stdout.write(`${added ? 'added' : 'updated'} ${feed.id} ${feed.url} every ${formatInterval(feed.interval_s)}${feed.name ? ` (${feed.name})` : ''}\n`);
      });
    });

  feeds.command('list')
    .description('feeds with their last fetch, status, items, events and errors')
    .option('--json', 'one JSON object per feed')
    .option('--db <path|url>', DB_HELP)
    .action(async (opts: { json?: boolean; db?: string }) => {
      const { listFeeds, formatInterval } = await import('../feeds/feed-store.js');
      await withStore(opts.db, async (store) => {
        const list = await listFeeds(store);
        const now = Date.now();
        if (opts.json) {
          for (const f of list) process.stdout.write(JSON.stringify(f) + '\n');
          return;
        }
        if (list.length === 0) {
          process.stdout.write('no feeds (add one: sitrep feeds add URL)\n');
          return;
        }
        const rows = [['id', 'every', 'last fetch', 'status', 'items', 'events', 'errors', 'url / name / last error']];
        for (const f of list) {
          rows.push([
            f.id, formatInterval(f.interval_s), ago(f.last_fetch_at, now), f.last_status ?? '-', String(f.items), String(f.events),
            String(f.fetch_errors), [f.url, f.name, f.last_error].filter(Boolean).join('  '),
          ]);
        }
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of rows) process.stdout.write(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ') + '\n');
      });
    });

  feeds.command('remove')
    .description('stop following a feed (its documents and events stay)')
    .argument('<feed>', 'the feed\'s id, URL or name')
    .option('--db <path|url>', DB_HELP)
    .action(async (which: string, opts: { db?: string }) => {
      const { removeFeed } = await import('../feeds/feed-store.js');
      await withStore(opts.db, async (store) => {
        const feed = await removeFeed(store, which);
        if (!feed) throw new Error(`no feed "${which}" (see sitrep feeds list)`);
        process.stdout.write(`removed ${feed.id} ${feed.url}\n`);
      });
    });

  feeds.command('import')
    .description('follow every feed of an OPML file (what feed readers export)')
    .argument('<file>', 'an OPML file')
    .option('--every <interval>', 'poll interval for the imported feeds', DEFAULT_INTERVAL)
    .option('--db <path|url>', DB_HELP)
    .action(async (file: string, opts: { every: string; db?: string }) => {
      const intervalS = intervalOption(opts.every);
      const [{ readFile }, { parseOpml }, { addFeed }] = await Promise.all([
        import('node:fs/promises'), import('../feeds/opml.js'), import('../feeds/feed-store.js'),
      ]);
      let list;
      try {
        list = parseOpml(await readFile(file, 'utf8'));
      } catch (err) {
        const e = err as Error & { line?: number; code?: string };
        throw new Error(`${file}${e.line ? `:${e.line}` : ''}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
      }
      if (list.length === 0) throw new Error(`${file}: no feeds (no <outline xmlUrl="...">)`);
      await withStore(opts.db, async (store) => {
        let added = 0;
        let bad = 0;
        for (const f of list) {
          try {
            if ((await addFeed(store, { url: f.url, intervalS, name: f.name, keepExisting: true })).added) added++;
          } catch (err) {
            bad++;
            process.stderr.write(`${file}: ${(err as Error).message}\n`);
          }
        }
        process.stdout.write(`${added} feeds added, ${list.length - added - bad} already followed${bad ? `, ${bad} refused` : ''}\n`);
        if (bad) process.exitCode = 1;
      });
    });

  program.command('watch')
    .summary('poll every feed on its schedule and serve the API and dashboard (one machine)')
    .description('Poll every feed on its schedule, extract and store new items, and serve the API and dashboard in the same ' +
      'process; the dashboard shows new events as they arrive. Ctrl-C finishes the items being stored, then exits.')
    .option('-p, --port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <path|url>', DB_HELP)
    .option('--web-root <dir>', 'dashboard files to serve at / (default: dist/web of this installation)')
    .option('--allowed-host <name>', 'a host name clients may use besides --host and loopback names (repeatable)',
      (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--threads <n>', 'worker threads for extraction', '1')
    .option('--concurrency <n>', 'feeds fetched at once', '16')
    .option('--per-host <n>', 'feeds fetched at once from one host', '4')
    .option('--allow-private', 'allow feeds and pages on private, loopback and link-local addresses')
    .option('--log-format <format>', 'text or json (one JSON object per line)', 'text')
    .addHelpText('after', '\nExamples:\n' +
      '  sitrep feeds add https://example.org/world.rss && sitrep watch\n' +
      '  sitrep watch --port 3000 --threads 2 --log-format json')
    .action(async (opts: WatchOptions) => {
      await runWatch(opts);
    });
}

interface WatchOptions {
  port: string;
  host: string;
  db?: string;
  webRoot?: string;
  allowedHost: string[];
  threads?: string;
  concurrency?: string;
  perHost?: string;
  allowPrivate?: boolean;
  logFormat?: string;
}

async function runWatch(opts: WatchOptions): Promise<void> {
  const threads = positiveInt('--threads', opts.threads, 1, 64);
  const concurrency = positiveInt('--concurrency', opts.concurrency, 16);
  const perHost = positiveInt('--per-host', opts.perHost, 4);
  const format = logFormatOption(opts.logFormat);
  const [{ openConfiguredStore }, { startScheduler }, { createLogger, newMetrics, prometheusText }, { workerQueue }, { ChangeNotifier }, { listen }] = await Promise.all([
    import('../store/index.js'),
    import('../feeds/scheduler.js'),
    import('../feeds/metrics.js'),
    import('../server/extract-pool.js'),
    import('../server/changes.js'),
    import('./serve-command.js'),
  ]);
  const logger = createLogger('watch', format);
  const store = await openConfiguredStore(opts.db);
  const metrics = newMetrics();
  const queue = workerQueue({ concurrency: threads, maxWaiting: 100_000 });
  const changes = new ChangeNotifier(store);
  const server = await listen(store, opts, {
    changes,
    metrics: async () => {
      const due = await store.db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('next_poll_at', '<=', Date.now()).executeTakeFirst();
      return prometheusText(metrics, { sitrep_feeds_due: { help: 'Feeds whose poll time has passed (the queue of polls).', value: Number(due?.n ?? 0) } });
    },
  }, 'sitrep watch');
  const scheduler = startScheduler(store, {
    extract: (docs) => queue.run(docs),
    // Pages of summary-only items are read in the extraction threads, off the event loop.
    readPages: queue.readPages,
    metrics,
    logger,
    concurrency,
    perHost,
    allowPrivate: opts.allowPrivate === true,
    onStored: () => changes.poke(),
  });
  logger.info('polling feeds', { threads, concurrency, per_host: perHost });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping: finishing the items being stored');
    server.close();
    await scheduler.stop();
    await queue.close();
    changes.close();
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

interface WorkerCliOptions {
  db?: string;
  threads?: string;
  pollConcurrency?: string;
  perHost?: string;
  batchSize?: string;
  expire?: string;
  allowPrivate?: boolean;
  logFormat?: string;
  port?: string;
  host: string;
  allowedHost: string[];
}

export function registerWorker(program: Command): void {
  program.command('worker')
    .summary('share the feeds with other workers through a job queue in PostgreSQL (many machines)')
    .description('Poll feeds and extract their new items as jobs of a pg-boss queue in the store\'s PostgreSQL database; run ' +
      'any number of workers on any number of machines against the same database, and `sitrep serve` anywhere to read it. ' +
      'A worker that dies has its jobs retried once they expire; documents are never lost nor stored twice. SIGTERM ' +
      'finishes the running jobs (or returns them to the queue) and exits.')
    .option('--db <url>', 'postgres:// URL (default: $DATABASE_URL)')
    .option('--threads <n>', 'worker threads for extraction (extraction jobs worked at once)', '1')
    .option('--poll-concurrency <n>', 'feeds fetched at once by this worker', '8')
    .option('--per-host <n>', 'feeds fetched at once from one host by this worker', '4')
    .option('--batch-size <n>', 'documents per extraction job', '50')
    .option('--expire <seconds>', 'a job not finished after this long is retried (a few times the slowest batch)', '60')
    .option('--allow-private', 'allow feeds and pages on private, loopback and link-local addresses')
    .option('--log-format <format>', 'text or json (one JSON object per line)', 'text')
    .option('-p, --port <port>', 'also serve the API, /api/health and /metrics on this port')
    .option('--host <host>', 'address to listen on with --port', '127.0.0.1')
    .option('--allowed-host <name>', 'a host name clients may use (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addHelpText('after', '\nEnvironment:\n' +
      '  DATABASE_URL       postgres://... (when --db is not given)\n' +
      '  SITREP_PG_SCHEMA   PostgreSQL schema for sitrep\'s tables; the queue uses <schema>_jobs (default sitrep_jobs)\n' +
      '\nExamples:\n' +
      '  sitrep worker --db postgres://db.internal/sitrep --threads 2          # on each machine\n' +
      '  sitrep serve --db postgres://db.internal/sitrep --host 0.0.0.0       # API and dashboard, anywhere')
    .action(async (opts: WorkerCliOptions) => {
      await runWorker(opts);
    });
}

async function runWorker(opts: WorkerCliOptions): Promise<void> {
  const threads = positiveInt('--threads', opts.threads, 1, 64);
  const pollConcurrency = positiveInt('--poll-concurrency', opts.pollConcurrency, 8);
  const perHost = positiveInt('--per-host', opts.perHost, 4);
  const batchSize = positiveInt('--batch-size', opts.batchSize, 50, 1000);
  const expire = positiveInt('--expire', opts.expire, 60, 86400);
  const format = logFormatOption(opts.logFormat);
  const { openConfiguredStore, resolveDbTarget, isPostgresUrl } = await import('../store/index.js');
  const url = resolveDbTarget(opts.db);
  if (!isPostgresUrl(url)) throw new Error('sitrep worker needs PostgreSQL: --db postgres://... or DATABASE_URL (on one machine with SQLite, use sitrep watch)');
  const [{ startWorker }, { createLogger, newMetrics, prometheusText }, { workerQueue }] = await Promise.all([
    import('../feeds/worker.js'),
    import('../feeds/metrics.js'),
    import('../server/extract-pool.js'),
  ]);
  const logger = createLogger('worker', format);
  const store = await openConfiguredStore(opts.db);
  const metrics = newMetrics();
  const queue = workerQueue({ concurrency: threads, maxWaiting: 100_000 });
  const schema = process.env.SITREP_PG_SCHEMA;
  const worker = await startWorker(store, {
    url,
    bossSchema: schema ? `${schema}_jobs` : 'sitrep_jobs',
    extract: (docs) => queue.run(docs),
    readPages: queue.readPages,
    extractConcurrency: threads,
    pollConcurrency,
    perHost,
    batchSize,
    expireInSeconds: expire,
    allowPrivate: opts.allowPrivate === true,
    logger,
    metrics,
  });
  logger.info('working', { threads, poll_concurrency: pollConcurrency, batch_size: batchSize, expire_s: expire, pid: process.pid });
  let server: import('node:http').Server | undefined;
  if (opts.port !== undefined) {
    const { listen } = await import('./serve-command.js');
    server = await listen(store, { port: opts.port, host: opts.host, allowedHost: opts.allowedHost }, {
      healthChecks: { queue: () => worker.queueDepth() },
      metrics: async () => prometheusText(metrics, { sitrep_queue_depth: { help: 'Jobs waiting in the queue (poll and extraction).', value: await worker.queueDepth() } }),
    }, 'sitrep worker');
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping: finishing the running jobs');
    server?.close();
    await worker.stop();
    await queue.close();
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
