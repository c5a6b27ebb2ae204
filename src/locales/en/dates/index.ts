// Date recogniser: runs each date pattern at each token that can open one, keeps the longest match.
import { formatDay, parseIsoDay } from '../../../common/calendar.js';
import { lowerAt, type Doc, type PipelineComponent } from '../../../common/doc.js';
import { WordSet } from '../../../common/word-set.js';
import { dayMonthYear, monthDayYear, numericDate } from './absolute-dates.js';
import { DAY_COUNTS, MONTHS, WEEKDAYS, yearToken, type DateContext, type DatePattern } from './context.js';
import { monthOnly, yearOnly } from './months.js';
import { relativeDay } from './relative-days.js';
import { weekdayName } from './weekdays.js';
import { windowExpression } from './windows.js';

const PATTERNS: DatePattern[] = [numericDate, dayMonthYear, monthDayYear, weekdayName, relativeDay, windowExpression, monthOnly, yearOnly];
const OPENERS = new WordSet([
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(DAY_COUNTS),
  'yesterday', 'today', 'tonight', 'overnight', 'last', 'this', 'earlier', 'over', 'during', 'in', 'early', 'mid', 'late', 'since', 'by', 'until', 'throughout',
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
    doc.dates.push({ start, end, text: doc.text.slice(start, end), date: formatDay(best.day), precision: best.precision, rule: best.rule, vague: best.vague ? true : undefined });
    i = best.endToken - 1;
  }
}

export const dateRecogniser: PipelineComponent = { name: 'dates', apply: recogniseDates };
