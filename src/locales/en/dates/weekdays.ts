// Weekday names: "on Thursday", "Thursday night", "last Friday", "next Monday", "Sunday's attack".
// chrono-node picks the nearest weekday, which can lie after the publication date; a news report
// speaks of the past unless it says "next"/"coming" or tells something scheduled ("a ceasefire would
// begin on Tuesday"), so we take the latest such day on or before it, else the coming one.
import { addDays, weekday } from '../../../common/calendar.js';
import type { Token } from '../../../common/doc.js';
import words from '../data/calendar-words.json' with { type: 'json' };
import { WEEKDAYS, skipDot, type DateContext, type DateMatch } from './context.js';

const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'overnight']);
const POSSESSIVE = words.possessive;
const FUTURE_AUX = new Set(words.future.auxiliaries);
const FUTURE_ALONE = new Set(words.future.aloneAuxiliaries);
const FUTURE_PREPOSITIONS = new Set(words.future.prepositions);
const SCHEDULE_VERBS = words.future.scheduleVerbs.map((v) => v.split(' '));

/** The weekday a token names, bare or possessive ("Sunday’s"), with the length of its name. */
export function weekdayOf(lower: string): { wd: number; length: number } | undefined {
  const wd = WEEKDAYS[lower];
  if (wd !== undefined) return { wd, length: lower.length };
  for (const p of POSSESSIVE) {
    if (!lower.endsWith(p)) continue;
    const base = lower.slice(0, -p.length);
    const w = WEEKDAYS[base];
    // (Only full names take the possessive: "Sun's" is a newspaper's.)
    if (w !== undefined && base.length > 5) return { wd: w, length: base.length };
  }
  return undefined;
}

/**
 * Whether the words before the weekday (token i) tell something scheduled: an auxiliary of the
 * future and a verb of starting or holding ("would begin on", "to take effect from"), or "will".
 */
function scheduled(t: Token[], i: number): boolean {
  let k = i - 1;
  const same = (j: number) => j >= 0 && t[j]!.sentence === t[i]!.sentence;
  if (same(k) && FUTURE_PREPOSITIONS.has(t[k]!.lower)) k--;
  if (same(k) && FUTURE_ALONE.has(t[k]!.lower)) return true;
  for (const verb of SCHEDULE_VERBS) {
    const first = k - verb.length + 1;
    if (!same(first - 1) || !verb.every((w, n) => t[first + n]!.lower === w)) continue;
    if (FUTURE_AUX.has(t[first - 1]!.lower)) return true;
  }
  return false;
}

export function weekdayName(ctx: DateContext, i: number): DateMatch | null {
  const t = ctx.tokens;
  const tok = t[i];
  const named = tok ? weekdayOf(tok.lower) : undefined;
  if (named === undefined || !tok!.upper || !ctx.reference) return null;
  const { wd, length } = named;
  // Abbreviations only with a dot or in full-form contexts ("Sun" is also a newspaper).
  if (length <= 4 && tok!.lower !== 'thur' && t[i + 1]?.text !== '.') return null;
  const before = t[i - 1]?.lower;
  const ref = ctx.reference;
  const refWd = weekday(ref);
  let delta: number;
  let rule = 'weekday';
  if (before === 'next' || before === 'coming') {
    delta = ((wd - refWd + 7) % 7) || 7;
    rule = 'weekday-next';
  } else if (scheduled(t, i)) {
    delta = (wd - refWd + 7) % 7;
    rule = 'weekday-scheduled';
  } else {
    delta = -((refWd - wd + 7) % 7);
    if (before === 'last' && delta === 0) delta = -7;
    if (before === 'last') rule = 'weekday-last';
  }
  // Only an abbreviation takes the full stop after it ("Fri."), not a sentence ending on "Friday."
  let end = tok!.lower.length <= 5 ? skipDot(ctx, i + 1) : i + 1;
  if (length === tok!.lower.length && PARTS_OF_DAY.has(t[end]?.lower ?? '')) end++;
  return { endToken: end, day: addDays(ref, delta), precision: 1, rule };
}
