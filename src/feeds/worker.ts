// `sitrep worker`: any number of processes, on any number of machines, share the feeds through
// pg-boss (a job queue in the same PostgreSQL). Every worker schedules: due feeds are claimed (their
// next poll time moved on, so other workers skip them) and a poll job sent per feed — the queue's
// "stately" policy keeps at most one queued and one running poll per feed. A poll job fetches the
// feed and sends its new items as extraction jobs of at most `batchSize` documents; an extraction
// job extracts them (worker threads) and stores documents, reports and events in one transaction.
// Jobs are at-least-once (a worker that dies has its jobs retried after they expire); storage is
// exactly-once because it is idempotent (documents by id and content hash, reports and events by id).
import PgBoss from 'pg-boss';
// pg-boss's SQL (its own statements, run inside ours: see pollOne).
import bossPlans from 'pg-boss/src/plans.js';
import pg from 'pg';
import type { Store } from '../store/index.js';
import type { Selectable } from 'kysely';
import type { FeedsTable } from '../store/schema.js';
import { claimDueFeeds, dropPending, pendingItems, queueItems, type Feed, type PollRecord } from './feed-store.js';
import type { Logger, Metrics } from './metrics.js';
import type { FeedItem } from './parse.js';
import { pollFeed, storeBatches, type ExtractFn, type PollOptions } from './poll.js';
import { hostOf } from './scheduler.js';
import { statementNamer } from '../store/pg-bulk.js';

export const POLL_QUEUE = 'sitrep-feed-poll';
export const EXTRACT_QUEUE = 'sitrep-feed-extract';
/** A poll job of a dead worker runs again after this (a poll takes at most the 15 s fetch limit, pages included mostly). */
const POLL_EXPIRE_S = 30;
/** A claimed feed is claimed again after this if its poll never recorded a time (a dead worker's). */
const POLL_LEASE_MS = 60_000;
/** Documents an extraction loop stores in one transaction at most (jobs of `batchSize` taken together). */
const STORE_DOCS = 400;
/** The poll loop waits at most this long, ms, for more of its slots to free up before it fetches jobs for them. */
const POLL_GATHER_MS = 50;

export interface WorkerOptions {
  /** postgres:// URL of the store; pg-boss keeps its tables in `bossSchema` there. */
  url: string;
  bossSchema: string;
  extract: ExtractFn;
  /** Reads fetched pages of summary-only items (the extraction threads'); default: on the event loop. */
  readPages?: PollOptions['readPages'];
  /** Extraction threads (--threads); the worker runs one extraction job loop more than this. */
  extractConcurrency: number;
  pollConcurrency?: number;
  perHost?: number;
  /** Documents per extraction job (default 50). */
  batchSize?: number;
  /** Seconds after which a job that did not finish is retried (default 60: a few times the slowest batch). */
  expireInSeconds?: number;
  allowPrivate?: boolean;
  timeoutMs?: number;
  logger?: Logger;
  metrics?: Metrics;
  /** How often due feeds are looked for, ms (default 1000). */
  scheduleEveryMs?: number;
  onStored?(documents: number, events: number): void;
}

/**
 * An extraction job: the keys of a feed's items, written once to feed_pending by the poll that
 * queued them (jobs of a worker before migration 74 carried the items themselves, still read).
 */
export type ExtractJob = { feed: string; keys: string[] } | { feed: string; items: FeedItem[] };

export interface Worker {
  boss: PgBoss;
  /** Jobs waiting (poll and extraction). */
  queueDepth(): Promise<number>;
  /** Stops taking jobs, finishes the running ones (or returns them to the queue), then resolves. */
  stop(): Promise<void>;
}

/**
 * Whether a statement of pg-boss's can run as a named prepared statement: one statement with
 * parameters (its fetches, completions and inserts; its scripts of several statements, migrations
 * and maintenance, have none). pg-boss sends them as unnamed statements, parsed and planned anew
 * each time: fetch and complete on its partitioned job table cost PostgreSQL about 1.5 ms each.
 */
function preparable(text: string, values?: unknown[]): values is unknown[] {
  return values !== undefined && values.length > 0 && !text.trimEnd().replace(/;$/, '').includes(';');
}

/** pg-boss's connections (its `db` option): its statements run by name where they can (preparable). */
function bossDb(url: string, max: number, onError: (err: Error) => void) {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'pgboss' });
  pool.on('error', onError);
  const nameOf = statementNamer('boss_');
  return {
    pool,
    executeSql: (text: string, values?: unknown[]) => (preparable(text, values) ? pool.query({ name: nameOf(text), text, values }) : pool.query(text, values)),
  };
}

/** A per-process cap of fetches per host: waits for a free slot. */
function hostSlots(perHost: number) {
  const busy = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  return {
    async acquire(host: string) {
      while ((busy.get(host) ?? 0) >= perHost) await new Promise<void>((r) => (waiting.get(host) ?? waiting.set(host, []).get(host)!).push(r));
      busy.set(host, (busy.get(host) ?? 0) + 1);
    },
    release(host: string) {
      busy.set(host, (busy.get(host) ?? 1) - 1);
      waiting.get(host)?.shift()?.();
    },
  };
}

export async function startWorker(store: Store, options: WorkerOptions): Promise<Worker> {
  const expireInSeconds = options.expireInSeconds ?? 60;
  const batchSize = Math.max(1, options.batchSize ?? 50);
  const log = options.logger;
  const db = bossDb(options.url, 5 + options.extractConcurrency, (err) => log?.error('job queue', { error: err.message }));
  const boss = new PgBoss({
    db,
    schema: options.bossSchema,
    // Expired jobs are found by maintenance: often enough that a dead worker's jobs run again within a minute.
    maintenanceIntervalSeconds: Math.max(1, Math.min(10, Math.floor(expireInSeconds / 3))),
    monitorStateIntervalSeconds: 10,
  });
  boss.on('error', (err: Error) => log?.error('job queue', { error: err.message }));
  // Workers starting together install the queue's tables and queues at once: PostgreSQL may abort
  // one of them (deadlock, unique violation); it tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.start();
      if (!(await boss.getQueue(POLL_QUEUE))) await boss.createQueue(POLL_QUEUE, { name: POLL_QUEUE, policy: 'stately', expireInSeconds: POLL_EXPIRE_S, retryLimit: 2, retryDelay: 1 });
      if (!(await boss.getQueue(EXTRACT_QUEUE))) await boss.createQueue(EXTRACT_QUEUE, { name: EXTRACT_QUEUE, policy: 'standard', expireInSeconds, retryLimit: 1000, retryDelay: 1 });
      break;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505' && code !== '40001')) {
        await db.pool.end().catch(() => {});
        throw err;
      }
      await new Promise((r) => setTimeout(r, 200 * attempt + Math.random() * 300));
    }
  }

  // pg-boss's statement inserting jobs (the one boss.insert sends), its parameters renumbered from
  // `from`, to run inside another statement; its schema as pg-boss writes it. Renumbered once for
  // each `from` (the poll's statement before it has one of a few parameter counts).
  const bossSchemaSql = options.bossSchema;
  const insertJobs = bossPlans.insertJobs(bossSchemaSql) as string;
  const insertJobsFrom = new Map<number, string>();
  const insertJobsText = (from: number) => {
    let text = insertJobsFrom.get(from);
    if (text === undefined) {
      text = insertJobs.replace(/\$(\d+)/g, (_, k: string) => `$${from + Number(k) - 1}`);
      insertJobsFrom.set(from, text);
    }
    return text;
  };

  const abort = new AbortController();
  const slots = hostSlots(options.perHost ?? 4);
  let stopping = false;

  // Scheduling: claim due feeds, one poll job each (a feed already queued or polling is skipped by the policy).
  let scheduling = false;
  const schedule = async () => {
    if (scheduling || stopping) return;
    scheduling = true;
    try {
      const due = await claimDueFeeds(store, POLL_LEASE_MS);
      // One statement for all (a feed whose poll is already queued is skipped by the policy's unique index).
      if (due.length > 0) await boss.insert(due.map((f) => ({ name: POLL_QUEUE, data: { feed: f.id }, singletonKey: f.id })));
      if (due.length > 0) kick();
    } catch (err) {
      log?.error('scheduling', { error: (err as Error).message });
    } finally {
      scheduling = false;
    }
  };
  const timer = setInterval(() => void schedule(), options.scheduleEveryMs ?? 1000);
  void schedule();

  /**
   * Polls a feed (its row, read with those of the other jobs fetched with it; none: removed meanwhile);
   * true when its poll job (`jobId`) was completed in the transaction that queued its items.
   */
  const pollOne = async (row: Selectable<FeedsTable> | undefined, jobId: string): Promise<boolean> => {
    if (!row) return false; // removed meanwhile
    const feed: Feed = { ...row, interval_s: Number(row.interval_s), errors: Number(row.errors), next_poll_at: Number(row.next_poll_at), items: Number(row.items) };
    const host = hostOf(feed.url);
    await slots.acquire(host);
    try {
      let jobCount = 0;
      // The items (feed_pending), their jobs (keys only), the items marked seen (the jobs are retried
      // until stored; a repeat would be recognised anyway), the poll's record and the poll job's
      // completion: one transaction (no transaction of its own for the completion).
      // One statement: the items' and the poll's rows, the jobs (pg-boss's own insert, as boss.insert
      // sends it) and the poll job's completion (as boss.complete does it) as entries of its WITH.
      const queue = (items: FeedItem[], rec: PollRecord) => queueItems(store, feed, rec, items, {
        ctes(from) {
          const jobs: ExtractJob[] = [];
          for (let i = 0; i < items.length; i += batchSize) jobs.push({ feed: feed.id, keys: items.slice(i, i + batchSize).map((x) => x.key) });
          jobCount = jobs.length;
          const n = (k: number) => `$${from + k - 1}`;
          return {
            text: `sitrep_jobs as (${insertJobsText(from)}),
              sitrep_done as (update ${bossSchemaSql}.job set completed_on = now(), state = 'completed', output = null
                where name = ${n(7)} and id = ${n(8)}::uuid and state = 'active')`,
            // pg-boss's insert parameters: the jobs, then the defaults of its configuration (none set here: null).
            values: [JSON.stringify(jobs.map((data) => ({ name: EXTRACT_QUEUE, data, expireInSeconds, retryLimit: 1000, retryDelay: 1 }))), null, null, null, null, null, POLL_QUEUE, jobId],
          };
        },
      });
      const r = await pollFeed(store, feed, { allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, signal: abort.signal, metrics: options.metrics, readPages: options.readPages, queue });
      if (r.status === 'error' && r.error !== 'stopped') log?.error('feed failed', { feed: feed.url, error: r.error });
      if (r.items.length === 0 || jobCount === 0) return false;
      kick();
      log?.info('queued', { feed: feed.url, items: r.items.length, jobs: jobCount });
      return true;
    } finally {
      slots.release(host);
    }
  };

  // Job loops of our own (fetch, work, complete; at once again while there is work): pg-boss's
  // work() waits its polling interval after every job, which caps a loop at two jobs a second.
  const running = new Set<Promise<void>>();
  // An idle loop looks again after 250 ms, doubling to 2 s while its queue stays empty (idle workers
  // would otherwise send each of their loops' fetches four times a second); jobs this worker sends
  // wake its loops at once (kick), jobs of other workers are seen within 2 s.
  const sleepers = new Set<() => void>();
  const kick = () => {
    for (const wake of sleepers) wake();
    sleepers.clear();
  };
  const idle = (ms: number) => new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      sleepers.delete(wake);
      resolve();
    }, ms);
    sleepers.add(wake);
  });
  /**
   * Works a group of jobs: hands them to `handle` together, then completes them together (unless
   * `handle` says it completed them), or fails them together (retried).
   */
  const work = async <T extends object>(queue: string, group: PgBoss.Job<T>[], handle: (jobs: PgBoss.Job<T>[]) => Promise<boolean | void>) => {
    const ids = group.map((j) => j.id);
    try {
      if ((await handle(group)) !== true) await boss.complete(queue, ids);
    } catch (err) {
      log?.error('job failed (retried)', { queue, jobs: ids.length, error: (err as Error).message });
      await (ids.length === 1 ? boss.fail(queue, ids[0]!, { message: (err as Error).message }) : boss.fail(queue, ids)).catch(() => {});
    }
  };
  /**
   * A job loop: fetches up to `take` jobs at once and works them together. Jobs that were tried
   * before (their batch failed, or their worker died) are worked one by one, each in its own
   * transaction: a job that fails every time then holds up only itself, not the jobs fetched with it.
   */
  const loop = async <T extends object>(queue: string, take: number, handle: (jobs: PgBoss.Job<T>[]) => Promise<boolean | void>) => {
    let wait = 250;
    while (!stopping) {
      let jobs: PgBoss.JobWithMetadata<T>[];
      try {
        jobs = await boss.fetch<T>(queue, { batchSize: take, includeMetadata: true });
      } catch (err) {
        if (!stopping) log?.error('job queue', { error: (err as Error).message });
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      if (!jobs || jobs.length === 0) {
        await idle(wait);
        wait = Math.min(wait * 2, 2000);
        continue;
      }
      wait = 250;
      const fresh = jobs.filter((j) => !(j.retryCount > 0));
      const groups = [...(fresh.length > 0 ? [fresh] : []), ...jobs.filter((j) => j.retryCount > 0).map((j) => [j])];
      const done = (async () => {
        for (const group of groups) await work(queue, group, handle);
      })();
      running.add(done);
      await done;
      running.delete(done);
    }
  };
  /**
   * The poll loop: up to `pollConcurrency` polls at once, each on its own (a slow feed holds only its
   * own slot) and completed in its own transaction, but their jobs fetched together, as many as there
   * are free slots, in one statement, and their feeds read in one: once fewer than half the slots
   * are free, the loop waits up to POLL_GATHER_MS for more to free up before it fetches (each poll
   * finishing on its own would otherwise cost a fetch and a read of its own).
   */
  const pollLoop = async () => {
    const slots = Math.max(1, options.pollConcurrency ?? 8);
    const polling = new Set<Promise<void>>();
    let wait = 250;
    let freeSince = 0;
    const anyDone = () => Promise.race(polling);
    while (!stopping) {
      const free = slots - polling.size;
      if (free === 0) {
        freeSince = 0;
        await anyDone();
        continue;
      }
      if (polling.size > 0 && free < Math.ceil(slots / 2)) {
        freeSince ||= Date.now();
        const left = freeSince + POLL_GATHER_MS - Date.now();
        if (left > 0) {
          await Promise.race([anyDone(), new Promise((r) => setTimeout(r, left))]);
          continue;
        }
      }
      freeSince = 0;
      let jobs: PgBoss.JobWithMetadata<{ feed: string }>[];
      let rows: Map<string, Selectable<FeedsTable>>;
      try {
        jobs = (await boss.fetch<{ feed: string }>(POLL_QUEUE, { batchSize: free, includeMetadata: true })) ?? [];
        const ids = [...new Set(jobs.map((j) => j.data.feed))];
        rows = new Map(ids.length === 0 ? [] : (await store.db.selectFrom('feeds').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
      } catch (err) {
        if (!stopping) log?.error('job queue', { error: (err as Error).message });
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      if (jobs.length === 0) {
        // Nothing queued: look again later, or as soon as a poll finishes or jobs are sent (kick).
        await Promise.race([idle(wait), ...(polling.size > 0 ? [anyDone()] : [])]);
        wait = Math.min(wait * 2, 2000);
        continue;
      }
      wait = 250;
      for (const job of jobs) {
        const done: Promise<void> = work<{ feed: string }>(POLL_QUEUE, [job], () => pollOne(rows.get(job.data.feed), job.id)).finally(() => {
          polling.delete(done);
          running.delete(done);
        });
        polling.add(done);
        running.add(done);
      }
    }
    await Promise.allSettled([...polling]);
  };
  const loops: Promise<void>[] = [pollLoop()];
  // Several extraction jobs (of several feeds) are extracted and stored together, up to about
  // STORE_DOCS documents: one transaction, one set of merge locks and reads, one completion.
  // One loop more than the extraction threads: while a loop stores its documents (or waits on the
  // queue), another's are being extracted, so the threads do not wait on the database.
  const take = Math.max(1, Math.floor(STORE_DOCS / batchSize));
  for (let i = 0; i < Math.max(1, options.extractConcurrency) + 1; i++) {
    loops.push(loop<ExtractJob>(EXTRACT_QUEUE, take, async (jobs) => {
      const data = jobs.map((j) => j.data);
      // The items the jobs name, read once; an item no longer pending was stored by an earlier run of its job.
      const pending = await pendingItems(store, data.flatMap((d) => ('keys' in d ? d.keys.map((key) => ({ feed: d.feed, key })) : [])));
      const batches = new Map<string, FeedItem[]>();
      for (const d of data) if ('items' in d) (batches.get(d.feed) ?? batches.set(d.feed, []).get(d.feed)!).push(...d.items);
      for (const p of pending) (batches.get(p.feed) ?? batches.set(p.feed, []).get(p.feed)!).push(p.item);
      // Items were marked seen when queued (pollOne).
      const s = await storeBatches(store, options.extract, [...batches].map(([feed, items]) => ({ feed, items })), options.metrics, { mark: false });
      for (const e of s.errors) log?.error(e, { feeds: data.length });
      // Stored (committed): no longer pending. A worker dying before this stores them again, unchanged.
      await dropPending(store, pending);
      log?.info('stored', { feeds: batches.size, jobs: data.length, documents: s.documents, events: s.events });
      options.onStored?.(s.documents, s.events);
    }));
  }

  return {
    boss,
    async queueDepth() {
      const [a, b] = await Promise.all([boss.getQueueSize(POLL_QUEUE), boss.getQueueSize(EXTRACT_QUEUE)]);
      return a + b;
    },
    async stop() {
      stopping = true;
      kick();
      clearInterval(timer);
      // Running jobs finish; fetches still in flight after 5 s are cut short (their feeds are polled
      // again after the lease). A job not finished in 30 s is left to expire and run elsewhere.
      setTimeout(() => abort.abort(), 5000).unref();
      await Promise.race([Promise.allSettled(loops), new Promise((r) => setTimeout(r, 30_000).unref())]);
      await boss.stop({ graceful: false, wait: true, close: true });
      await db.pool.end();
    },
  };
}
