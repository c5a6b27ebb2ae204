// Feeds in the store (tables of migration 50): the feeds followed, each fetch, and the items seen.
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { Store } from '../store/index.js';
import type { Database, FeedsTable } from '../store/schema.js';
import type { FeedItem } from './parse.js';
import { PREPARE } from '../store/pg-bulk.js';

export type Feed = FeedsTable;

/** Longest wait between polls of a failing feed, and the longest Retry-After honoured. */
export const MAX_BACKOFF_MS = 6 * 3600_000;

export function feedId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

/** "30s", "5m", "2h" (or plain seconds) as seconds; undefined when not such an interval. */
export function parseInterval(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]) * ({ s: 1, m: 60, h: 3600 } as Record<string, number>)[(m[2] ?? 's').toLowerCase()]!;
  return n >= 1 && n <= 7 * 86400 ? Math.round(n) : undefined;
}

export function formatInterval(s: number): string {
  return s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`;
}

/** Checks a feed URL: absolute http(s), no credentials. Returns the normalised URL or throws. */
export function checkFeedUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a URL: "${url}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) URL: "${url}"`);
  if (u.username || u.password) throw new Error(`a feed URL must not carry credentials: "${url}"`);
  return u.href;
}

/** Adds a feed (or updates its interval and name); returns it and whether it is new. */
export async function addFeed(store: Store, input: { url: string; intervalS: number; name?: string; keepExisting?: boolean }, now = Date.now()): Promise<{ feed: Feed; added: boolean }> {
  const url = checkFeedUrl(input.url);
  const id = feedId(url);
  const existing = await store.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  if (existing && input.keepExisting) return { feed: normalise(existing), added: false };
  if (existing) {
    await store.db.updateTable('feeds').set({ interval_s: input.intervalS, name: input.name ?? existing.name }).where('id', '=', id).execute();
  } else {
    await store.db.insertInto('feeds').values({
      id, url, name: input.name ?? null, interval_s: input.intervalS, etag: null, last_modified: null, next_poll_at: now,
      last_fetch_at: null, last_status: null, last_error: null, errors: 0, items: 0, created_at: now,
    }).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
  const feed = (await store.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst())!;
  return { feed: normalise(feed), added: !existing };
}

function normalise(f: Feed): Feed {
  return {
    ...f,
    interval_s: Number(f.interval_s),
    next_poll_at: Number(f.next_poll_at),
    last_fetch_at: f.last_fetch_at === null ? null : Number(f.last_fetch_at),
    errors: Number(f.errors),
    items: Number(f.items),
    created_at: Number(f.created_at),
  };
}

/** Removes a feed named by id, URL or name, with its fetch records and items seen (not its documents). */
export async function removeFeed(store: Store, which: string): Promise<Feed | undefined> {
  const feed = await findFeed(store, which);
  if (!feed) return undefined;
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('feed_items').where('feed_id', '=', feed.id).execute();
    await trx.deleteFrom('feed_pending').where('feed_id', '=', feed.id).execute();
    await trx.deleteFrom('feed_fetches').where('feed_id', '=', feed.id).execute();
    await trx.deleteFrom('feeds').where('id', '=', feed.id).execute();
  });
  return feed;
}

export async function findFeed(store: Store, which: string): Promise<Feed | undefined> {
  let url: string | undefined;
  try {
    url = checkFeedUrl(which);
  } catch {
    url = undefined;
  }
  const row = await store.db.selectFrom('feeds').selectAll()
    .where((eb) => eb.or([eb('id', '=', which), eb('name', '=', which), ...(url ? [eb('url', '=', url)] : [])]))
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export interface FeedListing extends Feed {
  /** Events citing a document of this feed. */
  events: number;
  /** Failed fetches recorded. */
  fetch_errors: number;
}

export async function listFeeds(store: Store): Promise<FeedListing[]> {
  const feeds = (await store.db.selectFrom('feeds').selectAll().orderBy('created_at').orderBy('id').execute()).map(normalise);
  const events = await store.db.selectFrom('feed_items as i').innerJoin('event_documents as l', 'l.doc_id', 'i.doc_id')
    .select(['i.feed_id', (eb) => eb.fn.count<number>(sql`distinct l.event_id`).as('n')]).groupBy('i.feed_id').execute();
  const errors = await store.db.selectFrom('feed_fetches').select(['feed_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'error').groupBy('feed_id').execute();
  const ev = new Map(events.map((r) => [r.feed_id, Number(r.n)]));
  const er = new Map(errors.map((r) => [r.feed_id, Number(r.n)]));
  return feeds.map((f) => ({ ...f, events: ev.get(f.id) ?? 0, fetch_errors: er.get(f.id) ?? 0 }));
}

/** Feeds whose poll time has come, soonest first. */
export async function dueFeeds(store: Store, now = Date.now(), limit = 1000): Promise<Feed[]> {
  const rows = await store.db.selectFrom('feeds').selectAll().where('next_poll_at', '<=', now).orderBy('next_poll_at').limit(limit).execute();
  return rows.map(normalise);
}

/**
 * Due feeds, each claimed for `leaseMs` (its next poll time moved on) so that other schedulers
 * sharing the database skip it; the poll sets the real next time.
 */
export async function claimDueFeeds(store: Store, leaseMs: number, now = Date.now(), limit = 1000): Promise<Feed[]> {
  const due = await store.db.selectFrom('feeds').select('id').where('next_poll_at', '<=', now).orderBy('next_poll_at').limit(limit).execute();
  if (due.length === 0) return [];
  const rows = await store.db.updateTable('feeds').set({ next_poll_at: now + leaseMs })
    .where('id', 'in', due.map((d) => d.id)).where('next_poll_at', '<=', now).returningAll().execute();
  return rows.map(normalise);
}

export interface PollRecord {
  status: 'ok' | 'not-modified' | 'error';
  httpStatus?: number;
  durationMs: number;
  newItems: number;
  error?: string;
  etag?: string | null;
  lastModified?: string | null;
  retryAfterMs?: number;
}

/** When a feed is polled next: its interval; after errors, doubling with each (at most 6 h); never before Retry-After. */
export function nextPollAt(feed: Pick<Feed, 'interval_s' | 'errors'>, rec: Pick<PollRecord, 'status' | 'retryAfterMs'>, now: number): number {
  const interval = feed.interval_s * 1000;
  let wait = interval;
  if (rec.status === 'error') wait = Math.min(MAX_BACKOFF_MS, Math.max(interval, interval * 2 ** Math.min(feed.errors, 16)));
  if (rec.retryAfterMs !== undefined) wait = Math.max(wait, Math.min(rec.retryAfterMs, MAX_BACKOFF_MS));
  return now + wait;
}

/** The feed row's new values and the feed_fetches row of a poll, and the next poll time. */
function pollRows(feed: Feed, rec: PollRecord, now: number) {
  const errors = rec.status === 'error' ? feed.errors + 1 : 0;
  const next = nextPollAt({ interval_s: feed.interval_s, errors: rec.status === 'error' ? feed.errors : 0 }, rec, now);
  const row = {
    next_poll_at: next,
    last_fetch_at: now,
    last_status: rec.status === 'error' ? 'error' : rec.status === 'not-modified' ? 'not modified' : 'ok',
    last_error: rec.error ?? null,
    errors,
    ...(rec.etag !== undefined ? { etag: rec.etag } : {}),
    ...(rec.lastModified !== undefined ? { last_modified: rec.lastModified } : {}),
  };
  const fetch = {
    feed_id: feed.id, at: now, status: rec.status, http_status: rec.httpStatus ?? null, duration_ms: Math.round(rec.durationMs),
    new_items: rec.newItems, error: rec.error ? rec.error.slice(0, 500) : null,
  };
  return { row, fetch, next };
}

/** Records a fetch on the feed's row and in feed_fetches, and schedules the next. */
export async function recordPoll(store: Store, feed: Feed, rec: PollRecord, now = Date.now()): Promise<number> {
  const { row, fetch, next } = pollRows(feed, rec, now);
  if (store.engine === 'postgres') {
    // One statement (a data-modifying WITH is atomic): one round trip instead of four.
    await store.db.with('u', (db) => db.updateTable('feeds').set(row).where('id', '=', feed.id).returning('id'))
      .insertInto('feed_fetches').values(fetch).execute();
  } else {
    await store.db.transaction().execute(async (trx) => {
      await trx.updateTable('feeds').set(row).where('id', '=', feed.id).execute();
      await trx.insertInto('feed_fetches').values(fetch).execute();
    });
  }
  return next;
}

/** The items not seen before: neither this feed's key with the same text, nor the same text anywhere. */
export async function unseenItems(store: Store, feed: string, items: FeedItem[]): Promise<FeedItem[]> {
  if (items.length === 0) return [];
  const seenKeys = new Map<string, string>();
  const seenHashes = new Set<string>();
  for (let i = 0; i < items.length; i += 400) {
    const part = items.slice(i, i + 400);
    if (store.engine === 'postgres') {
      // One statement (the key index and the hash index, OR-ed), not two.
      const keys = part.map((x) => x.key);
      const { rows } = await sql<{ item_key: string; content_hash: string; own: boolean }>`${sql.raw(PREPARE)}select item_key, content_hash,
          (feed_id = ${feed} and item_key = any(${keys}::text[])) as own
        from feed_items where (feed_id = ${feed} and item_key = any(${keys}::text[])) or content_hash = any(${part.map((x) => x.hash)}::text[])`.execute(store.db);
      for (const r of rows) {
        if (r.own) seenKeys.set(r.item_key, r.content_hash);
        seenHashes.add(r.content_hash);
      }
      continue;
    }
    const [byKey, byHash] = await Promise.all([
      store.db.selectFrom('feed_items').select(['item_key', 'content_hash']).where('feed_id', '=', feed).where('item_key', 'in', part.map((x) => x.key)).execute(),
      store.db.selectFrom('feed_items').select('content_hash').where('content_hash', 'in', part.map((x) => x.hash)).execute(),
    ]);
    for (const r of byKey) seenKeys.set(r.item_key, r.content_hash);
    for (const r of byHash) seenHashes.add(r.content_hash);
  }
  const out: FeedItem[] = [];
  const inFeed = new Set<string>();
  for (const x of items) {
    if (seenKeys.get(x.key) === x.hash || seenHashes.has(x.hash) || inFeed.has(x.key)) continue;
    inFeed.add(x.key);
    out.push(x);
  }
  return out;
}

/** Marks items as seen (after they were stored, or handed to the queue). */
export async function markItems(store: Store, feed: string, items: Pick<FeedItem, 'key' | 'hash' | 'doc'>[], now = Date.now()): Promise<void> {
  if (items.length === 0) return;
  const rows = (part: typeof items) => part.map((x) => ({ feed_id: feed, item_key: x.key, content_hash: x.hash, doc_id: x.doc.id!, seen_at: now }));
  if (store.engine === 'postgres') {
    // One statement per 400 items (a data-modifying WITH is atomic): the items and the feed's count
    // of them together, in one round trip instead of four.
    for (let i = 0; i < items.length; i += 400) {
      await store.db.with('ins', (db) => db.insertInto('feed_items').values(rows(items.slice(i, i + 400)))
        .onConflict((oc) => oc.columns(['feed_id', 'item_key'])
          .doUpdateSet((eb) => ({ content_hash: eb.ref('excluded.content_hash'), doc_id: eb.ref('excluded.doc_id') }))
          .whereRef('feed_items.content_hash', '<>', 'excluded.content_hash'))
        .returning('feed_id'))
        .updateTable('feeds').set({ items: sql<number>`items + (select count(*) from ins)` }).where('id', '=', feed).execute();
    }
    return;
  }
  await store.db.transaction().execute(async (trx) => {
    let added = 0;
    for (let i = 0; i < items.length; i += 400) {
      const res = await trx.insertInto('feed_items')
        .values(rows(items.slice(i, i + 400)))
        .onConflict((oc) => oc.columns(['feed_id', 'item_key'])
          .doUpdateSet((eb) => ({ content_hash: eb.ref('excluded.content_hash'), doc_id: eb.ref('excluded.doc_id') }))
          .whereRef('feed_items.content_hash', '<>', 'excluded.content_hash'))
        .executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    await trx.updateTable('feeds').set((eb) => ({ items: eb('items', '+', added) })).where('id', '=', feed).execute();
  });
}

/**
 * PostgreSQL (`sitrep worker`): a poll's new items handed to the job queue in one transaction. The
 * items are written once, to feed_pending (migration 74), and the jobs `send` inserts (in `trx`)
 * name them by key: a job's payload is not a copy of its documents that the queue writes, updates
 * and returns. In the same statement the items are marked seen and the poll is recorded (its ETag
 * too): all of it commits with the jobs or none of it does, so a worker dying here leaves the
 * feed due again with its items unseen, never items seen but in no job.
 */
/**
 * Statements of the job queue run with a poll's items: `send` in the same transaction, or `ctes`,
 * data-modifying WITH entries (text numbering its parameters from `from`, and their values) run in
 * the very statement that queues the items (one statement: no transaction of its own, one round trip).
 */
export type QueueSend = ((trx: Transaction<Database>) => Promise<void>) | { ctes(from: number): { text: string; values: unknown[] } };

export async function queueItems(store: Store, feed: Feed, rec: PollRecord, items: FeedItem[], send: QueueSend, now = Date.now()): Promise<number> {
  const { row, fetch, next } = pollRows(feed, rec, now);
  const keys = items.map((x) => x.key);
  const hashes = items.map((x) => x.hash);
  const docIds = items.map((x) => x.doc.id);
  const payloads = items.map((x) => JSON.stringify(x));
  const statement = sql`${sql.raw(PREPARE)}with p as (
        insert into feed_pending (feed_id, item_key, content_hash, item, queued_at)
        select ${feed.id}::text, k, h, i, ${now}::bigint from unnest(${keys}::text[], ${hashes}::text[], ${payloads}::text[]) as x(k, h, i)
        on conflict (feed_id, item_key) do update set content_hash = excluded.content_hash, item = excluded.item, queued_at = excluded.queued_at
      ), ins as (
        insert into feed_items (feed_id, item_key, content_hash, doc_id, seen_at)
        select ${feed.id}::text, k, h, d, ${now}::bigint from unnest(${keys}::text[], ${hashes}::text[], ${docIds}::text[]) as x(k, h, d)
        on conflict (feed_id, item_key) do update set content_hash = excluded.content_hash, doc_id = excluded.doc_id
          where feed_items.content_hash <> excluded.content_hash
        returning feed_id
      ), u as (
        update feeds set next_poll_at = ${row.next_poll_at}::bigint, last_fetch_at = ${row.last_fetch_at}::bigint, last_status = ${row.last_status}::text,
          last_error = ${row.last_error}::text, errors = ${row.errors}::int,
          etag = ${rec.etag === undefined ? sql.ref('feeds.etag') : rec.etag}, last_modified = ${rec.lastModified === undefined ? sql.ref('feeds.last_modified') : rec.lastModified},
          items = items + (select count(*) from ins)
        where id = ${feed.id} returning id
      )
      insert into feed_fetches (feed_id, at, status, http_status, duration_ms, new_items, error)
      values (${fetch.feed_id}::text, ${fetch.at}::bigint, ${fetch.status}::text, ${fetch.http_status}::int, ${fetch.duration_ms}::int, ${fetch.new_items}::int, ${fetch.error}::text)`;
  if (typeof send === 'function') {
    await store.db.transaction().execute(async (trx) => {
      await statement.execute(trx);
      await send(trx);
    });
    return next;
  }
  const q = statement.compile(store.db);
  const head = `${PREPARE}with `;
  if (!q.sql.startsWith(head)) throw new Error('queueItems: unexpected statement');
  const more = send.ctes(q.parameters.length + 1);
  await store.db.executeQuery(CompiledQuery.raw(`${head}${more.text},\n${q.sql.slice(head.length)}`, [...q.parameters, ...more.values]));
  return next;
}

/** A queued item named by a job: its feed and key. */
export interface PendingRef {
  feed: string;
  key: string;
}

/** The items that jobs name (feed_pending), in the order named; an item no longer pending (stored meanwhile) is left out. */
export async function pendingItems(store: Store, refs: PendingRef[]): Promise<{ feed: string; item: FeedItem }[]> {
  if (refs.length === 0) return [];
  const { rows } = await sql<{ feed_id: string; item_key: string; item: string }>`${sql.raw(PREPARE)}select feed_id, item_key, item from feed_pending
    where (feed_id, item_key) in (select * from unnest(${refs.map((r) => r.feed)}::text[], ${refs.map((r) => r.key)}::text[]))`.execute(store.db);
  const byRef = new Map(rows.map((r) => [`${r.feed_id}\u0000${r.item_key}`, r.item]));
  const out: { feed: string; item: FeedItem }[] = [];
  const seen = new Set<string>();
  for (const r of refs) {
    const k = `${r.feed}\u0000${r.key}`;
    const text = byRef.get(k);
    if (text === undefined || seen.has(k)) continue;
    seen.add(k);
    out.push({ feed: r.feed, item: JSON.parse(text) as FeedItem });
  }
  return out;
}

/** Removes stored items from feed_pending: only the version stored (a newer one queued meanwhile stays). */
export async function dropPending(store: Store, items: { feed: string; item: Pick<FeedItem, 'key' | 'hash'> }[]): Promise<void> {
  if (items.length === 0) return;
  await sql`${sql.raw(PREPARE)}delete from feed_pending where (feed_id, item_key, content_hash) in
    (select * from unnest(${items.map((x) => x.feed)}::text[], ${items.map((x) => x.item.key)}::text[], ${items.map((x) => x.item.hash)}::text[]))`.execute(store.db);
}
