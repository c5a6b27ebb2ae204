// CSV (and TSV) with a header row, read as a stream with csv-parse. Columns: text (required), id,
// date (renamed by --text-column/--id-column/--date-column), and title/source/url when present.
// A missing text column is one error for the file; a bad row is reported by line and skipped.
import { parse, type CsvError } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { DATE_FORMS, normaliseDate } from './dates.js';
import { type Chunks, decodeChunks, describeError, IngestFailure, ingestError } from './input.js';
import { fieldNames } from './jsonl.js';
import type { IngestError, ReadOptions, SourceDocument } from './types.js';

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Index of a column by exact name, else ignoring case and surrounding spaces; -1 when absent. */
function columnIndex(header: string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = name.trim().toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === wanted);
}

/** Line a csv-parse error names (0 when it names none). */
function errorLine(err: unknown): number {
  const lines = (err as { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : 0;
}

/** First line of a record: csv-parse reports the line where it ends. */
function startLine(rec: ParsedRecord): number {
  const raw = rec.raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
  let newlines = 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) newlines++;
  return rec.info.lines - newlines;
}

function describeColumns(header: string[]): string {
  const shown = header.slice(0, 20).map((h) => JSON.stringify(h));
  return shown.join(', ') + (header.length > 20 ? `, ... (${header.length} in all)` : '');
}

export async function* readCsv(
  chunks: Chunks,
  file: string,
  options: ReadOptions,
  delimiter: ',' | '\t' = ',',
): AsyncGenerator<SourceDocument | IngestError> {
  const fields = fieldNames(options);
  const skipped: CsvError[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) skipped.push(err);
      return undefined;
    },
  });
  let failure: unknown;
  const source = Readable.from(decodeChunks(chunks), { objectMode: false });
  pipeline(source, parser, (err) => {
    if (err && failure === undefined) failure = err;
  });

  let lastRecordEnd = 0;
  /** Parse errors before `line`, in order (they are collected as csv-parse meets them). */
  function* skippedBefore(line: number): Generator<IngestError> {
    skipped.sort((a, b) => errorLine(a) - errorLine(b));
    while (skipped.length > 0 && errorLine(skipped[0]!) <= line) {
      const e = skipped.shift()!;
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        // Met at the end of input; the record it spoils starts after the last good one.
        yield ingestError(file, 'malformed CSV: a quote opened in this record is never closed', lastRecordEnd + 1);
      } else {
        yield ingestError(file, `malformed CSV: ${describeError(e).replace(/ at line \d+/, '')}`, errorLine(e) || undefined);
      }
    }
  }

  let header: string[] | undefined;
  let textIndex = -1;
  let idIndex = -1;
  let dateIndex = -1;
  const metaIndex: [key: 'title' | 'source' | 'url', index: number][] = [];
  let rows = 0;
  try {
    for await (const rec of parser as AsyncIterable<ParsedRecord>) {
      const line = startLine(rec);
      yield* skippedBefore(line);
      lastRecordEnd = rec.info.lines;
      const row = rec.record;
      if (!header) {
        if (row.every((h) => h.trim() === '')) continue; // whitespace-only lines before the header
        header = row;
        textIndex = columnIndex(header, fields.text);
        if (textIndex < 0) {
          yield ingestError(file, `no "${fields.text}" column (columns: ${describeColumns(header)})`, line);
          source.destroy();
          return;
        }
        idIndex = columnIndex(header, fields.id);
        dateIndex = columnIndex(header, fields.date);
        for (const key of ['title', 'source', 'url'] as const) {
          const i = columnIndex(header, key);
          if (i >= 0) metaIndex.push([key, i]);
        }
        continue;
      }
      if (row.every((f) => f.trim() === '')) continue; // a blank line, not a record
      rows++;
      const text = row[textIndex];
      if (text === undefined) {
        yield ingestError(file, `row has ${row.length} fields, no "${fields.text}" (column ${textIndex + 1})`, line);
        continue;
      }
      if (text.trim() === '') {
        yield ingestError(file, `empty "${fields.text}"`, line);
        continue;
      }
      const doc: SourceDocument = { text, origin: { file, line } };
      const id = idIndex >= 0 ? row[idIndex]?.trim() : undefined;
      if (id) doc.id = id;
      const rawDate = dateIndex >= 0 ? row[dateIndex]?.trim() : undefined;
      if (rawDate) {
        const date = normaliseDate(rawDate);
        if (!date) {
          yield ingestError(file, `bad "${fields.date}" value "${rawDate.slice(0, 60)}" (expected ${DATE_FORMS})`, line);
          continue;
        }
        doc.date = date;
      }
      for (const [key, i] of metaIndex) {
        const v = row[i]?.trim();
        if (v) doc[key] = v;
      }
      yield doc;
    }
  } catch (err) {
    failure ??= err;
  }
  yield* skippedBefore(Number.MAX_SAFE_INTEGER);
  if (failure !== undefined) {
    const e = failure as IngestFailure;
    yield ingestError(file, describeError(e), e instanceof IngestFailure ? e.line : errorLine(e) || undefined);
    return;
  }
  if (!header) yield ingestError(file, 'empty file (no CSV header)');
  else if (rows === 0) yield ingestError(file, 'no rows after the CSV header');
}
