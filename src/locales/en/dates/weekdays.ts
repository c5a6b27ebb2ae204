// Weekday names: "on Thursday", "Thursday night", "last Friday", "next Monday".
// chrono-node picks the nearest weekday, which can lie after the publication date; a news report
// speaks of the past unless it says "next"/"coming", so we take the latest such day on or before it.
import { addDays, weekday } from '../../../common/calendar.js';
import { WEEKDAYS, skipDot, type DateContext, type DateMatch } from './context.js';

const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'overnight']);

export function weekdayName(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const tok = t[i];
  const wd = WEEKDAYS[tok?.lower ?? ''];
  if (wd === undefined || !tok!.upper || !ctx.reference) return null;
  // Abbreviations only with a dot or in full-form contexts ("Sun" is also a newspaper).
  if (tok!.lower.length <= 4 && tok!.lower !== 'thur' && t[i + 1]?.text !== '.') return null;
  const before = t[i - 1]?.lower;
  const ref = ctx.reference;
  const refWd = weekday(ref);
  let delta: number;
  let rule = 'weekday';
  if (before === 'next' || before === 'coming') {
    delta = ((wd - refWd + 7) % 7) || 7;
    rule = 'weekday-next';
  } else {
    delta = -((refWd - wd + 7) % 7);
    if (before === 'last' && delta === 0) delta = -7;
    if (before === 'last') rule = 'weekday-last';
  }
  // Only an abbreviation takes the full stop after it ("Fri."), not a sentence ending on "Friday."
  let end = tok!.lower.length <= 5 ? skipDot(ctx, i + 1) : i + 1;
  if (PARTS_OF_DAY.has(t[end]?.lower ?? '')) end++;
  return { endToken: end, day: addDays(ref, delta), precision: 1, rule };
}
