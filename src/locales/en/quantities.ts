// Numbers and quantities in words and digits: "seven", "at least 28", "twenty-five", "1,200", "dozens".
import { lowerAt, type Doc, type PipelineComponent, type Quantity } from '../../common/doc.js';
import { PhraseMatcher, phraseTokens } from '../../common/phrase-matcher.js';
import { WordSet } from '../../common/word-set.js';
import lexicon from './data/numbers.json' with { type: 'json' };
import calendarWords from './data/calendar-words.json' with { type: 'json' };

type Modifier = NonNullable<Quantity['modifier']>;
const oneWord = (table: Record<string, number>) => Object.keys(table).filter((w) => !w.includes(' '));
/** One-word numbers and multipliers ("seven", "twenty", "hundred"): a count before a noun. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...oneWord(lexicon.units), ...oneWord(lexicon.multipliers)]);
/** One-word vague quantities ("dozens", "several"). */
export const VAGUE_NUMBER_WORDS: ReadonlySet<string> = new Set(oneWord(lexicon.vague));
const units = new PhraseMatcher<number>();
for (const [w, v] of Object.entries(lexicon.units)) units.add(w, v);
const vague = new PhraseMatcher<number>();
for (const [w, v] of Object.entries(lexicon.vague)) vague.add(w, v);
const modifiers = new PhraseMatcher<Modifier>();
for (const [w, v] of Object.entries(lexicon.modifiers)) modifiers.add(w, v as Modifier);
const multipliers: Record<string, number> = lexicon.multipliers;
/** Words that open a modifier, unit or vague quantity: one look-up per token instead of three. */
const OPENERS = new WordSet();
for (const table of [lexicon.units, lexicon.vague, lexicon.modifiers]) {
  for (const w of Object.keys(table)) {
    const first = phraseTokens(w)[0];
    if (first !== undefined) OPENERS.add(first);
  }
}
/** Capitalised month names and abbreviations, to tell "15 December" from "15 people". */
const MONTH_WORDS = new Set(Object.keys(calendarWords.months).map((m) => m[0]!.toUpperCase() + m.slice(1)));

/** Whether the word holds a hyphen (a loop over character codes: indexOf is slow on two-byte strings). */
function hasHyphen(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) === 45) return true;
  return false;
}

/** Index of the first token at or after `from` that starts at or after `offset` (tokens are sorted). */
function firstTokenFrom(tokens: Doc['tokens'], offset: number, from: number): number {
  let lo = from;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number at k is written against a slash and another number ("11/04"). */
function slashJoined(tokens: Doc['tokens'], k: number): boolean {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (prev && prev.text === '/' && !t.spaceBefore && !prev.spaceBefore && tokens[k - 2]?.kind === 'number') return true;
  return !!next && next.text === '/' && !next.spaceBefore && tokens[k + 2]?.kind === 'number' && !tokens[k + 2]!.spaceBefore;
}

/** "twenty-five" → 25, "twenty" → 20 */
function hyphenated(word: string): number | undefined {
  if (!hasHyphen(word)) return undefined;
  const parts = word.split('-');
  if (parts.length !== 2) return undefined;
  const tens = (lexicon.units as Record<string, number>)[parts[0]!];
  const one = (lexicon.units as Record<string, number>)[parts[1]!];
  if (tens === undefined || one === undefined || tens < 20 || tens % 10 !== 0 || one < 1 || one > 9) return undefined;
  return tens + one;
}

const HHMM = /^(?:[01]\d|2[0-3])[0-5]\d$/;
const CLOCK_BEFORE = new Set<string>(lexicon.clockTime.before);
const CLOCK_AFTER = new Set<string>(lexicon.clockTime.after);
const CLOCK_NOT_AFTER = new Set<string>(lexicon.clockTime.notAfter);

/**
 * The number at k (its phrase opening at startToken, a modifier before it) is a time of day: four
 * digits of hours and minutes that open with a zero ("0815"), or told after "at" ("at 1620", "at
 * about 1930") or before "hours" or "GMT" (numbers.json, clockTime).
 */
function clockTime(tokens: Doc['tokens'], k: number, startToken: number): boolean {
  const t = tokens[k]!;
  if (!HHMM.test(t.text)) return false;
  if (t.text.charCodeAt(0) === 48 || CLOCK_AFTER.has(lowerAt(tokens, k + 1))) return true;
  return startToken > 0 && CLOCK_BEFORE.has(lowerAt(tokens, startToken - 1)) && !CLOCK_NOT_AFTER.has(lowerAt(tokens, startToken - 2));
}

const AGE_BEFORE = new Set<string>(lexicon.age.before);
const AGE_JOINERS = new Set<string>(lexicon.age.joiners);
/** Most years of a person's age. */
const MAX_AGE = 120;

/** The number at k gives a person's age: between commas right after a word ("Perez, 65, was"), or after "aged". */
function age(tokens: Doc['tokens'], k: number): boolean {
  const t = tokens[k]!;
  if (!/^\d{1,3}$/.test(t.text) || Number(t.text) > MAX_AGE) return false;
  if (AGE_BEFORE.has(lowerAt(tokens, k - 1))) return true;
  // "aged 19 and 21": a number joined to an age told after "aged" is an age too.
  if (AGE_JOINERS.has(lowerAt(tokens, k - 1)) && tokens[k - 2]?.kind === 'number' && AGE_BEFORE.has(lowerAt(tokens, k - 3))) return true;
  return tokens[k - 1]?.text === ',' && tokens[k + 1]?.text === ',' && tokens[k - 2]?.kind === 'word';
}

export function recogniseQuantities(doc: Doc): void {
  const tokens = doc.tokens;
  // Tokens inside date expressions are not quantities.
  const inDate = new Uint8Array(tokens.length);
  let d = 0;
  for (let i = 0; i < tokens.length && d < doc.dates.length; i++) {
    while (d < doc.dates.length && doc.dates[d]!.end <= tokens[i]!.start) d++;
    const span = doc.dates[d];
    if (!span) break;
    // Tokens before the date cannot lie inside it: jump to its first token.
    if (tokens[i]!.start < span.start) {
      i = firstTokenFrom(tokens, span.start, i) - 1;
      continue;
    }
    if (tokens[i]!.end <= span.end) inDate[i] = 1;
  }
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    if (inDate[i]) continue;
    const t = tokens[i]!;
    // (The shortest hyphened number word, "forty-one", has nine letters.)
    if (t.kind !== 'number' && !OPENERS.hasToken(t) && !(t.lower.length >= 9 && hasHyphen(t.lower))) continue;
    const mod = modifiers.matchAt(tokens, i);
    const q = (mod && quantityAt(doc, inDate, mod.endToken, i, mod.value)) || quantityAt(doc, inDate, i, i, undefined);
    if (!q) continue;
    doc.quantities.push(q.quantity);
    i = q.endToken - 1;
  }
}

function quantityAt(doc: Doc, inDate: Uint8Array, k: number, startToken: number, modifier: Modifier | undefined): { quantity: Quantity; endToken: number } | null {
  const tokens = doc.tokens;
  const t = tokens[k];
  if (!t || inDate[k]) return null;
  let value: number | undefined;
  let isVague = false;
  let end = k + 1;
  if (t.kind === 'number') {
    if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(t.text)) return null;
    // "15 December", "December 15": a day of the month, even where no year lets it be resolved.
    if (MONTH_WORDS.has(tokens[k + 1]?.text ?? '') || MONTH_WORDS.has(tokens[k - 1]?.text ?? '')) return null;
    // "12-year-old", "5-kilometre": a number hyphened to a word measures something else (not "25-30").
    if (tokens[k + 1]?.text === '-' && !tokens[k + 1]!.spaceBefore && tokens[k + 2]?.kind === 'word' && !tokens[k + 2]!.spaceBefore) return null;
    // "11/04", "3/4": numbers joined by a slash are a date or a fraction, not a count.
    if (slashJoined(tokens, k)) return null;
    // "1999" alone is usually a year: not a count.
    if (/^(1[89]|20)\d\d$/.test(t.text) && !modifier) return null;
    // "killed at 0815", "at 1620 hours": a time of day, not a count.
    if (clockTime(tokens, k, startToken)) return null;
    // "Jose Perez, 65, was killed", "aged 45": a person's age, not a count.
    if (!modifier && age(tokens, k)) return null;
    // "9:30", "3.5" as clock or decimal fractions of people are not counts; "1,200" is.
    value = Number(t.text.replace(/,/g, ''));
  } else {
    const u = units.matchAt(tokens, k);
    const v = u ? null : vague.matchAt(tokens, k);
    if (u) {
      value = u.value;
      end = u.endToken;
    } else if (v) {
      value = v.value;
      isVague = true;
      end = v.endToken;
    } else {
      value = hyphenated(t.lower);
    }
  }
  if (value === undefined || !Number.isFinite(value)) return null;
  // "two hundred", "3 million"
  const mult = multipliers[lowerAt(tokens, end)];
  if (mult !== undefined && !isVague) {
    value *= mult;
    end++;
  }
  const start = tokens[startToken]!.start;
  const endOff = tokens[end - 1]!.end;
  const quantity: Quantity = { start, end: endOff, text: doc.text.slice(start, endOff), value };
  if (modifier) quantity.modifier = modifier;
  if (isVague) quantity.vague = true;
  return { quantity, endToken: end };
}

export const quantityRecogniser: PipelineComponent = { name: 'quantities', apply: recogniseQuantities };
