// What every date pattern sees: the tokens, where to start, and the day the text is relative to.
import type { Token } from '../../../common/doc.js';
import type { Day } from '../../../common/calendar.js';
import words from '../data/calendar-words.json' with { type: 'json' };

export interface DateContext {
  tokens: Token[];
  /** Publication date, if known: relative expressions resolve against it. */
  reference?: Day;
  /** Year to assume for "21 March" when there is no publication date (latest year the text names). */
  fallbackYear?: number;
}

export interface DateMatch {
  /** One past the last token of the expression. */
  endToken: number;
  day: Day;
  precision: 1 | 2 | 3;
  rule: string;
  vague?: boolean;
}

export type DatePattern = (ctx: DateContext, i: number) => DateMatch | null;

export const MONTHS: Record<string, number> = words.months;
export const WEEKDAYS: Record<string, number> = words.weekdays;
export const DAY_COUNTS: Record<string, number> = words.dayCounts;
const DAY_RANGE = new Set<string>(words.dayRange);

export function lowerAt(ctx: DateContext, i: number): string | undefined {
  return ctx.tokens[i]?.lower;
}

/** A token followed directly by "." (abbreviated month "Jan.") is consumed with it. */
export function skipDot(ctx: DateContext, i: number): number {
  const t = ctx.tokens[i];
  return t && t.text === '.' && !t.spaceBefore ? i + 1 : i;
}

/** Day-of-month tokens: "21", "21st". */
export function dayOfMonth(token: Token | undefined): number | undefined {
  if (!token || token.kind !== 'number') return undefined;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(token.lower);
  if (!m) return undefined;
  const d = +m[1]!;
  return d >= 1 && d <= 31 ? d : undefined;
}

export function yearToken(token: Token | undefined): number | undefined {
  if (!token || token.kind !== 'number' || !/^(1[89]|20)\d\d$/.test(token.text)) return undefined;
  return +token.text;
}

/**
 * The year that ends a date at token k, directly or after a separator ("March 21, 2020",
 * "November, 2015", "21-Mar-2020" with `dash`): the year and one past its token, or undefined.
 */
export function yearAfter(tokens: Token[], k: number, dash = false): { year: number; end: number } | undefined {
  const sep = tokens[k]?.text;
  const at = sep === ',' || (dash && sep === '-') ? k + 1 : k;
  const year = yearToken(tokens[at]);
  return year === undefined ? undefined : { year, end: at + 1 };
}

/**
 * The year after a range of days that begins at token k ("- 23rd 2017", "to 5, 2019"): the range's
 * last day, then its year. The year and one past its token, or undefined.
 */
export function yearAfterDayRange(tokens: Token[], k: number): { year: number; end: number } | undefined {
  if (!DAY_RANGE.has(tokens[k]?.lower ?? '') || dayOfMonth(tokens[k + 1]) === undefined) return undefined;
  return yearAfter(tokens, k + 2);
}
