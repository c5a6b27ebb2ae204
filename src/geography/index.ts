// sitrep's geoparser: find the places a document names and put them on the map, offline and
// in-process. The pipeline's `places` stage calls `loadGeoparser().apply(doc)`.
import type { CueMention, Doc, GazetteerEntry, PlaceMention } from '../common/doc.js';
import { foldName } from './fold.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { cueEntry, findCountryCues, type CountryCue } from './cues.js';
import { recognise, type Candidate, type TextRange, type UnknownNames } from './recognise.js';
import { FEATURE_CODES } from './gazetteer-format.js';
import { lookupTransliterated, transliterationIndex } from './transliteration.js';
import { PublicationProfile, resolveCandidates, type CueVote } from './resolve.js';
import { singularCandidates } from '../locales/en/inflection.js';
import { nearAfter, nearBefore } from '../locales/en/near-place.js';
import regionSeats from './data/region-seats.json' with { type: 'json' };

export { GazetteerError } from './gazetteer.js';
export { abroadAfter, provinceNamesake } from './resolve.js';
export { UnknownNames } from './recognise.js';

/** Longer than any place name the gazetteer holds that holds a cue: how far back a candidate covering a cue may start. */
const MAX_NAME_CHARS = 80;

export interface GeoparserOptions {
  /** Report demonyms ("Syrian") as place mentions flagged demonym:true (default true). */
  demonyms?: boolean;
  /** A TSV of the user's own places: name, aliases (|), latitude, longitude, country (ISO2), admin1. */
  userPlaces?: string;
}

export interface Geoparser {
  /** Adds doc.places (sorted by start), resolved, demonyms flagged demonym:true. */
  apply(doc: Doc): void;
  /**
   * Places in a bare text (offsets into it). `source` names the publication: the geoparser learns
   * where each publication's articles are and uses that for later ones ("Dublin" in an Ohio paper).
   */
  parse(text: string, options?: ParseOptions): PlaceMention[];
  /**
   * The places, and the countries the text points to without naming a place ("FACA soldiers",
   * "Oromo protesters", "the woreda"; see cues.ts), as country (or region) mentions flagged demonym.
   */
  parseWithCues(text: string, options?: ParseOptions): { places: PlaceMention[]; cues: CueMention[] };
  readonly gazetteer: Gazetteer;
  /**
   * Whether a name the gazetteer lacks (ParseOptions.unknownNames) is a place of this country spelt
   * otherwise: if not, a reading with its spellings (spellingCountry) finds nothing new.
   */
  spellsAnyOf(country: string, unknownNames: UnknownNames): boolean;
  /** Forget what was learnt about publications (an evaluation starts afresh). */
  forgetPublications(): void;
}

export interface ParseOptions {
  from?: number;
  /** Read only these stretches of the text (sorted character ranges); the rest is ignored. */
  ranges?: readonly TextRange[];
  focusCountry?: string;
  /**
   * Without a focus country: the country whose other spellings (transliteration keys) a name the
   * gazetteer lacks is looked up in; its readings get no focus weight.
   */
  spellingCountry?: string;
  /** Without a focus or spelling country: told of the names the gazetteer lacks (see spellsAnyOf). */
  unknownNames?: UnknownNames;
  source?: string;
  /**
   * A name of many bearers read abroad in a text whose other places agree on one country is that
   * country's place the gazetteer lacks (an entry flagged unlocated), not dropped. For event
   * extraction, where the event's country matters more than its point.
   */
  standIns?: boolean;
  /**
   * A country the text points to outside its sentences read (a wire report's dateline, "SAN
   * SALVADOR, 3 JAN 90 --"): it votes like a country cue (cues.ts).
   */
  cueCountry?: string;
}

const geoparsers = new Map<string, Geoparser>();
/** Publications seen at most; beyond, new ones get no profile (memory stays bounded). */
const MAX_PROFILES = 10_000;

/** A geoparser per option set, made once (the gazetteer loads in well under a second). */
export function loadGeoparser(options: GeoparserOptions = {}): Geoparser {
  const demonyms = options.demonyms ?? true;
  const cacheKey = `${demonyms}|${options.userPlaces ?? ''}`;
  let g = geoparsers.get(cacheKey);
  if (g) return g;
  const base = loadGazetteer();
  const gaz = options.userPlaces ? base.withUserPlaces(options.userPlaces) : base;
  const profiles = new Map<string, PublicationProfile>();
  const profileOf = (source: string | undefined): PublicationProfile | undefined => {
    if (!source) return undefined;
    let p = profiles.get(source);
    if (!p && profiles.size < MAX_PROFILES) profiles.set(source, (p = new PublicationProfile()));
    return p;
  };
  const parseWithCues = (text: string, o: ParseOptions = {}): { places: PlaceMention[]; cues: CueMention[] } => {
    const cues = findCountryCues(text, o.from ?? 0, o.ranges);
    // A name the gazetteer lacks may be a place of the focus country spelt otherwise ("Menbej").
    const spelt = o.focusCountry ?? o.spellingCountry;
    const focus = spelt ? gaz.findCountry(spelt) : undefined;
    const spellings = focus ? transliterationIndex(gaz, gaz.countries.indexOf(focus)) : undefined;
    const cands = recognise(gaz, text, o.from ?? 0, o.ranges, spellings, o.unknownNames);
    const cueCountries: CueVote[] = [];
    const mentions: CueMention[] = [];
    if (cues.length > 0) {
      // A place name inside a longer cue is no place ("anti-Balaka", "the Sinaloa Cartel"). Cues do
      // not overlap and come in text order, as the candidates do: one sweep of both.
      let q = 0;
      for (const c of cands) {
        while (q + 1 < cues.length && cues[q + 1]!.start <= c.start) q++;
        const cue = cues[q]!;
        if (cue.start <= c.start && c.end <= cue.end && (cue.end - cue.start > c.end - c.start || !cue.countryCode)) c.entries = [];
      }
      // A cue inside a longer place name of its own country is no cue: "Faso" (the Burkinabe state) in
      // "near the border with Burkina Faso" is part of the country's name, which the place reads.
      // (Not "Pokot" in "East Pokot District" read abroad: the people still say Kenya.)
      // (Candidates come in text order; a name is at most a few words long.)
      const inPlace = new Set<CountryCue>();
      let k = 0;
      for (const q of cues) {
        while (k < cands.length && cands[k]!.start < q.start - MAX_NAME_CHARS) k++;
        for (let j = k; j < cands.length && cands[j]!.start <= q.start; j++) {
          const c = cands[j]!;
          if (q.end <= c.end && c.end - c.start > q.end - q.start && c.entries.some((e) => gaz.entry(e).countryCode === q.countryCode)) {
            inPlace.add(q);
            break;
          }
        }
      }
      // Each distinct cue votes once for its country; a country or region is looked up once.
      const seen = new Set<string>();
      const entries = new Map<string, number | undefined>();
      for (const q of cues) {
        if (inPlace.has(q)) continue;
        // A group active in several countries votes for each alike, as one name: no mention.
        if (q.countries) {
          const key = foldName(text.slice(q.start, q.end));
          if (seen.has(key)) continue;
          seen.add(key);
          let first = true;
          for (const code of q.countries) {
            const c = gaz.findCountry(code);
            if (!c) continue;
            cueCountries.push({ country: gaz.countries.indexOf(c), group: true, more: !first, shared: true });
            first = false;
          }
          continue;
        }
        const where = `${q.countryCode}\t${q.admin1 ?? ''}`;
        if (!entries.has(where)) entries.set(where, cueEntry(gaz, q));
        const e = entries.get(where);
        if (e === undefined) continue;
        mentions.push({ start: q.start, end: q.end, text: text.slice(q.start, q.end), entry: gaz.entry(e), score: 1, demonym: true, countryName: undefined, alternatives: undefined, heldIn: undefined, holds: undefined, group: q.group });
        const key = foldName(text.slice(q.start, q.end));
        if (seen.has(key)) continue;
        seen.add(key);
        // (A person's name votes as an armed group's does: "comments by Nigerien president Issoufou" in
        // a named town abroad are no news of Niger.)
        const regions = q.admin1 ? cueRegions(gaz, gaz.countryIndex(e), q.admin1) : undefined;
        cueCountries.push({ country: gaz.countryIndex(e), group: q.group || q.person, ...(regions && regions.length > 0 ? { admin1: regions } : {}) });
      }
    }
    if (o.cueCountry) {
      const c = gaz.findCountry(o.cueCountry);
      if (c) cueCountries.push({ country: gaz.countries.indexOf(c), group: false });
    }
    if (cueCountries.length > 0) peopleOfCuedRegions(gaz, cands, cueCountries);
    const places = resolveCandidates(gaz, cands, { demonyms, text, focusCountry: o.focusCountry, profile: profileOf(o.source), cueCountries, standIns: o.standIns });
    return { places, cues: mentions };
  };
  const parse = (text: string, o: ParseOptions = {}): PlaceMention[] => parseWithCues(text, o).places;
  g = {
    gazetteer: gaz,
    parse,
    parseWithCues,
    forgetPublications: () => profiles.clear(),
    spellsAnyOf(country: string, unknownNames: UnknownNames): boolean {
      const c = gaz.findCountry(country);
      const index = c ? transliterationIndex(gaz, gaz.countries.indexOf(c)) : undefined;
      return index !== undefined && unknownNames.some((name) => lookupTransliterated(index, name) !== undefined);
    },
    apply(doc: Doc): void {
      const places = parse(doc.text, { from: doc.bodyStart, source: doc.meta.source });
      doc.places.push(...places);
      doc.places.sort((a, b) => a.start - b.start);
    },
  };
  geoparsers.set(cacheKey, g);
  return g;
}

/**
 * ACLED geo_precision of a place: 1 a town, 2 part of a region or near a town (or a district),
 * 3 a region, country or larger area (coded at its centroid). `context.near` says the text put the
 * event near the place rather than in it; without it, `text` (the document text) lets us look.
 */
export function geoPrecision(place: PlaceMention, context?: { near?: boolean; text?: string }): 1 | 2 | 3 {
  const f = place.entry.feature;
  if (place.entry.unlocated) return 3;
  if (f === 'country' || f === 'admin1' || f === 'region') return 3;
  if (f === 'admin2') return 2;
  let near = context?.near;
  if (near === undefined && context?.text) near = nearBefore(context.text, place.start) || nearAfter(context.text, place.end);
  return near ? 2 : 1;
}

export interface CountryInfo {
  code: string;
  iso3: string;
  /** ACLED's short English name. */
  name: string;
  capital?: { name: string; latitude: number; longitude: number };
  latitude: number;
  longitude: number;
}

/** A country by ISO2 or ISO3 code or by English name or alias ("Syria", "Syrian Arab Republic", "DRC"). */
export function lookupCountry(codeOrName: string): CountryInfo | undefined {
  if (!codeOrName) return undefined;
  const c = loadGazetteer().findCountry(codeOrName);
  if (!c) return undefined;
  return { code: c.code, iso3: c.iso3, name: c.name, capital: c.capital, latitude: c.lat, longitude: c.lon };
}

/**
 * The seat of the admin1 region an entry is (undefined for any other entry): where ACLED codes an
 * event its report places only in a region (codebook: the provincial capital, geo-precision 3).
 */
export function regionSeat(entry: GazetteerEntry): GazetteerEntry | undefined {
  if (entry.feature !== 'admin1') return undefined;
  const gaz = loadGazetteer();
  const named = regionSeats.seats.find((s) => s.country === entry.countryCode && s.region === entry.name)?.seat;
  if (named) {
    const seat = (gaz.lookup(foldName(named)) ?? []).map((i) => gaz.entry(i)).find((e) => e.feature === 'city' && e.countryCode === entry.countryCode && e.name === named);
    // (A seat outside its region, as Addis Ababa is Oromia's: the event stays in the region.)
    if (seat) return seat.admin1 === entry.admin1 ? seat : { ...seat, admin1: entry.admin1 };
  }
  for (const i of gaz.lookup(foldName(entry.name)) ?? []) {
    if (gaz.entry(i) !== entry) continue;
    const seat = gaz.admin1Seat(gaz.admin1Index(i));
    return seat === undefined ? undefined : gaz.entry(seat);
  }
  return undefined;
}

/** Capitals are matched to their country's capital record by distance (names vary). */
const CAPITAL_WITHIN_KM = 10;

/**
 * A country named by the name of its capital ("in Djibouti", "the Djibouti government"): the
 * capital, where ACLED codes what happened in "Djibouti" (undefined for other countries).
 */
export function capitalOfSameName(place: PlaceMention): PlaceMention | undefined {
  if (place.demonym || place.entry.feature !== 'country') return undefined;
  const gaz = loadGazetteer();
  const country = gaz.findCountry(place.entry.countryCode);
  const cap = country?.capital;
  if (!cap || foldName(cap.name) !== foldName(place.text)) return undefined;
  for (const i of gaz.lookup(foldName(place.text)) ?? []) {
    const e = gaz.entry(i);
    if (e.feature !== 'city' || e.countryCode !== place.entry.countryCode) continue;
    const dLat = (cap.latitude - e.latitude) * 111;
    const dLon = (cap.longitude - e.longitude) * 111 * Math.cos((cap.latitude * Math.PI) / 180);
    if (dLat * dLat + dLon * dLon <= CAPITAL_WITHIN_KM * CAPITAL_WITHIN_KM) return { ...place, entry: e, alternatives: undefined };
  }
  return undefined;
}

/**
 * A people's name that is also the name of a region of another country ("Somali": Somalia's people,
 * and Ethiopia's Somali Region) is that region where the text's cues (a people, a force, a unit
 * word) name the region's country and none names the people's own: "clashes between Somali and Oromo
 * groups" are in Ethiopia, between its Somali and Oromia regions, not in Somalia.
 */
function peopleOfCuedRegions(gaz: Gazetteer, cands: Candidate[], cueCountries: readonly CueVote[]): void {
  for (const c of cands) {
    if (c.demonym === undefined) continue;
    const own = gaz.countryIndex(c.demonym);
    if (cueCountries.some((q) => q.country === own)) continue;
    const key = foldName(c.text);
    let region: number | undefined;
    for (const k of singularCandidates(key)) {
      region ??= (gaz.lookup(k) ?? []).find((e) => gaz.feature(e) === FEATURE_CODES.admin1 && gaz.countryIndex(e) !== own && cueCountries.some((q) => q.country === gaz.countryIndex(e)));
    }
    // (Still a people's name, now of the region: it says where the people live, as "Oromo" names Oromia.)
    if (region !== undefined) c.demonym = region;
  }
}

/** The admin1 indexes of a cue's regions ("Donetsk|Luhansk": one of a few), in its country. */
function cueRegions(gaz: Gazetteer, country: number, names: string): number[] {
  const out: number[] = [];
  for (const name of names.split('|')) {
    const e = (gaz.lookup(foldName(name.trim())) ?? []).find((x) => gaz.countryIndex(x) === country && gaz.feature(x) === FEATURE_CODES.admin1);
    if (e !== undefined && !out.includes(gaz.admin1Index(e))) out.push(gaz.admin1Index(e));
  }
  return out;
}
