// The side panel: an event's detail (all fields, claims with who reported them, each source
// document's text with the evidence of every field marked) or a document's view (its text, its
// metadata and the events found in it). Everything shown from a document is text, never HTML.
import { ApiError, fetchDocument, fetchEvent, type EventDetail, type StoredDocument, type StoredEvent } from './api.js';
import { typeColor } from './colors.js';
import { clear, formatNumber, h, safeHttpUrl, swatch } from './dom.js';
import { eventSpans, fieldLabel, lightUp, markedText } from './evidence.js';
import { reportsSection } from './reports.js';
import { locationText } from './table.js';

export interface DetailOptions {
  onClose(): void;
  onOpenEvent(id: string): void;
  onOpenDocument(id: string): void;
  /** The review part of an event's detail (web/src/review.ts); `reload` shows the event anew. */
  reviewSection?(e: EventDetail, reload: () => void): HTMLElement;
  /** An editor's actions on one report of the event (split it off, move it); `reload` shows the event anew. */
  reportActions?(e: EventDetail, reportId: string, reload: () => void): HTMLElement | null;
}

const MAX_TEXTS = 10;

/** The fields listed in the detail, in ACLED's order. */
const DETAIL_FIELDS: (keyof StoredEvent)[] = [
  'event_date', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'country', 'iso3', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
  'fatalities', 'tactics', 'notes', 'source', 'source_count', 'confidence', 'sources', 'event_id', 'doc_id',
];

/** The event's tactics and those its claims confirm: the Tactics field and the claims agree. */
export function allTactics(e: Pick<StoredEvent, 'tactics' | 'claims'>): string[] {
  const out = [...(e.tactics ?? [])];
  const seen = new Set(out.map((t) => t.toLowerCase()));
  for (const c of e.claims ?? []) {
    if (c.kind === 'tactic' && c.tactic && !seen.has(c.tactic.toLowerCase())) {
      seen.add(c.tactic.toLowerCase());
      out.push(c.tactic);
    }
  }
  return out;
}

/** A document's name: its title, else its source and date, else its id. */
export function documentName(d: { id: string; title?: string | null; source?: string | null; date?: string | null }): string {
  if (d.title && d.title.trim()) return d.title;
  const named = [d.source, d.date].filter((x) => x && String(x).trim()).join(', ');
  return named ? `${named} (untitled)` : d.id;
}

function valueText(e: StoredEvent, field: keyof StoredEvent): string {
  const v = field === 'tactics' ? allTactics(e) : e[field];
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (field === 'geo_precision') return `${v} (${v === 1 ? 'exact place' : v === 2 ? 'near the place / district' : 'region only'})`;
  if (field === 'time_precision') return `${v} (${v === 1 ? 'day' : v === 2 ? 'week' : 'month'})`;
  return String(v);
}

function describeLabels(labels: string[]): string {
  return 'Evidence for: ' + labels.map((l) => fieldLabel(l.replace(/^e\d+\./, ''))).join(', ');
}

function documentMeta(d: { date: string | null; source: string | null; url: string | null }): HTMLElement {
  const url = safeHttpUrl(d.url);
  return h('p', { class: 'meta' },
    d.date ? `Published ${d.date}` : 'No date',
    d.source ? ` · ${d.source}` : '',
    url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original article')] : null);
}

export class DetailPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly closeButton: HTMLButtonElement;
  private abort: AbortController | undefined;
  /** The mark stepped to with n / p (index into the marks of the open view), -1 none. */
  private markIndex = -1;
  private markStatus: HTMLElement | undefined;

  constructor(private readonly options: DetailOptions) {
    this.closeButton = h('button', { type: 'button', class: 'close', 'aria-label': 'Close the detail', onclick: () => this.options.onClose() }, '×');
    this.body = h('div', { class: 'detail-body' });
    this.element = h('aside', { class: 'detail', hidden: true, 'aria-label': 'Detail', tabindex: -1 }, this.closeButton, this.body);
  }

  /** Every evidence mark of the open event or document, in reading order. */
  private marks(): HTMLElement[] {
    return [...this.body.querySelectorAll<HTMLElement>('.doc-text mark')];
  }

  /** Steps to the next (+1) or previous (-1) mark, scrolled to the middle of the view; false when there is none. */
  stepMark(direction: 1 | -1): boolean {
    if (this.element.hidden) return false;
    const marks = this.marks();
    if (marks.length === 0) return false;
    const current = this.markIndex >= 0 && this.markIndex < marks.length ? this.markIndex : direction > 0 ? -1 : marks.length;
    this.markIndex = (current + direction + marks.length) % marks.length;
    for (const m of this.body.querySelectorAll('mark.focused')) m.classList.remove('focused');
    const mark = marks[this.markIndex]!;
    mark.classList.add('focused');
    mark.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (this.markStatus) this.markStatus.textContent = `Mark ${this.markIndex + 1} of ${marks.length}: ${mark.title || mark.textContent || ''}`;
    return true;
  }

  /** Previous / next mark buttons and where one is (announced to screen readers). */
  private markNavigation(): HTMLElement {
    this.markIndex = -1;
    this.markStatus = h('span', { class: 'mark-status', role: 'status', 'aria-live': 'polite' });
    return h('div', { class: 'mark-nav', 'data-testid': 'mark-nav' },
      h('button', { type: 'button', title: 'Previous evidence mark (key p)', 'aria-keyshortcuts': 'p', onclick: () => this.stepMark(-1) }, '◀ Previous mark'),
      h('button', { type: 'button', title: 'Next evidence mark (key n)', 'aria-keyshortcuts': 'n', onclick: () => this.stepMark(1) }, 'Next mark ▶'),
      this.markStatus);
  }

  hide(): void {
    this.abort?.abort();
    this.element.hidden = true;
    clear(this.body);
  }

  /** Any content in the panel (the ingest page). */
  showContent(el: HTMLElement): void {
    this.abort?.abort();
    this.element.hidden = false;
    clear(this.body);
    this.body.append(el);
    this.element.focus({ preventScroll: true });
  }

  private begin(): AbortSignal {
    this.abort?.abort();
    this.abort = new AbortController();
    this.element.hidden = false;
    clear(this.body);
    this.body.append(h('p', { class: 'muted' }, 'Loading…'));
    return this.abort.signal;
  }

  private fail(err: unknown, what: string): void {
    if (err instanceof DOMException && err.name === 'AbortError') return;
    clear(this.body);
    const msg = err instanceof ApiError && err.status === 404 ? `No ${what} with this id.` : `Could not load the ${what}: ${err instanceof Error ? err.message : String(err)}`;
    this.body.append(h('p', { class: 'error', role: 'alert' }, msg));
  }

  async showEvent(id: string): Promise<void> {
    const signal = this.begin();
    try {
      const event = await fetchEvent(id, signal);
      // The texts of the first few documents; the others are listed with a link to their view.
      const docs = await Promise.all(event.documents.slice(0, MAX_TEXTS).map((d) => fetchDocument(d.id, signal).catch(() => undefined)));
      if (signal.aborted) return;
      this.renderEvent(event, docs);
    } catch (err) {
      this.fail(err, 'event');
    }
  }

  private renderEvent(e: EventDetail, docs: (StoredDocument | undefined)[]): void {
    clear(this.body);
    const place = locationText(e);
    const root = h('article', { class: 'event-detail', 'data-testid': 'event-detail', 'aria-labelledby': 'detail-title' });
    root.append(
      h('header', { class: 'detail-head' },
        h('h2', { id: 'detail-title' }, swatch(typeColor(e.event_type)), `${e.event_type}: ${e.sub_event_type}`),
        h('p', { class: 'meta' }, `${e.event_date} · ${place || 'place unknown'}${e.geo_precision >= 2 ? ' (approximate)' : ''} · ${formatNumber(e.fatalities)} fatalities`)),
    );
    // Wide screens: fields and claims on the left, the source texts beside them (style.css).
    const left = h('div', { class: 'detail-fields' });
    if (this.options.reviewSection) left.append(this.options.reviewSection(e, () => void this.showEvent(e.event_id)));
    // Fields: hovering or focusing one with evidence lights up its marks in the texts below.
    const table = h('table', { class: 'fields' });
    for (const field of DETAIL_FIELDS) {
      const spans = e.evidence[field as string] ?? [];
      const value = valueText(e, field);
      const cell = spans.length
        ? h('span', {
          class: 'has-evidence',
          tabindex: 0,
          'data-field': field,
          title: `Evidence: ${spans.map((s) => `“${s.text}”`).join('; ')}`,
        }, value)
        : h('span', {}, value);
      table.append(h('tr', {}, h('th', { scope: 'row' }, fieldLabel(field)), h('td', {}, cell)));
    }
    const highlight = (ev: Event, scroll: boolean) => {
      const target = (ev.target as HTMLElement).closest<HTMLElement>('.has-evidence');
      const field = target?.dataset.field;
      lightUp(root, field ? (l) => l === field : null, scroll);
    };
    table.addEventListener('mouseover', (ev) => highlight(ev, false));
    table.addEventListener('mouseleave', () => lightUp(root, null));
    table.addEventListener('focusin', (ev) => highlight(ev, true));
    table.addEventListener('focusout', () => lightUp(root, null));
    left.append(h('section', {}, h('h3', {}, 'Fields'), h('p', { class: 'hint' }, 'Underlined values have evidence: point at one (or focus it) to see it marked in the text.'), table));

    // The reports side by side, where the reports disagree highlighted.
    const actions = this.options.reportActions;
    left.append(reportsSection(e, actions ? (r) => actions(e, r.report_id, () => void this.showEvent(e.event_id)) : undefined));

    left.append(this.claims(e));
    root.append(left);

    const sources = h('section', { class: 'sources detail-sources', 'aria-label': 'Source documents' },
      h('h3', {}, `Source document${e.documents.length === 1 ? '' : 's'} (${e.documents.length})`),
      this.markNavigation());
    e.documents.forEach((summary, i) => {
      const doc = docs[i];
      // Evidence comes from each document's own reading of the event.
      const own = doc?.events.find((x) => x.event_id === e.event_id);
      const evidence = own?.evidence ?? (summary.id === e.doc_id ? e.evidence : {});
      const claims = own?.claims ?? (summary.id === e.doc_id ? e.claims : []);
      const block = h('section', { class: 'source-doc', 'data-doc-id': summary.id },
        h('h4', {}, documentName(summary)),
        documentMeta(summary),
        h('button', { type: 'button', class: 'linklike', onclick: () => this.options.onOpenDocument(summary.id) }, 'Open the document view'));
      if (doc) {
        const spans = eventSpans(doc.text, evidence, claims);
        block.append(markedText(doc.text, spans, describeLabels));
        if (spans.length === 0) block.append(h('p', { class: 'muted' }, 'No evidence spans recorded in this document.'));
      } else if (i < MAX_TEXTS) block.append(h('p', { class: 'error' }, 'The document could not be loaded.'));
      sources.append(block);
    });
    root.append(sources);
    this.body.append(root);
    this.element.focus({ preventScroll: true });
  }

  private claims(e: StoredEvent): HTMLElement {
    const section = h('section', {}, h('h3', {}, 'Claims'));
    if (e.claims.length === 0) {
      // Tactics found without a claim are in the Tactics field: say nothing that contradicts it.
      section.append(h('p', { class: 'muted' }, allTactics(e).length ? 'No figures reported; the tactics are in the fields above.' : 'No figures or tactics reported.'));
      return section;
    }
    const rows = e.claims.map((c) =>
      h('tr', {},
        h('td', {}, c.kind === 'tactic' ? `tactic: ${c.tactic ?? ''}` : `${c.value ?? '?'} ${c.kind}`),
        h('td', {}, c.subject ?? '—'),
        h('td', {}, c.reporter ?? 'the article itself'),
        h('td', {}, h('q', {}, c.evidence.text))));
    section.append(h('table', { class: 'claims' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'Reported by'), h('th', { scope: 'col' }, 'Text'))),
      h('tbody', {}, rows)));
    return section;
  }

  async showDocument(id: string): Promise<void> {
    const signal = this.begin();
    try {
      const doc = await fetchDocument(id, signal);
      if (signal.aborted) return;
      clear(this.body);
      this.body.append(renderDocument(doc, this.options, 'h2', this.markNavigation()));
      this.element.focus({ preventScroll: true });
    } catch (err) {
      this.fail(err, 'document');
    }
  }
}

/** A document with the events found in it; each event's evidence marked (labels e<i>.<field>). */
export function renderDocument(doc: StoredDocument, options: Pick<DetailOptions, 'onOpenEvent'>, heading = 'h2', navigation?: HTMLElement): HTMLElement {
  const root = h('article', { class: 'document-view', 'data-testid': 'document-view' });
  root.append(h(heading as 'h2', {}, documentName(doc)), documentMeta(doc), h('p', { class: 'meta' }, `Document id: ${doc.id}`));
  const spans = doc.events.flatMap((e, i) => eventSpans(doc.text, e.evidence, e.claims, `e${i}.`));
  const list = h('ol', { class: 'doc-events' });
  doc.events.forEach((e, i) => {
    const item = h('li', {},
      h('button', { type: 'button', class: 'linklike', onclick: () => options.onOpenEvent(e.event_id) },
        swatch(typeColor(e.event_type)),
        `${e.event_date} ${e.event_type}: ${e.sub_event_type}, ${[e.location, e.country].filter(Boolean).join(', ') || 'place unknown'} (${formatNumber(e.fatalities)} fatalities)`));
    const on = () => lightUp(root, (l) => l.startsWith(`e${i}.`), true);
    item.addEventListener('mouseenter', on);
    item.addEventListener('focusin', on);
    item.addEventListener('mouseleave', () => lightUp(root, null));
    list.append(item);
  });
  root.append(
    h('h3', {}, `Events found (${doc.events.length})`),
    doc.events.length ? list : h('p', { class: 'muted' }, 'No events found in this document.'),
    h('h3', {}, 'Text'),
  );
  if (navigation && spans.length) root.append(navigation);
  root.append(markedText(doc.text, spans, describeLabels));
  return root;
}
