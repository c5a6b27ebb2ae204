// Publication dates as inputs write them, normalised to YYYY-MM-DD. Only unambiguous forms are
// accepted (no 01/02/2022, which differs between countries). A timestamp keeps the calendar date it
// states, without conversion to UTC: "2022-01-24T23:30:00-05:00" was published on the 24th there.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function ymd(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 2999) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})[-/](\d{2})[-/](\d{2})(?=$|[T\s])/;
// "24 January 2022", "Mon, 24 Jan 2022 10:00:00 GMT" (RFC 822 / RSS), "24th Jan. 2022"
const DAY_MONTH_YEAR = /^(?:[A-Za-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})(?=$|[\s,T])/;
// "January 24, 2022", "Monday, January 24, 2022"
const MONTH_DAY_YEAR = /^(?:[A-Za-z]+,\s*)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?=$|[\s,T])/;

/** YYYY-MM-DD for a date or timestamp in an accepted form, undefined otherwise. */
export function normaliseDate(value: string): string | undefined {
  const s = value.trim();
  let m = ISO.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? ymd(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? ymd(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}

export const DATE_FORMS = 'YYYY-MM-DD, an ISO timestamp, or e.g. "24 January 2022"';
