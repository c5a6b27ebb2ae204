// Quotations: the spans of a text between an opening and a closing quotation mark (“...”, or
// straight "..."). What a quotation says is its speaker's: a day it names ("this morning",
// "yesterday") is the speaker's, told from when they spoke, not the narrator's.
import type { Doc } from '../../common/doc.js';

const OPEN = 0x201c; // “
const CLOSE = 0x201d; // ”
const STRAIGHT = 0x22; // "
/** A quotation mark left open for longer than this many characters opened none (a stray mark). */
const MAX_QUOTE_CHARS = 1500;

const cache = new WeakMap<Doc, Int32Array>();

/** Any quotation mark. */
const MARK = new RegExp(`[${String.fromCharCode(STRAIGHT, OPEN, CLOSE)}]`, 'g');

/** [start, end) pairs, in text order, of the text's quotations (marks included). One scan of the text. */
export function quotations(text: string): Int32Array {
  const out: number[] = [];
  let open = -1;
  // (One regular-expression scan for the three marks: about half the time of three indexOf scans,
  // and the text between marks is not read here.)
  MARK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARK.exec(text)) !== null) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (open >= 0 && i - open > MAX_QUOTE_CHARS) open = -1;
    if (open < 0) {
      // (A closing mark with none open is a stray one.)
      if (c !== CLOSE) open = i;
    } else if (c !== OPEN) {
      out.push(open, i + 1);
      open = -1;
    } else open = i; // an opening mark again: the first was stray
  }
  return Int32Array.from(out);
}

/** The document's quotations (see quotations), found once per document. */
export function quotationsOf(doc: Doc): Int32Array {
  let q = cache.get(doc);
  if (q === undefined) cache.set(doc, (q = quotations(doc.text)));
  return q;
}

/** The index of the quotation (its pairs' index / 2) the offset is in, or -1 (binary search). */
export function quotationAt(doc: Doc, offset: number): number {
  const q = quotationsOf(doc);
  let lo = 0;
  let hi = q.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (q[2 * mid + 1]! <= offset) lo = mid + 1;
    else if (q[2 * mid]! > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
