// The map: every located event on a canvas (10,000 points stay fast), clustered by screen grid
// when zoomed out, coloured by event type, sized by fatalities. Events placed only to a region
// (geo_precision 2-3) are drawn as dashed, translucent areas instead of solid points. Under them:
// land, borders, coastlines, lakes, rivers, and names (countries, first-level divisions, towns: more
// as one zooms in), placed without overlap. The first view fits where most events are (fit.ts);
// clicking a group zooms to it, centred; a zoom never ends on a view without events.
// Keyboard: arrows pan, + and - zoom, 0 resets; the buttons do the same.
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { EventSummary } from './api.js';
import { baseMap, loadDetailedBaseMap, loadMapDetail, mapDetail } from './basemap.js';
import { LabelGrid, nearest, robustBounds } from './fit.js';
import { TYPE_ORDER, typeColor, typeIndex } from './colors.js';
import { append, clear, formatNumber, h, swatch } from './dom.js';

const CLUSTER_CELL = 60; // px; clusters are at most 56px wide, so neighbours barely overlap
/** Zoomed in beyond this scale (about a province), points are drawn one by one. */
const UNCLUSTER_SCALE = 6000;
const MIN_ZOOM_SCALE = 60;
const MAX_SCALE = 400000;
const DETAIL_SCALE = 700; // 1:50m base map beyond this
/** Rivers and lakes beyond this scale; names of first-level divisions between these. */
const RIVER_SCALE = 900;
const ADMIN1_LABEL_SCALE = [2200, 60000] as const;
/** Country names below this scale (beyond it the towns and divisions say where one is). */
const COUNTRY_LABEL_SCALE = 9000;
/** Towns of tier t (0 largest ... 5 smallest) are named from TOWN_TIER_SCALE[t] on. */
const TOWN_TIER_SCALE = [0, 500, 1400, 3200, 7000, 14000];
const MAX_LABELS = 260;

/** Colours of the base map, light or dark (following the system). */
const PALETTES = {
  light: { sea: '#dfe9f0', land: '#f7f5ef', coast: '#9fb3c1', border: '#8a8a8a', admin1: '#b4a9bd', river: '#8fb6d6', text: '#27313c', halo: 'rgba(255,255,255,0.9)', areaText: '#6a5a78', countryText: '#3b4350' },
  dark: { sea: '#1a2733', land: '#2a3038', coast: '#51687a', border: '#8592a0', admin1: '#6f6479', river: '#3f6d92', text: '#e6ebf0', halo: 'rgba(18,23,29,0.9)', areaText: '#c6b6d6', countryText: '#d0d7df' },
};
type Palette = typeof PALETTES.light;

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
  private readonly surface: HTMLElement;
  private readonly projection: GeoProjection = geoMercator();
  private located: Located[] = [];
  private items: DrawnItem[] = [];
  private selected = '';
  private width = 0;
  private height = 0;
  private frame = 0;
  private fitted = false;
  private namesShown = false;
  private picking: ((lat: number, lon: number) => void) | undefined;

  constructor(private readonly options: MapOptions) {
    this.canvas = h('canvas', { 'aria-hidden': 'true' });
    this.ctx = this.canvas.getContext('2d')!;
    this.tooltip = h('div', { class: 'map-tooltip', role: 'status', hidden: true });
    this.popup = h('div', { class: 'map-popup', hidden: true });
    this.legendNote = h('span', { class: 'legend-note' });
    const button = (label: string, title: string, action: () => void) =>
      h('button', { type: 'button', title, 'aria-label': title, onclick: action }, label);
    const surface = this.surface = h(
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
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => this.schedule());
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
      h('span', { class: 'attribution' }, 'Base map: Natural Earth (public domain); names: GeoNames (CC BY 4.0)'));
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
      // Where most events are: a few far-off ones do not shrink the rest to a dot.
      const b = robustBounds(this.located)!;
      this.projection.center([0, 0]).fitExtent([[pad, pad], [this.width - pad, this.height - pad]], {
        type: 'MultiPoint',
        coordinates: [[b.west, b.south], [b.east, b.north]],
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
    this.keepEventsInView();
    this.hidePopup();
    if (redraw) this.schedule();
  }

  /** Whether some located event lies inside the view. */
  private anyInView(): boolean {
    for (const p of this.located) {
      const xy = this.projection([p.lon, p.lat]);
      if (xy && xy[0] >= 0 && xy[1] >= 0 && xy[0] <= this.width && xy[1] <= this.height) return true;
    }
    return false;
  }

  /** A zoom never ends on a view without events: the nearest one is brought to the centre. */
  private keepEventsInView(): void {
    if (this.located.length === 0 || this.anyInView()) return;
    const centre = this.projection.invert?.([this.width / 2, this.height / 2]);
    if (!centre) return;
    const near = nearest(this.located, { lon: centre[0], lat: centre[1] });
    if (near) this.centreOn(near.lon, near.lat);
  }

  private centreOn(lon: number, lat: number): void {
    const xy = this.projection([lon, lat]);
    if (!xy) return;
    const [tx, ty] = this.projection.translate();
    this.projection.translate([tx + this.width / 2 - xy[0], ty + this.height / 2 - xy[1]]);
  }

  /** Zooms to a group's events, centred on them: at least twice as close, at most the closest zoom. */
  private zoomToGroup(members: Located[]): void {
    let west = 180, east = -180, south = 90, north = -90;
    for (const m of members) {
      west = Math.min(west, m.lon); east = Math.max(east, m.lon);
      south = Math.min(south, m.lat); north = Math.max(north, m.lat);
    }
    const before = this.projection.scale();
    const pad = 60;
    const fitted = geoMercator().fitExtent([[pad, pad], [this.width - pad, this.height - pad]], {
      type: 'MultiPoint',
      coordinates: [[west, south], [east, north]],
    }).scale();
    const next = Math.min(MAX_SCALE, Math.max(before * 2, Math.min(fitted, before * 16)));
    this.projection.scale(next);
    this.centreOn((west + east) / 2, (south + north) / 2);
    this.hidePopup();
    this.schedule();
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
    const pal = this.palette();
    this.surface.dataset.palette = pal === PALETTES.dark ? 'dark' : 'light';
    ctx.fillStyle = pal.sea;
    ctx.fillRect(0, 0, width, height);

    const scale = this.projection.scale();
    const detailed = scale > DETAIL_SCALE;
    if (detailed) void loadDetailedBaseMap(() => this.schedule());
    const base = baseMap(detailed);
    const more = mapDetail();
    const path = geoPath(this.projection, ctx);
    ctx.beginPath();
    path(base.land);
    ctx.fillStyle = pal.land;
    ctx.fill();
    if (more && scale > RIVER_SCALE) {
      ctx.beginPath();
      path(more.lakes);
      ctx.fillStyle = pal.sea;
      ctx.fill();
      ctx.beginPath();
      path(more.rivers);
      ctx.strokeStyle = pal.river;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    if (more && scale > ADMIN1_LABEL_SCALE[0] / 2) {
      ctx.beginPath();
      path(more.admin1Borders);
      ctx.strokeStyle = pal.admin1;
      ctx.lineWidth = 0.8;
      ctx.setLineDash([2, 3]);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.beginPath();
    path(base.coasts);
    ctx.strokeStyle = pal.coast;
    ctx.lineWidth = 0.8;
    ctx.stroke();
    ctx.beginPath();
    path(base.borders);
    ctx.strokeStyle = pal.border;
    ctx.lineWidth = 0.9;
    ctx.setLineDash([3, 2]);
    ctx.stroke();
    ctx.setLineDash([]);
    this.items = this.layout();
    this.drawNames(pal);

    // Approximate areas first, exact points on top, clusters last.
    for (const it of this.items) if (it.members.length === 1 && it.members[0]!.approximate) this.drawApproximate(it);
    for (const it of this.items) if (it.members.length === 1 && !it.members[0]!.approximate) this.drawExact(it);
    for (const it of this.items) if (it.members.length > 1) this.drawCluster(it);
    this.drawSelection();
  }

  private palette(): Palette {
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? PALETTES.dark : PALETTES.light;
  }

  /**
   * Names on the map, without overlap: countries (zoomed out), first-level divisions (zoomed to a
   * country or closer), towns by size (more as one zooms in). The names drawn are listed in the
   * surface's data-labels attribute (read by the browser tests).
   */
  private drawNames(pal: Palette): void {
    const more = mapDetail();
    if (!more) {
      void loadMapDetail(() => this.schedule());
      return;
    }
    const { ctx, width, height } = this;
    const scale = this.projection.scale();
    const grid = new LabelGrid(64);
    // Names go around the events, never under them.
    for (const it of this.items) grid.block({ x: it.x - it.r - 4, y: it.y - it.r - 4, w: 2 * it.r + 8, h: 2 * it.r + 8 });
    const drawn: string[] = [];
    const named = new Set<string>();
    const label = (name: string, lon: number, lat: number, font: string, fill: string, dot: boolean, mayMove = !dot): void => {
      // A division named like its seat ("Konya", "Erzurum") is named once.
      if (drawn.length >= MAX_LABELS || named.has(name)) return;
      const xy = this.projection([lon, lat]);
      if (!xy) return;
      const [x, y0] = xy;
      if (x < -50 || y0 < -20 || x > width + 50 || y0 > height + 20) return;
      ctx.font = font;
      const w = ctx.measureText(name).width;
      // Beside its dot (a town) or centred (an area); a city's or an area's name may move below or
      // above the events that cover its place, so that a group at a city still says which city.
      const places: [number, number][] = dot ? [[x + 5, y0]] : [[x - w / 2, y0]];
      if (mayMove) places.push(...(dot ? [[x - 5 - w, y0] as [number, number]] : []), [x - w / 2, y0 + 32], [x - w / 2, y0 - 32]);
      let lx = NaN, y = NaN;
      for (const [px, py] of places) {
        const box = { x: px - 2, y: py - 8, w: w + 4 + (dot && px > x ? 5 : 0), h: 16 };
        if (box.x < 0 || box.y < 0 || box.x + box.w > width || box.y + box.h > height) continue;
        if (grid.place(box)) {
          lx = px;
          y = py;
          break;
        }
      }
      if (Number.isNaN(y)) return;
      ctx.lineWidth = 3;
      ctx.strokeStyle = pal.halo;
      ctx.lineJoin = 'round';
      ctx.strokeText(name, lx, y);
      ctx.fillStyle = fill;
      ctx.fillText(name, lx, y);
      if (dot) {
        ctx.beginPath();
        ctx.arc(x, y0, 2, 0, 2 * Math.PI);
        ctx.fill();
      }
      drawn.push(name);
      named.add(name);
    };
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    if (scale < COUNTRY_LABEL_SCALE) {
      // The countries of the events first: their names must not lose to a neighbour's.
      const withEvents = new Set(this.located.map((p) => p.e.country));
      const font = '600 12px system-ui, sans-serif';
      for (const [name, lon, lat] of more.countries) if (withEvents.has(name)) label(name, lon, lat, font, pal.countryText, false);
      for (const [name, lon, lat] of more.countries) if (!withEvents.has(name)) label(name, lon, lat, font, pal.countryText, false);
    }
    // Cities first, then the divisions, then smaller towns.
    const towns = (from: number, to: number) => {
      for (const [name, lon, lat, tier] of more.cities) {
        if (tier > to || scale < TOWN_TIER_SCALE[tier]! || drawn.length >= MAX_LABELS) break;
        if (tier >= from) label(name, lon, lat, `${tier <= 1 ? '600 ' : ''}12px system-ui, sans-serif`, pal.text, true, tier <= 2);
      }
    };
    towns(0, 2);
    if (scale >= ADMIN1_LABEL_SCALE[0] && scale < ADMIN1_LABEL_SCALE[1]) {
      for (const [name, lon, lat] of more.admin1) label(name, lon, lat, 'italic 11px system-ui, sans-serif', pal.areaText, false);
    }
    towns(3, 5);
    this.surface.dataset.labels = drawn.join('|');
    if (!this.namesShown && this.located.length && drawn.length) {
      // Measured by the browser tests: when the map first names places around the events.
      this.namesShown = true;
      performance.mark('sitrep:map-names');
    }
    // The largest groups on screen, for the browser tests ("x,y,count" in CSS pixels).
    this.surface.dataset.groups = this.items.filter((it) => it.members.length > 1).sort((a, b) => b.members.length - a.members.length).slice(0, 20)
      .map((it) => `${Math.round(it.x)},${Math.round(it.y)},${it.members.length}`).join(';');
    const c = this.projection.invert?.([width / 2, height / 2]);
    if (c) this.surface.dataset.view = `${c[0].toFixed(4)},${c[1].toFixed(4)},${Math.round(scale)}`;
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
    else this.zoomToGroup(it.members);
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
