// Quotations: the spans of a text between an opening and a closing quotation mark (“...”, or
// straight "..."). What a quotation says is its speaker's: a day it names ("this morning",
// "yesterday") is the speaker's, told from when they spoke, not the narrator's.
import type { Doc } from '../../common/doc.js';

const OPEN = '\u201c'; // “
const CLOSE = '\u201d'; // ”
const STRAIGHT = '"';
/** A quotation mark left open for longer than this many characters opened none (a stray mark). */
const MAX_QUOTE_CHARS = 1500;

const cache = new WeakMap<Doc, Int32Array>();

/** [start, end) pairs, in text order, of the text's quotations (marks included). One scan of the text. */
export function quotations(text: string): Int32Array {
  const out: number[] = [];
  let open = -1;
  // (The next mark of each kind, found by indexOf: the text between marks is not read here.)
  let nextOpen = text.indexOf(OPEN);
  let nextClose = text.indexOf(CLOSE);
  let nextStraight = text.indexOf(STRAIGHT);
  for (;;) {
    let i = nextOpen;
    if (nextClose >= 0 && (i < 0 || nextClose < i)) i = nextClose;
    if (nextStraight >= 0 && (i < 0 || nextStraight < i)) i = nextStraight;
    if (i < 0) break;
    const c = i === nextOpen ? OPEN : i === nextClose ? CLOSE : STRAIGHT;
    if (c === OPEN) nextOpen = text.indexOf(OPEN, i + 1);
    else if (c === CLOSE) nextClose = text.indexOf(CLOSE, i + 1);
    else nextStraight = text.indexOf(STRAIGHT, i + 1);
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
