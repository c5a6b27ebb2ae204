// JSON Lines (one object per line, read as a stream) and JSON (an array of objects, or one object).
// Fields: text (required), id, date, title, source, url; --text-column/--id-column/--date-column rename
// the first three. A bad line or record is reported and the others are still read.
import { DATE_FORMS, normaliseDate } from './dates.js';
import { byteLines, type Chunks, decodeLine, describeError, IngestFailure, ingestError, lineOfOffset } from './input.js';
import type { IngestError, ReadOptions, SourceDocument } from './types.js';

export interface RecordFields {
  text: string;
  id: string;
  date: string;
}

export function fieldNames(options: ReadOptions): RecordFields {
  return { text: options.textColumn ?? 'text', id: options.idColumn ?? 'id', date: options.dateColumn ?? 'date' };
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** A document from one parsed JSON value; throws IngestFailure (without line) when it is unusable. */
export function recordToDocument(value: unknown, fields: RecordFields, origin: SourceDocument['origin']): SourceDocument {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new IngestFailure(`expected a JSON object, found ${describeType(value)}`);
  }
  const rec = value as Record<string, unknown>;
  const text = rec[fields.text];
  if (typeof text !== 'string') {
    throw new IngestFailure(
      text === undefined ? `no "${fields.text}" field` : `"${fields.text}" is ${describeType(text)}, not a string`,
    );
  }
  if (text.trim() === '') throw new IngestFailure(`empty "${fields.text}"`);
  const doc: SourceDocument = { text, origin };
  const id = rec[fields.id];
  if (typeof id === 'string') {
    if (id.trim() !== '') doc.id = id;
  } else if (typeof id === 'number' && Number.isFinite(id)) {
    doc.id = String(id);
  } else if (id !== undefined && id !== null) {
    throw new IngestFailure(`"${fields.id}" is ${describeType(id)}, not a string or number`);
  }
  const date = rec[fields.date];
  if (typeof date === 'string' && date.trim() !== '') {
    const d = normaliseDate(date);
    if (!d) throw new IngestFailure(`bad "${fields.date}" value "${date.slice(0, 60)}" (expected ${DATE_FORMS})`);
    doc.date = d;
  } else if (date !== undefined && date !== null && date !== '') {
    throw new IngestFailure(`"${fields.date}" is ${describeType(date)}, not a date string`);
  }
  for (const key of ['title', 'source', 'url'] as const) {
    const v = rec[key];
    if (typeof v === 'string' && v.trim() !== '') doc[key] = v.trim();
  }
  return doc;
}

/** JSONL from a byte stream, one line at a time (memory bounded by the longest line). */
export async function* readJsonl(
  chunks: Chunks,
  file: string,
  options: ReadOptions,
): AsyncGenerator<SourceDocument | IngestError> {
  const fields = fieldNames(options);
  let records = 0;
  for await (const raw of byteLines(chunks)) {
    let line: string;
    try {
      line = decodeLine(raw);
    } catch (err) {
      const e = err as IngestFailure;
      yield ingestError(file, e.message, e.line);
      // A NUL byte at the very start means a binary file: stop rather than report every line.
      if (raw.line === 1 && e.message.startsWith('binary')) return;
      continue;
    }
    const doc = parseJsonlLine(line, raw.line, file, fields);
    if (doc === null) continue;
    records++;
    yield doc;
  }
  if (records === 0) yield ingestError(file, 'empty file (no JSON lines)');
}

/** One JSONL line: a document, an error, or null for a blank line. */
function parseJsonlLine(line: string, lineNo: number, file: string, fields: RecordFields): SourceDocument | IngestError | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return ingestError(file, jsonError(line, err).message, lineNo);
  }
  try {
    return recordToDocument(value, fields, { file, line: lineNo });
  } catch (err) {
    return ingestError(file, describeError(err), lineNo);
  }
}

/**
 * Line numbers where the elements of a top-level JSON array start (one linear scan), so that a bad
 * record in a .json file can be reported by line. Assumes `text` is valid JSON starting with '['.
 */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character (never a newline in valid JSON)
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (depth === 1 && expectValue && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectValue = true;
  }
  return lines;
}

/** A JSON.parse error as a message with a column, and the line it names within `text`. */
function jsonError(text: string, err: unknown): { message: string; line?: number } {
  let msg = describeError(err).replace(/^JSON\.parse: /, '');
  const lineCol = /\s*\(line (\d+) column (\d+)\)/.exec(msg);
  if (lineCol) return { message: `invalid JSON: ${msg.replace(lineCol[0], '')} (column ${lineCol[2]})`, line: Number(lineCol[1]) };
  const pos = /\s*at position (\d+)/.exec(msg);
  if (!pos) return { message: `invalid JSON: ${msg}` };
  const offset = Number(pos[1]);
  const line = lineOfOffset(text, offset);
  const column = offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
  msg = msg.replace(pos[0], '');
  return { message: `invalid JSON: ${msg} (column ${column})`, line };
}

/** A .json file: an array of records, one record, or (leniently) JSON Lines. */
export async function* readJson(text: string, file: string, options: ReadOptions): AsyncGenerator<SourceDocument | IngestError> {
  const fields = fieldNames(options);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // Files named .json often hold JSON Lines: read them as such when the first line is an object.
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0).trim();
    if (text.includes('\n') && firstLine.startsWith('{') && isJson(firstLine)) {
      yield* readJsonl([text], file, options);
      return;
    }
    const { message, line } = jsonError(text, err);
    // An array with a broken record: the records around it are still read (see recoverArray).
    if (text.trimStart().startsWith('[')) {
      const recovered = recoverArray(text, file, fields);
      if (recovered.some((x) => !('error' in x))) {
        yield* recovered;
        return;
      }
    }
    yield ingestError(file, message, line);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield ingestError(file, 'empty JSON array (no records)');
      return;
    }
    const lines = arrayElementLines(text);
    const exact = lines.length === value.length;
    for (let i = 0; i < value.length; i++) {
      const line = exact ? lines[i] : undefined;
      try {
        yield recordToDocument(value[i], fields, line === undefined ? { file } : { file, line });
      } catch (err) {
        const msg = describeError(err);
        yield ingestError(file, line === undefined ? `record ${i + 1}: ${msg}` : msg, line);
      }
    }
    return;
  }
  try {
    yield recordToDocument(value, fields, { file });
  } catch (err) {
    yield ingestError(file, describeError(err));
  }
}

/**
 * The records of a JSON array that does not parse as a whole: every line that begins with '{'
 * (after any '[' or ',') starts a record that runs to the next such line; each is parsed alone,
 * and one that fails is reported at its line. Only for broken files: a record whose own lines
 * begin with '{' (pretty-printed nested objects) is cut, and reported, rather than read.
 */
export function recoverArray(text: string, file: string, fields: RecordFields): (SourceDocument | IngestError)[] {
  const starts: { offset: number; line: number }[] = [];
  let line = 1;
  for (let pos = 0; pos < text.length; line++) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    let i = pos;
    for (;;) {
      while (i < end && /\s/.test(text[i]!)) i++;
      if (i < end && (text[i] === '[' || text[i] === ',')) i++;
      else break;
    }
    if (text[i] === '{') starts.push({ offset: i, line });
    pos = end + 1;
  }
  const out: (SourceDocument | IngestError)[] = [];
  for (let k = 0; k < starts.length; k++) {
    const { offset, line: at } = starts[k]!;
    const end = k + 1 < starts.length ? starts[k + 1]!.offset : text.length;
    let piece = text.slice(offset, end).trimEnd();
    // Whatever closes the array, and the comma before the next record.
    while (piece.endsWith(',') || piece.endsWith(']')) piece = piece.slice(0, -1).trimEnd();
    let value: unknown;
    try {
      value = JSON.parse(piece);
    } catch (err) {
      const { message } = jsonError(piece, err);
      out.push(ingestError(file, message, at));
      continue;
    }
    try {
      out.push(recordToDocument(value, fields, { file, line: at }));
    } catch (err) {
      out.push(ingestError(file, describeError(err), at));
    }
  }
  return out;
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
