// The view's state and the URL: filters, sort and what is open are all in the query string, so a
// view can be shared by its address. Server-side filters go to the API; the date range is applied
// in the page so that the timeline keeps showing the whole period while a range is brushed.

// The same six types as the pipeline's (src/common/acled-types.ts has no Node dependencies).
import { ACLED_EVENT_TYPES as EVENT_TYPES, SUB_EVENT_TYPES } from '../../src/common/acled-types.js';

export { EVENT_TYPES };

/** Sub-event types by event type, in the codebook's order of types. */
export const SUB_EVENT_TYPES_BY_TYPE: [string, string[]][] = EVENT_TYPES.map((t) =>
  [t, Object.keys(SUB_EVENT_TYPES).filter((s) => SUB_EVENT_TYPES[s]!.eventType === t)]);

export interface Filters {
  from: string;
  to: string;
  country: string;
  event_type: string;
  sub_event_type: string;
  /** First-level administrative division (province, state, governorate). */
  admin1: string;
  actor: string;
  q: string;
  /** unreviewed | confirmed | edited | rejected, or '' for any. */
  review_status: string;
}

export type SortKey = 'event_date' | 'event_type' | 'sub_event_type' | 'actors' | 'location' | 'fatalities' | 'sources';

export interface ViewState {
  filters: Filters;
  sort: SortKey;
  descending: boolean;
  /** Open event (detail panel), document, or the ingest page. */
  event: string;
  doc: string;
  ingest: boolean;
}

const SORT_KEYS: SortKey[] = ['event_date', 'event_type', 'sub_event_type', 'actors', 'location', 'fatalities', 'sources'];
const FILTER_KEYS: (keyof Filters)[] = ['from', 'to', 'country', 'event_type', 'sub_event_type', 'admin1', 'actor', 'q', 'review_status'];
const REVIEW_STATUSES = ['unreviewed', 'confirmed', 'edited', 'rejected'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptyFilters(): Filters {
  return { from: '', to: '', country: '', event_type: '', sub_event_type: '', admin1: '', actor: '', q: '', review_status: '' };
}

export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const k of FILTER_KEYS) filters[k] = (p.get(k) ?? '').slice(0, 200);
  if (!DATE.test(filters.from)) filters.from = '';
  if (!DATE.test(filters.to)) filters.to = '';
  if (filters.event_type && !(EVENT_TYPES as readonly string[]).includes(filters.event_type)) filters.event_type = '';
  if (filters.sub_event_type && !(filters.sub_event_type in SUB_EVENT_TYPES)) filters.sub_event_type = '';
  if (filters.review_status && !REVIEW_STATUSES.includes(filters.review_status)) filters.review_status = '';
  const sortParam = p.get('sort') ?? '';
  const descending = sortParam.startsWith('-') || sortParam === '';
  const key = sortParam.replace(/^-/, '') as SortKey;
  return {
    filters,
    sort: SORT_KEYS.includes(key) ? key : 'event_date',
    descending,
    event: p.get('event') ?? '',
    doc: p.get('doc') ?? '',
    ingest: p.get('view') === 'ingest',
  };
}

export function writeState(s: ViewState): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (s.filters[k]) p.set(k, s.filters[k]);
  if (!(s.sort === 'event_date' && s.descending)) p.set('sort', (s.descending ? '-' : '') + s.sort);
  if (s.ingest) p.set('view', 'ingest');
  if (s.event) p.set('event', s.event);
  if (s.doc) p.set('doc', s.doc);
  const qs = p.toString();
  return qs ? `?${qs}` : location.pathname;
}

/** The filters the server applies (everything but dates), as API query parameters. */
export function serverQuery(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.country) p.set('country', f.country);
  if (f.event_type) p.set('event_type', f.event_type);
  if (f.sub_event_type) p.set('sub_event_type', f.sub_event_type);
  if (f.admin1) p.set('admin1', f.admin1);
  if (f.actor) p.set('actor', f.actor);
  if (f.q) p.set('q', f.q);
  if (f.review_status) p.set('review_status', f.review_status);
  return p;
}

/** All filters, for the export links. */
export function exportQuery(f: Filters): URLSearchParams {
  const p = serverQuery(f);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  return p;
}

export function inDateRange(date: string, f: Filters): boolean {
  return (!f.from || date >= f.from) && (!f.to || date <= f.to);
}
