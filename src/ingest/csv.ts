// CSV (and TSV) with a header row, read as a stream of byte lines. Columns: text (required), id,
// date (renamed by --text-column/--id-column/--date-column), and title/source/url when present.
// A missing text column is one error for the file. Nothing good is lost to a bad row:
// - a row with invalid UTF-8 or a NUL byte is reported by line and skipped; the other rows are read;
// - a broken quote (a quote in a quoted field that is neither doubled nor followed by the delimiter
//   or the line's end, a quote never closed, or a quoted field running over many lines into a
//   record of the wrong width) is reported at the line where its record starts, and reading
//   resynchronises at the line after that one, so the rows it would have swallowed are read.
// Every line is scanned a bounded number of times: a record is given up after MAX_RECORD_LINES
// lines or MAX_RECORD_CHARS characters, and only the lines of a given-up record are read again.
import { DATE_FORMS, normaliseDate } from './dates.js';
import { binaryMessage, byteLines, type Chunks, invalidUtf8Offset, notUtf8Message, ingestError, type RawLine } from './input.js';
import { isUtf8 } from 'node:buffer';
import { fieldNames } from './jsonl.js';
import type { IngestError, ReadOptions, SourceDocument } from './types.js';

/** A quoted field may run over this many lines before its record is taken for a broken quote. */
export const MAX_RECORD_LINES = 2000;
/** ... or this many characters. */
export const MAX_RECORD_CHARS = 4_000_000;

interface CsvLine {
  line: number;
  text: string;
  /** Why the line's bytes cannot be used (invalid UTF-8, NUL), if so. */
  bad?: string;
}

interface CsvRecord {
  fields: string[];
  line: number;
  /** Lines the record spans. */
  span: number;
  /** A spoiled line in it: the record is reported and skipped. */
  bad?: { line: number; message: string };
}

/** Index of a column by exact name, else ignoring case and surrounding spaces; -1 when absent. */
function columnIndex(header: string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = name.trim().toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === wanted);
}

function describeColumns(header: string[]): string {
  const shown = header.slice(0, 20).map((h) => JSON.stringify(h));
  return shown.join(', ') + (header.length > 20 ? `, ... (${header.length} in all)` : '');
}

/** One byte line as text; invalid bytes are noted (and decoded as U+FFFD) rather than thrown. */
function decodeCsvLine(raw: RawLine): CsvLine {
  const bytes = raw.bytes;
  let bad: string | undefined;
  const nul = bytes.indexOf(0);
  if (nul >= 0) bad = raw.line === 1 ? binaryMessage(raw.offset + nul) : `NUL byte at offset ${raw.offset + nul} (binary data in the row)`;
  else if (!isUtf8(bytes)) bad = notUtf8Message(raw.offset + invalidUtf8Offset(bytes));
  let text = bytes.toString('utf8');
  if (raw.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  return bad === undefined ? { line: raw.line, text } : { line: raw.line, text, bad };
}

/**
 * Splits lines into records with resynchronisation after a broken quote. `push` takes the next
 * line; `end` flushes at the end of input. Records and errors come out through the callbacks.
 */
class RecordSplitter {
  private readonly delim: number;
  private readonly delimChar: string;
  /** Lines of the record being read (kept to read them again if it breaks). */
  private lines: CsvLine[] = [];
  private fields: string[] = [];
  private parts: string[] = [];
  private inQuote = false;
  private chars = 0;
  private queue: CsvLine[] = [];
  private next = 0;
  /** Width the records should have (the header's), once known. */
  width: number | undefined;

  constructor(
    delimiter: string,
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onBroken: (line: number, message: string) => void,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.delimChar = delimiter;
  }

  push(l: CsvLine): void {
    this.queue.push(l);
    this.drain();
  }

  end(): void {
    for (;;) {
      this.drain();
      if (this.lines.length === 0) return;
      // Input ended inside a quoted field.
      this.broken('a quote opened in this record is never closed');
    }
  }

  private drain(): void {
    // The queue holds the new line, and the lines of broken records to read again.
    while (this.next < this.queue.length) this.scan(this.queue[this.next++]!);
    this.queue = [];
    this.next = 0;
  }

  /** Gives up the current record: reports it, then reads its lines after the first again. */
  private broken(message: string, also?: CsvLine): void {
    const again = this.lines.slice(1);
    if (also) again.push(also);
    const line = this.lines[0]!.line;
    this.reset();
    this.onBroken(line, `malformed CSV: ${message}`);
    this.queue.splice(this.next, 0, ...again);
  }

  private reset(): void {
    this.lines = [];
    this.fields = [];
    this.parts = [];
    this.inQuote = false;
    this.chars = 0;
  }

  private endField(): void {
    this.fields.push(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    this.parts = [];
  }

  private endRecord(): void {
    const lines = this.lines;
    const fields = this.fields;
    if (lines.length > 1 && this.width !== undefined && fields.length !== this.width) {
      this.broken(`a quoted field runs over ${lines.length} lines into a record of ${fields.length} fields (the header has ${this.width}): a quote is probably not closed`);
      return;
    }
    if (lines.length > 2 && this.width !== undefined && this.width > 1 && lines.slice(1, -1).every((l) => this.lineWidth(l.text) === this.width)) {
      // Every line inside the quoted field is a whole record by itself: rows swallowed by a stray quote.
      this.broken(`a quote opened in this record runs over ${lines.length - 2} complete rows: it is probably not closed`);
      return;
    }
    const spoiled = lines.find((l) => l.bad !== undefined);
    this.reset();
    const rec: CsvRecord = { fields, line: lines[0]!.line, span: lines.length };
    if (spoiled) rec.bad = { line: spoiled.line, message: spoiled.bad! };
    this.onRecord(rec);
  }

  /** Fields of `s` read alone as one record, or -1 when its quotes are not well formed. */
  private lineWidth(s: string): number {
    const n = s.length;
    let fields = 1;
    let i = 0;
    while (i <= n) {
      if (s.charCodeAt(i) === 34) {
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) return -1;
          if (s.charCodeAt(q + 1) === 34) j = q + 2;
          else {
            j = q + 1;
            break;
          }
        }
        if (j === n) return fields;
        if (s.charCodeAt(j) !== this.delim) return -1;
        i = j + 1;
      } else {
        const d = s.indexOf(this.delimChar, i);
        if (d < 0) return fields;
        i = d + 1;
      }
      fields++;
    }
    return fields;
  }

  private scan(l: CsvLine): void {
    const s = l.text;
    const n = s.length;
    if (this.lines.length === 0) {
      if (s.trim() === '') {
        // A blank line between records (spoiled or not, it holds nothing).
        return;
      }
    } else {
      this.parts.push('\n'); // the line break inside a quoted field
      if (this.lines.length >= MAX_RECORD_LINES || this.chars > MAX_RECORD_CHARS) {
        this.parts = [];
        this.broken(`a quoted field runs over more than ${this.lines.length} lines: a quote is probably not closed`, l);
        return;
      }
    }
    this.lines.push(l);
    this.chars += n;
    const delim = this.delim;
    let i = 0;
    let fieldStart = !this.inQuote;
    for (;;) {
      if (this.inQuote) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.parts.push(s.slice(i));
          return; // the record goes on on the next line
        }
        if (q > i) this.parts.push(s.slice(i, q));
        const next = q + 1 < n ? s.charCodeAt(q + 1) : -1;
        if (next === 34) {
          this.parts.push('"');
          i = q + 2;
          continue;
        }
        if (next !== -1 && next !== delim) {
          this.broken(`a quote inside a quoted field (line ${l.line}) is neither doubled nor followed by "${this.delimChar === '\t' ? '\\t' : this.delimChar}"`);
          return;
        }
        this.inQuote = false;
        this.endField();
        if (next === -1) {
          this.endRecord();
          return;
        }
        i = q + 2;
        fieldStart = true;
        if (i === n) {
          this.parts.push('');
          this.endField();
          this.endRecord();
          return;
        }
        continue;
      }
      if (fieldStart && s.charCodeAt(i) === 34) {
        this.inQuote = true;
        fieldStart = false;
        i++;
        continue;
      }
      const d = s.indexOf(this.delimChar, i);
      if (d < 0) {
        this.parts.push(s.slice(i));
        this.endField();
        this.endRecord();
        return;
      }
      this.parts.push(s.slice(i, d));
      this.endField();
      i = d + 1;
      fieldStart = true;
      if (i === n) {
        this.parts.push('');
        this.endField();
        this.endRecord();
        return;
      }
    }
  }
}

export async function* readCsv(
  chunks: Chunks,
  file: string,
  options: ReadOptions,
  delimiter: ',' | '\t' = ',',
): AsyncGenerator<SourceDocument | IngestError> {
  const fields = fieldNames(options);
  const out: (SourceDocument | IngestError)[] = [];
  let header: string[] | undefined;
  let textIndex = -1;
  let idIndex = -1;
  let dateIndex = -1;
  const metaIndex: [key: 'title' | 'source' | 'url', index: number][] = [];
  let rows = 0;
  let stop = false;

  const onRecord = (rec: CsvRecord) => {
    if (stop) return;
    const row = rec.fields;
    const line = rec.line;
    if (!header) {
      if (rec.bad) {
        out.push(ingestError(file, rec.bad.message, rec.bad.line === 1 ? undefined : rec.bad.line));
        stop = true;
        return;
      }
      if (row.every((h) => h.trim() === '')) return; // whitespace-only lines before the header
      header = row;
      splitter.width = header.length;
      textIndex = columnIndex(header, fields.text);
      if (textIndex < 0) {
        out.push(ingestError(file, `no "${fields.text}" column (columns: ${describeColumns(header)})`, line));
        stop = true;
        return;
      }
      idIndex = columnIndex(header, fields.id);
      dateIndex = columnIndex(header, fields.date);
      for (const key of ['title', 'source', 'url'] as const) {
        const i = columnIndex(header, key);
        if (i >= 0) metaIndex.push([key, i]);
      }
      return;
    }
    if (rec.bad) {
      rows++;
      out.push(ingestError(file, rec.bad.message, rec.bad.line));
      return;
    }
    if (row.every((f) => f.trim() === '')) return; // a blank line, not a record
    rows++;
    const text = row[textIndex];
    if (text === undefined) {
      out.push(ingestError(file, `row has ${row.length} fields, no "${fields.text}" (column ${textIndex + 1})`, line));
      return;
    }
    if (text.trim() === '') {
      out.push(ingestError(file, `empty "${fields.text}"`, line));
      return;
    }
    const doc: SourceDocument = { text, origin: { file, line } };
    const id = idIndex >= 0 ? row[idIndex]?.trim() : undefined;
    if (id) doc.id = id;
    const rawDate = dateIndex >= 0 ? row[dateIndex]?.trim() : undefined;
    if (rawDate) {
      const date = normaliseDate(rawDate);
      if (!date) {
        out.push(ingestError(file, `bad "${fields.date}" value "${rawDate.slice(0, 60)}" (expected ${DATE_FORMS})`, line));
        return;
      }
      doc.date = date;
    }
    for (const [key, i] of metaIndex) {
      const v = row[i]?.trim();
      if (v) doc[key] = v;
    }
    out.push(doc);
  };
  const onBroken = (line: number, message: string) => {
    if (stop) return;
    if (header) rows++;
    out.push(ingestError(file, message, line));
  };
  const splitter = new RecordSplitter(delimiter, onRecord, onBroken);

  for await (const raw of byteLines(chunks)) {
    splitter.push(decodeCsvLine(raw));
    if (out.length > 0) {
      yield* out;
      out.length = 0;
    }
    if (stop) return;
  }
  splitter.end();
  yield* out;
  if (stop) return;
  if (!header) yield ingestError(file, 'empty file (no CSV header)');
  else if (rows === 0) yield ingestError(file, 'no rows after the CSV header');
}
