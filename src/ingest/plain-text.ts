// Plain-text articles: one document per file. A header at the top may give metadata:
//   date 2022-01-24 Fears over ...        (the seed's form: the body goes on on the same line)
//   date: 2022-01-24 / title: ... / source: ... / url: ...   (one per line, any order)
// The header ends at the first line that is not a header line; blank lines after it are skipped.
// `text` keeps the header, so offsets index the file as written; `bodyStart` says where the body begins.
import { DATE_FORMS, normaliseDate } from './dates.js';
import { IngestFailure } from './input.js';
import type { SourceDocument } from './types.js';

type HeaderKey = 'date' | 'title' | 'source' | 'url';

// The value is trimmed in code: a lazy `(.*?)[ \t]*$` backtracks quadratically on a long run of spaces.
const KEYED_LINE = /^[ \t]*(date|title|source|url)[ \t]*:(.*)$/i;
// `date YYYY-MM-DD` without a colon; the body may follow on the same line.
const BARE_DATE = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)/i;

interface Header {
  meta: Partial<Record<HeaderKey, string>>;
  bodyStart: number;
}

function parseHeader(text: string): Header {
  const meta: Header['meta'] = {};
  let pos = 0;
  let lineNo = 1;
  let sawHeader = false;
  // Blank lines before the header are allowed.
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const next = nl < 0 ? text.length : nl + 1;
    if (line.trim() === '') {
      if (sawHeader) break;
      pos = next;
      lineNo++;
      continue;
    }
    const keyed = KEYED_LINE.exec(line);
    if (keyed) {
      const key = keyed[1]!.toLowerCase() as HeaderKey;
      setField(meta, key, trimSpaces(keyed[2]!), lineNo);
      sawHeader = true;
      pos = next;
      lineNo++;
      continue;
    }
    const bare = BARE_DATE.exec(line);
    if (bare) {
      setField(meta, 'date', bare[1]!, lineNo);
      sawHeader = true;
      const rest = line.slice(bare[0].length);
      if (rest.trim() !== '') {
        // Body on the same line, after the date.
        pos += bare[0].length;
        break;
      }
      pos = next;
      lineNo++;
      continue;
    }
    break;
  }
  if (!sawHeader) return { meta, bodyStart: firstNonSpace(text, 0) };
  return { meta, bodyStart: firstNonSpace(text, pos) };
}

function setField(meta: Header['meta'], key: HeaderKey, value: string, lineNo: number): void {
  if (key === 'date') {
    const date = normaliseDate(value);
    if (!date) throw new IngestFailure(`bad date "${value}" in header (expected ${DATE_FORMS})`, lineNo);
    meta.date = date;
  } else if (value !== '') {
    meta[key] = value;
  }
}

/** `s` without spaces and tabs at either end. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 9)) b--;
  return s.slice(a, b);
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** The document for one plain-text file's content (already decoded, BOM removed). */
export function readPlainText(text: string, file: string): SourceDocument {
  const { meta, bodyStart } = parseHeader(text);
  if (bodyStart >= text.length) throw new IngestFailure('no article text after the header');
  const doc: SourceDocument = { text, bodyStart, origin: { file } };
  if (meta.date) doc.date = meta.date;
  if (meta.title) doc.title = meta.title;
  if (meta.source) doc.source = meta.source;
  if (meta.url) doc.url = meta.url;
  return doc;
}
