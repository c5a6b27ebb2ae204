// The timeline: events per day stacked by type (bars, left axis) and fatalities (line, right
// axis) on a canvas. Dragging across it brushes a date range that filters the map and the table;
// a click clears it. Keyboard: arrows move the range, shift+arrows widen it, Escape clears.
import type { EventSummary } from './api.js';
import { TYPE_ORDER, typeColor, typeIndex } from './colors.js';
import { clear, formatNumber, h } from './dom.js';

const DAY = 86400000;
const MARGIN = { left: 38, right: 40, top: 10, bottom: 22 };

/** 950, 12k, 1.5M: axis labels that fit in the margin. */
export function compact(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1e6) return `${n < 1e4 ? Math.round(n / 100) / 10 : Math.round(n / 1000)}k`;
  return `${Math.round(n / 1e5) / 10}M`;
}

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

export function dayString(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export interface TimelineOptions {
  /** A brushed range, or ('', '') when cleared. */
  onBrush(from: string, to: string): void;
}

export class Timeline {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly tooltip: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly caption: HTMLElement;
  private first = 0;
  private bins = 0;
  private binDays = 1;
  private counts: Float64Array = new Float64Array(0); // bins x types
  private fatalities: Float64Array = new Float64Array(0);
  private from = '';
  private to = '';
  private width = 0;
  private readonly height = 150;
  private brushing: { start: number; current: number; startX: number; moved: boolean } | undefined;
  private events: EventSummary[] = [];

  constructor(private readonly options: TimelineOptions) {
    this.canvas = h('canvas', {
      tabindex: 0,
      role: 'slider',
      'aria-label': 'Timeline: drag to choose dates; arrow keys move the range, shift+arrows widen it, Escape clears',
    });
    this.ctx = this.canvas.getContext('2d')!;
    this.tooltip = h('div', { class: 'timeline-tooltip', hidden: true });
    this.summary = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.caption = h('span', { class: 'muted' });
    const surface = h('div', { class: 'timeline-surface' }, this.canvas, this.tooltip);
    this.element = h('section', { class: 'timeline panel', 'data-testid': 'timeline', 'aria-label': 'Timeline' },
      h('div', { class: 'panel-head' },
        h('h2', {}, 'Timeline'),
        this.caption,
        h('button', { type: 'button', class: 'small', onclick: () => this.options.onBrush('', '') }, 'All dates')),
      surface,
      this.summary);
    this.attach();
    new ResizeObserver(() => {
      const w = surface.clientWidth;
      if (w && w !== this.width) {
        this.width = w;
        this.rebin();
      }
    }).observe(surface);
  }

  setEvents(events: EventSummary[]): void {
    this.events = events;
    this.rebin();
  }

  setRange(from: string, to: string): void {
    this.from = from;
    this.to = to;
    this.render();
  }

  private plotWidth(): number {
    return Math.max(10, this.width - MARGIN.left - MARGIN.right);
  }

  private rebin(): void {
    const events = this.events;
    let min = Infinity;
    let max = -Infinity;
    for (const e of events) {
      const d = dayNumber(e.event_date);
      if (!Number.isFinite(d)) continue;
      if (d < min) min = d;
      if (d > max) max = d;
    }
    if (!Number.isFinite(min)) {
      this.bins = 0;
      this.render();
      return;
    }
    const days = max - min + 1;
    // About two pixels per bar at least; bins of whole days.
    this.binDays = Math.max(1, Math.ceil(days / (this.plotWidth() / 2)));
    this.first = min;
    this.bins = Math.ceil(days / this.binDays);
    const types = TYPE_ORDER.length;
    this.counts = new Float64Array(this.bins * types);
    this.fatalities = new Float64Array(this.bins);
    for (const e of events) {
      const d = dayNumber(e.event_date);
      if (!Number.isFinite(d)) continue;
      const b = Math.floor((d - min) / this.binDays);
      this.counts[b * types + typeIndex(e.event_type)]! += 1;
      this.fatalities[b]! += e.fatalities;
    }
    this.caption.textContent = `events per ${this.binDays === 1 ? 'day' : `${this.binDays} days`}, stacked by type; line: fatalities`;
    let peak = 0;
    let peakBin = 0;
    for (let b = 0; b < this.bins; b++) {
      let n = 0;
      for (let t = 0; t < types; t++) n += this.counts[b * types + t]!;
      if (n > peak) { peak = n; peakBin = b; }
    }
    this.summary.textContent = `${formatNumber(events.length)} events from ${dayString(min)} to ${dayString(max)}; most (${peak}) around ${dayString(min + peakBin * this.binDays)}.`;
    this.render();
  }

  private xOfDay(day: number): number {
    return MARGIN.left + ((day - this.first) / (this.bins * this.binDays)) * this.plotWidth();
  }

  private dayAt(x: number): number {
    const t = (x - MARGIN.left) / this.plotWidth();
    const d = this.first + Math.floor(Math.min(0.99999, Math.max(0, t)) * this.bins * this.binDays);
    return d;
  }

  private render(): void {
    const { ctx, width, height } = this;
    if (!width) return;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const plotH = height - MARGIN.top - MARGIN.bottom;
    const bottom = MARGIN.top + plotH;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#55606e';
    if (this.bins === 0) {
      ctx.textAlign = 'center';
      ctx.fillText('No events', width / 2, height / 2);
      return;
    }
    const types = TYPE_ORDER.length;
    let maxStack = 1;
    let maxFatal = 1;
    for (let b = 0; b < this.bins; b++) {
      let n = 0;
      for (let t = 0; t < types; t++) n += this.counts[b * types + t]!;
      maxStack = Math.max(maxStack, n);
      maxFatal = Math.max(maxFatal, this.fatalities[b]!);
    }
    const barW = this.plotWidth() / this.bins;
    for (let b = 0; b < this.bins; b++) {
      let y = bottom;
      const x = MARGIN.left + b * barW;
      for (let t = 0; t < types; t++) {
        const n = this.counts[b * types + t]!;
        if (!n) continue;
        const hgt = (n / maxStack) * plotH;
        ctx.fillStyle = typeColor(TYPE_ORDER[t]!);
        ctx.fillRect(x, y - hgt, Math.max(1, barW - (barW > 3 ? 1 : 0)), hgt);
        y -= hgt;
      }
    }
    // Fatalities line.
    ctx.beginPath();
    for (let b = 0; b < this.bins; b++) {
      const x = MARGIN.left + (b + 0.5) * barW;
      const y = bottom - (this.fatalities[b]! / maxFatal) * plotH;
      if (b === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.strokeStyle = '#7a0019';
    ctx.lineWidth = 1.4;
    ctx.stroke();
    // Axes.
    ctx.strokeStyle = '#b8c0ca';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, bottom + 0.5);
    ctx.lineTo(width - MARGIN.right, bottom + 0.5);
    ctx.stroke();
    ctx.fillStyle = '#55606e';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(maxStack), MARGIN.left - 4, MARGIN.top + 4);
    ctx.fillText('0', MARGIN.left - 4, bottom);
    ctx.fillText(this.binDays === 1 ? 'a day' : `/${this.binDays}d`, MARGIN.left - 4, MARGIN.top + 18); // what the bars count
    ctx.textAlign = 'left';
    ctx.fillStyle = '#7a0019';
    ctx.fillText(compact(maxFatal), width - MARGIN.right + 4, MARGIN.top + 4);
    ctx.fillText('killed', width - MARGIN.right + 4, MARGIN.top + 18);
    this.drawTicks(bottom);
    // Brushed range: dim what lies outside.
    const range = this.brushRange();
    if (range) {
      const x0 = this.xOfDay(range[0]);
      const x1 = this.xOfDay(range[1] + 1);
      ctx.fillStyle = 'rgba(240, 243, 247, 0.75)';
      ctx.fillRect(MARGIN.left, MARGIN.top, Math.max(0, x0 - MARGIN.left), plotH);
      ctx.fillRect(x1, MARGIN.top, Math.max(0, width - MARGIN.right - x1), plotH);
      ctx.strokeStyle = '#1d4f91';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x0, MARGIN.top + 0.5, Math.max(1, x1 - x0), plotH - 1);
    }
    // As a slider: the value is the first day of the range, in days from the first event.
    this.canvas.setAttribute('aria-valuemin', '0');
    this.canvas.setAttribute('aria-valuemax', String(this.bins * this.binDays - 1));
    this.canvas.setAttribute('aria-valuenow', String(range ? Math.max(0, range[0] - this.first) : 0));
    this.canvas.setAttribute('aria-valuetext', range ? `${dayString(range[0])} to ${dayString(range[1])}` : 'all dates');
  }

  private drawTicks(bottom: number): void {
    const { ctx } = this;
    const lastDay = this.first + this.bins * this.binDays;
    const start = new Date(this.first * DAY);
    const end = new Date(lastDay * DAY);
    const monthsSpanned = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    // Month steps that divide the year (or whole years), about one label per 70px.
    const wanted = (monthsSpanned * 70) / this.plotWidth();
    const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => s >= wanted) ?? 240;
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#55606e';
    let drawn = 0;
    // Tick months m (counted from year 0) with m % step == 0, inside the plotted days.
    let m = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1;
    m = Math.ceil(m / step) * step;
    for (; ; m += step) {
      const day = Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY;
      if (day >= lastDay) break;
      const x = this.xOfDay(day);
      ctx.fillRect(x, bottom, 1, 4);
      const month = m % 12;
      const year = Math.floor(m / 12);
      const label = step >= 12 ? String(year) : month === 0 || drawn === 0 ? `${names[month]} ${year}` : names[month]!;
      ctx.fillText(label, x, bottom + 6);
      drawn++;
    }
    if (drawn === 0) {
      ctx.textAlign = 'left';
      ctx.fillText(dayString(this.first), MARGIN.left, bottom + 6);
    }
  }

  /** Days [first, last] of the brush being drawn or of the current filter. */
  private brushRange(): [number, number] | undefined {
    if (this.brushing?.moved) {
      const a = Math.min(this.brushing.start, this.brushing.current);
      const b = Math.max(this.brushing.start, this.brushing.current);
      return [a, b];
    }
    if (!this.from && !this.to) return undefined;
    const a = this.from ? dayNumber(this.from) : this.first;
    const b = this.to ? dayNumber(this.to) : this.first + this.bins * this.binDays - 1;
    return [a, b];
  }

  private attach(): void {
    const xOf = (ev: PointerEvent) => ev.clientX - this.canvas.getBoundingClientRect().left;
    this.canvas.addEventListener('pointerdown', (ev) => {
      if (!this.bins) return;
      this.canvas.setPointerCapture(ev.pointerId);
      const x = xOf(ev);
      const d = this.dayAt(x);
      this.brushing = { start: d, current: d, startX: x, moved: false };
    });
    this.canvas.addEventListener('pointermove', (ev) => {
      const x = xOf(ev);
      if (this.brushing) {
        const d = this.dayAt(x);
        // A drag (even within one day's bar) brushes; a click does not.
        if (Math.abs(x - this.brushing.startX) > 3) this.brushing.moved = true;
        this.brushing.current = d;
        this.tooltip.hidden = true;
        this.render();
        return;
      }
      this.hover(x);
    });
    this.canvas.addEventListener('pointerup', () => {
      const b = this.brushing;
      this.brushing = undefined;
      if (!b) return;
      if (b.moved) {
        const a = Math.min(b.start, b.current);
        const z = Math.max(b.start, b.current);
        this.options.onBrush(dayString(a), dayString(z));
      } else if (this.from || this.to) {
        this.options.onBrush('', '');
      }
      this.render();
    });
    this.canvas.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
    this.canvas.addEventListener('keydown', (ev) => {
      if (!this.bins) return;
      if (ev.key === 'Escape') {
        if (this.from || this.to) this.options.onBrush('', '');
        return;
      }
      if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
      ev.preventDefault();
      const last = this.first + this.bins * this.binDays - 1;
      let [a, b] = this.brushRange() ?? [last - 6 * this.binDays, last];
      const step = (ev.key === 'ArrowLeft' ? -1 : 1) * this.binDays;
      if (ev.shiftKey) b = Math.min(last, Math.max(a, b + step));
      else if (a + step >= this.first && b + step <= last) {
        a += step;
        b += step;
      }
      this.options.onBrush(dayString(Math.max(this.first, a)), dayString(b));
    });
  }

  private hover(x: number): void {
    if (!this.bins || x < MARGIN.left || x > this.width - MARGIN.right) {
      this.tooltip.hidden = true;
      return;
    }
    const b = Math.floor((this.dayAt(x) - this.first) / this.binDays);
    const types = TYPE_ORDER.length;
    const start = this.first + b * this.binDays;
    clear(this.tooltip);
    const label = this.binDays === 1 ? dayString(start) : `${dayString(start)} to ${dayString(start + this.binDays - 1)}`;
    let total = 0;
    const lines: HTMLElement[] = [];
    for (let t = 0; t < types; t++) {
      const n = this.counts[b * types + t]!;
      total += n;
      if (n) lines.push(h('div', {}, `${TYPE_ORDER[t]}: ${n}`));
    }
    this.tooltip.append(h('strong', {}, label), h('div', {}, `${total} events, ${formatNumber(this.fatalities[b]!)} fatalities`), ...lines);
    this.tooltip.style.left = `${Math.min(x + 12, this.width - 230)}px`;
    this.tooltip.hidden = false;
  }
}
