// Week-like and month-like windows (ACLED time_precision 2 and 3): "last week", "over the weekend",
// "in recent days", "earlier this week", "last month", "the previous month". The event date is the middle of the window.
import { addDays, daysInMonth, weekday, type Day } from '../../../common/calendar.js';
import type { DateContext, DateMatch } from './context.js';

function midLastWeek(ref: Day): Day {
  // Monday of the previous week + 3 days (Thursday): the middle of Monday-Sunday.
  const monday = addDays(ref, -((weekday(ref) + 6) % 7) - 7);
  return addDays(monday, 3);
}

function lastWeekend(ref: Day): Day {
  const wd = weekday(ref);
  // The Saturday on or before the reference day (the weekend just gone).
  return addDays(ref, -((wd - 6 + 7) % 7));
}

export function windowExpression(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const ref = ctx.reference;
  if (!ref) return null;
  const w0 = t[i]?.lower;
  const w1 = t[i + 1]?.lower;
  const w2 = t[i + 2]?.lower;
  if (w0 === 'last' && w1 === 'week') return { endToken: i + 2, day: midLastWeek(ref), precision: 2, rule: 'last-week' };
  // "the previous week", "the preceding month": as "last week", "last month".
  const previous = (w0 === 'previous' || w0 === 'preceding') && t[i - 1]?.lower === 'the';
  if (previous && w1 === 'week') return { endToken: i + 2, day: midLastWeek(ref), precision: 2, rule: 'last-week' };
  if ((w0 === 'earlier' || w0 === 'this') && w1 === 'this' && w2 === 'week')
    return { endToken: i + 3, day: addDays(ref, -Math.floor(((weekday(ref) + 6) % 7) / 2)), precision: 2, rule: 'earlier-this-week' };
  if (w0 === 'this' && w1 === 'week') return { endToken: i + 2, day: addDays(ref, -Math.floor(((weekday(ref) + 6) % 7) / 2)), precision: 2, rule: 'this-week' };
  if ((w0 === 'over' || w0 === 'during') && w1 === 'the' && w2 === 'weekend')
    return { endToken: i + 3, day: lastWeekend(ref), precision: 2, rule: 'weekend' };
  if (w0 === 'last' && w1 === 'weekend') return { endToken: i + 2, day: lastWeekend(ref), precision: 2, rule: 'weekend' };
  if ((w0 === 'in' || w0 === 'over') && (w1 === 'recent' || w1 === 'the') && (w2 === 'days' || (w2 === 'past' && t[i + 3]?.lower === 'few' && t[i + 4]?.lower === 'days'))) {
    const end = w2 === 'days' ? i + 3 : i + 5;
    return { endToken: end, day: addDays(ref, -3), precision: 2, rule: 'recent-days' };
  }
  if ((w0 === 'last' || previous) && w1 === 'month') {
    const y = ref.m === 1 ? ref.y - 1 : ref.y;
    const m = ref.m === 1 ? 12 : ref.m - 1;
    return { endToken: i + 2, day: { y, m, d: 15 }, precision: 3, rule: 'last-month' };
  }
  if ((w0 === 'earlier' && w1 === 'this' && w2 === 'month') || (w0 === 'this' && w1 === 'month')) {
    const end = w0 === 'earlier' ? i + 3 : i + 2;
    return { endToken: end, day: { y: ref.y, m: ref.m, d: Math.max(1, Math.min(15, ref.d)) }, precision: 3, rule: 'this-month' };
  }
  return null;
}

export function monthMiddle(y: number, m: number): Day {
  return { y, m, d: Math.min(15, daysInMonth(y, m)) };
}
