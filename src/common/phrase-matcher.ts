// Longest-match lookup of multi-word phrases over tokens, through a trie keyed by lower-cased
// token text: one pass over the tokens, cost linear in text length times the longest phrase.
import type { Token } from './doc.js';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

export interface PhraseMatch<T> {
  firstToken: number;
  endToken: number;
  value: T;
}

/** Splits a lexicon phrase the way the tokenizer splits text ("car bomb" → car|bomb, "U.S.-led" stays). */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .match(/(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}+|[^\s]/gu) ?? [];
}

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map() };

  add(phrase: string, value: T): void {
    let node = this.root;
    for (const part of phraseTokens(phrase)) {
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map() };
        node.next.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }

  /** Whether some phrase starts with this (lower-cased) word: a cheap filter before matchAt. */
  opens(word: string): boolean {
    return this.root.next.has(word);
  }

  /** Longest phrase starting at token i, within the same sentence. */
  matchAt(tokens: Token[], i: number): PhraseMatch<T> | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | null = null;
    const sentence = tokens[i]?.sentence;
    for (let k = i; k < tokens.length && tokens[k]!.sentence === sentence; k++) {
      node = node.next.get(tokens[k]!.lower);
      if (!node) break;
      if (node.value !== undefined) best = { firstToken: i, endToken: k + 1, value: node.value };
    }
    return best;
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: Token[], from = 0, to = tokens.length, accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; i++) {
      if (!this.root.next.has(tokens[i]!.lower)) continue;
      const m = this.matchAt(tokens, i);
      if (m && (!accept || accept(m))) {
        out.push(m);
        i = m.endToken - 1;
      }
    }
    return out;
  }
}
