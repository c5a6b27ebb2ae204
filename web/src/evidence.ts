// Showing evidence: a document's text with the spans of an event's fields (and claims) marked,
// and the link between a field and its marks (hovering or focusing one lights up the other).
import type { Claim, EvidenceSpan } from './api.js';
import { highlightedText, type LabelledSpan } from './dom.js';

export const FIELD_LABELS: Record<string, string> = {
  event_id: 'Event id',
  event_date: 'Date',
  time_precision: 'Time precision',
  event_type: 'Event type',
  sub_event_type: 'Sub-event type',
  actor1: 'Actor 1',
  assoc_actor_1: 'Associated actor 1',
  inter1: 'Inter 1',
  actor2: 'Actor 2',
  assoc_actor_2: 'Associated actor 2',
  inter2: 'Inter 2',
  interaction: 'Interaction',
  country: 'Country',
  iso3: 'ISO3',
  admin1: 'Admin 1',
  admin2: 'Admin 2',
  location: 'Location',
  latitude: 'Latitude',
  longitude: 'Longitude',
  geo_precision: 'Geo precision',
  fatalities: 'Fatalities',
  tactics: 'Tactics',
  notes: 'Notes',
  source: 'Source',
  source_count: 'Outlets (source count)',
  confidence: 'Confidence',
  sources: 'Reports (documents) citing it',
  doc_id: 'First document',
  claim: 'Reported figure',
  reporter: 'Who reported it',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/**
 * Where a span lies in `text`: its offsets when they slice its own text; else the nearest copy of
 * its text close by (offsets from a slightly different version of the text); else nowhere.
 */
export function locate(text: string, s: EvidenceSpan): { start: number; end: number } | undefined {
  if (s.end > s.start && text.slice(s.start, s.end) === s.text) return { start: s.start, end: s.end };
  if (!s.text) return undefined;
  const from = Math.max(0, s.start - 300);
  const at = text.indexOf(s.text, from);
  if (at >= 0 && at - s.start <= 300) return { start: at, end: at + s.text.length };
  return undefined;
}

/** The spans of one event in its document's text: every field's evidence, claims and reporters. */
export function eventSpans(text: string, evidence: Record<string, EvidenceSpan[]>, claims: Claim[], prefix = ''): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  const add = (s: EvidenceSpan, label: string) => {
    const at = locate(text, s);
    if (at) out.push({ ...at, label: prefix + label });
  };
  for (const [field, spans] of Object.entries(evidence ?? {})) for (const s of spans) add(s, field);
  for (const c of claims ?? []) {
    add(c.evidence, 'claim');
    if (c.reporterEvidence) add(c.reporterEvidence, 'reporter');
  }
  return out;
}

export function markedText(text: string, spans: LabelledSpan[], describe: (labels: string[]) => string): HTMLElement {
  const body = document.createElement('div');
  body.className = 'doc-text';
  body.appendChild(highlightedText(text, spans, describe));
  return body;
}

/** Lights up the marks inside `root` carrying a label that `match` accepts (none when null). */
export function lightUp(root: ParentNode, match: ((label: string) => boolean) | null, scroll = false): void {
  for (const m of root.querySelectorAll('mark.active')) m.classList.remove('active');
  if (!match) return;
  let first: Element | undefined;
  for (const m of root.querySelectorAll<HTMLElement>('mark[data-labels]')) {
    if ((m.dataset.labels ?? '').split(' ').some(match)) {
      m.classList.add('active');
      first ??= m;
    }
  }
  if (scroll && first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
