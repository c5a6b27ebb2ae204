// The built gazetteer file (generated/gazetteer.json): columns of numbers and strings, which
// JSON.parse reads fast, plus a ready index from folded names to entries.

export const GAZETTEER_VERSION = 3;

export const FEATURE_CODES = { city: 0, admin1: 1, admin2: 2, country: 3, region: 4 } as const;
export const FEATURE_NAMES = ['city', 'admin1', 'admin2', 'country', 'region'] as const;

export interface CountryRecord {
  code: string;
  iso3: string;
  /** ACLED's short English name ("Syria", "Democratic Republic of Congo"). */
  name: string;
  /** Every English name and alias the recogniser matches. */
  names: string[];
  lat: number;
  lon: number;
  capital?: { name: string; latitude: number; longitude: number };
}

export interface GazetteerFile {
  version: number;
  sources: string[];
  warnings?: string[];
  countries: CountryRecord[];
  admin1Names: string[];
  admin2Names: string[];
  /** Entry columns: name, latitude and longitude ×1e4, country index, admin1 and admin2 name index
   * (-1 none), feature code, population (0 unknown), GeoNames id (0 unknown), GeoNames feature
   * rank (4 capital, 3 admin1 seat, ..., -1 part of a town or unknown). */
  n: string[];
  la: number[];
  lo: number[];
  cc: number[];
  a1: number[];
  a2: number[];
  f: number[];
  p: number[];
  g: number[];
  r: number[];
  /** Folded name -> entry index or indexes. */
  keys: string[];
  post: (number | number[])[];
  demonymKeys: string[];
  /** Entry (a country, or a region for "Texan") each demonym names. */
  demonymEntry: number[];
  /** State abbreviations ("la", "calif") -> admin1 entry; matched only after a comma. */
  abbrevKeys: string[];
  abbrevEntry: number[];
  /** Common lower-case English words (SUBTLEX-US). */
  commonWords: string[];
  /** Folded first names. */
  firstNames: string[];
}
