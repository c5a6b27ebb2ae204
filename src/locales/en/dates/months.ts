// Month-only dates (time_precision 3): "in January", "January 2020", "early March", "late May".
import { compareDays, daysInMonth, type Day } from '../../../common/calendar.js';
import { MONTHS, yearAfter, yearToken, skipDot, type DateContext, type DateMatch } from './context.js';

const PHASES: Record<string, 'early' | 'mid' | 'late'> = { early: 'early', mid: 'mid', late: 'late', 'mid-': 'mid' };

export function monthOnly(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  let k = i;
  let phase: 'early' | 'mid' | 'late' | undefined = PHASES[t[k]?.lower ?? ''];
  if (phase) k++;
  let tok = t[k];
  let m = MONTHS[tok?.lower ?? ''];
  // "mid-January" is one token.
  if (m === undefined && tok && /^mid-/.test(tok.lower)) {
    m = MONTHS[tok.lower.slice(4)];
    phase = 'mid';
  }
  if (m === undefined || !tok!.upper && !/^mid-/.test(tok!.lower)) return null;
  // Only full month names stand alone ("Mar" alone is too ambiguous), and "May" needs a cue.
  const name = tok!.lower.replace(/^mid-/, '');
  if (name.length < 5 && name !== 'june' && name !== 'july' && name !== 'may') return null;
  const prev = t[i - 1]?.lower;
  let end = skipDot(ctx, k + 1);
  // ("November 2015", "November, 2015".)
  const stated = yearAfter(t, end);
  let y = stated?.year;
  if (stated) end = stated.end;
  if (name === 'may' && y === undefined && prev !== 'in' && prev !== 'since' && !phase) return null;
  if (!phase && y === undefined && prev !== 'in' && prev !== 'since' && prev !== 'during' && prev !== 'of' && prev !== 'until') return null;
  let day: Day;
  if (y === undefined) {
    const ref = ctx.reference;
    if (ref) y = m <= ref.m ? ref.y : ref.y - 1;
    else if (ctx.fallbackYear !== undefined) y = ctx.fallbackYear;
    else return null;
  }
  const d = phase === 'early' ? 1 : phase === 'late' ? daysInMonth(y, m) : 15;
  day = { y, m, d };
  // Never after the publication date unless stated with a year.
  if (ctx.reference && compareDays(day, ctx.reference) > 0 && yearToken(t[end - 1]) === undefined) day = { ...ctx.reference };
  return { endToken: end, day, precision: 3, rule: 'month' };
}

/** Year-only and vaguer expressions: "in 2014", "since 2011", "last year", "years ago". */
export function yearOnly(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const w = t[i]?.lower;
  if ((w === 'in' || w === 'since' || w === 'during' || w === 'by' || w === 'until' || w === 'throughout') && yearToken(t[i + 1]) !== undefined) {
    const y = yearToken(t[i + 1])!;
    return { endToken: i + 2, day: { y, m: 7, d: 1 }, precision: 3, rule: 'year', vague: true };
  }
  if ((w === 'last' || w === 'this') && t[i + 1]?.lower === 'year') {
    const ref = ctx.reference;
    const y = ref ? ref.y - (w === 'last' ? 1 : 0) : ctx.fallbackYear;
    if (y === undefined) return null;
    return { endToken: i + 2, day: { y, m: 7, d: 1 }, precision: 3, rule: 'year', vague: true };
  }
  return null;
}
