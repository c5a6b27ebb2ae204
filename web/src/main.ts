// The sitrep dashboard: filters (in the URL), map, timeline, event table, detail panel, ingest and
// export. Events matching the server-side filters are loaded once (GeoJSON export); the date range
// is applied in the page so that brushing the timeline is instant.
import { takePrefetched } from './prefetch.js';
import './style.css';
import { fetchEvents, fetchStats, type EventSummary } from './api.js';
import { DetailPanel } from './detail.js';
import { clear, formatNumber, h } from './dom.js';
import { ingestView } from './ingest.js';
import { EventMap } from './map.js';
import { EVENT_TYPES, SUB_EVENT_TYPES_BY_TYPE, emptyFilters, exportQuery, inDateRange, readState, serverQuery, writeState, type Filters, type SortKey, type ViewState } from './state.js';
import { EventTable } from './table.js';
import { Timeline } from './timeline.js';
import { decideOpenEvent, loadSession, onReviewChange, reportActions, REVIEW_STATUSES, reviewSection, sessionBadge, setMapPicker, signInView } from './review.js';

let state: ViewState = readState(location.search);
let allEvents: EventSummary[] = [];
let shown: EventSummary[] = [];
let loadedQuery: string | undefined;
let loading: AbortController | undefined;

const status = h('p', { class: 'load-status', role: 'status', 'aria-live': 'polite' });
const totals = h('span', { class: 'totals muted' });

const map = new EventMap({ onSelect: (id) => openEvent(id) });
const timeline = new Timeline({ onBrush: (from, to) => setFilters({ ...state.filters, from, to }) });
const table = new EventTable({
  onSelect: (id) => openEvent(id),
  onSort: (sort: SortKey, descending: boolean) => {
    state = { ...state, sort, descending };
    navigate(false);
    table.setEvents(shown, state.sort, state.descending);
  },
});
const detail = new DetailPanel({
  onClose: () => closePanel(),
  onOpenEvent: (id) => openEvent(id),
  onOpenDocument: (id) => {
    state = { ...state, doc: id, event: '', ingest: false };
    navigate(true);
    syncPanel();
  },
  reviewSection: (e, reload) => reviewSection(e, reload),
  reportActions: (e, reportId, reload) => reportActions(e, reportId, reload),
});
onReviewChange(() => void refresh(true));
setMapPicker((onPick) => map.pickPoint(onPick));

// Filters form.
const inputs = {
  from: h('input', { type: 'date', id: 'f-from', name: 'from' }),
  to: h('input', { type: 'date', id: 'f-to', name: 'to' }),
  country: h('input', { type: 'text', id: 'f-country', name: 'country', list: 'countries', placeholder: 'any', autocomplete: 'off', maxlength: 200 }),
  event_type: h('select', { id: 'f-type', name: 'event_type' },
    h('option', { value: '' }, 'any type'),
    EVENT_TYPES.map((t) => h('option', { value: t }, t))),
  sub_event_type: h('select', { id: 'f-subtype', name: 'sub_event_type' },
    h('option', { value: '' }, 'any sub-type'),
    SUB_EVENT_TYPES_BY_TYPE.map(([t, subs]) => h('optgroup', { label: t }, subs.map((s) => h('option', { value: s }, s))))),
  admin1: h('input', { type: 'text', id: 'f-admin1', name: 'admin1', list: 'admin1-names', placeholder: 'any', autocomplete: 'off', maxlength: 200 }),
  actor: h('input', { type: 'search', id: 'f-actor', name: 'actor', placeholder: 'name or alias (SDF, ISIS)', autocomplete: 'off', maxlength: 200 }),
  q: h('input', { type: 'search', id: 'f-q', name: 'q', placeholder: 'notes, actors, places', autocomplete: 'off', maxlength: 200 }),
  review_status: h('select', { id: 'f-review', name: 'review_status' },
    h('option', { value: '' }, 'any status'),
    REVIEW_STATUSES.map((s) => h('option', { value: s }, s))),
};
const countries = h('datalist', { id: 'countries' });
const admin1Names = h('datalist', { id: 'admin1-names' });
const field = (id: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
  field('f-from', 'From', inputs.from),
  field('f-to', 'To', inputs.to),
  field('f-country', 'Country', inputs.country),
  field('f-type', 'Event type', inputs.event_type),
  field('f-subtype', 'Sub-type', inputs.sub_event_type),
  field('f-admin1', 'Admin 1', inputs.admin1),
  field('f-actor', 'Actor', inputs.actor),
  field('f-q', 'Text', inputs.q),
  field('f-review', 'Review', inputs.review_status),
  h('div', { class: 'field buttons' },
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', onclick: () => setFilters(emptyFilters()) }, 'Reset')),
  countries,
  admin1Names);
// Filters fold away on a phone (open by default on wider screens); the summary counts those set.
const filterSummary = h('summary', {}, 'Filters');
const filterFold = h('details', { class: 'filter-fold' }, filterSummary, form);
const narrow = matchMedia('(max-width: 640px)');
filterFold.open = !narrow.matches;
narrow.addEventListener('change', () => (filterFold.open = !narrow.matches));

function showFilterCount(f: Filters): void {
  const n = Object.values(f).filter(Boolean).length;
  filterSummary.textContent = n ? `Filters (${n} set)` : 'Filters';
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  setFilters(formFilters());
});
for (const el of Object.values(inputs)) el.addEventListener('change', () => setFilters(formFilters()));

const csvLink = h('a', { class: 'button', download: 'sitrep-events.csv', href: '/api/events.csv' }, 'ACLED CSV');
const geojsonLink = h('a', { class: 'button', download: 'sitrep-events.geojson', href: '/api/events.geojson' }, 'GeoJSON');
const ingestButton = h('button', { type: 'button', class: 'primary', onclick: () => openIngest() }, 'Add articles');

function formFilters(): Filters {
  return {
    from: inputs.from.value,
    to: inputs.to.value,
    country: inputs.country.value.trim(),
    event_type: inputs.event_type.value,
    sub_event_type: inputs.sub_event_type.value,
    admin1: inputs.admin1.value.trim(),
    actor: inputs.actor.value.trim(),
    q: inputs.q.value.trim(),
    review_status: inputs.review_status.value,
  };
}

function fillForm(f: Filters): void {
  showFilterCount(f);
  for (const k of Object.keys(inputs) as (keyof Filters)[]) if (inputs[k].value !== f[k]) inputs[k].value = f[k];
  const q = exportQuery(f).toString();
  csvLink.href = `/api/events.csv${q ? `?${q}` : ''}`;
  geojsonLink.href = `/api/events.geojson${q ? `?${q}` : ''}`;
}

function navigate(push: boolean): void {
  const url = writeState(state);
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function setFilters(f: Filters): void {
  if (f.from && f.to && f.from > f.to) [f.from, f.to] = [f.to, f.from];
  state = { ...state, filters: f };
  navigate(false);
  fillForm(f);
  void refresh();
}

/** Loads events when the server-side filters changed, then applies the date range. */
async function refresh(force = false): Promise<void> {
  const query = serverQuery(state.filters).toString();
  if (force || query !== loadedQuery) {
    loading?.abort();
    loading = new AbortController();
    const signal = loading.signal;
    status.textContent = 'Loading events…';
    status.classList.remove('error');
    try {
      performance.mark('sitrep:load-start');
      const events = await (takePrefetched(query) ?? fetchEvents(serverQuery(state.filters), signal));
      if (signal.aborted) return;
      performance.mark('sitrep:events-parsed');
      allEvents = events;
      fillAdmin1Names(events);
      const refit = loadedQuery !== undefined && !force;
      loadedQuery = query;
      timeline.setEvents(allEvents);
      applyDates(refit || force);
      status.textContent = '';
      // Measured by the browser tests (time to a usable page with many events).
      performance.measure('sitrep:fetch', 'sitrep:load-start', 'sitrep:events-parsed');
      performance.measure('sitrep:render', 'sitrep:events-parsed');
    } catch (err) {
      if (signal.aborted) return;
      status.classList.add('error');
      status.textContent = `Could not load events: ${err instanceof Error ? err.message : String(err)}`;
    }
    return;
  }
  applyDates(false);
}

/** Suggestions for the admin1 filter: the divisions of the events loaded (country in the label). */
function fillAdmin1Names(events: EventSummary[]): void {
  if (state.filters.admin1) return;
  const seen = new Map<string, string>();
  for (const e of events) if (e.admin1 && !seen.has(e.admin1)) seen.set(e.admin1, e.country);
  clear(admin1Names);
  for (const [name, country] of [...seen].sort((a, b) => a[0].localeCompare(b[0])).slice(0, 2000)) {
    admin1Names.append(h('option', { value: name, label: `${name} (${country})` }));
  }
}

let documentCount = '';

function showTotals(): void {
  totals.textContent = `${formatNumber(shown.length)} of ${formatNumber(allEvents.length)} events${documentCount}`;
}

function applyDates(refit: boolean): void {
  const f = state.filters;
  shown = f.from || f.to ? allEvents.filter((e) => inDateRange(e.event_date, f)) : allEvents;
  showTotals();
  map.setEvents(shown, refit);
  table.setEvents(shown, state.sort, state.descending);
  timeline.setRange(f.from, f.to);
  map.setSelected(state.event);
  table.setSelected(state.event);
}

function openEvent(id: string): void {
  state = { ...state, event: id, doc: '', ingest: false };
  navigate(true);
  syncPanel();
  table.reveal(id);
}

function openIngest(): void {
  state = { ...state, event: '', doc: '', ingest: true };
  navigate(true);
  syncPanel();
}

let lastFocus: HTMLElement | null = null;

function closePanel(): void {
  const wasEvent = state.event;
  state = { ...state, event: '', doc: '', ingest: false };
  navigate(true);
  syncPanel();
  // Back to where the user was: the same element, or the event's row if the table redrew it.
  if (lastFocus?.isConnected && lastFocus !== document.body) lastFocus.focus();
  else if (wasEvent) table.focusEvent(wasEvent);
}

let ingestElement: HTMLElement | undefined;

function syncPanel(): void {
  if ((state.event || state.doc || state.ingest) && detail.element.hidden && document.activeElement instanceof HTMLElement) {
    lastFocus = document.activeElement;
  }
  map.setSelected(state.event);
  table.setSelected(state.event);
  document.body.classList.toggle('panel-open', Boolean(state.event || state.doc || state.ingest));
  if (state.event) void detail.showEvent(state.event);
  else if (state.doc) void detail.showDocument(state.doc);
  else if (state.ingest) {
    ingestElement ??= ingestView({ onSaved: () => void refresh(true), onOpenEvent: (id) => openEvent(id) });
    detail.showContent(ingestElement);
  } else detail.hide();
}

window.addEventListener('popstate', () => {
  const before = state;
  state = readState(location.search);
  fillForm(state.filters);
  if (serverQuery(before.filters).toString() !== serverQuery(state.filters).toString() || before.filters.from !== state.filters.from || before.filters.to !== state.filters.to || before.sort !== state.sort || before.descending !== state.descending) {
    void refresh();
  }
  syncPanel();
});

document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && !detail.element.hidden && !(ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement)) closePanel();
  // Review with the keyboard: j / k the next / previous event of the table, c confirm, x reject.
  const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement || ev.target instanceof HTMLSelectElement;
  if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if ((ev.key === 'n' || ev.key === 'p') && (state.event || state.doc)) {
    // Evidence: n / p step to the next / previous mark in the source text.
    if (detail.stepMark(ev.key === 'n' ? 1 : -1)) ev.preventDefault();
  } else if (ev.key === 'j' || ev.key === 'k') {
    const next = table.neighbour(state.event, ev.key === 'j' ? 1 : -1);
    if (next) openEvent(next);
  } else if (ev.key === 'c' && state.event) {
    if (decideOpenEvent('confirmed')) ev.preventDefault();
  } else if (ev.key === 'x' && state.event) {
    if (decideOpenEvent('rejected')) ev.preventDefault();
  }
});

async function loadCountries(): Promise<void> {
  try {
    const stats = await fetchStats();
    clear(countries);
    for (const c of stats.by_country) if (c.country) countries.append(h('option', { value: c.country }));
    documentCount = ` · ${formatNumber(stats.documents)} documents`;
    showTotals();
  } catch {
    // The country list only helps typing; the page works without it.
  }
}

/**
 * Live view: the server announces stored documents and events on /api/stream (server-sent events;
 * `sitrep watch` and workers add them as feeds bring news). The events are loaded again, without
 * moving the map, at most every 2 s; the browser reconnects by itself when the stream drops.
 */
function listenForChanges(): void {
  if (typeof EventSource === 'undefined') return;
  const source = new EventSource('/api/stream');
  let timer: number | undefined;
  source.addEventListener('change', () => {
    if (timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      if (document.hidden) return;
      loadedQuery = undefined; // reload with the same filters; the map keeps its view
      void refresh().then(() => void loadCountries());
    }, 2000);
  });
}

async function mount(): Promise<void> {
  const app = document.getElementById('app')!;
  const session = await loadSession();
  if (session.users && !session.user) {
    app.append(signInView());
    return;
  }
  app.append(
    h('header', { class: 'top' },
      h('div', { class: 'title' }, h('h1', {}, 'sitrep'), h('span', { class: 'tagline' }, 'conflict events from news reports'), totals),
      filterFold,
      h('div', { class: 'actions' }, h('span', { class: 'muted' }, 'Export:'), csvLink, geojsonLink, ingestButton, sessionBadge())),
    status,
    h('main', { class: 'layout' },
      h('div', { class: 'overview' }, map.element, timeline.element),
      table.element),
    detail.element,
  );
  fillForm(state.filters);
  void refresh().then(() => {
    if (state.event) table.reveal(state.event);
    // After the events: the list only helps typing, and must not slow the first load.
    void loadCountries();
    listenForChanges();
  });
  syncPanel();
}

void mount();
