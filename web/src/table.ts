// The event table: sortable columns, rows rendered only where visible (a few dozen DOM rows for
// any number of events). Rows are focusable: Enter opens the detail, arrow keys move between rows.
import type { EventSummary } from './api.js';
import { typeColor } from './colors.js';
import { clear, formatNumber, h, swatch } from './dom.js';
import type { SortKey } from './state.js';

const ROW_HEIGHT = 34;
/** Below 640 px each event is a card of three lines (date, type, fatalities / actors / location). */
const CARD_HEIGHT = 78;
const OVERSCAN = 8;
const CARDS = typeof matchMedia === 'function' ? matchMedia('(max-width: 640px)') : undefined;

/** The height of one row: a table row, or a card on a narrow screen (style.css agrees). */
function rowHeight(): number {
  return CARDS?.matches ? CARD_HEIGHT : ROW_HEIGHT;
}

interface Column {
  key: SortKey;
  label: string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'event_date', label: 'Date' },
  { key: 'event_type', label: 'Type' },
  { key: 'sub_event_type', label: 'Sub-type' },
  { key: 'actors', label: 'Actors' },
  { key: 'location', label: 'Location' },
  { key: 'fatalities', label: 'Fatalities', numeric: true },
  { key: 'sources', label: 'Sources', numeric: true },
];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Outlets reporting the event (ACLED's source count); documents when the outlets are unknown. */
export function outletCount(e: EventSummary): number {
  return e.source_count ?? e.sources;
}

export function actorsText(e: EventSummary): string {
  return [e.actor1, e.actor2].filter(Boolean).join(' vs ');
}

export function locationText(e: EventSummary): string {
  // "Syria, Syria" when the place is the country itself: each name once.
  return [...new Set([e.location, e.admin1, e.country].filter(Boolean))].join(', ');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function comparator(key: SortKey): (a: EventSummary, b: EventSummary) => number {
  switch (key) {
    case 'fatalities':
      return (a, b) => a[key] - b[key];
    case 'sources':
      return (a, b) => outletCount(a) - outletCount(b) || a.sources - b.sources;
    case 'actors':
      return (a, b) => collator.compare(actorsText(a), actorsText(b));
    case 'location':
      return (a, b) => collator.compare(a.country, b.country) || collator.compare(a.admin1, b.admin1) || collator.compare(a.location, b.location);
    case 'event_date':
      return (a, b) => (a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : 0);
    default:
      return (a, b) => collator.compare(a[key], b[key]);
  }
}

export function sortEvents(events: EventSummary[], key: SortKey, descending: boolean): EventSummary[] {
  const cmp = comparator(key);
  const byDateThenId = comparator('event_date');
  const sign = descending ? -1 : 1;
  // Ties: newest first, then id, so the order is stable across reloads.
  return [...events].sort((a, b) => sign * cmp(a, b) || -byDateThenId(a, b) || (a.event_id < b.event_id ? -1 : 1));
}

export interface TableOptions {
  onSelect(id: string): void;
  onSort(key: SortKey, descending: boolean): void;
}

export class EventTable {
  readonly element: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly headCells: HTMLTableCellElement[] = [];
  private readonly count: HTMLElement;
  private rows: EventSummary[] = [];
  private selected = '';
  private sort: SortKey = 'event_date';
  private descending = true;
  private focusIndex = -1;
  private frame = 0;
  /**
   * The rows of `rows` in the DOM, [first, last), between two spacers; undefined when the tbody holds
   * none of them (no events yet, or new events). A render keeps the rows that stay in view: scrolling
   * and resizing add and remove rows at the edges, and never replace a row that is still shown (it
   * would lose its focus and hover, and anything holding it would hold a detached row).
   */
  private shown: { first: number; last: number; top: HTMLElement; bottom: HTMLElement } | undefined;

  constructor(private readonly options: TableOptions) {
    this.count = h('span', { class: 'muted', 'aria-live': 'polite' });
    const headRow = h('tr', {});
    for (const col of COLUMNS) {
      const th = h('th', { scope: 'col', class: col.numeric ? 'num' : '' },
        h('button', {
          type: 'button',
          class: 'sort',
          onclick: () => {
            const desc = this.sort === col.key ? !this.descending : col.numeric || col.key === 'event_date';
            this.options.onSort(col.key, desc);
          },
        }, col.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' })));
      this.headCells.push(th);
      headRow.append(th);
    }
    this.tbody = h('tbody', {});
    const table = h('table', { class: 'events', 'aria-label': 'Events', 'aria-rowcount': 0 }, h('thead', {}, headRow), this.tbody);
    this.scroller = h('div', { class: 'table-scroll' }, table);
    this.scroller.addEventListener('scroll', () => this.schedule());
    this.element = h('section', { class: 'table panel', id: 'events-table', 'aria-label': 'Event table' },
      h('div', { class: 'panel-head' }, h('h2', {}, 'Events'), this.count),
      this.scroller);
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    CARDS?.addEventListener?.('change', () => this.schedule());
  }

  setEvents(events: EventSummary[], sort: SortKey, descending: boolean): void {
    this.sort = sort;
    this.descending = descending;
    this.rows = sortEvents(events, sort, descending);
    const fatalities = events.reduce((s, e) => s + e.fatalities, 0);
    this.count.textContent = `${formatNumber(events.length)} event${events.length === 1 ? '' : 's'}, ${formatNumber(fatalities)} fatalities`;
    this.tbody.parentElement!.setAttribute('aria-rowcount', String(events.length + 1));
    COLUMNS.forEach((col, i) => {
      const th = this.headCells[i]!;
      const mark = th.querySelector('.sort-mark')!;
      if (col.key === sort) {
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        mark.textContent = descending ? ' ▼' : ' ▲';
      } else {
        th.removeAttribute('aria-sort');
        mark.textContent = '';
      }
    });
    this.focusIndex = -1;
    this.shown = undefined; // other events (or another order): every row is made anew
    this.render();
  }

  setSelected(id: string): void {
    this.selected = id;
    for (const tr of this.tbody.querySelectorAll<HTMLElement>('tr[data-event-id]')) {
      const on = tr.dataset.eventId === id;
      tr.classList.toggle('selected', on);
      if (on) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
  }

  /** Scrolls the selected event into view (after selecting on the map). */
  reveal(id: string): void {
    const i = this.rows.findIndex((e) => e.event_id === id);
    if (i < 0) return;
    const top = i * rowHeight();
    const view = this.scroller.clientHeight - rowHeight() * 2;
    if (top < this.scroller.scrollTop || top > this.scroller.scrollTop + view) {
      this.scroller.scrollTop = Math.max(0, top - view / 2);
      this.render();
    }
  }

  /** The event `delta` rows after (or before) `id` in the table's order; the first row when `id` is not shown. */
  neighbour(id: string, delta: number): string | undefined {
    const i = this.rows.findIndex((e) => e.event_id === id);
    if (i < 0) return this.rows[0]?.event_id;
    return this.rows[Math.max(0, Math.min(this.rows.length - 1, i + delta))]?.event_id;
  }

  /** Moves the keyboard focus to an event's row (scrolling to it). */
  focusEvent(id: string): void {
    const i = this.rows.findIndex((e) => e.event_id === id);
    if (i >= 0) this.moveFocus(i);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const hadFocus = this.tbody.contains(document.activeElement);
    const height = this.scroller.clientHeight || 400;
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / rowHeight()) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((this.scroller.scrollTop + height) / rowHeight()) + OVERSCAN);
    if (this.rows.length === 0) {
      this.shown = undefined;
      clear(this.tbody);
      this.tbody.append(h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty' }, 'No events match these filters.')));
      return;
    }
    let shown = this.shown;
    if (!shown) {
      clear(this.tbody);
      shown = this.shown = { first, last: first, top: this.spacer(), bottom: this.spacer() };
      this.tbody.append(shown.top, shown.bottom);
    }
    // The rows that stay, [keepFirst, keepLast), are left in place; the others go, and the new ones
    // are put before and after them. O(rows in view) per render.
    const keepFirst = Math.max(first, shown.first);
    const keepLast = Math.min(last, shown.last);
    for (const tr of [...this.tbody.querySelectorAll<HTMLElement>('tr[data-index]')]) {
      const i = Number(tr.dataset.index);
      if (i < keepFirst || i >= keepLast) tr.remove();
    }
    if (keepFirst < keepLast) {
      const before = shown.top.nextSibling!;
      for (let i = first; i < keepFirst; i++) this.tbody.insertBefore(this.row(this.rows[i]!, i), before);
      for (let i = keepLast; i < last; i++) this.tbody.insertBefore(this.row(this.rows[i]!, i), shown.bottom);
    } else {
      for (let i = first; i < last; i++) this.tbody.insertBefore(this.row(this.rows[i]!, i), shown.bottom);
    }
    shown.first = first;
    shown.last = last;
    shown.top.style.height = `${first * rowHeight()}px`;
    shown.bottom.style.height = `${(this.rows.length - last) * rowHeight()}px`;
    if (hadFocus && !this.tbody.contains(document.activeElement) && this.focusIndex >= first && this.focusIndex < last) {
      this.tbody.querySelector<HTMLElement>(`tr[data-index="${this.focusIndex}"]`)?.focus({ preventScroll: true });
    }
  }

  private spacer(): HTMLElement {
    return h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: COLUMNS.length }));
  }

  private row(e: EventSummary, index: number): HTMLElement {
    const approximate = e.geo_precision >= 2;
    const tr = h('tr', {
      tabindex: 0,
      'data-testid': 'event-row',
      'data-event-id': e.event_id,
      'data-index': index,
      'aria-rowindex': index + 2,
      'aria-current': e.event_id === this.selected ? 'true' : null,
      class: e.event_id === this.selected ? 'selected' : '',
    },
      h('td', {}, e.event_date),
      h('td', { title: e.event_type }, swatch(typeColor(e.event_type)), e.event_type),
      h('td', { title: e.sub_event_type }, e.sub_event_type),
      h('td', { title: [e.actor1, e.assoc_actor_1, e.actor2, e.assoc_actor_2].filter(Boolean).join(' | ') }, actorsText(e)),
      h('td', { title: locationText(e) + (approximate ? ' (approximate: region only)' : '') },
        approximate ? h('span', { class: 'approx', 'aria-label': 'approximate' }, '≈ ') : null, locationText(e)),
      h('td', { class: 'num', 'data-unit': e.fatalities === 1 ? 'fatality' : 'fatalities' }, formatNumber(e.fatalities)),
      h('td', { class: 'num', title: `${plural(outletCount(e), 'outlet')}, ${plural(e.sources, 'report')}` }, String(outletCount(e))),
    );
    tr.addEventListener('click', () => this.open(index));
    tr.addEventListener('focus', () => (this.focusIndex = index));
    tr.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        this.open(index);
      } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp' || ev.key === 'Home' || ev.key === 'End') {
        ev.preventDefault();
        const next = ev.key === 'Home' ? 0 : ev.key === 'End' ? this.rows.length - 1 : index + (ev.key === 'ArrowDown' ? 1 : -1);
        this.moveFocus(Math.max(0, Math.min(this.rows.length - 1, next)));
      }
    });
    return tr;
  }

  private open(index: number): void {
    this.focusIndex = index;
    this.options.onSelect(this.rows[index]!.event_id);
  }

  private moveFocus(index: number): void {
    this.focusIndex = index;
    const top = index * rowHeight();
    const headH = rowHeight();
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + rowHeight() > this.scroller.scrollTop + this.scroller.clientHeight - headH) {
      this.scroller.scrollTop = top + rowHeight() * 2 - this.scroller.clientHeight;
    }
    this.render();
    this.tbody.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus({ preventScroll: true });
  }
}
