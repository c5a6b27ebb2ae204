// The map: every located event on a canvas (10,000 points stay fast), clustered by screen grid
// when zoomed out, coloured by event type, sized by fatalities. Events placed only to a region
// (geo_precision 2-3) are drawn as dashed, translucent areas instead of solid points.
// Keyboard: arrows pan, + and - zoom, 0 resets; the buttons do the same.
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { EventSummary } from './api.js';
import { baseMap, loadDetailedBaseMap } from './basemap.js';
import { TYPE_ORDER, typeColor, typeIndex } from './colors.js';
import { append, clear, formatNumber, h, swatch } from './dom.js';

const CLUSTER_CELL = 60; // px; clusters are at most 56px wide, so neighbours barely overlap
/** Zoomed in beyond this scale (about a province), points are drawn one by one. */
const UNCLUSTER_SCALE = 6000;
const MIN_ZOOM_SCALE = 60;
const MAX_SCALE = 400000;
const DETAIL_SCALE = 700; // 1:50m base map beyond this

interface Located {
  e: EventSummary;
  lon: number;
  lat: number;
  approximate: boolean;
}

interface DrawnItem {
  x: number;
  y: number;
  r: number;
  members: Located[];
}

export interface MapOptions {
  onSelect(eventId: string): void;
}

export function pointRadius(fatalities: number): number {
  return Math.min(22, 4 + 1.6 * Math.sqrt(Math.max(0, fatalities)));
}

export class EventMap {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly tooltip: HTMLElement;
  private readonly popup: HTMLElement;
  private readonly legendNote: HTMLElement;
  private readonly projection: GeoProjection = geoMercator();
  private located: Located[] = [];
  private items: DrawnItem[] = [];
  private selected = '';
  private width = 0;
  private height = 0;
  private frame = 0;
  private fitted = false;
  private picking: ((lat: number, lon: number) => void) | undefined;

  constructor(private readonly options: MapOptions) {
    this.canvas = h('canvas', { 'aria-hidden': 'true' });
    this.ctx = this.canvas.getContext('2d')!;
    this.tooltip = h('div', { class: 'map-tooltip', role: 'status', hidden: true });
    this.popup = h('div', { class: 'map-popup', hidden: true });
    this.legendNote = h('span', { class: 'legend-note' });
    const button = (label: string, title: string, action: () => void) =>
      h('button', { type: 'button', title, 'aria-label': title, onclick: action }, label);
    const surface = h(
      'div',
      {
        class: 'map-surface',
        tabindex: 0,
        role: 'application',
        'aria-roledescription': 'map',
        'aria-label': 'Map of events. Arrow keys pan, plus and minus zoom, 0 resets. The table below lists the same events.',
      },
      this.canvas,
      this.tooltip,
      this.popup,
      h('div', { class: 'map-controls' },
        button('+', 'Zoom in', () => this.zoomBy(2)),
        button('−', 'Zoom out', () => this.zoomBy(0.5)),
        button('⌂', 'Show all events', () => this.fit())),
    );
    this.element = h('section', { class: 'map panel', 'data-testid': 'map', 'aria-label': 'Map' },
      surface,
      this.legend());
    this.attach(surface);
    new ResizeObserver(() => this.resize(surface)).observe(surface);
  }

  private legend(): HTMLElement {
    const types = TYPE_ORDER.slice(0, -1).map((t) =>
      h('li', {}, swatch(typeColor(t)), t));
    return h('div', { class: 'legend' },
      h('ul', { class: 'legend-types' }, types),
      h('ul', { class: 'legend-shapes' },
        h('li', {}, h('span', { class: 'shape exact' }), 'exact place'),
        h('li', {}, h('span', { class: 'shape approximate' }), 'region only (approximate)'),
        h('li', {}, 'size: fatalities'),
        h('li', {}, h('span', { class: 'shape cluster' }), 'group of events (click to zoom)')),
      this.legendNote,
      h('span', { class: 'attribution' }, 'Base map: Natural Earth (public domain); country borders only'));
  }

  setEvents(events: EventSummary[], refit: boolean): void {
    this.located = [];
    let unlocated = 0;
    for (const e of events) {
      if (typeof e.latitude === 'number' && typeof e.longitude === 'number' && Number.isFinite(e.latitude) && Number.isFinite(e.longitude)) {
        this.located.push({ e, lon: e.longitude, lat: e.latitude, approximate: e.geo_precision >= 2 });
      } else unlocated++;
    }
    this.legendNote.textContent = unlocated ? `${formatNumber(unlocated)} event${unlocated === 1 ? '' : 's'} without coordinates not shown` : '';
    this.hidePopup();
    if (refit || !this.fitted) this.fit();
    else this.schedule();
  }

  setSelected(id: string): void {
    this.selected = id;
    this.schedule();
  }

  /** Frames the located events (or the world). */
  fit(): void {
    if (!this.width || !this.height) return;
    if (this.located.length) this.fitted = true;
    const pad = 30;
    if (this.located.length === 0) {
      this.projection.scale(Math.max(MIN_ZOOM_SCALE, this.width / (2 * Math.PI))).translate([this.width / 2, this.height / 2 + 40]).center([0, 0]);
    } else {
      let minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
      for (const p of this.located) {
        minLon = Math.min(minLon, p.lon); maxLon = Math.max(maxLon, p.lon);
        minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat);
      }
      // Pad tiny extents (one place) to about a province.
      const span = 1.5;
      if (maxLon - minLon < span) { const c = (minLon + maxLon) / 2; minLon = c - span; maxLon = c + span; }
      if (maxLat - minLat < span) { const c = (minLat + maxLat) / 2; minLat = c - span; maxLat = c + span; }
      this.projection.center([0, 0]).fitExtent([[pad, pad], [this.width - pad, this.height - pad]], {
        type: 'MultiPoint',
        coordinates: [[minLon, Math.max(-80, minLat)], [maxLon, Math.min(80, maxLat)]],
      });
      const s = this.projection.scale();
      if (s > MAX_SCALE / 8) this.zoomAt(MAX_SCALE / 8 / s, this.width / 2, this.height / 2, false);
    }
    this.schedule();
  }

  private resize(surface: HTMLElement): void {
    const w = surface.clientWidth;
    const hgt = surface.clientHeight;
    if (!w || !hgt) return;
    const [tx, ty] = this.projection.translate();
    const first = !this.width;
    this.projection.translate([tx + (w - this.width) / 2, ty + (hgt - this.height) / 2]);
    this.width = w;
    this.height = hgt;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(hgt * dpr);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${hgt}px`;
    if (first) this.fit();
    else this.render();
  }

  private zoomBy(factor: number): void {
    this.zoomAt(factor, this.width / 2, this.height / 2);
  }

  private zoomAt(factor: number, x: number, y: number, redraw = true): void {
    const s = this.projection.scale();
    const minScale = Math.max(MIN_ZOOM_SCALE, this.width / (2 * Math.PI) / 1.5);
    const next = Math.min(MAX_SCALE, Math.max(minScale, s * factor));
    const f = next / s;
    const [tx, ty] = this.projection.translate();
    this.projection.scale(next).translate([x - (x - tx) * f, y - (y - ty) * f]);
    this.hidePopup();
    if (redraw) this.schedule();
  }

  private panBy(dx: number, dy: number): void {
    const [tx, ty] = this.projection.translate();
    this.projection.translate([tx + dx, ty + dy]);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const { ctx, width, height } = this;
    if (!width || !height) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#dfe9f0';
    ctx.fillRect(0, 0, width, height);

    const detailed = this.projection.scale() > DETAIL_SCALE;
    if (detailed) void loadDetailedBaseMap(() => this.schedule());
    const base = baseMap(detailed);
    const path = geoPath(this.projection, ctx);
    ctx.beginPath();
    path(base.land);
    ctx.fillStyle = '#f7f5ef';
    ctx.fill();
    ctx.beginPath();
    path(base.coasts);
    ctx.strokeStyle = '#9fb3c1';
    ctx.lineWidth = 0.8;
    ctx.stroke();
    ctx.beginPath();
    path(base.borders);
    ctx.strokeStyle = '#8a8a8a';
    ctx.lineWidth = 0.9;
    ctx.setLineDash([3, 2]);
    ctx.stroke();
    ctx.setLineDash([]);

    this.items = this.layout();
    // Approximate areas first, exact points on top, clusters last.
    for (const it of this.items) if (it.members.length === 1 && it.members[0]!.approximate) this.drawApproximate(it);
    for (const it of this.items) if (it.members.length === 1 && !it.members[0]!.approximate) this.drawExact(it);
    for (const it of this.items) if (it.members.length > 1) this.drawCluster(it);
    this.drawSelection();
  }

  /** Screen items: one per event when zoomed in, grid clusters when zoomed out. */
  private layout(): DrawnItem[] {
    const projection = this.projection;
    const margin = 30;
    const cluster = projection.scale() < UNCLUSTER_SCALE;
    const cells = new Map<number, { sx: number; sy: number; members: Located[] }>();
    const singles: DrawnItem[] = [];
    for (const p of this.located) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const [x, y] = xy;
      if (x < -margin || y < -margin || x > this.width + margin || y > this.height + margin) continue;
      if (!cluster) {
        singles.push({ x, y, r: this.radiusOf(p), members: [p] });
        continue;
      }
      const key = Math.floor(x / CLUSTER_CELL) * 100003 + Math.floor(y / CLUSTER_CELL);
      const cell = cells.get(key);
      if (cell) {
        cell.sx += x;
        cell.sy += y;
        cell.members.push(p);
      } else cells.set(key, { sx: x, sy: y, members: [p] });
    }
    if (!cluster) {
      // Largest first so small points stay visible above big ones.
      return singles.sort((a, b) => b.r - a.r);
    }
    // Grid cells, largest first; a cell overlapping a bigger cluster joins it (no stacked discs).
    const cellList = [...cells.values()].sort((a, b) => b.members.length - a.members.length);
    const out: DrawnItem[] = [];
    for (const c of cellList) {
      const item = { x: c.sx / c.members.length, y: c.sy / c.members.length, r: 0, members: c.members };
      item.r = this.itemRadius(item.members);
      const host = out.find((o) => Math.hypot(o.x - item.x, o.y - item.y) < (o.r + item.r) * 0.8);
      if (!host) {
        out.push(item);
        continue;
      }
      const n = host.members.length + item.members.length;
      host.x = (host.x * host.members.length + item.x * item.members.length) / n;
      host.y = (host.y * host.members.length + item.y * item.members.length) / n;
      host.members = host.members.concat(item.members);
      host.r = this.itemRadius(host.members);
    }
    return out;
  }

  private itemRadius(members: Located[]): number {
    return members.length === 1 ? this.radiusOf(members[0]!) : Math.min(28, 10 + 2.6 * Math.log2(members.length));
  }

  private radiusOf(p: Located): number {
    const r = pointRadius(p.e.fatalities);
    return p.approximate ? Math.max(r * 1.6, 12) : r;
  }

  private drawExact(it: DrawnItem): void {
    const { ctx } = this;
    const e = it.members[0]!.e;
    ctx.beginPath();
    ctx.arc(it.x, it.y, it.r, 0, 2 * Math.PI);
    ctx.fillStyle = typeColor(e.event_type);
    ctx.globalAlpha = 0.88;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }

  private drawApproximate(it: DrawnItem): void {
    const { ctx } = this;
    const color = typeColor(it.members[0]!.e.event_type);
    ctx.beginPath();
    ctx.arc(it.x, it.y, it.r, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.globalAlpha = 0.18;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1.6;
    ctx.strokeStyle = color;
    ctx.stroke();
    ctx.setLineDash([]);
  }

  private drawCluster(it: DrawnItem): void {
    const { ctx } = this;
    const counts = new Map<string, number>();
    let approximate = 0;
    for (const m of it.members) {
      counts.set(m.e.event_type, (counts.get(m.e.event_type) ?? 0) + 1);
      if (m.approximate) approximate++;
    }
    const n = it.members.length;
    let angle = -Math.PI / 2;
    for (const [type, c] of [...counts].sort((a, b) => typeIndex(a[0]) - typeIndex(b[0]))) {
      const next = angle + (2 * Math.PI * c) / n;
      ctx.beginPath();
      ctx.moveTo(it.x, it.y);
      ctx.arc(it.x, it.y, it.r, angle, next);
      ctx.closePath();
      ctx.fillStyle = typeColor(type);
      ctx.globalAlpha = 0.85;
      ctx.fill();
      angle = next;
    }
    ctx.globalAlpha = 1;
    ctx.beginPath();
    ctx.arc(it.x, it.y, it.r, 0, 2 * Math.PI);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    if (approximate === n) {
      // Every member placed only to a region: a dashed ring around the group.
      ctx.beginPath();
      ctx.arc(it.x, it.y, it.r + 3, 0, 2 * Math.PI);
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1.4;
      ctx.strokeStyle = '#4a5561';
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.beginPath();
    ctx.arc(it.x, it.y, Math.max(8, it.r * 0.55), 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.fillStyle = '#1d2733';
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(n > 999 ? `${Math.round(n / 100) / 10}k` : String(n), it.x, it.y + 0.5);
  }

  private drawSelection(): void {
    if (!this.selected) return;
    const p = this.located.find((l) => l.e.event_id === this.selected);
    if (!p) return;
    const xy = this.projection([p.lon, p.lat]);
    if (!xy) return;
    const { ctx } = this;
    ctx.beginPath();
    ctx.arc(xy[0], xy[1], pointRadius(p.e.fatalities) + 6, 0, 2 * Math.PI);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#111111';
    ctx.stroke();
  }

  private hit(x: number, y: number): DrawnItem | undefined {
    let best: DrawnItem | undefined;
    let bestD = Infinity;
    for (const it of this.items) {
      const d = Math.hypot(it.x - x, it.y - y);
      if (d <= Math.max(it.r, 6) && d < bestD) {
        best = it;
        bestD = d;
      }
    }
    return best;
  }

  private attach(surface: HTMLElement): void {
    let drag: { x: number; y: number; moved: boolean; id: number } | undefined;
    this.canvas.addEventListener('pointerdown', (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, moved: false, id: ev.pointerId };
      this.canvas.setPointerCapture(ev.pointerId);
    });
    this.canvas.addEventListener('pointermove', (ev) => {
      const rect = this.canvas.getBoundingClientRect();
      if (drag && drag.id === ev.pointerId) {
        const dx = ev.clientX - drag.x;
        const dy = ev.clientY - drag.y;
        if (drag.moved || Math.hypot(dx, dy) > 4) {
          drag.moved = true;
          drag.x = ev.clientX;
          drag.y = ev.clientY;
          this.tooltip.hidden = true;
          this.hidePopup();
          this.panBy(dx, dy);
          return;
        }
      }
      this.hover(ev.clientX - rect.left, ev.clientY - rect.top);
    });
    this.canvas.addEventListener('pointerup', (ev) => {
      const wasDrag = drag?.moved;
      drag = undefined;
      if (wasDrag) return;
      const rect = this.canvas.getBoundingClientRect();
      this.click(ev.clientX - rect.left, ev.clientY - rect.top);
    });
    this.canvas.addEventListener('pointerleave', () => {
      this.tooltip.hidden = true;
      this.canvas.style.cursor = '';
    });
    this.canvas.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const rect = this.canvas.getBoundingClientRect();
      this.zoomAt(Math.exp(-ev.deltaY * 0.0018), ev.clientX - rect.left, ev.clientY - rect.top);
    }, { passive: false });
    this.canvas.addEventListener('dblclick', (ev) => {
      const rect = this.canvas.getBoundingClientRect();
      this.zoomAt(2, ev.clientX - rect.left, ev.clientY - rect.top);
    });
    surface.addEventListener('keydown', (ev) => {
      if (ev.target !== surface) return;
      const step = 80;
      const actions: Record<string, () => void> = {
        ArrowLeft: () => this.panBy(step, 0),
        ArrowRight: () => this.panBy(-step, 0),
        ArrowUp: () => this.panBy(0, step),
        ArrowDown: () => this.panBy(0, -step),
        '+': () => this.zoomBy(2),
        '=': () => this.zoomBy(2),
        '-': () => this.zoomBy(0.5),
        '0': () => this.fit(),
        Escape: () => this.hidePopup(),
      };
      const action = actions[ev.key];
      if (action) {
        ev.preventDefault();
        action();
      }
    });
  }

  private hover(x: number, y: number): void {
    const it = this.hit(x, y);
    this.canvas.style.cursor = it ? 'pointer' : '';
    if (!it) {
      this.tooltip.hidden = true;
      return;
    }
    clear(this.tooltip);
    if (it.members.length === 1) {
      const { e, approximate } = it.members[0]!;
      this.tooltip.append(
        h('strong', {}, `${e.event_type}`),
        h('div', {}, `${e.event_date} · ${e.sub_event_type}`),
        h('div', {}, [e.location, e.admin1, e.country].filter(Boolean).join(', ') + (approximate ? ' (approximate)' : '')),
        h('div', {}, `${e.fatalities} fatalities`),
      );
    } else {
      const fatalities = it.members.reduce((s, m) => s + m.e.fatalities, 0);
      this.tooltip.append(
        h('strong', {}, `${formatNumber(it.members.length)} events`),
        h('div', {}, `${formatNumber(fatalities)} fatalities`),
        h('div', { class: 'muted' }, 'click to zoom in'),
      );
    }
    this.tooltip.style.left = `${Math.min(x + 14, this.width - 220)}px`;
    this.tooltip.style.top = `${Math.min(y + 14, this.height - 80)}px`;
    this.tooltip.hidden = false;
  }

  /**
   * The next click on the map gives its coordinates to `onPick` instead of selecting an event (the
   * review form's "pick on the map"); the function returned cancels. One pick at a time.
   */
  pickPoint(onPick: (lat: number, lon: number) => void): () => void {
    this.picking = onPick;
    this.canvas.classList.add('picking');
    const mine = onPick;
    return () => {
      if (this.picking === mine) this.endPick();
    };
  }

  private endPick(): void {
    this.picking = undefined;
    this.canvas.classList.remove('picking');
  }

  private click(x: number, y: number): void {
    if (this.picking) {
      const lonLat = this.projection.invert?.([x, y]);
      const pick = this.picking;
      this.endPick();
      if (lonLat && Number.isFinite(lonLat[0]) && Number.isFinite(lonLat[1])) pick(lonLat[1], lonLat[0]);
      return;
    }
    const it = this.hit(x, y);
    this.hidePopup();
    if (!it) return;
    if (it.members.length === 1) {
      this.options.onSelect(it.members[0]!.e.event_id);
      return;
    }
    const lons = it.members.map((m) => m.lon);
    const lats = it.members.map((m) => m.lat);
    const samePlace = Math.max(...lons) - Math.min(...lons) < 1e-4 && Math.max(...lats) - Math.min(...lats) < 1e-4;
    if (samePlace || this.projection.scale() >= MAX_SCALE / 2) this.showPopup(it, x, y);
    else this.zoomAt(3, it.x, it.y);
  }

  /** Events sharing one place cannot be separated by zooming: list them instead. */
  private showPopup(it: DrawnItem, x: number, y: number): void {
    clear(this.popup);
    const shown = [...it.members].sort((a, b) => (a.e.event_date < b.e.event_date ? 1 : -1)).slice(0, 50);
    append(this.popup,
      h('div', { class: 'popup-head' }, `${it.members.length} events at this place`,
        h('button', { type: 'button', class: 'close', 'aria-label': 'Close list', onclick: () => this.hidePopup() }, '×')),
      h('ul', {}, shown.map((m) =>
        h('li', {}, h('button', { type: 'button', class: 'linklike', onclick: () => this.options.onSelect(m.e.event_id) },
          swatch(typeColor(m.e.event_type)),
          `${m.e.event_date} ${m.e.event_type}: ${m.e.location || m.e.country} (${m.e.fatalities})`)))),
      it.members.length > shown.length ? h('div', { class: 'muted' }, `and ${it.members.length - shown.length} more (see the table)`) : null,
    );
    this.popup.style.left = `${Math.min(x, this.width - 320)}px`;
    this.popup.style.top = `${Math.min(y, this.height - 200)}px`;
    this.popup.hidden = false;
    this.popup.querySelector('button')?.focus();
  }

  private hidePopup(): void {
    this.popup.hidden = true;
  }
}
