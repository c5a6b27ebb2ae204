// One poll of one feed (conditional request, parse, new items, pages of summary-only items), and
// the storage of new items (extraction, merge into events, items marked seen). Used by `sitrep
// watch` (in-process scheduler, scheduler.ts) and `sitrep worker` (pg-boss jobs, worker.ts).
import type { AcledEvent } from '../common/event.js';
import type { SourceDocument } from '../ingest/types.js';
import type { Store } from '../store/index.js';
import { ingestDocuments } from '../store/ingest.js';
import { recordPoll, unseenItems, markItems, type Feed, type PollRecord } from './feed-store.js';
import { noteBatch, type Metrics } from './metrics.js';
import { FEED_TYPES, FetchError, PAGE_TYPES, safeFetch, type FetchLimits } from './net.js';
import { parseFeed, type FeedItem } from './parse.js';
import type { PageInput, PageReadResult } from '../ingest/html.js';

/** A document's events (with its MinHash signature where the extraction thread computed it: src/server/extract-pool.ts), or its error. */
export type ExtractResult = { events: AcledEvent[]; minhash?: Uint32Array | null } | { error: string };
/** Extracts documents (in worker threads, or in-process); one result per document, in order. */
export type ExtractFn = (docs: SourceDocument[]) => Promise<ExtractResult[]>;

export interface PollOptions extends FetchLimits {
  signal?: AbortSignal;
  metrics?: Metrics;
  /** Reads fetched pages (in worker threads: see ExtractionQueue.readPages); default: on the event loop. */
  readPages?: (pages: PageInput[]) => Promise<PageReadResult[]>;
  /** Page fetches at once for one feed's summary-only items (default 4). */
  pageConcurrency?: number;
  /**
   * Hands a poll's new items on and records the poll (instead of recordPoll), together: the
   * worker queues them and records the poll in one transaction (queueItems). Returns the next poll time.
   */
  queue?: (items: FeedItem[], rec: PollRecord) => Promise<number>;
}

export interface PollResult {
  status: 'ok' | 'not-modified' | 'error';
  items: FeedItem[];
  error?: string;
  /** Item-level problems (unreadable items, pages that could not be fetched). */
  warnings: string[];
  nextPollAt: number;
}

function header(h: string | string[] | undefined): string | null {
  const v = Array.isArray(h) ? h[0] : h;
  return v ? v.slice(0, 500) : null;
}

/** Replaces a summary-only item's text with its page's main text (Readability), when that is longer. */
async function withPage(item: FeedItem, options: PollOptions): Promise<FeedItem> {
  const res = await safeFetch({ ...options, url: item.doc.url!, accept: PAGE_TYPES, maxBytes: options.maxBytes ?? 5_000_000 });
  const input = { html: res.body.toString('utf8'), url: res.url };
  const page = options.readPages ? (await options.readPages([input]))[0]! : (await import('../ingest/html.js')).readPage(input);
  if ('error' in page) throw new Error(page.error);
  const body = page.body;
  const summary = item.doc.title && item.doc.text.startsWith(item.doc.title) ? item.doc.text.slice(item.doc.title.length).trim() : item.doc.text;
  if (body.length <= summary.length) return item;
  const title = item.doc.title ?? page.title;
  const text = title ? `${title}\n\n${body}` : body;
  return { ...item, doc: { ...item.doc, text, bodyStart: 0, ...(title ? { title } : {}), date: item.doc.date ?? page.date }, summaryOnly: false };
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

/** Fetches and reads a feed; records the fetch and the next poll time. Never throws for a bad feed. */
export async function pollFeed(store: Store, feed: Feed, options: PollOptions = {}): Promise<PollResult> {
  const t0 = Date.now();
  const m = options.metrics;
  if (m) m.fetches++;
  const warnings: string[] = [];
  try {
    const res = await safeFetch({
      ...options,
      url: feed.url,
      accept: FEED_TYPES,
      maxBytes: options.maxBytes ?? 5_000_000,
      headers: {
        ...(feed.etag ? { 'if-none-match': feed.etag } : {}),
        ...(feed.last_modified ? { 'if-modified-since': feed.last_modified } : {}),
      },
    });
    const etag = header(res.headers.etag) ?? feed.etag;
    const lastModified = header(res.headers['last-modified']) ?? feed.last_modified;
    if (res.status === 304) {
      const next = await recordPoll(store, feed, { status: 'not-modified', httpStatus: 304, durationMs: Date.now() - t0, newItems: 0, etag, lastModified });
      return { status: 'not-modified', items: [], warnings, nextPollAt: next };
    }
    const parsed = await parseFeed(res.body.toString('utf8'), feed.url);
    if (parsed.items.length === 0) throw new FetchError(parsed.errors[0] ?? 'feed has no items', res.status);
    warnings.push(...parsed.errors);
    let items = await unseenItems(store, feed.id, parsed.items);
    items = await mapLimited(items, options.pageConcurrency ?? 4, async (item) => {
      if (!item.summaryOnly) return item;
      try {
        const full = await withPage(item, options);
        if (m) m.pagesFetched++;
        return full;
      } catch (err) {
        if (m) m.pageErrors++;
        warnings.push(`${item.doc.url}: ${(err as Error).message}`);
        return item; // the summary is still a report
      }
    });
    const rec: PollRecord = {
      status: 'ok', httpStatus: res.status, durationMs: Date.now() - t0, newItems: items.length, etag, lastModified,
      ...(warnings.length > 0 ? { error: `${warnings.length} item problem(s): ${warnings[0]}` } : {}),
    };
    const next = options.queue && items.length > 0 ? await options.queue(items, rec) : await recordPoll(store, feed, rec);
    return { status: 'ok', items, warnings, nextPollAt: next };
  } catch (err) {
    // Stopped (shutdown): not the feed's fault; it stays due and is polled at the next start.
    if (options.signal?.aborted) return { status: 'error', items: [], error: 'stopped', warnings, nextPollAt: feed.next_poll_at };
    if (m) m.fetchErrors++;
    const e = err instanceof FetchError ? err : new FetchError((err as Error).message);
    const next = await recordPoll(store, feed, {
      status: 'error', durationMs: Date.now() - t0, newItems: 0, error: e.message,
      ...(e.status !== undefined ? { httpStatus: e.status } : {}),
      ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
    });
    return { status: 'error', items: [], error: e.message, warnings, nextPollAt: next };
  }
}

export interface StoreItemsResult {
  documents: number;
  events: number;
  errors: string[];
}

/**
 * Extracts and stores a feed's new items (one transaction; reports merged into events), then marks
 * them seen. Safe to run twice for the same items: an unchanged document is recognised and skipped.
 */
export async function storeItems(store: Store, extract: ExtractFn, feed: string, items: FeedItem[], metrics?: Metrics): Promise<StoreItemsResult> {
  return storeBatches(store, extract, [{ feed, items }], metrics);
}

export interface StoreBatchesOptions {
  /** Mark the items seen after storing them (default true; a worker marks them when it queues them). */
  mark?: boolean;
}

/**
 * Extracts and stores the new items of several feeds together: one extraction call and one
 * transaction for all (a transaction's fixed costs, its merge locks and reads, are paid once).
 * Safe to run twice for the same items.
 */
export async function storeBatches(store: Store, extract: ExtractFn, batches: { feed: string; items: FeedItem[] }[], metrics?: Metrics, options: StoreBatchesOptions = {}): Promise<StoreItemsResult> {
  const docs = batches.flatMap((b) => b.items.map((x) => x.doc));
  if (docs.length === 0) return { documents: 0, events: 0, errors: [] };
  const t0 = Date.now();
  const results = await extract(docs);
  const byId = new Map(docs.map((d, i) => [d.id, results[i]!]));
  // Signatures the extraction threads computed, for the text they were given.
  const signatures = new Map<string, { text: string; sig: Uint32Array | undefined }>();
  docs.forEach((d, i) => {
    const r = results[i]!;
    if ('events' in r && r.minhash !== undefined) signatures.set(d.id, { text: d.text, sig: r.minhash ?? undefined });
  });
  const errors: string[] = [];
  const result = await ingestDocuments(store, {
    extract(source) {
      const r = byId.get(source.id!);
      if (!r) throw new Error('not extracted');
      if ('error' in r) throw new Error(r.error);
      return { events: r.events } as never;
    },
  }, docs, {
    batchSize: Math.max(1, docs.length),
    onError: (e) => errors.push(`${e.file}: ${e.message}`),
    signatureOf(source, id) {
      const s = signatures.get(id);
      return s && s.text === source.text ? s.sig : null;
    },
  });
  if (options.mark !== false) for (const b of batches) await markItems(store, b.feed, b.items);
  if (metrics) noteBatch(metrics, result.inserted + result.updated, result.events, (Date.now() - t0) / 1000);
  return { documents: result.inserted + result.updated, events: result.events, errors };
}
