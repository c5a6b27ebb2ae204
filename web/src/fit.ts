// Where the first view of the map goes: the area where most events are, not the bounds of all of
// them (one event geocoded to the wrong continent must not shrink the rest to a dot). No DOM here:
// test/web/fit.test.ts runs it under Node.

export interface LonLat {
  lon: number;
  lat: number;
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Below this many points every one counts (too few to call any an outlier). */
const MIN_FOR_TRIMMING = 10;
/** An extent smaller than this (degrees) is widened to about a province around its centre. */
const MIN_SPAN = 1.5;

/** Cells of this many degrees count where the events are. */
const CELL = 3;

/**
 * The bounds of where most points are: cells of CELL degrees, the fullest first, are taken until
 * they hold `share` of the points (then any other cell at least half as full as the fullest); the bounds are those of the points in the cells taken, widened to at least MIN_SPAN
 * degrees each way. Two clusters of similar size are both kept; a few far-off points are not.
 * Undefined when there is no point.
 */
export function robustBounds(points: readonly LonLat[], share = 0.6): Bounds | undefined {
  const ok = points.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
  if (ok.length === 0) return undefined;
  let chosen: readonly LonLat[] = ok;
  if (ok.length >= MIN_FOR_TRIMMING) {
    const cells = new Map<string, LonLat[]>();
    for (const p of ok) {
      const key = `${Math.floor(p.lon / CELL)},${Math.floor(p.lat / CELL)}`;
      const list = cells.get(key);
      if (list) list.push(p);
      else cells.set(key, [p]);
    }
    const byCount = [...cells.values()].sort((a, b) => b.length - a.length);
    const taken: LonLat[] = [];
    // Once `share` is reached, only cells at least half as full as the fullest one.
    for (const c of byCount) {
      if (taken.length >= ok.length * share && c.length < byCount[0]!.length / 2) break;
      taken.push(...c);
    }
    chosen = taken;
  }
  let west = 180, east = -180, south = 90, north = -90;
  for (const p of chosen) {
    west = Math.min(west, p.lon); east = Math.max(east, p.lon);
    south = Math.min(south, p.lat); north = Math.max(north, p.lat);
  }
  if (east - west < MIN_SPAN) { const c = (west + east) / 2; west = c - MIN_SPAN / 2; east = c + MIN_SPAN / 2; }
  if (north - south < MIN_SPAN) { const c = (north + south) / 2; south = c - MIN_SPAN / 2; north = c + MIN_SPAN / 2; }
  return { west, south: Math.max(-80, south), east, north: Math.min(80, north) };
}

/** The point of `points` nearest `to` (same distance as above), or undefined. */
export function nearest(points: readonly LonLat[], to: LonLat): LonLat | undefined {
  const k = Math.cos((to.lat * Math.PI) / 180);
  let best: LonLat | undefined;
  let bestD = Infinity;
  for (const p of points) {
    const d = ((p.lon - to.lon) * k) ** 2 + (p.lat - to.lat) ** 2;
    if (d < bestD) { bestD = d; best = p; }
  }
  return best;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Greedy label placement: each candidate (in priority order) is kept when its box overlaps no box
 * kept before it (nor one of `blocked`). A grid of cells makes each test look at neighbours only.
 */
export class LabelGrid {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly cell = 64) {}

  private keys(b: Box): number[] {
    const out: number[] = [];
    const x0 = Math.floor(b.x / this.cell), x1 = Math.floor((b.x + b.w) / this.cell);
    const y0 = Math.floor(b.y / this.cell), y1 = Math.floor((b.y + b.h) / this.cell);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(x * 65536 + y);
    return out;
  }

  /** Marks `b` as taken, whatever it overlaps (the events, which names must not cover). */
  block(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  /** Places `b` if it overlaps nothing placed; returns whether it did. */
  place(b: Box): boolean {
    const keys = this.keys(b);
    for (const k of keys) {
      for (const o of this.cells.get(k) ?? []) {
        if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
      }
    }
    for (const k of keys) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
    return true;
  }
}
