// The API's schemas: zod schemas for what requests carry (they validate requests in routes.ts and
// describe them in /api/openapi.json), and JSON Schemas for what the API answers (documentation
// only; its tests check the answers).
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES } from '../store/filters.js';
import { REVIEW_STATUSES } from '../store/corrections.js';
import { DEFAULT_PAGE_SIZE, MAX_DOCUMENTS_PER_REQUEST, MAX_ID_LENGTH, MAX_PAGE_SIZE } from './limits.js';

// ---- requests (zod) ----

const DATE_PREFIX = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const text = (description: string) => z.string().optional().meta({ description });

/**
 * The event filters of every list and export (their meaning: src/store/filters.ts, shared with
 * `sitrep export`, which turns the values into EventFilters and names a bad one).
 */
export const FilterQuery = z.object({
  from: z.string().regex(DATE_PREFIX, { error: 'is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)' }).optional()
    .meta({ description: 'Events on or after this date: YYYY-MM-DD, YYYY-MM or YYYY.' }),
  to: z.string().regex(DATE_PREFIX, { error: 'is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)' }).optional()
    .meta({ description: 'Events on or before this date: YYYY-MM-DD, YYYY-MM or YYYY.' }),
  country: text('Country names or ISO3 codes, comma-separated.'),
  event_type: text(`ACLED event types, comma-separated: ${ACLED_EVENT_TYPES.join('; ')}.`),
  sub_event_type: text(`ACLED sub-event types, comma-separated: ${ACLED_SUB_EVENT_TYPES.join('; ')}.`),
  admin1: text('First-level administrative divisions (provinces, states, governorates), comma-separated, case-insensitive.'),
  actor: z.string().max(200, { error: 'is longer than 200 characters' }).optional()
    .meta({ description: 'An actor or associated actor containing this text, or one of its aliases ("SDF", "ISIS", "Daesh").' }),
  bbox: text('minLon,minLat,maxLon,maxLat (minLon > maxLon crosses the antimeridian).'),
  q: z.string().max(200, { error: 'is longer than 200 characters' }).optional()
    .meta({ description: 'Text search in notes, actors, location, admin1 and country.' }),
  review_status: text(`Review statuses, comma-separated: ${REVIEW_STATUSES.join(', ')}.`),
});

const PAGE_SIZE_ERROR = { error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` };
export const PageQuery = z.object({
  limit: z.string().regex(/^\d{1,6}$/, PAGE_SIZE_ERROR).transform(Number).pipe(z.number().min(1, PAGE_SIZE_ERROR).max(MAX_PAGE_SIZE, PAGE_SIZE_ERROR)).optional()
    .meta({ description: `Events per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`, param: { schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } } }),
  cursor: z.string().max(1000, { error: 'is not a cursor of this API' }).optional().meta({ description: 'next_cursor of the previous page.' }),
});

export const EventsQuery = FilterQuery.extend(PageQuery.shape);

export const DetailsQuery = z.object({
  details: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional()
    .meta({ description: '0 leaves out the claims (about half the bytes; the dashboard\'s overview). Default 1.' }),
});

export const LayoutQuery = z.object({
  layout: z.enum(['2024', '2020'], { error: 'must be 2024 or 2020' }).optional()
    .meta({ description: 'ACLED\'s 2024 export columns (default) or the 2020 layout.' }),
});

const flag = (description: string) => z.enum(['0', '1', 'true', 'false'], { error: 'must be 0, 1, true or false' }).optional().meta({ description });
export const IngestQuery = z.object({
  dry_run: flag('1: run the pipeline and return the events without saving (status "preview"); the same rules for writes apply.'),
  merge: flag('0: keep one event per report (do not merge reports of the same event across documents); default 1.'),
});

/** An id from the path: control characters (NUL...) and unpaired surrogates cannot name anything (400, not a database error). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const PathId = z.object({
  id: z.string().refine((id) => !/[\u0000-\u001f\u007f]/.test(id) && !LONE_SURROGATE.test(id), { error: 'contains control characters or invalid Unicode' })
    .meta({ description: 'The id (an alias id of a merged event resolves to the event).' }),
});

const CALENDAR_DATE = (s: string) => {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!d) return false;
  const t = new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!));
  return t.getUTCMonth() === +d[2]! - 1 && t.getUTCDate() === +d[3]!;
};

/** One document of POST /api/documents. */
export const DocumentInput = z.strictObject({
  id: z.string().min(1).max(MAX_ID_LENGTH).regex(/^[^\u0000-\u001f]*$/)
    .optional().meta({ description: 'Stable id; default: a hash of the text.' }),
  text: z.string({ error: 'must be a non-empty string' }).refine((t) => t.trim() !== '', { error: 'must be a non-empty string' }),
  date: z.string({ error: 'must be a date YYYY-MM-DD' }).refine(CALENDAR_DATE, { error: 'must be a date YYYY-MM-DD' })
    .optional().meta({ description: 'Publication date, YYYY-MM-DD.', format: 'date' }),
  title: z.string({ error: 'must be a string' }).optional(),
  source: z.string({ error: 'must be a string' }).optional(),
  url: z.string({ error: 'must be a string' }).optional(),
}, { error: 'must be an object with a "text" field' });

// ---- answers (JSON Schema) ----

const span = {
  type: 'object',
  properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
  required: ['start', 'end', 'text'],
};

export const event = {
  type: 'object',
  description: 'An event in ACLED\'s schema with sitrep\'s additions.',
  properties: {
    event_id: { type: 'string' },
    doc_id: { type: 'string', description: 'The document whose text the evidence offsets point into.' },
    event_date: { type: 'string', format: 'date' },
    time_precision: { type: 'integer', enum: [1, 2, 3] },
    event_type: { type: 'string', enum: [...ACLED_EVENT_TYPES] },
    sub_event_type: { type: 'string' },
    actor1: { type: 'string' },
    assoc_actor_1: { type: 'string' },
    inter1: { type: 'integer' },
    actor2: { type: 'string' },
    assoc_actor_2: { type: 'string' },
    inter2: { type: 'integer' },
    interaction: { type: 'integer' },
    country: { type: 'string' },
    iso3: { type: 'string' },
    admin1: { type: 'string' },
    admin2: { type: 'string' },
    location: { type: 'string' },
    latitude: { type: ['number', 'null'] },
    longitude: { type: ['number', 'null'] },
    geo_precision: { type: 'integer', enum: [1, 2, 3] },
    fatalities: { type: 'integer' },
    notes: { type: 'string' },
    source: { type: 'string' },
    confidence: { type: 'number' },
    claims: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          value: { type: ['number', 'null'] },
          tactic: { type: 'string' },
          subject: { type: 'string' },
          reporter: { type: 'string' },
          evidence: span,
          reporterEvidence: span,
        },
      },
    },
    tactics: { type: 'array', items: { type: 'string' } },
    evidence: { type: 'object', additionalProperties: { type: 'array', items: span }, description: 'Field name to the spans supporting it.' },
    sources: { type: 'integer', description: 'Number of documents citing the event.' },
    timestamp: { type: 'integer', description: 'Unix time of the last change.' },
  },
};

export const documentSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: ['string', 'null'] },
    date: { type: ['string', 'null'] },
    source: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] },
  },
};

export const countRow = { type: 'object', properties: { count: { type: 'integer' }, fatalities: { type: 'integer' } } };


/** POST /api/documents: one document, an array of them, or {"documents": [...]}. */
export const DocumentsBody = z.union([
  DocumentInput,
  z.array(DocumentInput).min(1).max(MAX_DOCUMENTS_PER_REQUEST),
  z.strictObject({ documents: z.array(DocumentInput).min(1).max(MAX_DOCUMENTS_PER_REQUEST) }),
]);

export const API_INFO = {
  title: 'sitrep API',
  version: '0.1.0',
  description: 'Conflict events in ACLED\'s schema, extracted from news reports, with the evidence for every field. Errors are RFC 9457 problem details (application/problem+json).',
};

export const EVENT_DETAIL = {
  allOf: [
    { $ref: '#/components/schemas/Event' },
    {
      type: 'object',
      properties: {
        documents: { type: 'array', items: { $ref: '#/components/schemas/DocumentSummary' } },
        reports: {
          type: 'array',
          description: 'Each document\'s report of the event: its own values and evidence',
          items: { type: 'object', properties: { report_id: { type: 'string' }, doc_id: { type: 'string' }, document: { $ref: '#/components/schemas/DocumentSummary' }, values: { type: 'object' }, evidence: { type: 'object' } } },
        },
        aliases: { type: 'array', items: { type: 'string' }, description: 'Ids of events merged into this one' },
        provenance: { type: 'object', additionalProperties: { type: 'string' }, description: 'For each field chosen from the reports, the report it came from' },
        etag: { type: 'string', description: 'The ETag to send as If-Match when reviewing the event' },
        reviewed_fields: { type: 'array', items: { type: 'string' } },
      },
    },
  ],
};

export const STORED_DOCUMENT = {
  allOf: [
    { $ref: '#/components/schemas/DocumentSummary' },
    {
      type: 'object',
      properties: {
        text: { type: 'string' },
        body_start: { type: 'integer' },
        content_hash: { type: 'string' },
        ingested_at: { type: 'integer' },
        events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
      },
    },
  ],
};

export const STATS = {
  type: 'object',
  properties: {
    total: countRow,
    documents: { type: 'integer' },
    by_date: { type: 'array', items: { allOf: [countRow, { type: 'object', properties: { date: { type: 'string' } } }] } },
    by_event_type: { type: 'array', items: { allOf: [countRow, { type: 'object', properties: { event_type: { type: 'string' } } }] } },
    by_country: { type: 'array', items: { allOf: [countRow, { type: 'object', properties: { country: { type: 'string' }, iso3: { type: 'string' } } }] } },
  },
};

export const INGEST_RESULT = {
  type: 'object',
  properties: {
    documents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          status: { type: 'string', enum: ['new', 'updated', 'unchanged', 'preview'] },
          events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
        },
      },
    },
    errors: { type: 'array', items: { type: 'object', properties: { document: { type: 'integer' }, error: { type: 'string' } } } },
  },
};

/** Answers for OpenAPI: a JSON body, a problem, a stream. */
export const problemResponse = (description = 'Error (RFC 9457 problem details)'): ResponseConfig => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
export const jsonResponse = (description: string, schema: object = { type: 'object' }): ResponseConfig => ({
  description,
  content: { 'application/json': { schema: schema as { type: 'object' } } },
});
export const problems = (...statuses: number[]): Record<number, ResponseConfig> =>
  Object.fromEntries(statuses.map((s) => [s, problemResponse()]));

export const COMPONENTS = {
  Event: event,
  DocumentSummary: documentSummary,
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details.',
    properties: {
      type: { type: 'string', description: 'about:blank: the status says what kind of problem it is.' },
      title: { type: 'string', description: 'The status\'s phrase.' },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'What went wrong.' },
      instance: { type: 'string', description: 'The request\'s path.' },
      parameter: { type: 'string', description: 'The query parameter, header or body field to blame, when one is.' },
    },
    required: ['type', 'title', 'status', 'detail'],
  },
};
