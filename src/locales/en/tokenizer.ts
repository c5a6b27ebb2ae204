// Tokens and sentences in one linear pass. A sticky regex does the scanning: V8 runs it far faster
// than a general-purpose NLP tokenizer and it never looks back, so the cost is linear in the text.
import type { Doc, PipelineComponent, Token, TokenKind } from '../../common/doc.js';
import abbreviationList from './data/abbreviations.json' with { type: 'json' };

// Words keep inner apostrophes, hyphens and dots of initialisms ("Kurdish-led", "al-Shabaab", "U.S.").
const TOKEN_RE =
  /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:]\p{N}+)*(?:st|nd|rd|th|s)?(?![\p{L}])|[^\s]/uy;

const abbreviations = new Set<string>(abbreviationList.abbreviations.map((a: string) => a.toLowerCase()));
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

function kindOf(ch: number, text: string): TokenKind {
  if (ch >= 48 && ch <= 57) return 'number';
  if (/[\p{L}]/u.test(text[0]!)) return 'word';
  if (/[\p{P}]/u.test(text[0]!)) return 'punct';
  return 'symbol';
}

function isUpper(s: string): boolean {
  const c = s[0]!;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function tokenize(doc: Doc): void {
  const text = doc.text;
  const tokens = doc.tokens;
  TOKEN_RE.lastIndex = doc.bodyStart;
  // Skip whitespace manually between matches (the sticky regex matches only at lastIndex).
  let i = doc.bodyStart;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 12 || c === 0x2028 || c === 0x202f || c === 0x2009) {
      i++;
      continue;
    }
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(text);
    if (!m) {
      i++;
      continue;
    }
    const t = m[0];
    const start = i;
    const end = i + t.length;
    const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
    tokens.push({
      start,
      end,
      text: t,
      lower: t.toLowerCase(),
      kind: kindOf(c, t),
      upper: isUpper(t),
      sentence: 0,
      spaceBefore: start === doc.bodyStart || prev === 32 || prev === 10 || prev === 13 || prev === 9 || prev === 160,
    });
    i = end;
  }
  splitSentences(doc);
}

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
    // A line break between tokens ends the sentence (headlines, captions, paragraphs).
    if (hasNewline(text, t.end, next.start)) {
      close(k + 1);
      continue;
    }
    if (!SENTENCE_END.has(t.text)) continue;
    // Absorb closing quotes/brackets into the sentence.
    let last = k;
    while (tokens[last + 1] && CLOSERS.has(tokens[last + 1]!.text) && !tokens[last + 1]!.spaceBefore) last++;
    const after = tokens[last + 1];
    if (!after) break;
    if (!after.spaceBefore && !hasNewline(text, tokens[last]!.end, after.start)) continue;
    if (t.text === '.') {
      const before = tokens[k - 1];
      // "Gen. Smith", "Jan. 5": a full stop after an abbreviation does not end the sentence.
      if (before && before.end === t.start && abbreviations.has(before.lower)) continue;
      if (before && before.kind === 'word' && before.text.length === 1 && before.upper) continue; // initials "J. Smith"
    }
    if (after.upper || after.kind === 'number' || after.text === '"' || after.text === '“' || after.text === "'" || after.text === '‘' || after.text === '(' || after.text === '[') {
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
