// The offline base map: Natural Earth country shapes and borders (world-atlas, public domain),
// bundled into the build. 1:110m for world views (in the main bundle), 1:50m when zoomed in (its
// own chunk, loaded in the background so that the first paint does not wait for it). No admin1
// borders: no installed package carries admin1 polygons (world-atlas has countries only).
import type { FeatureCollection, MultiLineString } from 'geojson';
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
