// Calendar dates: "21 March 2020", "March 21, 2020", "21st of March", "March 21", "2020-03-21", "21/03/2020".
import { compareDays, isValidDay, type Day } from '../../../common/calendar.js';
import { dayOfMonth, MONTHS, skipDot, yearAfter, yearAfterDayRange, type DateContext, type DateMatch } from './context.js';

/** Without a year: the latest such day not after the publication date (news reports the past). */
export function inferYear(ctx: DateContext, m: number, d: number): Day | undefined {
  const ref = ctx.reference;
  if (ref) {
    const sameYear = { y: ref.y, m, d };
    if (!isValidDay(sameYear)) return undefined;
    return compareDays(sameYear, ref) <= 0 ? sameYear : { y: ref.y - 1, m, d };
  }
  if (ctx.fallbackYear === undefined) return undefined;
  const day = { y: ctx.fallbackYear, m, d };
  return isValidDay(day) ? day : undefined;
}

function build(ctx: DateContext, endToken: number, d: number, m: number, y: number | undefined, rule: string): DateMatch | null {
  const day = y !== undefined ? { y, m, d } : inferYear(ctx, m, d);
  if (!day || !isValidDay(day)) return null;
  return { endToken, day, precision: 1, rule };
}

/** "21 March 2020", "21st of March", "21-Mar-2020" */
export function dayMonthYear(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const d = dayOfMonth(t[i]);
  if (d === undefined) return null;
  let k = i + 1;
  if (t[k]?.text === '-' ) k++;
  else if (t[k]?.lower === 'of') k++;
  const m = MONTHS[t[k]?.lower ?? ''];
  if (m === undefined) return null;
  // "may" as a verb after a number is rare; accept only capitalised month words.
  if (!t[k]!.upper) return null;
  k = skipDot(ctx, k + 1);
  const y = yearAfter(t, k, true);
  return build(ctx, y?.end ?? k, d, m, y?.year, 'day-month-year');
}

/** "March 21, 2020", "Jan. 5", "March 3 to 5, 2019" */
export function monthDayYear(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const m = MONTHS[t[i]?.lower ?? ''];
  if (m === undefined || !t[i]!.upper) return null;
  let k = skipDot(ctx, i + 1);
  const d = dayOfMonth(t[k]);
  if (d === undefined) return null;
  // "March 2020" is a month, handled elsewhere; a 4-digit number is never a day.
  // "September 22nd - 23rd 2017": the range's year is its first day's too.
  const y = yearAfter(t, k + 1) ?? yearAfterDayRange(t, k + 1);
  return build(ctx, y?.end ?? k + 1, d, m, y?.year, 'month-day-year');
}

/** "2020-03-21" (tokens 2020 - 03 - 21) and "21/03/2020" (day first, as in most of the world's press). */
export function numericDate(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const a = t[i];
  if (!a || a.kind !== 'number') return null;
  const sep = t[i + 1]?.text;
  if ((sep !== '-' && sep !== '/') || t[i + 3]?.text !== sep) return null;
  const parts = [a, t[i + 2], t[i + 4]];
  if (parts.some((p, j) => !p || p.kind !== 'number' || (j > 0 && p.spaceBefore))) return null;
  const [x, y, z] = parts.map((p) => +p!.text) as [number, number, number];
  let day: Day;
  if (sep === '-' && parts[0]!.text.length === 4) day = { y: x, m: y, d: z };
  else if (sep === '/' && parts[2]!.text.length === 4) day = { y: z, m: y, d: x };
  else return null;
  return isValidDay(day) ? { endToken: i + 5, day, precision: 1, rule: 'numeric-date' } : null;
}
