// Printing evaluation results: plain-text tables for people, JSON for programs.
// Cells can hold strings from data files (event types), so control characters are escaped.
import { METRICS, NO_PREDICTION, rate, type AcledRunReport, type Ratio } from './acled.js';

/** Control and bidi characters made visible, so data cannot move the cursor or recolour the terminal. */
export function escapeCell(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A table with a header rule; the first column left-aligned, the others right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((r) => r.map(escapeCell));
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n') + '\n';
}

export function percent(r: Ratio): string {
  const v = rate(r);
  return v === null ? '-' : `${(v * 100).toFixed(1)}%`;
}

export function rowsPerSecond(rows: number, elapsedMs: number): number {
  return elapsedMs <= 0 ? 0 : rows / (elapsedMs / 1000);
}

export function timingLine(rows: number, elapsedMs: number): string {
  return `${rows} rows in ${(elapsedMs / 1000).toFixed(2)} s (${Math.round(rowsPerSecond(rows, elapsedMs))} rows/s)`;
}

const METRIC_LABELS: Record<(typeof METRICS)[number], string> = {
  covered: 'covered (>=1 event)',
  event_type: 'event_type',
  sub_event_type: 'sub_event_type',
  date: 'date (notes naming the month)',
  fatalities: 'fatalities',
  loc25: 'location within 25 km',
  admin1: 'admin1',
  country: 'country',
  interaction: 'interaction (inter pair)',
  actors: 'actors (of gold actors)',
};

/** Short column names for event types in the confusion table: initials of long names. */
function shortType(type: string): string {
  if (type.length <= 10) return type;
  return type
    .split(/[\s/]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function formatConfusion(confusion: Record<string, Record<string, number>>): string {
  const gold = Object.keys(confusion).sort();
  const predictedSet = new Set<string>();
  for (const g of gold) for (const p of Object.keys(confusion[g]!)) predictedSet.add(p);
  // Gold types first, in the same order, so the diagonal reads top-left to bottom-right.
  const predicted = [
    ...gold,
    ...[...predictedSet].filter((p) => !gold.includes(p) && p !== NO_PREDICTION).sort(),
    NO_PREDICTION,
  ];
  const header = ['gold \\ predicted', ...predicted.map(shortType), 'rows', 'recall'];
  const rows = gold.map((g) => {
    const counts = confusion[g]!;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return [g, ...predicted.map((p) => String(counts[p] ?? 0)), String(total), percent({ hits: counts[g] ?? 0, total })];
  });
  const legend = predicted.filter((p) => shortType(p) !== p).map((p) => `${shortType(p)} = ${p}`);
  return formatTable(header, rows) + (legend.length > 0 ? `(${legend.map(escapeCell).join('; ')})\n` : '');
}

/** The readable report of one ACLED file: metrics, confusion of event types, timing. */
export function formatAcledReport(report: AcledRunReport): string {
  const m = report.metrics;
  const rows = METRICS.map((name) => {
    const r = m.scores[name];
    return [METRIC_LABELS[name], percent(r), `${r.hits}/${r.total}`];
  });
  rows.push(['events per document', m.events_per_doc.toFixed(2), `${m.events}/${m.rows}`]);
  let out = `${escapeCell(report.file)}\n\n` + formatTable(['metric', 'score', 'hits/total'], rows);
  // What the notes state bounds the date and location scores from above.
  out += '\nwhat the notes state (an upper bound on date and location):\n' +
    `  the year: ${percent(m.stated.year)} of the notes naming the month (${m.stated.year.hits}/${m.stated.year.total})\n` +
    `  the gold place or one of its admin units: ${percent(m.stated.place)} (${m.stated.place.hits}/${m.stated.place.total})\n`;
  if (m.extract_errors > 0) out += `${m.extract_errors} document(s) failed to extract and count as having no events\n`;
  if (report.skippedRecords > 0) out += `${report.skippedRecords} record(s) skipped for a wrong number of fields\n`;
  if (report.byCountry) out += '\nby country\n\n' + formatByCountry(report.byCountry);
  out += '\nevent_type confusion (first event per note)\n\n' + formatConfusion(m.confusion);
  out += '\n' + timingLine(m.rows, report.elapsedMs) + '\n';
  return out;
}

const COUNTRY_COLUMNS: Record<(typeof METRICS)[number], string> = {
  covered: 'covered',
  event_type: 'type',
  sub_event_type: 'sub_type',
  date: 'date',
  fatalities: 'fatal',
  loc25: 'loc25',
  admin1: 'admin1',
  country: 'country',
  interaction: 'inter',
  actors: 'actors',
};

/** One line per gold country (most rows first): its row count and every metric. */
export function formatByCountry(byCountry: NonNullable<AcledRunReport['byCountry']>): string {
  return formatTable(
    ['country', 'rows', ...METRICS.map((m) => COUNTRY_COLUMNS[m])],
    byCountry.map(({ country, metrics }) => [country, String(metrics.rows), ...METRICS.map((m) => percent(metrics.scores[m]))]),
  );
}

function round(v: number | null, digits = 4): number | null {
  return v === null ? null : Number(v.toFixed(digits));
}

export function acledReportJson(report: AcledRunReport): Record<string, unknown> {
  const m = report.metrics;
  return {
    file: report.file,
    rows: m.rows,
    metrics: Object.fromEntries(METRICS.map((name) => [name, { ...m.scores[name], rate: round(rate(m.scores[name])) }])),
    events: m.events,
    events_per_doc: round(m.events_per_doc),
    extract_errors: m.extract_errors,
    stated_in_notes: {
      year: { ...m.stated.year, rate: round(rate(m.stated.year)) },
      place: { ...m.stated.place, rate: round(rate(m.stated.place)) },
    },
    skipped_records: report.skippedRecords,
    confusion: m.confusion,
    ...(report.byCountry
      ? {
          by_country: report.byCountry.map(({ country, metrics }) => ({
            country,
            rows: metrics.rows,
            metrics: Object.fromEntries(METRICS.map((name) => [name, { ...metrics.scores[name], rate: round(rate(metrics.scores[name])) }])),
          })),
        }
      : {}),
    elapsed_s: round(report.elapsedMs / 1000, 3),
    rows_per_s: Math.round(rowsPerSecond(m.rows, report.elapsedMs)),
  };
}

/** One column of the combined table: a data file and its cells by row name. */
export interface TableColumn {
  label: string;
  cells: Map<string, string>;
}

/** Rows = metrics (in order of first appearance), columns = files; blank where a metric does not apply. */
export function formatCombinedTable(columns: readonly TableColumn[]): string {
  const rowNames: string[] = [];
  const seen = new Set<string>();
  for (const c of columns) for (const name of c.cells.keys()) if (!seen.has(name)) { seen.add(name); rowNames.push(name); }
  return formatTable(
    ['metric', ...columns.map((c) => c.label)],
    rowNames.map((name) => [name, ...columns.map((c) => c.cells.get(name) ?? '')]),
  );
}

/** The cells an ACLED file contributes to the combined table. */
export function acledColumnCells(report: AcledRunReport): Map<string, string> {
  const m = report.metrics;
  const cells = new Map<string, string>();
  cells.set('acled rows', String(m.rows));
  for (const name of METRICS) cells.set(name, percent(m.scores[name]));
  cells.set('date rows', String(m.scores.date.total));
  cells.set('(year in note)', percent(m.stated.year));
  cells.set('(place in note)', percent(m.stated.place));
  cells.set('events/doc', m.events_per_doc.toFixed(2));
  cells.set('docs/s', String(Math.round(rowsPerSecond(m.rows, report.elapsedMs))));
  return cells;
}
