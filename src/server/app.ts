// sitrep's HTTP API (Hono), separate from listening so that tests call app.request().
// Every API answer is JSON (or the CSV/GeoJSON exports), never HTML: article text is untrusted.
import { existsSync, statSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { API_FILTER_NAMES, FilterError, parseEventFilters } from '../store/filters.js';
import type { AcledEvent } from '../common/event.js';
import type { SourceDocument } from '../ingest/types.js';
import type { Extractor } from '../pipeline/index.js';
import { exportChunks, type ExportFormat } from '../store/export.js';
import { decodeCursor, documentHash, InvalidCursorError, type Store } from '../store/index.js';
import { ingestDocuments } from '../store/ingest.js';
import { storableDocument } from '../ingest/storable.js';
import type { EventFilters } from '../store/types.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_PAGE_SIZE, MAX_DOCUMENTS_PER_REQUEST, MAX_ID_LENGTH, MAX_PAGE_SIZE } from './limits.js';
import { OPENAPI } from './openapi.js';
import { authenticate, requireRole } from './auth.js';
import { registerReviewRoutes } from './review-routes.js';
import { currentEtag, reviewedFields } from '../review/edits.js';
import { inProcessQueue, QueueFullError, workerQueue, type ExtractionQueue, type ExtractJobResult } from './extract-pool.js';
import { hostAndOriginGuard, LOOPBACK_POLICY, type HostPolicy } from './origin.js';
import { staticFile } from './static.js';
import { BodyTooLargeError, readBodyText } from './body.js';
import { textStream } from './stream.js';
import { ChangeNotifier } from './changes.js';
import { streamSSE } from 'hono/streaming';
import { sharedJson } from './shared-json.js';
import { problem, UnsupportedMediaTypeError } from './problem.js';

export interface AppOptions {
  /** The pipeline for POST /api/documents, run in-process; absent: worker threads (extract-pool.ts). */
  extractor?: Pick<Extractor, 'extract'>;
  /** How POSTed documents are extracted (default: a worker thread, 8 requests waiting at most). */
  extractionQueue?: ExtractionQueue;
  /** SITREP_API_TOKEN: when set, writes need `Authorization: Bearer <token>`. */
  token?: string;
  /** The server listens on loopback only: writes without a token are allowed (only when no token is set). */
  loopback?: boolean;
  /** Dashboard files (dist/web), served at / when the directory exists. */
  webRoot?: string;
  maxBodyBytes?: number;
  /** Host names requests may name (DNS-rebinding defence); default: loopback names on loopback, any otherwise. */
  hosts?: HostPolicy;
  /** Store changes announced on GET /api/stream (default: counts read every 2 s). */
  changes?: ChangeNotifier;
  /** Checks for GET /api/health besides the database (e.g. the job queue); each returns true or throws. */
  healthChecks?: Record<string, () => Promise<unknown>>;
  /** Extra text for GET /metrics (Prometheus text format), after the store's counts. */
  metrics?: () => Promise<string> | string;
}

class ParamError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

const FILTER_PARAMS = ['from', 'to', 'country', 'event_type', 'sub_event_type', 'admin1', 'actor', 'bbox', 'q', 'review_status'] as const;

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
export { isLoopbackHost };

/** Query parameters, each at most once, none outside `allowed`. */
function queryParams(c: Context, allowed: readonly string[]): Record<string, string> {
  const all = c.req.queries();
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) {
    if (!allowed.includes(name)) {
      throw new ParamError(name, `unknown parameter (allowed: ${allowed.join(', ')})`);
    }
    if (values.length > 1) throw new ParamError(name, 'given more than once');
    out[name] = values[0]!;
  }
  return out;
}

function filtersFrom(p: Record<string, string>): EventFilters {
  return parseEventFilters(
    { from: p.from, to: p.to, country: p.country, eventType: p.event_type, subEventType: p.sub_event_type, admin1: p.admin1, actor: p.actor, bbox: p.bbox, q: p.q, reviewStatus: p.review_status },
    API_FILTER_NAMES,
  );
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE_SIZE) {
    throw new ParamError('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return Number(value);
}

/** An id from the path: control characters (NUL...) and unpaired surrogates cannot name anything (400, not a database error). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function pathId(id: string): string {
  if (/[\u0000-\u001f\u007f]/.test(id) || LONE_SURROGATE.test(id)) {
    throw new ParamError('id', 'contains control characters or invalid Unicode');
  }
  return id;
}

/** Validates one document of a POST body; `where` names it in errors ("documents[2]"). */
function documentFrom(x: unknown, where: string, index: number): SourceDocument {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new ParamError(where, 'must be an object with a "text" field');
  const o = x as Record<string, unknown>;
  const allowed = ['id', 'text', 'date', 'title', 'source', 'url'];
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new ParamError(`${where}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
  }
  if (typeof o.text !== 'string' || !o.text.trim()) throw new ParamError(`${where}.text`, 'must be a non-empty string');
  for (const key of ['id', 'date', 'title', 'source', 'url']) {
    if (o[key] !== undefined && typeof o[key] !== 'string') throw new ParamError(`${where}.${key}`, 'must be a string');
  }
  const id = o.id as string | undefined;
  if (id !== undefined && (id.length === 0 || id.length > MAX_ID_LENGTH || /[\u0000-\u001f]/.test(id))) {
    throw new ParamError(`${where}.id`, `must be 1 to ${MAX_ID_LENGTH} characters without control characters`);
  }
  const date = o.date as string | undefined;
  if (date !== undefined) {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const t = d ? new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!)) : undefined;
    if (!d || !t || t.getUTCMonth() !== +d[2]! - 1 || t.getUTCDate() !== +d[3]!) {
      throw new ParamError(`${where}.date`, 'must be a date YYYY-MM-DD');
    }
  }
  return {
    id,
    text: o.text,
    date,
    title: o.title as string | undefined,
    source: o.source as string | undefined,
    url: o.url as string | undefined,
    origin: { file: 'request', line: index + 1 },
  };
}

function documentsFrom(body: unknown): SourceDocument[] {
  let items: unknown[];
  let prefix: string;
  if (Array.isArray(body)) {
    items = body;
    prefix = 'documents';
  } else if (typeof body === 'object' && body !== null && Array.isArray((body as { documents?: unknown }).documents)) {
    items = (body as { documents: unknown[] }).documents;
    prefix = 'documents';
  } else {
    return [storableDocument(documentFrom(body, 'body', 0))];
  }
  if (items.length === 0) throw new ParamError('documents', 'is empty');
  if (items.length > MAX_DOCUMENTS_PER_REQUEST) {
    throw new ParamError('documents', `has more than ${MAX_DOCUMENTS_PER_REQUEST} documents; send them in several requests`);
  }
  return items.map((x, i) => storableDocument(documentFrom(x, `${prefix}[${i}]`, i)));
}

/**
 * POST /api/documents?dry_run=1 (the dashboard's preview): the events the pipeline finds in each
 * document, with the text their evidence points into; nothing is stored.
 */
function previewDocuments(docs: SourceDocument[], results: ExtractJobResult[]) {
  const documents: { id: string; status: 'preview'; text: string; events: (AcledEvent & { sources: number })[] }[] = [];
  const errors: { document: number; error: string }[] = [];
  docs.forEach((d, i) => {
    const r = results[i]!;
    if ('error' in r) errors.push({ document: i, error: `extraction failed: ${r.error}` });
    else documents.push({ id: d.id!, status: 'preview', text: d.text, events: r.events.map((e) => ({ ...e, sources: 1 })) });
  });
  return { documents, errors };
}

/** An extractor answering from results computed beforehand (in a worker), by document id. */
function precomputed(results: Map<string, ExtractJobResult>): Pick<Extractor, 'extract'> {
  return {
    extract(source) {
      const r = results.get(source.id!);
      if (!r) throw new Error('not extracted');
      if ('error' in r) throw new Error(r.error);
      return { events: r.events } as ReturnType<Extractor['extract']>;
    },
  };
}

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const webRoot = options.webRoot && existsSync(options.webRoot) && statSync(options.webRoot).isDirectory()
    ? options.webRoot
    : undefined;
  let queue = options.extractionQueue ?? (options.extractor ? inProcessQueue(options.extractor) : undefined);

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    if (c.req.path.startsWith('/api/')) {
      c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    }
  });

  app.use('*', hostAndOriginGuard(options.hosts ?? (options.loopback ? LOOPBACK_POLICY : {})));

  // Operations, before sign-in: a load balancer or Prometheus has no user token. They tell only
  // whether things are reachable, and counts.
  app.get('/api/health', async (c) => {
    const checks: Record<string, string> = {};
    let ok = true;
    const all = { database: () => store.countDocuments(), ...options.healthChecks };
    await Promise.all(Object.entries(all).map(async ([name, check]) => {
      try {
        await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5000).unref())]);
        checks[name] = 'ok';
      } catch (err) {
        ok = false;
        checks[name] = err instanceof Error ? err.message : String(err);
      }
    }));
    return c.json({ status: ok ? 'ok' : 'unavailable', checks }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const [documents, events] = await Promise.all([store.countDocuments(), store.countEvents()]);
    const text = [
      '# HELP sitrep_documents Documents in the store.', '# TYPE sitrep_documents gauge', `sitrep_documents ${documents}`,
      '# HELP sitrep_events Events in the store.', '# TYPE sitrep_events gauge', `sitrep_events ${events}`,
      '',
    ].join('\n') + (options.metrics ? await options.metrics() : '');
    return c.body(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  // Who is asking (users, sessions, tokens): src/server/auth.ts.
  app.use('/api/*', authenticate(store, options));

  app.onError((err, c) => {
    if (err instanceof ParamError || err instanceof FilterError) {
      return problem(c, 400, err instanceof FilterError ? err.message : `${err.parameter}: ${err.message}`, { parameter: err.parameter });
    }
    if (err instanceof UnsupportedMediaTypeError) {
      c.header(c.req.method === 'PATCH' ? 'Accept-Patch' : 'Accept-Post', 'application/json');
      return problem(c, 415, `content-type: ${err.message}`, { parameter: 'content-type' });
    }
    if (err instanceof InvalidCursorError) return problem(c, 400, `cursor: ${err.message}`, { parameter: 'cursor' });
    if (err instanceof BodyTooLargeError) {
      c.header('Connection', 'close');
      return problem(c, 413, err.message);
    }
    if (err instanceof QueueFullError) {
      c.header('Retry-After', String(err.retryAfter));
      return problem(c, 503, `busy: ${err.message}`);
    }
    process.stderr.write(`sitrep serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}\n`);
    return problem(c, 500, 'internal error');
  });

  app.get('/api/events', async (c) => {
    const p = queryParams(c, [...FILTER_PARAMS, 'limit', 'cursor']);
    const filters = filtersFrom(p);
    const limit = parseLimit(p.limit);
    if (p.cursor !== undefined) decodeCursor(p.cursor); // 400 before querying
    return c.json(await store.queryEvents(filters, { limit, cursor: p.cursor }));
  });

  const streamed = (format: ExportFormat, contentType: string, filename: string) => async (c: Context) => {
    const p = queryParams(c, [...FILTER_PARAMS, 'details', ...(format === 'acled-csv' ? ['layout'] : [])]);
    const filters = filtersFrom(p);
    // details=0: without claims, about half the bytes and time (the dashboard's overview).
    if (p.details !== undefined && p.details !== '0' && p.details !== '1') throw new ParamError('details', 'must be 0 or 1');
    if (p.layout !== undefined && p.layout !== '2024' && p.layout !== '2020') throw new ParamError('layout', 'must be 2024 or 2020');
    const layout = p.layout === '2020' ? '2020' : '2024';
    return new Response(textStream(exportChunks(store, format, filters, { details: p.details !== '0', layout })), {
      headers: {
        'content-type': contentType,
        'content-disposition': `inline; filename="${filename}"`,
      },
    });
  };
  app.get('/api/events.geojson', streamed('geojson', 'application/geo+json', 'events.geojson'));
  app.get('/api/events.csv', streamed('acled-csv', 'text/csv; charset=utf-8', 'events.csv'));

  app.get('/api/events/:id', async (c) => {
    queryParams(c, []);
    const id = pathId(c.req.param('id'));
    const event = id.length <= MAX_ID_LENGTH ? await store.getEvent(id) : undefined;
    if (!event) return problem(c, 404, 'no event with this id', { parameter: 'id' });
    const etag = (await currentEtag(store, id))!;
    c.header('ETag', etag);
    return c.json({ ...event, etag, reviewed_fields: await reviewedFields(store, id) });
  });

  app.get('/api/documents/:id', async (c) => {
    queryParams(c, []);
    const id = pathId(c.req.param('id'));
    const doc = id.length <= MAX_ID_LENGTH ? await store.getDocument(id) : undefined;
    if (!doc) return problem(c, 404, 'no document with this id', { parameter: 'id' });
    return c.json(doc);
  });

  app.get('/api/stats', async (c) => sharedJson(c, await store.stats(filtersFrom(queryParams(c, FILTER_PARAMS)))));

  app.get('/api/openapi.json', (c) => c.json(OPENAPI));

  // Live view: an event "change" with the store's counts whenever they change (server-sent events).
  const changes = options.changes ?? new ChangeNotifier(store);
  app.get('/api/stream', (c) => {
    queryParams(c, []);
    return streamSSE(c, async (stream) => {
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = changes.subscribe((change) => {
        queue.push(JSON.stringify(change));
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: '{}', retry: 3000 });
      while (!stream.aborted) {
        const data = queue.shift();
        if (data !== undefined) {
          await stream.writeSSE({ event: 'change', data });
          continue;
        }
        // A comment every 25 s keeps proxies from closing an idle stream.
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 25_000).unref();
        });
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });

  app.post(
    '/api/documents',
    requireRole('editor', options),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) throw new UnsupportedMediaTypeError();
      const text = await readBodyText(c.req.raw, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ParamError('body', 'is not valid JSON');
      }
      const docs = documentsFrom(body);
      if (docs.some((d) => d.id === undefined)) {
        const { documentId } = await import('../pipeline/index.js');
        for (const d of docs) d.id ??= documentId(d.text);
      }
      queue ??= workerQueue();
      if (/^(1|true)$/i.test(c.req.query('dry_run') ?? '')) return c.json(previewDocuments(docs, await queue.run(docs)));
      // Only new and changed documents are extracted (in a worker); unchanged ones are recognised.
      const known = await store.documentHashes(docs.map((d) => d.id!));
      const changed = [...new Map(docs.map((d) => [d.id!, d])).values()].filter((d) => known.get(d.id!) !== documentHash({ ...d }));
      const results = await queue.run(changed);
      const extracted = new Map(changed.map((d, i) => [d.id!, results[i]!]));
      const errors: { document: number; error: string }[] = [];
      const result = await ingestDocuments(store, precomputed(extracted), docs, {
        batchSize: MAX_DOCUMENTS_PER_REQUEST,
        keepStatus: true,
        // ?merge=0: one event per report, not merged with other documents' reports of the same event.
        merge: !/^(0|false)$/i.test(c.req.query('merge') ?? ''),
        // Documents are numbered from 0, as in the request.
        onError: (e) => errors.push({ document: (e.line ?? 1) - 1, error: e.message }),
      });
      const documents = [];
      for (const { id, status } of result.documentsRead) {
        const stored = await store.getDocument(id);
        documents.push({ id, status, events: stored?.events ?? [] });
      }
      return c.json({ documents, errors });
    },
  );

  registerReviewRoutes(app, store, options, bodyLimit({
    maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: (c) => problem(c, 413, `request body larger than ${options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`),
  }));

  app.all('/api/*', (c) => problem(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`));

  if (webRoot) {
    app.on(['GET', 'HEAD'], '*', async (c) => {
      const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
      const file = await staticFile(webRoot, c.req.path, gzip);
      if (!file) return c.text('not found', 404);
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.contentType,
        'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'accept-encoding',
        ...(file.encoding ? { 'content-encoding': file.encoding } : {}),
      });
    });
  }
  app.notFound((c) => problem(c, 404, 'not found'));
  return app;
}
