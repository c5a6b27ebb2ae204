// Date recogniser: runs each date pattern at each token that can open one, keeps the longest match.
import { addDays, formatDay, parseIsoDay, type Day } from '../../../common/calendar.js';
import calendarWords from '../data/calendar-words.json' with { type: 'json' };
import timeWords from '../data/time-reference.json' with { type: 'json' };
import { lowerAt, type Doc, type PipelineComponent } from '../../../common/doc.js';
import { WordSet } from '../../../common/word-set.js';
import { dayMonthYear, monthDayYear, numericDate } from './absolute-dates.js';
import { DAY_COUNTS, MONTHS, WEEKDAYS, yearToken, type DateContext, type DatePattern } from './context.js';
import { monthOnly, yearOnly } from './months.js';
import { relativeDay } from './relative-days.js';
import { weekdayName } from './weekdays.js';
import { windowExpression } from './windows.js';

const PERIOD_START = new Set(calendarWords.periodStart);
const PATTERNS: DatePattern[] = [numericDate, dayMonthYear, monthDayYear, weekdayName, relativeDay, windowExpression, monthOnly, yearOnly];
const OPENERS = new WordSet([
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(WEEKDAYS).filter((w) => w.length > 5).flatMap((w) => calendarWords.possessive.map((p) => w + p)),
  ...Object.keys(DAY_COUNTS),
  'yesterday', 'today', 'tonight', "yesterday's", "today's", "tonight's", 'yesterday’s', 'today’s', 'tonight’s', 'overnight', 'last', 'previous', 'preceding', 'this', 'earlier', 'over', 'during', 'in', 'early', 'mid', 'late', 'since', 'by', 'until', 'throughout',
]);

/** `word.startsWith('mid-')` by character codes (startsWith is slow on two-byte strings, i.e. most texts). */
function startsWithMid(word: string): boolean {
  return word.length >= 4 && word.charCodeAt(0) === 109 && word.charCodeAt(1) === 105 && word.charCodeAt(2) === 100 && word.charCodeAt(3) === 45;
}

export function recogniseDates(doc: Doc): void {
  const tokens = doc.tokens;
  const ctx: DateContext = { tokens, reference: parseIsoDay(doc.meta.date) };
  if (!ctx.reference) {
    // Without a publication date, "21 March" takes the latest year the text names.
    for (const t of tokens) {
      const y = yearToken(t);
      if (y !== undefined && (ctx.fallbackYear === undefined || y > ctx.fallbackYear)) ctx.fallbackYear = y;
    }
  }
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'number' && !OPENERS.hasToken(t) && !startsWithMid(t.lower)) continue;
    let best = null;
    for (const pattern of PATTERNS) {
      const m = pattern(ctx, i);
      if (m && (!best || m.endToken > best.endToken)) best = m;
    }
    if (!best) continue;
    // Include a leading "on" in the evidence: "on Thursday".
    const startToken = lowerAt(tokens, i - 1) === 'on' && tokens[i - 1]!.sentence === t.sentence ? i - 1 : i;
    const start = tokens[startToken]!.start;
    const end = tokens[best.endToken - 1]!.end;
    const mention: Doc['dates'][number] = { start, end, text: doc.text.slice(start, end), date: formatDay(best.day), precision: best.precision, rule: best.rule, vague: best.vague ? true : undefined };
    // ("since late April": a month starting a period counted to now, not the day of the event told.)
    // (A year too: "the deadliest attack since 2015" is no attack of 2015.)
    if (best.precision === 3 && (PERIOD_START.has(t.lower) || (PERIOD_START.has(lowerAt(tokens, i - 1) ?? '') && tokens[i - 1]!.sentence === t.sentence))) mention.periodStart = true;
    else if (best.vague && best.precision === 3 && rankedYear(tokens, startToken)) mention.comparison = true;
    doc.dates.push(mention);
    i = best.endToken - 1;
  }
  anchoredDays(doc, ctx.reference);
}

const COMPARISON = timeWords.comparison;
const RANKING = new Set(COMPARISON.superlatives.filter((w) => !timeWords.comparisonYear.excluded.includes(w)));
const RANKING_DETERMINERS = new Set(COMPARISON.determiners);
const NOT_SUPERLATIVES = new Set(timeWords.comparisonYear.notSuperlatives);
/**
 * Whether a superlative stands in the year's clause before it, within a few words ("the largest
 * massacre at the Idlib province in 2018", "the deadliest in 2017"): the year ranks the event, it
 * does not date it. (Clause punctuation stops the look back.)
 */
function rankedYear(tokens: Doc['tokens'], at: number): boolean {
  const sentence = tokens[at]!.sentence;
  for (let k = at - 1; k >= 0 && k >= at - timeWords.comparisonYear.window; k--) {
    const u = tokens[k]!;
    if (u.sentence !== sentence || u.kind === 'punct') return false;
    if (RANKING.has(u.lower)) return true;
    const prev = lowerAt(tokens, k - 1) ?? '';
    const determined = RANKING_DETERMINERS.has(prev) || COMPARISON.possessives.some((p) => prev.endsWith(p));
    if (u.lower.length > COMPARISON.ending.length + 2 && u.lower.endsWith(COMPARISON.ending) && determined && !NOT_SUPERLATIVES.has(u.lower)) return true;
  }
  return false;
}

const ANCHORED = calendarWords.anchored;
const EARLIER = new Set(ANCHORED.earlier);
const LATER = new Set(ANCHORED.later);
const OPEN_ENDED = new Set(ANCHORED.openEnded);
const ONE_DAY: [string[], number][] = [...ANCHORED.previousDay.map((p): [string[], number] => [p.split(' '), -1]), ...ANCHORED.nextDay.map((p): [string[], number] => [p.split(' '), 1])];
/**
 * The second words of those phrases ("day", "next"): most "the"s are followed by none and open none
 * (undefined for a phrase of one word, which any "the" opens).
 */
const ONE_DAY_SECOND = new Set<string | undefined>(ONE_DAY.map(([words]) => words[1]));
const mayOpenOneDay = (next: string | undefined): boolean => ONE_DAY_SECOND.has(next) || ONE_DAY_SECOND.has(undefined);

// (The two tests below are functions of their own, not closures in anchoredDays's loop: a closure
// there would capture the loop's variables, and every token would allocate their context.)

/** Whether the tokens from i are the words, all in the sentence. */
function wordsAt(tokens: Doc['tokens'], i: number, words: readonly string[], sentence: number): boolean {
  for (let k = 0; k < words.length; k++) {
    const u = tokens[i + k];
    if (u?.lower !== words[k] || u!.sentence !== sentence) return false;
  }
  return true;
}

/** Whether some date covers the offset. */
function covered(dates: Doc['dates'], offset: number): boolean {
  for (let k = 0; k < dates.length; k++) if (dates[k]!.start <= offset && offset < dates[k]!.end) return true;
  return false;
}

/**
 * "four fighters killed a day earlier were buried on Thursday", "Two days later, protesters
 * marched": days counted from the day the text last named (in the sentence, else the one before),
 * or from the publication date when it names none (days later: from the last day named anywhere before). Runs after the other patterns: one pass over
 * the scoped tokens, with a cursor into the (sorted) dates already found.
 */
function anchoredDays(doc: Doc, reference: Day | undefined): void {
  const tokens = doc.tokens;
  const found = doc.dates.slice();
  const added: typeof doc.dates = [];
  let cursor = 0;
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    let shift = 0;
    let end = i;
    const unit = tokens[i + 1];
    // (The unit first: most tokens are followed by no "day", and a word is looked up only then.)
    const n = unit && unit.sentence === t.sentence && (unit.lower === 'day' || unit.lower === 'days') ? (t.kind === 'number' ? +t.text : DAY_COUNTS[t.lower]) : undefined;
    if (n !== undefined && Number.isInteger(n) && n > 0 && n < 32) {
      const dir = tokens[i + 2];
      if (dir && dir.sentence === t.sentence && (EARLIER.has(dir.lower) || LATER.has(dir.lower))) {
        const next = tokens[i + 3];
        if (!OPEN_ENDED.has(dir.lower) || !next || next.sentence !== t.sentence || next.kind === 'punct') {
          shift = EARLIER.has(dir.lower) ? -n : n;
          end = i + 3;
        }
      }
    }
    if (shift === 0 && t.lower === 'the' && mayOpenOneDay(tokens[i + 1]?.lower)) {
      for (const [words, d] of ONE_DAY) {
        if (wordsAt(tokens, i, words, t.sentence)) {
          const next = tokens[i + words.length];
          // ("the day after the attack" counts from the attack.)
          if (next && next.sentence === t.sentence && next.kind !== 'punct' && OPEN_ENDED.has(words[words.length - 1]!)) break;
          shift = d;
          end = i + words.length;
          break;
        }
      }
    }
    if (shift === 0) continue;
    const start = t.start;
    // The anchor: the last date before it in its sentence, else the first after it there, else the
    // last in the sentence before.
    while (cursor < found.length && found[cursor]!.end <= start) cursor++;
    let anchor: (typeof found)[number] | undefined;
    for (let k = cursor - 1; k >= 0; k--) {
      const d = found[k]!;
      const s = doc.sentenceAt(d.start);
      if (s === t.sentence || s === t.sentence - 1) {
        if (!d.vague) anchor = d;
        break;
      }
      if (s < t.sentence - 1) break;
    }
    // (Or, with none before it in its sentence, the one after it there: "killed two days earlier,
    // the army said on Thursday".)
    if (!anchor || doc.sentenceAt(anchor.start) !== t.sentence) {
      const after = found[cursor];
      if (after && doc.sentenceAt(after.start) === t.sentence && !after.vague) anchor = after;
    }
    if (covered(found, start)) continue;
    // Days later than nothing named near: counted from the last day the text named before (the
    // story's clock), never from the publication date, which would put them after it.
    if (!anchor && shift > 0) {
      for (let k = cursor - 1; k >= 0 && !anchor; k--) if (!found[k]!.vague) anchor = found[k];
      if (!anchor) continue;
    }
    const base = anchor ? parseIsoDay(anchor.date) : reference;
    if (!base) continue;
    const stop = tokens[end - 1]!.end;
    added.push({ start, end: stop, text: doc.text.slice(start, stop), date: formatDay(addDays(base, shift)), precision: anchor?.precision ?? 1, rule: 'anchored-days' });
    i = end - 1;
  }
  if (added.length === 0) return;
  doc.dates.push(...added);
  doc.dates.sort((a, b) => a.start - b.start);
}

export const dateRecogniser: PipelineComponent = { name: 'dates', apply: recogniseDates };
