// Places for the review form: gazetteer entries bearing a name, with the admin units, country and
// geo_precision an event located there takes (ACLED: 1 a town, 2 a district, 3 a region or country).
import { loadGazetteer } from '../geography/gazetteer.js';
import { foldName } from '../geography/fold.js';
import { lookupCountry } from '../geography/index.js';

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
