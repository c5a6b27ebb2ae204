// sitrep's HTTP API (Hono), separate from listening so that tests call app.request().
// Every API answer is JSON (or the CSV/GeoJSON exports), never HTML: article text is untrusted.
import { timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { API_FILTER_NAMES, FilterError, parseEventFilters } from '../cli/filters.js';
import type { AcledEvent } from '../common/event.js';
import type { SourceDocument } from '../ingest/types.js';
import type { Extractor } from '../pipeline/index.js';
import { exportChunks, type ExportFormat } from '../store/export.js';
import { decodeCursor, InvalidCursorError, type Store } from '../store/index.js';
import { ingestDocuments } from '../store/ingest.js';
import type { EventFilters } from '../store/types.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_PAGE_SIZE, MAX_DOCUMENTS_PER_REQUEST, MAX_ID_LENGTH, MAX_PAGE_SIZE } from './limits.js';
import { OPENAPI } from './openapi.js';
import { staticFile } from './static.js';

export interface AppOptions {
  /** The pipeline for POST /api/documents; created on first use when absent. */
  extractor?: Pick<Extractor, 'extract'>;
  /** SITREP_API_TOKEN: when set, writes need `Authorization: Bearer <token>`. */
  token?: string;
  /** The server listens on loopback only: writes without a token are allowed (only when no token is set). */
  loopback?: boolean;
  /** Dashboard files (dist/web), served at / when the directory exists. */
  webRoot?: string;
  maxBodyBytes?: number;
}

class ParamError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

const FILTER_PARAMS = ['from', 'to', 'country', 'event_type', 'actor', 'bbox', 'q'] as const;

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
    { from: p.from, to: p.to, country: p.country, eventType: p.event_type, actor: p.actor, bbox: p.bbox, q: p.q },
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

function sameToken(given: string, expected: string): boolean {
  // Compare digests so that neither length nor content leaks through timing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
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
    return [documentFrom(body, 'body', 0)];
  }
  if (items.length === 0) throw new ParamError('documents', 'is empty');
  if (items.length > MAX_DOCUMENTS_PER_REQUEST) {
    throw new ParamError('documents', `has more than ${MAX_DOCUMENTS_PER_REQUEST} documents; send them in several requests`);
  }
  return items.map((x, i) => documentFrom(x, `${prefix}[${i}]`, i));
}

/**
 * POST /api/documents?dry_run=1 (the dashboard's preview): the events the pipeline finds in each
 * document, with the text their evidence points into; nothing is stored.
 */
async function previewDocuments(extractor: Pick<Extractor, 'extract'>, docs: SourceDocument[]) {
  const documentId = docs.some((d) => d.id === undefined) ? (await import('../pipeline/index.js')).documentId : undefined;
  const documents: { id: string; status: 'preview'; text: string; events: (AcledEvent & { sources: number })[] }[] = [];
  const errors: { document: number; error: string }[] = [];
  docs.forEach((d, i) => {
    const id = d.id ?? documentId!(d.text);
    try {
      const { events } = extractor.extract({ ...d, id });
      documents.push({ id, status: 'preview', text: d.text, events: events.map((e) => ({ ...e, sources: 1 })) });
    } catch (err) {
      errors.push({ document: i, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  return { documents, errors };
}

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const webRoot = options.webRoot && existsSync(options.webRoot) && statSync(options.webRoot).isDirectory()
    ? options.webRoot
    : undefined;
  let extractor = options.extractor;

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

  app.onError((err, c) => {
    if (err instanceof ParamError || err instanceof FilterError) {
      return c.json({ error: err instanceof FilterError ? err.message : `${err.parameter}: ${err.message}`, parameter: err.parameter }, 400);
    }
    if (err instanceof InvalidCursorError) return c.json({ error: `cursor: ${err.message}`, parameter: 'cursor' }, 400);
    process.stderr.write(`sitrep serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}\n`);
    return c.json({ error: 'internal error' }, 500);
  });

  app.get('/api/events', async (c) => {
    const p = queryParams(c, [...FILTER_PARAMS, 'limit', 'cursor']);
    const filters = filtersFrom(p);
    const limit = parseLimit(p.limit);
    if (p.cursor !== undefined) decodeCursor(p.cursor); // 400 before querying
    return c.json(await store.queryEvents(filters, { limit, cursor: p.cursor }));
  });

  const streamed = (format: ExportFormat, contentType: string, filename: string) => async (c: Context) => {
    const p = queryParams(c, [...FILTER_PARAMS, 'details']);
    const filters = filtersFrom(p);
    // details=0: without claims, about half the bytes and time (the dashboard's overview).
    if (p.details !== undefined && p.details !== '0' && p.details !== '1') throw new ParamError('details', 'must be 0 or 1');
    return new Response(textStream(exportChunks(store, format, filters, { details: p.details !== '0' })), {
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
    const id = c.req.param('id');
    const event = id.length <= MAX_ID_LENGTH ? await store.getEvent(id) : undefined;
    if (!event) return c.json({ error: 'no event with this id', parameter: 'id' }, 404);
    return c.json(event);
  });

  app.get('/api/documents/:id', async (c) => {
    queryParams(c, []);
    const id = c.req.param('id');
    const doc = id.length <= MAX_ID_LENGTH ? await store.getDocument(id) : undefined;
    if (!doc) return c.json({ error: 'no document with this id', parameter: 'id' }, 404);
    return c.json(doc);
  });

  app.get('/api/stats', async (c) => c.json(await store.stats(filtersFrom(queryParams(c, FILTER_PARAMS)))));

  app.get('/api/openapi.json', (c) => c.json(OPENAPI));

  app.post(
    '/api/documents',
    async (c, next) => {
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
      if (options.token) {
        if (!given || !sameToken(given, options.token)) {
          c.header('WWW-Authenticate', 'Bearer');
          return c.json({ error: 'writes need Authorization: Bearer <SITREP_API_TOKEN>' }, 401);
        }
      } else if (!options.loopback) {
        return c.json({ error: 'writes are disabled: the server listens beyond loopback and SITREP_API_TOKEN is not set' }, 403);
      }
      await next();
    },
    bodyLimit({
      maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `request body larger than ${options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes` }, 413),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) throw new ParamError('content-type', 'must be application/json');
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new ParamError('body', 'is not valid JSON');
      }
      const docs = documentsFrom(body);
      if (!extractor) extractor = (await import('../pipeline/index.js')).createExtractor();
      if (/^(1|true)$/i.test(c.req.query('dry_run') ?? '')) return c.json(await previewDocuments(extractor, docs));
      const errors: { document: number; error: string }[] = [];
      const result = await ingestDocuments(store, extractor, docs, {
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

  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));

  if (webRoot) {
    app.on(['GET', 'HEAD'], '*', async (c) => {
      const file = await staticFile(webRoot, c.req.path);
      if (!file) return c.text('not found', 404);
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.contentType,
        'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    });
  }
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
