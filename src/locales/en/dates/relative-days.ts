// Days named relative to the publication date: "yesterday", "today", "last night", "three days ago"
// (and "three years ago", a vague year).
import { addDays } from '../../../common/calendar.js';
import { DAY_COUNTS, type DateContext, type DateMatch } from './context.js';

const SAME_DAY = new Set(['today', 'tonight']);
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night']);

export function relativeDay(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const ref = ctx.reference;
  if (!ref) return null;
  // ("today's attack", "yesterday's bombing": the possessive names the day too.)
  const w = (t[i]?.lower ?? '').replace(/['’]s$/, '');
  if (w === 'yesterday' || w === 'overnight') {
    const end = PARTS_OF_DAY.has(t[i + 1]?.lower ?? '') ? i + 2 : i + 1;
    return { endToken: end, day: addDays(ref, -1), precision: 1, rule: 'yesterday' };
  }
  if (SAME_DAY.has(w)) return { endToken: i + 1, day: ref, precision: 1, rule: 'today' };
  if (w === 'last' && t[i + 1]?.lower === 'night') return { endToken: i + 2, day: addDays(ref, -1), precision: 1, rule: 'last-night' };
  if (w === 'this' && PARTS_OF_DAY.has(t[i + 1]?.lower ?? '')) return { endToken: i + 2, day: ref, precision: 1, rule: 'this-part-of-day' };
  // "three days ago", "2 days ago"
  const n = t[i]?.kind === 'number' ? +t[i]!.text : DAY_COUNTS[w];
  if (n !== undefined && Number.isInteger(n) && n > 0 && n < 32) {
    const unit = t[i + 1]?.lower;
    if (t[i + 2]?.lower === 'ago') {
      if (unit === 'day' || unit === 'days') return { endToken: i + 3, day: addDays(ref, -n), precision: 1, rule: 'days-ago' };
      if (unit === 'week' || unit === 'weeks') return { endToken: i + 3, day: addDays(ref, -7 * n), precision: n === 1 ? 2 : 3, rule: 'weeks-ago' };
      // ("3 years ago": a year, vaguer than a month, as "last year" is: background.)
      if (unit === 'year' || unit === 'years') return { endToken: i + 3, day: { y: ref.y - n, m: ref.m, d: Math.min(ref.d, 28) }, precision: 3, rule: 'years-ago', vague: true };
    }
  }
  return null;
}
