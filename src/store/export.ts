// Stored events as a stream of text chunks in one of the output formats, read page by page:
// `sitrep export` and the HTTP API's .csv/.geojson endpoints share it.
import { acledCsvHeader, acledCsvRow, type AcledLayout } from '../output/acled-csv.js';
import { geoJsonChunks } from '../output/geojson.js';
import { toJsonl } from '../output/jsonl.js';
import type { Store } from './index.js';
import type { EventFilters } from './types.js';

import type { ExportFormat } from './export-formats.js';

export { EXPORT_FORMATS, type ExportFormat } from './export-formats.js';

const CHUNK_CHARS = 64 * 1024;
/** Events per query: small enough that one page's synchronous read (SQLite) keeps other requests waiting only briefly. */
const PAGE_SIZE = 200;

/** Joins small pieces into chunks of about 64 KiB (fewer writes, same bytes). */
async function* coalesce(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buf = '';
  for await (const p of pieces) {
    buf += p;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

export interface ExportOptions {
  /** Claims (and, in jsonl, evidence) with each event; default true. The dashboard's overview does without. */
  details?: boolean;
  /** ACLED CSV layout; default 2024. */
  layout?: AcledLayout;
  /** Counts the events written (e.g. to warn when filters match nothing). */
  counter?: { events: number };
}

async function* counted<T>(items: AsyncIterable<T>, counter?: { events: number }): AsyncGenerator<T> {
  for await (const x of items) {
    if (counter) counter.events++;
    yield x;
  }
}

async function* pieces(store: Store, format: ExportFormat, filters: EventFilters, options: ExportOptions): AsyncGenerator<string> {
  if (format === 'acled-csv') {
    // ACLED's columns, then the review status (unreviewed, confirmed, edited, rejected) as an extra last column.
    yield acledCsvHeader(options.layout).replace(/\n$/, ',review_status\n');
    for await (const e of store.iterateEvents(filters, { details: false, pageSize: PAGE_SIZE })) {
      if (options.counter) options.counter.events++;
      yield acledCsvRow(e, e.timestamp, options.layout).replace(/\n$/, `,${e.review_status ?? 'unreviewed'}\n`);
    }
  } else if (format === 'jsonl') {
    for await (const e of store.iterateEvents(filters, { details: options.details ?? true, pageSize: PAGE_SIZE })) {
      if (options.counter) options.counter.events++;
      yield toJsonl(e);
    }
  } else {
    yield* geoJsonChunks(counted(store.iterateEvents(filters, { details: options.details ?? true, pageSize: PAGE_SIZE }), options.counter));
  }
}

export function exportChunks(store: Store, format: ExportFormat, filters: EventFilters, options: ExportOptions = {}): AsyncGenerator<string> {
  return coalesce(pieces(store, format, filters, options));
}
