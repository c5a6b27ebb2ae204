// Characters a database cannot store are taken out of a document once, where it enters sitrep, so
// that the text that is extracted from, stored and shown is the same and evidence offsets stay true
// to it. PostgreSQL's text type refuses NUL ("invalid byte sequence for encoding UTF8: 0x00") and
// would fail the whole batch; a lone UTF-16 surrogate cannot be encoded as UTF-8 at all (both
// drivers would write U+FFFD in its place behind our back). NUL is removed; a lone surrogate
// becomes U+FFFD (one code unit for one, so offsets do not move).
import type { SourceDocument } from './types.js';

const UNSTORABLE = /\u0000|\p{Cs}/u;
const UNSTORABLE_ALL = /\u0000|\p{Cs}/gu;
/**
 * NUL or any surrogate code unit, paired or not: a text without one is storable. A search for code
 * units (no `u` flag) is several times faster than UNSTORABLE's, which reads the text by code point.
 */
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;

/** Whether `s` holds NUL or a lone surrogate. */
function unstorable(s: string): boolean {
  return MAYBE_UNSTORABLE.test(s) && UNSTORABLE.test(s);
}

/** `s` with NUL removed and lone surrogates replaced by U+FFFD (the same string when clean). */
export function storableText(s: string): string {
  return unstorable(s) ? s.replace(UNSTORABLE_ALL, (c) => (c === '\u0000' ? '' : '\uFFFD')) : s;
}

/** Number of NUL characters in `s` before `end` (to move an offset past the removed ones). */
function nulsBefore(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\u0000'); i >= 0 && i < end; i = s.indexOf('\u0000', i + 1)) n++;
  return n;
}

/**
 * Documents found storable, with the fields as they were found: a document that comes through a
 * reader is checked there and again where extraction starts, and the second check (a scan of the
 * whole text) is spared while its fields are the same strings.
 */
const found = new WeakMap<SourceDocument, readonly (string | undefined)[]>();

/** The document with every text field storable; the same object when nothing had to change. */
export function storableDocument<T extends SourceDocument>(doc: T): T {
  const fields = [doc.text, doc.id, doc.date, doc.title, doc.source, doc.url];
  const seen = found.get(doc);
  if (seen !== undefined && seen.every((f, i) => f === fields[i])) return doc;
  if (!fields.some((f) => f !== undefined && unstorable(f))) {
    found.set(doc, fields);
    return doc;
  }
  const out: T = { ...doc, text: storableText(doc.text) };
  if (doc.bodyStart !== undefined && doc.bodyStart > 0) out.bodyStart = doc.bodyStart - nulsBefore(doc.text, doc.bodyStart);
  for (const key of ['id', 'date', 'title', 'source', 'url'] as const) {
    const v = doc[key];
    if (v !== undefined) out[key] = storableText(v);
  }
  found.set(out, [out.text, out.id, out.date, out.title, out.source, out.url]);
  return out;
}
