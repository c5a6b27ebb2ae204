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
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_PAGE_SIZE, MAX_DOCUMENTS_PER_REQUEST, MAX_ID_LENGTH } from './limits.js';
import {
  API_INFO, COMPONENTS, DetailsQuery, DocumentInput, DocumentsBody, EVENT_DETAIL, EventsQuery, FilterQuery, INGEST_RESULT, IngestQuery,
  jsonResponse, LayoutQuery, PageQuery, PathId, problemResponse, problems, STATS, STORED_DOCUMENT,
} from './openapi.js';
import { ApiRoutes, ParamError, validate } from './routes.js';
import type { z } from 'zod';
import { authenticate, requireRole } from './auth.js';
import { registerReviewRoutes } from './review-routes.js';
import { currentEtag, reviewedFields } from '../review/edits.js';
import { inProcessQueue, QueueFullError, workerQueue, type ExtractionQueue, type ExtractJobResult } from './extract-pool.js';
import { hostAndOriginGuard, LOOPBACK_POLICY, type HostPolicy } from './origin.js';
import { staticFile } from './static.js';
import { BodyTooLargeError, readBodyText } from './body.js';
import { textStream } from './stream.js';
import { sharedJson } from './shared-json.js';
import { ChangeNotifier } from './changes.js';
import { streamSSE } from 'hono/streaming';
import { toGeoJsonFeature } from '../output/geojson.js';
import { problem, UnsupportedMediaTypeError } from './problem.js';
import { corsAndOptions, type CorsPolicy } from './cors.js';
import { Freshness } from './conditional.js';
import type { ReadPool } from './read-pool.js';

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
  /** Origins whose pages may use the API (`--cors`); none by default. */
  cors?: CorsPolicy;
  /** Store changes announced on GET /api/stream (default: counts read every 2 s). */
  changes?: ChangeNotifier;
  /** Checks for GET /api/health besides the database (e.g. the job queue); each returns true or throws. */
  healthChecks?: Record<string, () => Promise<unknown>>;
  /** SQLite: pages of /api/events read by worker threads with their own connections (read-pool.ts). */
  readPool?: ReadPool;
  /** Extra text for GET /metrics (Prometheus text format), after the store's counts. */
  metrics?: () => Promise<string> | string;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
export { isLoopbackHost };

function filtersFrom(p: z.output<typeof FilterQuery>): EventFilters {
  return parseEventFilters(
    { from: p.from, to: p.to, country: p.country, eventType: p.event_type, subEventType: p.sub_event_type, admin1: p.admin1, actor: p.actor, bbox: p.bbox, q: p.q, reviewStatus: p.review_status },
    API_FILTER_NAMES,
  );
}

/** One document of a POST body, validated by DocumentInput; `where` names it in errors ("documents[2]"). */
function documentFrom(x: unknown, where: string, index: number, validate: (value: unknown, where: string) => z.output<typeof DocumentInput>): SourceDocument {
  const d = validate(x, where);
  return { ...d, origin: { file: 'request', line: index + 1 } };
}

function documentsFrom(body: unknown, validate: (value: unknown, where: string) => z.output<typeof DocumentInput>): SourceDocument[] {
  let items: unknown[];
  let prefix: string;
  if (Array.isArray(body)) {
    items = body;
    prefix = 'documents';
  } else if (typeof body === 'object' && body !== null && Array.isArray((body as { documents?: unknown }).documents)) {
    items = (body as { documents: unknown[] }).documents;
    prefix = 'documents';
  } else {
    return [storableDocument(documentFrom(body, 'body', 0, validate))];
  }
  if (items.length === 0) throw new ParamError('documents', 'is empty');
  if (items.length > MAX_DOCUMENTS_PER_REQUEST) {
    throw new ParamError('documents', `has more than ${MAX_DOCUMENTS_PER_REQUEST} documents; send them in several requests`);
  }
  return items.map((x, i) => storableDocument(documentFrom(x, `${prefix}[${i}]`, i, validate)));
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
      // Conditional GETs (conditional.ts) set their own: private, no-cache.
      if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    }
  });

  app.use('*', hostAndOriginGuard(options.hosts ?? (options.loopback ? LOOPBACK_POLICY : {}), options.cors));
  const api = new ApiRoutes(app);
  // OPTIONS and CORS (--cors) before authentication: a preflight carries no credentials.
  app.use('/api/*', corsAndOptions(options.cors, (path) => api.allowedMethods(path)));

  // Operations, before sign-in: a load balancer or Prometheus has no user token. They tell only
  // whether things are reachable, and counts.
  api.route({
    method: 'get', path: '/api/health', operationId: 'getHealth', tags: ['meta'], access: 'public',
    summary: 'Whether the database (and, for workers, the job queue) answers; no sign-in needed',
    responses: {
      200: jsonResponse('All reachable', { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object' } } }),
      ...problems(400),
      503: problemResponse('Something is unreachable: a problem whose `checks` says what each check answered'),
    },
  }, async (c) => {
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
    if (!ok) {
      const failed = Object.entries(checks).filter(([, v]) => v !== 'ok').map(([k]) => k);
      return problem(c, 503, `unavailable: ${failed.join(', ')}`, { checks });
    }
    return c.json({ status: 'ok', checks });
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

  // ETag / Last-Modified of the lists and documents: the store's change version.
  const fresh = new Freshness(() => store.changeVersion());
  const eventsPage = {
    type: 'object',
    properties: {
      events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
      next_cursor: { type: ['string', 'null'] },
    },
  };

  api.route({
    method: 'get', path: '/api/events', operationId: 'listEvents', conditional: fresh, tags: ['events'], access: 'read',
    summary: 'Events, newest first, one page at a time',
    query: EventsQuery,
    responses: { 200: jsonResponse('A page of events', eventsPage), ...problems(400, 401) },
  }, async (c, { query }) => {
    const filters = filtersFrom(query);
    if (query.cursor !== undefined) decodeCursor(query.cursor); // 400 before querying
    const page = { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
    if (options.readPool) return c.body(await options.readPool.eventsPage(filters, page), 200, { 'content-type': 'application/json' });
    return c.json(await store.queryEvents(filters, page));
  });

  const streamed = (format: ExportFormat, contentType: string, filename: string) =>
    async (c: Context, { query }: { query: z.output<typeof FilterQuery> & { details?: '0' | '1'; layout?: '2024' | '2020'; limit?: number; cursor?: string } }) => {
      const filters = filtersFrom(query);
      if (query.limit !== undefined || query.cursor !== undefined) {
        // One page (GeoJSON): next_cursor in the collection (a foreign member) and a Link header.
        if (query.cursor !== undefined) decodeCursor(query.cursor); // 400 before querying
        const page = await store.queryEvents(filters, { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor }, { details: query.details !== '0' });
        if (page.next_cursor !== null) {
          const next = new URL(c.req.url);
          next.searchParams.set('cursor', page.next_cursor);
          c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
        }
        c.header('Content-Type', contentType);
        return c.body(JSON.stringify({ type: 'FeatureCollection', features: page.events.map((e) => toGeoJsonFeature(e)), next_cursor: page.next_cursor }));
      }
      // details=0: without claims, about half the bytes and time (the dashboard's overview).
      return new Response(textStream(exportChunks(store, format, filters, { details: query.details !== '0', layout: query.layout ?? '2024' })), {
        headers: {
          'content-type': contentType,
          'content-disposition': `inline; filename="${filename}"`,
        },
      });
    };
  api.route({
    method: 'get', path: '/api/events.geojson', operationId: 'exportEventsGeoJson', conditional: fresh, tags: ['events'], access: 'read',
    summary: 'Matching events as a GeoJSON FeatureCollection: all of them (streamed), or a page with limit/cursor',
    description: 'Without limit and cursor, every matching event in one streamed collection (the dashboard\'s overview). With either, one page, newest first: `next_cursor` in the collection and a `Link: <...>; rel="next"` header name the next page (null and no header on the last).',
    query: FilterQuery.extend(DetailsQuery.shape).extend(PageQuery.shape),
    responses: {
      200: {
        description: 'FeatureCollection',
        content: {
          'application/geo+json': {
            schema: {
              type: 'object',
              properties: {
                type: { type: 'string', const: 'FeatureCollection' },
                features: { type: 'array', items: { type: 'object' } },
                next_cursor: { type: ['string', 'null'], description: 'Paged requests only: the cursor of the next page' },
              },
            },
          },
        },
        headers: { Link: { description: 'Paged requests: the next page (rel="next")', schema: { type: 'string' } } },
      },
      ...problems(400, 401),
    },
  }, streamed('geojson', 'application/geo+json', 'events.geojson'));
  api.route({
    method: 'get', path: '/api/events.csv', operationId: 'exportEventsCsv', conditional: fresh, tags: ['events'], access: 'read',
    summary: 'All matching events as ACLED-layout CSV (streamed)',
    query: FilterQuery.extend(DetailsQuery.shape).extend(LayoutQuery.shape),
    responses: { 200: { description: 'CSV with ACLED\'s columns', content: { 'text/csv': { schema: { type: 'string' } } } }, ...problems(400, 401) },
  }, streamed('acled-csv', 'text/csv; charset=utf-8', 'events.csv'));

  api.route({
    method: 'get', path: '/api/events/{id}', operationId: 'getEvent', tags: ['events'], access: 'read',
    summary: 'One event with its evidence, claims, the documents citing it, its reports side by side and its aliases (an alias id resolves to the event it was merged into)',
    params: PathId,
    responses: { 200: jsonResponse('The event', EVENT_DETAIL), ...problems(400, 401, 404) },
  }, async (c, { params: { id } }) => {
    const event = id.length <= MAX_ID_LENGTH ? await store.getEvent(id) : undefined;
    if (!event) return problem(c, 404, 'no event with this id', { parameter: 'id' });
    const etag = (await currentEtag(store, id))!;
    c.header('ETag', etag);
    return c.json({ ...event, etag, reviewed_fields: await reviewedFields(store, id) });
  });

  api.route({
    method: 'get', path: '/api/documents/{id}', operationId: 'getDocument', conditional: fresh, tags: ['documents'], access: 'read',
    summary: 'A document\'s text and metadata with the events found in it (evidence offsets into its text)',
    params: PathId,
    responses: { 200: jsonResponse('The document', STORED_DOCUMENT), ...problems(400, 401, 404) },
  }, async (c, { params: { id } }) => {
    const doc = id.length <= MAX_ID_LENGTH ? await store.getDocument(id) : undefined;
    if (!doc) return problem(c, 404, 'no document with this id', { parameter: 'id' });
    return c.json(doc);
  });

  api.route({
    method: 'get', path: '/api/stats', operationId: 'getStats', conditional: fresh, tags: ['events'], access: 'read',
    summary: 'Event counts and fatalities in total, by date, by event type and by country',
    query: FilterQuery,
    responses: { 200: jsonResponse('Counts', STATS), ...problems(400, 401) },
  }, async (c, { query }) => sharedJson(c, await store.stats(filtersFrom(query))));

  let openapi: string | undefined;
  api.route({
    method: 'get', path: '/api/openapi.json', operationId: 'getOpenApi', tags: ['meta'], access: 'public',
    summary: 'This description (OpenAPI 3.1), generated from the schemas that validate requests',
    responses: { 200: jsonResponse('OpenAPI 3.1'), ...problems(400) },
  }, (c) => {
    openapi ??= JSON.stringify(api.document(API_INFO, COMPONENTS));
    return c.body(openapi, 200, { 'content-type': 'application/json' });
  });

  // Live view: an event "change" with the store's counts whenever they change (server-sent events).
  const changes = options.changes ?? new ChangeNotifier(store);
  api.route({
    method: 'get', path: '/api/stream', operationId: 'streamChanges', tags: ['events'], access: 'read',
    summary: 'Server-sent events: "change" with the numbers of stored documents and events whenever they change',
    responses: { 200: { description: 'An event stream (text/event-stream)', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...problems(400, 401) },
  }, (c) => streamSSE(c, async (stream) => {
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
  }));

  api.route({
    method: 'post', path: '/api/documents', operationId: 'ingestDocuments', tags: ['documents'], access: 'write',
    summary: 'Ingest one document or a batch; returns the events found',
    description: 'One document, an array of them or {"documents": [...]} (at most 1000). Needs the editor role with users in the store; without users, a loopback server or `Authorization: Bearer <SITREP_API_TOKEN>`.',
    query: IngestQuery,
    body: { schema: DocumentsBody },
    middleware: [requireRole('editor', options)],
    responses: {
      200: jsonResponse('Per document: its id, whether it was new, updated or unchanged, and its events', INGEST_RESULT),
      ...problems(400, 401),
      403: problemResponse('Writes disabled (beyond loopback without a token), an unexpected Host, or a cross-origin browser write'),
      ...problems(413, 415),
      503: problemResponse('Extraction queue full: retry after the Retry-After header\'s seconds'),
    },
  }, async (c, input) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) throw new UnsupportedMediaTypeError();
    const text = await readBodyText(c.req.raw, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ParamError('body', 'is not valid JSON');
    }
    // The body's parts are checked one by one with DocumentsBody's own DocumentInput, to name the field to blame.
    const docs = documentsFrom(body, (value, where) => validate(DocumentInput, value, where));
    if (docs.some((d) => d.id === undefined)) {
      const { documentId } = await import('../pipeline/index.js');
      for (const d of docs) d.id ??= documentId(d.text);
    }
    queue ??= workerQueue();
    if (input.query.dry_run === '1' || input.query.dry_run === 'true') return c.json(previewDocuments(docs, await queue.run(docs)));
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
      merge: input.query.merge !== '0' && input.query.merge !== 'false',
      // Documents are numbered from 0, as in the request.
      onError: (e) => errors.push({ document: (e.line ?? 1) - 1, error: e.message }),
    });
    const documents = [];
    for (const { id, status } of result.documentsRead) {
      const stored = await store.getDocument(id);
      documents.push({ id, status, events: stored?.events ?? [] });
    }
    return c.json({ documents, errors });
  });

  registerReviewRoutes(api, store, options, bodyLimit({
    maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: (c) => problem(c, 413, `request body larger than ${options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`),
  }));

  app.all('/api/*', (c) => {
    const allow = api.allowedMethods(c.req.path);
    if (allow.length === 0) return problem(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`);
    c.header('Allow', allow.join(', '));
    return problem(c, 405, `${c.req.method} is not allowed here (allowed: ${allow.join(', ')})`);
  });

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
