// Tokens and sentences in one linear pass over character codes: no regex per token for ASCII text,
// and it never looks back, so the cost is linear in the text.
import { charClasses, LETTER, MARK, NUMBER, PUNCTUATION, UPPER } from '../../common/char-classes.js';
import type { Doc, PipelineComponent, Token, TokenKind } from '../../common/doc.js';
import { wordBucket, WORD_BUCKET_MASK } from '../../common/word-set.js';
import abbreviationList from './data/abbreviations.json' with { type: 'json' };

// Words keep inner apostrophes, hyphens and dots of initialisms ("Kurdish-led", "al-Shabaab", "U.S.").
// ASCII text is scanned by hand (the common case, and several times faster than a Unicode regex);
// other scripts by their Unicode classes (common/char-classes).
function isWordStart(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return c >= 128 && (charClasses(c) & (LETTER | MARK)) !== 0;
}

function isWordChar(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return c >= 128 && (charClasses(c) & (LETTER | MARK | NUMBER)) !== 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether the token tokenEnd last scanned has a character that lower-casing changes: NO_CAPITAL,
 * CAPITAL, or UNKNOWN (a character past ASCII: the caller checks). Tracked during the scan so that
 * most tokens are not read twice.
 */
const NO_CAPITAL = 0;
const CAPITAL = 1;
const UNKNOWN = 2;
let scannedCase = NO_CAPITAL;

function caseOf(c: number): number {
  return c < 128 ? (c >= 65 && c <= 90 ? CAPITAL : NO_CAPITAL) : UNKNOWN;
}

/** End offset of the token starting at i (text[i] is not whitespace); sets scannedCase. */
function tokenEnd(text: string, i: number, c: number): number {
  const n = text.length;
  // (ASCII letters tested here: isWordStart is a call, and this runs once per token.)
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 128 && isWordStart(c))) {
    // Initialism: "U.S.", "U.N."
    if (i + 3 < n && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 3) === 46 && isWordStart(text.charCodeAt(i + 2))) {
      let j = i;
      while (j + 1 < n && isWordStart(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      scannedCase = UNKNOWN;
      return j;
    }
    let cased = caseOf(c);
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      // ASCII letters and digits inline: the common case by far.
      if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) j++;
      else if (d >= 65 && d <= 90) {
        if (cased === NO_CAPITAL) cased = CAPITAL;
        j++;
      } else if (d < 128 ? false : isWordChar(d)) {
        cased = UNKNOWN;
        j++;
      } else if ((d === 39 || d === 0x2019 || d === 45) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) {
        const e = caseOf(text.charCodeAt(j + 1));
        if (e > cased) cased = e;
        j += 2;
      } else break;
    }
    scannedCase = cased;
    return j;
  }
  // Numbers are digits, separators and lower-case suffixes; other tokens are one character.
  scannedCase = c < 128 ? NO_CAPITAL : UNKNOWN;
  if (isDigit(c) || (c >= 128 && (charClasses(c) & NUMBER) !== 0)) {
    let j = i + 1;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    // 1,200 / 3.5 / 9:30
    while (j + 1 < n && (text.charCodeAt(j) === 44 || text.charCodeAt(j) === 46 || text.charCodeAt(j) === 58) && isDigit(text.charCodeAt(j + 1))) {
      j += 2;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
    // Ordinals and decades: "21st", "1990s" (not "28-year-old", not "5km").
    const suffix = ordinalSuffixLength(text, j);
    if (suffix > 0 && !(j + suffix < n && isWordChar(text.charCodeAt(j + suffix)))) j += suffix;
    return j;
  }
  // One character, or a surrogate pair.
  return c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1;
}

/** Length of "st", "nd", "rd", "th" or "s" at j (in that order of preference), else 0. */
function ordinalSuffixLength(text: string, j: number): number {
  if (j + 1 >= text.length) return j < text.length && text.charCodeAt(j) === 115 ? 1 : 0;
  const a = text.charCodeAt(j);
  const b = text.charCodeAt(j + 1);
  if (a === 115) return b === 116 ? 2 : 1; // st | s
  if ((a === 110 || a === 114) && b === 100) return 2; // nd | rd
  if (a === 116 && b === 104) return 2; // th
  return 0;
}

const abbreviations = new Set<string>(abbreviationList.abbreviations.map((a: string) => a.toLowerCase()));
// Sentence ends and closers are single-character tokens: compared by character code.
const FULL_STOP = 46;
/** . ! ? … */
const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;
/** " ” ’ ' ) ] */
const isCloser = (c: number): boolean => c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;
/** " “ ' ‘ ( [ */
const isOpener = (c: number): boolean => c === 34 || c === 0x201c || c === 39 || c === 0x2018 || c === 40 || c === 91;

/** Kind of a token by its first character. */
function kindOf(ch: number): TokenKind {
  if (ch >= 48 && ch <= 57) return 'number';
  if ((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90)) return 'word';
  const classes = charClasses(ch);
  if (ch >= 128 && (classes & LETTER) !== 0) return 'word';
  return (classes & PUNCTUATION) !== 0 ? 'punct' : 'symbol';
}

function isUpper(ch: number): boolean {
  if (ch >= 65 && ch <= 90) return true;
  return ch >= 128 && (charClasses(ch) & UPPER) !== 0;
}

/** One-character tokens (punctuation, "a", "I") share one string each instead of a slice per token. */
const ONE_CHAR_CACHED = 0x3000;
const ONE_CHAR: (string | undefined)[] = [];

export function tokenize(doc: Doc): void {
  const text = doc.text;
  const tokens = doc.tokens;
  const bodyStart = doc.bodyStart;
  let i = bodyStart;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 12 || c === 0x2028 || c === 0x202f || c === 0x2009) {
      i++;
      continue;
    }
    const start = i;
    const end = tokenEnd(text, i, c);
    const t = end - start === 1 && c < ONE_CHAR_CACHED ? (ONE_CHAR[c] ??= text[start]!) : text.slice(start, end);
    const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
    let lower = t;
    let bucket: number;
    if (scannedCase === UNKNOWN && needsLowerCase(text, start, end)) {
      lower = t.toLowerCase();
      bucket = wordBucket(lower);
    } else {
      // (wordBucket of the lower case, read off the text: lower-casing changes ASCII capitals only,
      // one code unit each. Inline: this runs once per token.)
      if (scannedCase === CAPITAL) lower = t.toLowerCase();
      const len = end - start;
      const a = text.charCodeAt(start);
      const m = text.charCodeAt(start + (len >> 1));
      const z = text.charCodeAt(end - 1);
      bucket = ((len * 0x9e5) ^ ((a >= 65 && a <= 90 ? a + 32 : a) * 0x3b1) ^ ((m >= 65 && m <= 90 ? m + 32 : m) * 0x65) ^ (z >= 65 && z <= 90 ? z + 32 : z)) & WORD_BUCKET_MASK;
    }
    tokens.push({
      start,
      end,
      text: t,
      lower,
      // (ASCII cases written out: this runs once per token.)
      kind: c >= 97 && c <= 122 ? 'word' : c >= 65 && c <= 90 ? 'word' : kindOf(c),
      upper: c < 128 ? c >= 65 && c <= 90 : isUpper(c),
      sentence: 0,
      spaceBefore: start === bodyStart || prev === 32 || prev === 10 || prev === 13 || prev === 9 || prev === 160,
      bucket,
    });
    i = end;
  }
  splitSentences(doc);
}

// Characters below U+2500 that lower-casing changes (Latin, Greek, Cyrillic... capitals, Roman
// numerals, circled letters); computed from toLowerCase itself so the two always agree.
const CASED_END = 0x2500;
const CASED = new Uint8Array(CASED_END);
for (let c = 0x80; c < CASED_END; c++) {
  const ch = String.fromCharCode(c);
  if (ch.toLowerCase() !== ch) CASED[c] = 1;
}

/**
 * Whether lower-casing could change the token: it has a capital, or a character past the table.
 * Most tokens (lower-case words, punctuation, curly quotes) keep their own string, which spares
 * toLowerCase (slow on two-byte strings, i.e. any text with curly quotes) on every token. Only
 * final sigma depends on context in the root locale, and Σ is a capital anyway.
 */
function needsLowerCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c >= 65 && c <= 90 : c >= CASED_END || CASED[c] === 1) return true;
  }
  return false;
}

/** Character code of a one-character token, else -1. */
function charOf(text: string, t: Token): number {
  return t.end - t.start === 1 ? text.charCodeAt(t.start) : -1;
}

/**
 * No sentence runs longer than this many tokens (the longest ordinary ones are about 150): later
 * stages compare the mentions within a sentence pairwise, so text without sentence ends (a run-on
 * of 200 KB) is cut into pieces of this size and stays linear in its length.
 */
export const MAX_SENTENCE_TOKENS = 400;

/** Sentence boundaries: terminal punctuation before a capital, digit or quote, and line breaks. */
function splitSentences(doc: Doc): void {
  const tokens = doc.tokens;
  const text = doc.text;
  let first = 0;
  const close = (endToken: number) => {
    if (endToken <= first) return;
    const index = doc.sentences.length;
    for (let k = first; k < endToken; k++) tokens[k]!.sentence = index;
    doc.sentences.push({ start: tokens[first]!.start, end: tokens[endToken - 1]!.end, firstToken: first, endToken });
    first = endToken;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (!next) break;
    if (k + 1 - first >= MAX_SENTENCE_TOKENS) {
      close(k + 1);
      continue;
    }
    // A line break between tokens ends the sentence (headlines, captions, paragraphs).
    const gap = next.start - t.end;
    if (gap > 0 && (gap > 1 ? hasNewline(text, t.end, next.start) : text.charCodeAt(t.end) === 10 || text.charCodeAt(t.end) === 13)) {
      close(k + 1);
      continue;
    }
    if (t.end - t.start !== 1) continue;
    const ch = text.charCodeAt(t.start);
    if (!isSentenceEnd(ch)) continue;
    // Absorb closing quotes/brackets into the sentence.
    let last = k;
    while (tokens[last + 1] && isCloser(charOf(text, tokens[last + 1]!)) && !tokens[last + 1]!.spaceBefore) last++;
    const after = tokens[last + 1];
    if (!after) break;
    if (!after.spaceBefore && !hasNewline(text, tokens[last]!.end, after.start)) continue;
    if (ch === FULL_STOP) {
      const before = tokens[k - 1];
      // "Gen. Smith", "Jan. 5": a full stop after an abbreviation does not end the sentence.
      if (before && before.end === t.start && abbreviations.has(before.lower)) continue;
      if (before && before.kind === 'word' && before.text.length === 1 && before.upper) continue; // initials "J. Smith"
    }
    if (after.upper || after.kind === 'number' || isOpener(charOf(text, after))) {
      close(last + 1);
      k = last;
    }
  }
  close(tokens.length);
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

export const tokenizer: PipelineComponent = { name: 'tokenizer', apply: tokenize };
