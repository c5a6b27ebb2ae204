// Loads the built gazetteer (generated/gazetteer.bin) once and answers look-ups by folded name.
// Entries are kept as columns; GazetteerEntry objects are made only for the places a text names.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerEntry } from '../common/doc.js';
import { buildGazetteer, DATA_DIR, GAZETTEER_PATH, writeGazetteer } from './build-gazetteer.js';
import { foldName, nameVariants } from './fold.js';
import {
  columnLength, decodeGazetteer, FEATURE_CODES, FEATURE_NAMES, findName, gazetteerData, namesOfCountry, NO_ENTRY, stringAt,
  type CountryRecord, type GazetteerData, type GazetteerFile, type StringColumn,
} from './gazetteer-format.js';

export class GazetteerError extends Error {}

export interface NameInfo {
  /** Some bearer is a country, continent or populous region (see isStrong). */
  strong: boolean;
  /** The same, when the name is also a person's first name (admin1 regions do not count). */
  strongAsFirstName: boolean;
  /** Some bearer is a country, continent or city of half a million: meant even when the name is a word. */
  famous: boolean;
  /** Some bearer is a country, admin1 region or continent. */
  regionOrCountry: boolean;
  /** No bearer has 100,000 people. */
  allSmall: boolean;
}

export class Gazetteer {
  readonly countries: CountryRecord[];
  readonly demonyms: Map<string, number>;
  readonly abbreviations: Map<string, number>;
  readonly commonWords: Set<string>;
  readonly firstNames: Set<string>;
  private readonly countryByCode = new Map<string, number>();
  private readonly countryByName = new Map<string, number>();
  private readonly entryCache = new Map<number, GazetteerEntry>();
  /** Entry lists of names several places bear, made on first look-up. */
  private readonly lists = new Map<number, readonly number[]>();

  static fromFile(file: GazetteerFile): Gazetteer {
    return new Gazetteer(gazetteerData(file));
  }

  static fromBytes(bytes: Buffer): Gazetteer {
    return new Gazetteer(decodeGazetteer(bytes));
  }

  private constructor(private readonly g: GazetteerData) {
    this.countries = g.countries;
    this.demonyms = new Map(g.demonymKeys.map((k, i) => [k, g.demonymEntry[i]!]));
    // Keys without spaces: "W.Va." and "W. Va." both look up "wva".
    this.abbreviations = new Map(g.abbrevKeys.map((k, i) => [k.replace(/ /g, ''), g.abbrevEntry[i]!]));
    this.commonWords = new Set(g.commonWords);
    this.firstNames = new Set(g.firstNames);
    g.countries.forEach((c, i) => {
      this.countryByCode.set(c.code, i);
      this.countryByCode.set(c.iso3, i);
      for (const n of c.names) this.countryByName.set(foldName(n), i);
    });
  }

  private readonly infoCache = new Map<string, NameInfo>();

  /** Facts about all the places bearing a name, computed once per name. */
  nameInfo(key: string): NameInfo {
    let info = this.infoCache.get(key);
    if (info) return info;
    info = { strong: false, strongAsFirstName: false, famous: false, regionOrCountry: false, allSmall: true };
    for (const e of this.lookup(key) ?? []) {
      const f = this.g.f[e]!;
      if (this.isStrong(e, false)) info.strong = true;
      if (this.isStrong(e, true)) info.strongAsFirstName = true;
      if (f === FEATURE_CODES.country || f === FEATURE_CODES.admin1 || f === FEATURE_CODES.region) info.regionOrCountry = true;
      if (f === FEATURE_CODES.country || f === FEATURE_CODES.region || (f === FEATURE_CODES.city && this.g.p[e]! >= 500_000)) info.famous = true;
      if (this.g.p[e]! >= 100_000) info.allSmall = false;
    }
    if (this.infoCache.size > 200_000) this.infoCache.clear();
    this.infoCache.set(key, info);
    return info;
  }

  /**
   * Slots of the names looked up so far: a text names the same places again and again, and a Map
   * look-up (the engine hashes a string once) is cheaper than hashing and probing the table anew.
   */
  private readonly slots = new Map<string, number>();

  private slotOf(key: string): number {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = findName(this.g.names, key);
      if (this.slots.size > 200_000) this.slots.clear();
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** Entry indexes for a folded name. */
  lookup(key: string): readonly number[] | undefined {
    const slot = this.slotOf(key);
    const v = slot < 0 ? NO_ENTRY : this.g.names.value[slot]!;
    if (v === NO_ENTRY) return undefined;
    if (v >= 0) return [v];
    let list = this.lists.get(v);
    if (list === undefined) {
      const m = -v - 1;
      const entries: number[] = [];
      for (let i = this.g.listStart[m]!; i < this.g.listStart[m + 1]!; i++) entries.push(this.g.listEntries[i]!);
      list = entries;
      this.lists.set(v, list);
    }
    return list;
  }

  has(key: string): boolean {
    const slot = this.slotOf(key);
    return slot >= 0 && this.g.names.value[slot] !== NO_ENTRY;
  }

  /** The most words a name starting with this folded word has; undefined when no name does. */
  maxWords(firstWord: string): number | undefined {
    const slot = this.slotOf(firstWord);
    const words = slot < 0 ? 0 : this.g.names.maxWords[slot]!;
    return words > 0 ? words : undefined;
  }

  /**
   * Every name (folded key: a place's name, alternate name or variant) some entry of one country
   * bears, with those entries. One pass over the name table (for indexes built once per country).
   */
  namesOfCountry(country: number, visit: (key: string, entries: readonly number[]) => void): void {
    namesOfCountry(this.g, country, visit);
  }

  /** A country's transliteration keys as made when the file was built (see transliteration.ts), if they were. */
  builtTransliterationKeys(code: string): string | undefined {
    return this.g.transliterationKeys?.(code);
  }

  get size(): number {
    return columnLength(this.g.n);
  }

  feature(i: number): number { return this.g.f[i]!; }
  /**
   * A region that is no person's name: a country, a continent, or an admin1 region whose towns hold
   * 100,000 people (GeoNames counts towns of 1,000 and more, so this undercounts rural regions).
   */
  isStrong(i: number, firstName = false): boolean {
    const f = this.g.f[i]!;
    if (f === FEATURE_CODES.country || f === FEATURE_CODES.region) return true;
    return f === FEATURE_CODES.admin1 && !firstName && this.g.p[i]! >= 100_000;
  }
  population(i: number): number { return this.g.p[i]!; }
  rank(i: number): number { return this.g.r[i]!; }
  countryIndex(i: number): number { return this.g.cc[i]!; }
  admin1Index(i: number): number { return this.g.a1[i]!; }
  /** The district (admin2) index of an entry, -1 where none is known. */
  admin2Index(i: number): number { return this.g.a2[i]!; }
  /** The entry of an admin1 region (by its admin1 index; -1 as an entry's own), from the index made when the file was built. */
  admin1Entry(a1: number): number | undefined {
    const e = this.g.admin1EntryOf[a1 + 1];
    return e === undefined || e < 0 ? undefined : e;
  }
  /**
   * The seat of an admin1 region (by its admin1 index): its town GeoNames marks as the region's or
   * the country's capital (PPLA, PPLC), else its most populous town; made when the file was built.
   */
  admin1Seat(a1: number): number | undefined {
    const e = this.g.admin1SeatOf[a1 + 1];
    return e === undefined || e < 0 ? undefined : e;
  }
  lat(i: number): number { return this.g.la[i]! / 1e4; }
  lon(i: number): number { return this.g.lo[i]! / 1e4; }
  name(i: number): string { return stringAt(this.g.n, i); }

  /** The shared GazetteerEntry for an index (made once). */
  entry(i: number): GazetteerEntry {
    let e = this.entryCache.get(i);
    if (e) return e;
    const g = this.g;
    const c = g.cc[i]! >= 0 ? g.countries[g.cc[i]!] : undefined;
    const feature = FEATURE_NAMES[g.f[i]!]!;
    // Every field is set, absent ones to undefined (left out of JSON): entries share one object
    // shape, so the code that reads them stays optimised.
    e = {
      name: plainName(stringAt(g.n, i)),
      countryCode: c?.code ?? '',
      country: c?.name ?? '',
      latitude: g.la[i]! / 1e4,
      longitude: g.lo[i]! / 1e4,
      feature,
      admin1: g.a1[i]! >= 0 ? g.admin1Names[g.a1[i]!] : undefined,
      admin2: g.a2[i]! >= 0 && feature !== 'admin2' ? stringAt(g.admin2Names, g.a2[i]!) : undefined,
      population: g.p[i]! > 0 && feature === 'city' ? g.p[i] : undefined,
      geonameid: g.g[i]! > 0 ? g.g[i] : undefined,
      unlocated: undefined,
    };
    this.entryCache.set(i, e);
    return e;
  }

  findCountry(codeOrName: string): CountryRecord | undefined {
    const t = codeOrName.trim();
    const byCode = this.countryByCode.get(t.toUpperCase());
    if (byCode !== undefined && t.length <= 3) return this.countries[byCode];
    const byName = this.countryByName.get(foldName(t));
    return byName === undefined ? undefined : this.countries[byName];
  }

  /** A copy of this gazetteer with the user's places (TSV: name, aliases, lat, lon, country, admin1) added. */
  withUserPlaces(path: string): Gazetteer {
    if (!existsSync(path)) throw new GazetteerError(`${path}: no such places file`);
    const { names } = this.g;
    const keys: string[] = [];
    for (let slot = 0; slot < columnLength(names.names); slot++) if (names.value[slot] !== NO_ENTRY) keys.push(stringAt(names.names, slot));
    const all = (c: StringColumn) => Array.from({ length: columnLength(c) }, (_, i) => stringAt(c, i));
    const g: GazetteerFile = {
      version: 0, sources: this.g.sources, warnings: this.g.warnings, countries: this.g.countries,
      admin1Names: [...this.g.admin1Names], admin2Names: all(this.g.admin2Names), n: all(this.g.n),
      la: Array.from(this.g.la), lo: Array.from(this.g.lo), cc: Array.from(this.g.cc), a1: Array.from(this.g.a1), a2: Array.from(this.g.a2),
      f: Array.from(this.g.f), p: Array.from(this.g.p), g: Array.from(this.g.g), r: Array.from(this.g.r),
      keys, post: keys.map((k) => [...this.lookup(k)!]),
      demonymKeys: this.g.demonymKeys, demonymEntry: this.g.demonymEntry, abbrevKeys: this.g.abbrevKeys, abbrevEntry: this.g.abbrevEntry,
      commonWords: this.g.commonWords, firstNames: this.g.firstNames,
    };
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    lines.forEach((line, ln) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const [name, aliases, lat, lon, country, admin1] = line.split('\t').map((c) => c.trim());
      const la = Number(lat);
      const lo = Number(lon);
      const cc = country ? this.countryByCode.get(country.toUpperCase()) : undefined;
      if (!name || !Number.isFinite(la) || !Number.isFinite(lo) || lat === '' || lon === '' || Math.abs(la) > 90 || Math.abs(lo) > 180) {
        throw new GazetteerError(`${path}:${ln + 1}: expected name, aliases, latitude, longitude, country, admin1 (tab-separated)`);
      }
      if (country && cc === undefined) throw new GazetteerError(`${path}:${ln + 1}: unknown country code ${JSON.stringify(country)}`);
      const i = g.n.length;
      let a1 = -1;
      if (admin1) {
        a1 = g.admin1Names.indexOf(admin1);
        if (a1 < 0) { a1 = g.admin1Names.length; g.admin1Names.push(admin1); }
      }
      g.n.push(name); g.la.push(Math.round(la * 1e4)); g.lo.push(Math.round(lo * 1e4)); g.cc.push(cc ?? -1);
      g.a1.push(a1); g.a2.push(-1); g.f.push(FEATURE_CODES.city); g.p.push(0); g.g.push(0);
      // User places outrank same-named towns: the user said this is the one they mean.
      g.r.push(6);
      for (const n of [name, ...(aliases ?? '').split('|').filter(Boolean)]) {
        const k = foldName(n);
        for (const key of [k, ...nameVariants(k, country?.toUpperCase() ?? '')]) { g.keys.push(key); g.post.push(i); }
      }
    });
    return Gazetteer.fromFile(g);
  }
}

/** GeoNames' transliteration marks dropped, as ACLED writes names: "Al Ḩasakah" -> "Al Hasakah". */
export function plainName(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(name)) return name;
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’ʼʻʿʾ]/g, '').normalize('NFC');
}

let cached: Gazetteer | undefined;

/** Whether a data file under src/geography/data changed after the gazetteer was built. */
function dataNewerThan(path: string): boolean {
  try {
    const built = statSync(path).mtimeMs;
    // (transliteration-keys.json: the file holds each country's transliteration keys.)
    return readdirSync(DATA_DIR).some((f) => (f.endsWith('.tsv') || f === 'transliteration-keys.json') && statSync(join(DATA_DIR, f)).mtimeMs > built);
  } catch {
    return false;
  }
}

/**
 * The built gazetteer, loaded once. The default file (generated/gazetteer.bin) is built first
 * (a few seconds) when missing, older than our data files or of an older format; when it cannot be
 * written (a read-only install), the gazetteer is built in memory for this run.
 */
export function loadGazetteer(path = GAZETTEER_PATH): Gazetteer {
  if (cached && path === GAZETTEER_PATH) return cached;
  if (path !== GAZETTEER_PATH) {
    if (!existsSync(path)) throw new GazetteerError(`${path}: no such gazetteer file`);
    try {
      return Gazetteer.fromBytes(readFileSync(path));
    } catch (err) {
      throw new GazetteerError(`${path}: ${(err as Error).message}`);
    }
  }
  let gaz: Gazetteer | undefined;
  if (existsSync(path) && !dataNewerThan(path)) {
    try {
      gaz = Gazetteer.fromBytes(readFileSync(path));
    } catch {
      gaz = undefined; // a damaged file or an older format is rebuilt
    }
  }
  if (!gaz) {
    process.stderr.write('sitrep: building the gazetteer (a few seconds, once)...\n');
    try {
      writeGazetteer(path);
      gaz = Gazetteer.fromBytes(readFileSync(path));
    } catch {
      gaz = Gazetteer.fromFile(buildGazetteer());
    }
  }
  cached = gaz;
  return cached;
}
