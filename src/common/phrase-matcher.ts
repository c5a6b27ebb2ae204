// Longest-match lookup of multi-word phrases over tokens, through a trie keyed by lower-cased
// token text: one pass over the tokens, cost linear in text length times the longest phrase.
import type { Token } from './doc.js';
import { WordFilter } from './word-set.js';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

export interface PhraseMatch<T> {
  firstToken: number;
  endToken: number;
  value: T;
}

/** Splits a lexicon phrase the way the tokenizer splits text ("car bomb" → car|bomb, "U.S.-led" stays, "12.7mm" → 12.7|mm). */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .match(/(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:]\p{N}+)*|[^\s]/gu) ?? [];
}

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  /** First words of the phrases: most tokens are rejected here without hashing their text. */
  private readonly firstWords = new WordFilter();
  /** Its bits, tested inline (see WordFilter.bits). */
  private readonly firstBits = this.firstWords.bits;
  /**
   * Second words of the phrases of two words or more. Most first words that open a phrase are common
   * ones ("to", "in", "the") whose phrases all go on, and the next token is in none of them: it is
   * rejected here, without the call and the trie's Map.
   */
  private readonly secondWords = new WordFilter();
  /** Its bits, tested inline. */
  private readonly secondBits = this.secondWords.bits;

  add(phrase: string, value: T): void {
    let node = this.root;
    const parts = phraseTokens(phrase);
    if (parts.length === 0) return;
    this.firstWords.add(parts[0]!);
    if (parts.length > 1) this.secondWords.add(parts[1]!);
    for (const part of parts) {
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map() };
        node.next.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }

  /** Whether some phrase starts with the token's word: a cheap filter before matchAt. */
  opensAt(t: Token): boolean {
    const b = t.bucket;
    return (this.firstBits[b >> 3]! & (1 << (b & 7))) !== 0 && this.root.next.has(t.lower);
  }

  /** Longest phrase starting at token i, within the same sentence. */
  matchAt(tokens: Token[], i: number): PhraseMatch<T> | null {
    const t = tokens[i];
    if (t === undefined) return null;
    const b = t.bucket;
    const node = (this.firstBits[b >> 3]! & (1 << (b & 7))) !== 0 ? this.root.next.get(t.lower) : undefined;
    if (node === undefined) return null;
    // (A first word that is no phrase of its own, before a token that is no phrase's second word: no match.)
    if (node.value === undefined) {
      const u = tokens[i + 1];
      if (u === undefined) return null;
      const c = u.bucket;
      if ((this.secondBits[c >> 3]! & (1 << (c & 7))) === 0) return null;
    }
    return this.matchFrom(tokens, i, node);
  }

  /** Longest phrase starting at token i, whose first word led to `node`. */
  private matchFrom(tokens: Token[], i: number, node: TrieNode<T>): PhraseMatch<T> | null {
    // Only the best end is remembered on the way down: one object per match, none per step.
    let bestEnd = node.value !== undefined ? i + 1 : -1;
    let bestValue = node.value;
    const sentence = tokens[i]!.sentence;
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.sentence !== sentence) break;
      const child = node.next.size === 0 ? undefined : node.next.get(t.lower);
      if (child === undefined) break;
      node = child;
      if (node.value !== undefined) {
        bestEnd = k + 1;
        bestValue = node.value;
      }
    }
    return bestEnd < 0 ? null : { firstToken: i, endToken: bestEnd, value: bestValue as T };
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: Token[], from = 0, to = tokens.length, accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const bits = this.firstBits;
    const second = this.secondBits;
    const first = this.root.next;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      const b = t.bucket;
      if ((bits[b >> 3]! & (1 << (b & 7))) === 0) continue;
      const node = first.get(t.lower);
      if (node === undefined) continue;
      // (As in matchAt: a first word alone before no phrase's second word matches nothing.)
      if (node.value === undefined) {
        const u = tokens[i + 1];
        if (u === undefined) continue;
        const c = u.bucket;
        if ((second[c >> 3]! & (1 << (c & 7))) === 0) continue;
      }
      const m = this.matchFrom(tokens, i, node);
      if (m && (!accept || accept(m))) {
        out.push(m);
        i = m.endToken - 1;
      }
    }
    return out;
  }
}
