// Sets of words looked up once per token of a text. Most tokens are in no lexicon: a filter of one
// bit per (length, first, middle and last character) bucket rejects them without hashing their text
// for a Map or Set, which is most of the cost of such a look-up.
import type { Token } from './doc.js';

const FILTER_BITS = 1 << 15;
/** wordBucket's mask, for a caller that computes the bucket inline (the tokenizer). */
export const WORD_BUCKET_MASK = FILTER_BITS - 1;

/** The filter bucket of a word (the tokenizer stores each token's, see Token.bucket). */
export function wordBucket(word: string): number {
  const n = word.length;
  if (n === 0) return 0;
  const h = (n * 0x9e5) ^ (word.charCodeAt(0) * 0x3b1) ^ (word.charCodeAt(n >> 1) * 0x65) ^ word.charCodeAt(n - 1);
  return h & (FILTER_BITS - 1);
}

/**
 * The filter bucket of text[start, end) in lower case, read in place (no string made), when every
 * character is ASCII; else -1 (lower-casing may then change the length: look the word up).
 */
export function asciiLowerBucket(text: string, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) >= 128) return -1;
  const h = (n * 0x9e5) ^ (asciiLower(text.charCodeAt(start)) * 0x3b1) ^ (asciiLower(text.charCodeAt(start + (n >> 1))) * 0x65) ^ asciiLower(text.charCodeAt(end - 1));
  return h & (FILTER_BITS - 1);
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** May-contain filter: no false negatives, few false positives. */
export class WordFilter {
  /**
   * Bit b of the filter: bits[b >> 3] & (1 << (b & 7)). Hot loops test it themselves (see
   * WordSet.hasToken): with the inlining bin/sitrep.js turns off, a call per token costs more than the test.
   */
  readonly bits = new Uint8Array(FILTER_BITS >> 3);

  add(word: string): void {
    const b = wordBucket(word);
    this.bits[b >> 3]! |= 1 << (b & 7);
  }

  /** Whether a word of this bucket (see wordBucket; a token's is Token.bucket) may be in the set. */
  mayHaveBucket(b: number): boolean {
    return (this.bits[b >> 3]! & (1 << (b & 7))) !== 0;
  }
}

/** A Set of words behind a WordFilter, looked up by token. */
export class WordSet {
  private readonly filter = new WordFilter();
  private readonly bits = this.filter.bits;
  private readonly words = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    this.filter.add(word);
    this.words.add(word);
  }

  /** Whether the set holds the token's lower-cased text. */
  hasToken(t: Token): boolean {
    const b = t.bucket;
    return (this.bits[b >> 3]! & (1 << (b & 7))) !== 0 && this.words.has(t.lower);
  }
}
