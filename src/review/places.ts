// Places for the review form: gazetteer entries bearing a name, with the admin units, country and
// geo_precision an event located there takes (ACLED: 1 a town, 2 a district, 3 a region or country).
import { loadGazetteer } from '../geography/gazetteer.js';
import { foldName } from '../geography/fold.js';
import { lookupCountry } from '../geography/index.js';
import { haversineKm } from '../common/distance.js';

export interface PlaceChoice {
  /** Gazetteer entry index (valid for this build of the gazetteer). */
  id: string;
  location: string;
  admin1: string;
  admin2: string;
  country: string;
  iso3: string;
  latitude: number;
  longitude: number;
  geo_precision: 1 | 2 | 3;
  feature: string;
  population: number;
}

function choice(i: number): PlaceChoice | undefined {
  const g = loadGazetteer();
  if (!Number.isInteger(i) || i < 0 || i >= g.size) return undefined;
  const e = g.entry(i);
  const country = lookupCountry(e.countryCode);
  return {
    id: String(i),
    location: e.name,
    admin1: e.feature === 'country' ? '' : e.admin1 ?? '',
    admin2: e.admin2 ?? '',
    country: country?.name ?? e.country,
    iso3: country?.iso3 ?? '',
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.feature === 'city' ? 1 : e.feature === 'admin2' ? 2 : 3,
    feature: e.feature,
    population: e.population ?? 0,
  };
}

/** The places named `query` (folded: case and accents do not matter), most populous first. */
export function searchPlaces(query: string, limit = 20): PlaceChoice[] {
  const key = foldName(query.trim());
  if (!key) return [];
  const entries = loadGazetteer().lookup(key) ?? [];
  return entries.map(choice).filter((c): c is PlaceChoice => c !== undefined)
    .sort((a, b) => b.population - a.population || a.geo_precision - b.geo_precision)
    .slice(0, limit);
}

export function placeById(id: string): PlaceChoice | undefined {
  return /^\d{1,9}$/.test(id) ? choice(Number(id)) : undefined;
}

// ---------- the places near a point (a click on the map) ----------

/** Grid cells of towns (gazetteer entries of feature city), 0.25° a side, built on first use. */
let grid: Map<number, number[]> | undefined;
const CELL = 0.25;
const cellKey = (latCell: number, lonCell: number) => latCell * 10_000 + lonCell;

function townGrid(): Map<number, number[]> {
  if (grid) return grid;
  const g = loadGazetteer();
  grid = new Map();
  for (let i = 0; i < g.size; i++) {
    if (g.feature(i) !== 0) continue; // FEATURE_NAMES[0]: city
    const k = cellKey(Math.floor(g.lat(i) / CELL), Math.floor(g.lon(i) / CELL));
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  }
  return grid;
}


/**
 * The towns within `maxKm` of a point, nearest first, each with its distance: what an analyst
 * means by a click on the map. Reads the grid cells around the point only.
 */
export function placesNear(lat: number, lon: number, limit = 5, maxKm = 30): (PlaceChoice & { distance_km: number })[] {
  const cells = townGrid();
  const g = loadGazetteer();
  const latCell = Math.floor(lat / CELL);
  const lonCell = Math.floor(lon / CELL);
  // Enough cells either side to cover maxKm at this latitude (a degree of longitude shrinks with it).
  const dLat = Math.ceil(maxKm / 111 / CELL);
  const dLon = Math.min(Math.ceil(maxKm / (111 * Math.max(0.1, Math.cos((lat * Math.PI) / 180))) / CELL), Math.ceil(360 / CELL));
  const found: { i: number; d: number }[] = [];
  for (let a = latCell - dLat; a <= latCell + dLat; a++) {
    for (let b = lonCell - dLon; b <= lonCell + dLon; b++) {
      for (const i of cells.get(cellKey(a, b)) ?? []) {
        const d = haversineKm(lat, lon, g.lat(i), g.lon(i));
        if (d <= maxKm) found.push({ i, d });
      }
    }
  }
  found.sort((x, y) => x.d - y.d || y.i - x.i);
  return found.slice(0, limit).flatMap(({ i, d }) => {
    const c = choice(i);
    return c ? [{ ...c, distance_km: Math.round(d * 10) / 10 }] : [];
  });
}
