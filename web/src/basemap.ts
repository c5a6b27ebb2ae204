// The offline base map: Natural Earth country shapes and borders (world-atlas, public domain),
// bundled into the build. 1:110m for world views (in the main bundle), 1:50m when zoomed in (its
// own chunk, loaded in the background so that the first paint does not wait for it). Rivers, lakes,
// the first-level divisions Natural Earth's 1:50m carries, and place names from sitrep's gazetteer
// (generated/map/, built by scripts/map-data.mjs, copied to dist/web/map/) are fetched in the background.
// Admin1 borders elsewhere: no permissively licensed package carries them; their names are shown.
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world110 from 'world-atlas/countries-110m.json';

export interface BaseMap {
  land: FeatureCollection;
  borders: MultiLineString;
  coasts: MultiLineString;
}

function build(topology: Topology): BaseMap {
  const countries = topology.objects.countries as GeometryCollection;
  return {
    land: feature(topology, countries) as FeatureCollection,
    // Shared arcs only: each border drawn once.
    borders: mesh(topology, countries, (a, b) => a !== b),
    coasts: mesh(topology, countries, (a, b) => a === b),
  };
}

let coarse: BaseMap | undefined;
let fine: BaseMap | undefined;
let fineLoading: Promise<BaseMap> | undefined;
const waiting = new Set<() => void>();

/** Starts loading the detailed map (once); `ready` runs when it is there. */
export function loadDetailedBaseMap(ready?: () => void): Promise<BaseMap> {
  if (ready) waiting.add(ready);
  fineLoading ??= import('world-atlas/countries-50m.json').then((m) => {
    fine = build((m.default ?? m) as unknown as Topology);
    for (const f of waiting) f();
    waiting.clear();
    return fine;
  });
  return fineLoading;
}

/** The detailed map when asked for and loaded, else the coarse one. */
export function baseMap(detailed: boolean): BaseMap {
  if (detailed && fine) return fine;
  return (coarse ??= build(world110 as unknown as Topology));
}

/** A place name: [name, longitude, latitude, zoom tier (0 world ... 5 close up)]. */
export type PlaceName = [string, number, number, number];
/** A division or country name at its seat or centre: [name, longitude, latitude]. */
export type AreaName = [string, number, number];

export interface MapDetail {
  rivers: FeatureCollection<LineString | MultiLineString>;
  lakes: FeatureCollection<Polygon | MultiPolygon>;
  /** Borders between first-level divisions (Natural Earth 1:10m), each drawn once. */
  admin1Borders: MultiLineString;
  /** Largest tier first, most populous first within a tier. */
  cities: PlaceName[];
  admin1: AreaName[];
  countries: AreaName[];
}

/** Lines as written by scripts/map-data.mjs: [x0, y0, dx1, dy1, ...] in 1/scale degree. */
interface EncodedLines {
  scale: number;
  lines: number[][];
}

export function decodeLines({ scale, lines }: EncodedLines): MultiLineString {
  const coordinates = lines.map((l) => {
    const pts: [number, number][] = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < l.length; i += 2) {
      x += l[i]!;
      y += l[i + 1]!;
      pts.push([x / scale, y / scale]);
    }
    return pts;
  });
  return { type: 'MultiLineString', coordinates };
}

let detail: MapDetail | undefined;
let detailLoading: Promise<MapDetail> | undefined;
const detailWaiting = new Set<() => void>();

/** Starts loading rivers, lakes and names (once); `ready` runs when they are there. */
export function loadMapDetail(ready?: () => void): Promise<MapDetail> {
  if (ready) detailWaiting.add(ready);
  const get = async (path: string) => {
    const res = await fetch(path);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  detailLoading ??= Promise.all([get('/map/physical-50m.json'), get('/map/places.json'), get('/map/admin1-10m.json')]).then(([physical, places, borders]) => {
    const ph = physical as { rivers: MapDetail['rivers']; lakes: MapDetail['lakes'] };
    const pl = places as { cities: PlaceName[]; admin1: AreaName[]; countries: AreaName[] };
    const admin1Borders = decodeLines(borders as EncodedLines);
    detail = { rivers: ph.rivers, lakes: ph.lakes, admin1Borders, cities: pl.cities, admin1: pl.admin1, countries: pl.countries };
    for (const f of detailWaiting) f();
    detailWaiting.clear();
    return detail;
  });
  return detailLoading;
}

/** Rivers, lakes and names, once loaded. */
export function mapDetail(): MapDetail | undefined {
  return detail;
}
