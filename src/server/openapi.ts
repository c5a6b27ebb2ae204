// The API's OpenAPI 3.1 description, served at /api/openapi.json.
import { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES } from '../store/filters.js';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './limits.js';
import { REVIEW_FILTER_PARAM, REVIEW_PATCH, REVIEW_PATHS } from './openapi-review.js';

const filterParams = [
  { name: 'from', in: 'query', schema: { type: 'string' }, description: 'Events on or after this date: YYYY-MM-DD, YYYY-MM or YYYY.' },
  { name: 'to', in: 'query', schema: { type: 'string' }, description: 'Events on or before this date: YYYY-MM-DD, YYYY-MM or YYYY.' },
  { name: 'country', in: 'query', schema: { type: 'string' }, description: 'Country names or ISO3 codes, comma-separated.' },
  { name: 'event_type', in: 'query', schema: { type: 'string' }, description: `ACLED event types, comma-separated: ${ACLED_EVENT_TYPES.join('; ')}.` },
  { name: 'sub_event_type', in: 'query', schema: { type: 'string' }, description: `ACLED sub-event types, comma-separated: ${ACLED_SUB_EVENT_TYPES.join('; ')}.` },
  { name: 'admin1', in: 'query', schema: { type: 'string' }, description: 'First-level administrative divisions (provinces, states, governorates), comma-separated, case-insensitive.' },
  { name: 'actor', in: 'query', schema: { type: 'string', maxLength: 200 }, description: 'An actor or associated actor containing this text.' },
  { name: 'bbox', in: 'query', schema: { type: 'string' }, description: 'minLon,minLat,maxLon,maxLat (minLon > maxLon crosses the antimeridian).' },
  { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 }, description: 'Text search in notes, actors, location, admin1 and country.' },
  REVIEW_FILTER_PARAM,
];

const error = { description: 'Error (RFC 9457 problem details)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

const span = {
  type: 'object',
  properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
  required: ['start', 'end', 'text'],
};

const event = {
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

const documentSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: ['string', 'null'] },
    date: { type: ['string', 'null'] },
    source: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] },
  },
};

const documentInput = {
  type: 'object',
  required: ['text'],
  properties: {
    id: { type: 'string', maxLength: 200 },
    text: { type: 'string', minLength: 1 },
    date: { type: 'string', format: 'date' },
    title: { type: 'string' },
    source: { type: 'string' },
    url: { type: 'string' },
  },
};

const countRow = { type: 'object', properties: { count: { type: 'integer' }, fatalities: { type: 'integer' } } };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'sitrep API',
    version: '0.1.0',
    description: 'Conflict events in ACLED\'s schema, extracted from news reports, with the evidence for every field.',
  },
  paths: {
    '/api/events': {
      get: {
        summary: 'Events, newest first, one page at a time',
        parameters: [
          ...filterParams,
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'next_cursor of the previous page.' },
        ],
        responses: {
          200: {
            description: 'A page of events',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
                    next_cursor: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
          400: error,
        },
      },
    },
    '/api/events/{id}': {
      get: {
        summary: 'One event with its evidence, claims, the documents citing it, its reports side by side and its aliases (an alias id resolves to the event it was merged into)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The event',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/Event' },
                    {
                      type: 'object',
                      properties: {
                        documents: { type: 'array', items: documentSummary },
                        reports: {
                          type: 'array',
                          description: 'Each document\'s report of the event: its own values and evidence',
                          items: { type: 'object', properties: { report_id: { type: 'string' }, doc_id: { type: 'string' }, document: documentSummary, values: { type: 'object' }, evidence: { type: 'object' } } },
                        },
                        aliases: { type: 'array', items: { type: 'string' }, description: 'Ids of events merged into this one' },
                        provenance: { type: 'object', additionalProperties: { type: 'string' }, description: 'For each field chosen from the reports, the report it came from' },
                      },
                    },
                  ],
                },
              },
            },
          },
          404: error,
        },
      },
    },
    '/api/events.geojson': {
      get: {
        summary: 'All matching events as a GeoJSON FeatureCollection (streamed)',
        parameters: [
          ...filterParams,
          { name: 'details', in: 'query', schema: { type: 'string', enum: ['0', '1'] }, description: '0 leaves out the claims (about half the bytes; the dashboard\'s overview). Default 1.' },
        ],
        responses: { 200: { description: 'FeatureCollection', content: { 'application/geo+json': {} } }, 400: error },
      },
    },
    '/api/events.csv': {
      get: {
        summary: 'All matching events as ACLED-layout CSV (streamed)',
        parameters: [
          ...filterParams,
          { name: 'layout', in: 'query', schema: { type: 'string', enum: ['2024', '2020'] }, description: 'ACLED\'s 2024 export columns (default) or the 2020 layout.' },
        ],
        responses: { 200: { description: 'CSV with ACLED\'s columns', content: { 'text/csv': {} } }, 400: error },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: 'A document\'s text and metadata with the events found in it (evidence offsets into its text)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The document',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    documentSummary,
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
                },
              },
            },
          },
          404: error,
        },
      },
    },
    '/api/documents': {
      post: {
        summary: 'Ingest one document or a batch; returns the events found',
        description: 'Requires `Authorization: Bearer <SITREP_API_TOKEN>` when a token is set, and a token is required when the server listens on a non-loopback address.',
        security: [{ bearer: [] }],
        parameters: [
          { name: 'dry_run', in: 'query', schema: { type: 'string', enum: ['0', '1', 'true', 'false'] }, description: '1: run the pipeline and return the events without saving (status "preview"); the same token rule applies.' },
          { name: 'merge', in: 'query', schema: { type: 'string', enum: ['0', '1', 'true', 'false'] }, description: '0: keep one event per report (do not merge reports of the same event across documents); default 1.' },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  documentInput,
                  { type: 'array', items: documentInput },
                  { type: 'object', required: ['documents'], properties: { documents: { type: 'array', items: documentInput } } },
                ],
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Per document: its id, whether it was new, updated or unchanged, and its events',
            content: {
              'application/json': {
                schema: {
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
                    errors: { type: 'array', items: { type: 'object' } },
                  },
                },
              },
            },
          },
          400: error,
          401: error,
          403: { ...error, description: 'Writes disabled (beyond loopback without a token), an unexpected Host, or a cross-origin browser write' },
          413: error,
          503: { ...error, description: 'Extraction queue full: retry after the Retry-After header\'s seconds' },
        },
      },
    },
    '/api/stream': {
      get: {
        summary: 'Server-sent events: "change" with the numbers of stored documents and events whenever they change',
        responses: { 200: { description: 'An event stream (text/event-stream)', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
    '/api/health': {
      get: {
        summary: 'Whether the database (and, for workers, the job queue) answers; no sign-in needed',
        responses: {
          200: { description: 'All reachable', content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object' } } } } } },
          503: { description: 'Something is unreachable; checks names it' },
        },
      },
    },
    '/api/stats': {
      get: {
        summary: 'Event counts and fatalities in total, by date, by event type and by country',
        parameters: filterParams,
        responses: {
          200: {
            description: 'Counts',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    total: countRow,
                    documents: { type: 'integer' },
                    by_date: { type: 'array', items: { allOf: [countRow, { type: 'object', properties: { date: { type: 'string' } } }] } },
                    by_event_type: { type: 'array', items: { allOf: [countRow, { type: 'object', properties: { event_type: { type: 'string' } } }] } },
                    by_country: { type: 'array', items: { allOf: [countRow, { type: 'object', properties: { country: { type: 'string' }, iso3: { type: 'string' } } }] } },
                  },
                },
              },
            },
          },
          400: error,
        },
      },
    },
    '/api/openapi.json': { get: { summary: 'This description', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    ...REVIEW_PATHS,
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Event: event,
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
    },
  },
};

(OPENAPI.paths['/api/events/{id}'] as Record<string, unknown>).patch = REVIEW_PATCH;
