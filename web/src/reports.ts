// The reports of an event side by side: each document's own values of the fields that decide the
// event, with the values on which the reports disagree highlighted (and said in words, for screen
// readers), the outlet and date of each report, and per report the actions an editor may take
// (split it off into its own event, move it to another; web/src/review.ts supplies them).
// Every value is article text: it only ever becomes a text node.
import type { EventDetail, EventReport } from './api.js';
import { h } from './dom.js';
import { fieldLabel } from './evidence.js';

/** The fields compared across reports, in ACLED's order. */
export const COMPARED_FIELDS = [
  'event_date', 'event_type', 'sub_event_type', 'actor1', 'actor2',
  'location', 'admin1', 'country', 'fatalities', 'source',
] as const;

function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : String(v);
}

/** Whether the reports' values of a field differ (an empty value is unknown, not a disagreement). */
export function disagrees(reports: Pick<EventReport, 'values'>[], field: string): boolean {
  const known = new Set(reports.map((r) => shown(r.values[field])).filter((v) => v !== '—'));
  return known.size > 1;
}

export function reportsSection(e: EventDetail, actions?: (report: EventReport) => HTMLElement | null): HTMLElement {
  const reports = e.reports ?? [];
  const section = h('section', { class: 'reports', 'data-testid': 'reports', 'aria-labelledby': 'reports-title' },
    h('h3', { id: 'reports-title' }, `Reports (${reports.length})`));
  if (reports.length === 0) {
    section.append(h('p', { class: 'muted' }, 'No reports stored for this event.'));
    return section;
  }
  // Each report's outlet is its own: a different outlet is no disagreement.
  const differing = COMPARED_FIELDS.filter((f) => f !== 'source' && disagrees(reports, f));
  section.append(h('p', { class: 'hint' }, reports.length === 1
    ? 'One document reports this event.'
    : differing.length
      ? `The reports disagree on ${differing.map((f) => fieldLabel(f).toLowerCase()).join(', ')} (highlighted); a bar marks the report each of the event's values comes from.`
      : 'The reports agree on every field shown.'));
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col', class: 'chosen' }, 'Event'),
    reports.map((r, i) => h('th', { scope: 'col', 'data-report-id': r.report_id },
      h('span', { class: 'report-outlet' }, r.document?.source || shown(r.values.source) || `Report ${i + 1}`),
      h('span', { class: 'muted report-date' }, r.document?.date ? ` ${r.document.date}` : ''),
      h('span', { class: 'muted report-id' }, ` ${r.report_id}`))));
  const body = h('tbody', {});
  for (const f of COMPARED_FIELDS) {
    const differs = differing.includes(f as (typeof differing)[number]);
    const from = e.provenance?.[f];
    body.append(h('tr', { class: differs ? 'disagree' : null, 'data-field': f },
      h('th', { scope: 'row' }, fieldLabel(f), differs ? h('span', { class: 'disagree-mark', title: 'The reports disagree' }, ' ≠') : null,
        differs ? h('span', { class: 'visually-hidden' }, ' (the reports disagree)') : null),
      h('td', { class: 'chosen' }, shown((e as unknown as Record<string, unknown>)[f])),
      reports.map((r) => h('td', { class: from === r.report_id ? 'source-of-value' : null, title: from === r.report_id ? 'The event\'s value comes from this report' : null }, shown(r.values[f])))));
  }
  const table = h('table', { class: 'reports-table' }, h('thead', {}, head), body);
  if (actions && reports.length > 1) {
    const row = h('tr', { class: 'report-actions' }, h('th', { scope: 'row' }, 'Actions'), h('td', {}),
      reports.map((r) => h('td', {}, actions(r))));
    body.append(row);
  }
  section.append(h('div', { class: 'reports-scroll' }, table));
  return section;
}
