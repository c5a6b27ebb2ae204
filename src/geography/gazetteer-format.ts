// The gazetteer as built (GazetteerFile: columns of numbers and strings, and an index from folded
// names to entries) and as stored (generated/gazetteer.bin) and loaded (GazetteerData).

export const GAZETTEER_VERSION = 4;

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

/**
 * The gazetteer as the loader holds it: numeric columns (typed arrays when read from the binary
 * file), the name index, and the word lists the recogniser consults.
 */
export interface GazetteerData {
  sources: string[];
  warnings: string[];
  countries: CountryRecord[];
  admin1Names: string[];
  admin2Names: string[];
  n: string[];
  la: ArrayLike<number>;
  lo: ArrayLike<number>;
  cc: ArrayLike<number>;
  a1: ArrayLike<number>;
  a2: ArrayLike<number>;
  f: ArrayLike<number>;
  p: ArrayLike<number>;
  g: ArrayLike<number>;
  r: ArrayLike<number>;
  /** Folded name -> its entry (>= 0), or -(list + 1) for a name several entries bear. */
  index: Map<string, number>;
  /** Entries of list m: listEntries[listStart[m] .. listStart[m + 1]). */
  listStart: ArrayLike<number>;
  listEntries: ArrayLike<number>;
  /** Folded first word of any name -> the most words a name starting with it has. */
  maxWords: Map<string, number>;
  demonymKeys: string[];
  demonymEntry: number[];
  abbrevKeys: string[];
  abbrevEntry: number[];
  commonWords: string[];
  firstNames: string[];
}

const COLUMNS = ['la', 'lo', 'cc', 'a1', 'a2', 'f', 'p', 'g', 'r'] as const;

/** The index and word counts the loader needs, computed from a built (or user-extended) file. */
export function gazetteerData(file: GazetteerFile): GazetteerData {
  const index = new Map<string, number>();
  const listStart: number[] = [0];
  const listEntries: number[] = [];
  const maxWords = new Map<string, number>();
  const noteWords = (key: string) => {
    const words = key.split(' ');
    if ((maxWords.get(words[0]!) ?? 0) < words.length) maxWords.set(words[0]!, words.length);
  };
  const lists: number[][] = [];
  for (let i = 0; i < file.keys.length; i++) {
    const key = file.keys[i]!;
    const post = file.post[i]!;
    const add = typeof post === 'number' ? [post] : post;
    const old = index.get(key);
    // A key may come twice (user places): its entries are merged, each once.
    const merged = old === undefined ? add : [...new Set([...(old >= 0 ? [old] : lists[-old - 1]!), ...add])];
    if (merged.length === 1) index.set(key, merged[0]!);
    else if (old !== undefined && old < 0) lists[-old - 1] = merged;
    else {
      lists.push(merged);
      index.set(key, -lists.length);
    }
    noteWords(key);
  }
  for (const l of lists) {
    listEntries.push(...l);
    listStart.push(listEntries.length);
  }
  for (const k of file.demonymKeys) noteWords(k);
  const { keys: _k, post: _p, version: _v, ...rest } = file;
  return { ...rest, warnings: file.warnings ?? [], index, listStart, listEntries, maxWords };
}

// The binary file (generated/gazetteer.bin): "SITREPGZ", a uint32 header length, a JSON header
// (small tables and section sizes), then int32 sections and newline-joined string sections.
// It loads several times faster than JSON: numbers need no parsing and the index needs no merging.
const MAGIC = 'SITREPGZ';

export function encodeGazetteer(d: GazetteerData): Buffer {
  const keys = [...d.index.keys()];
  const firstWords = [...d.maxWords.keys()];
  const strings = { n: d.n, keys, firstWords, commonWords: d.commonWords, firstNames: d.firstNames };
  for (const [name, list] of Object.entries(strings)) {
    if (list.some((s) => s.includes('\n'))) throw new Error(`gazetteer: a ${name} string holds a newline`);
  }
  const ints: Record<string, ArrayLike<number>> = {
    ...Object.fromEntries(COLUMNS.map((c) => [c, d[c]])),
    keyValue: keys.map((k) => d.index.get(k)!),
    listStart: d.listStart,
    listEntries: d.listEntries,
    maxWords: firstWords.map((w) => d.maxWords.get(w)!),
  };
  const header = {
    version: GAZETTEER_VERSION,
    sources: d.sources, warnings: d.warnings, countries: d.countries, admin1Names: d.admin1Names, admin2Names: d.admin2Names,
    demonymKeys: d.demonymKeys, demonymEntry: d.demonymEntry, abbrevKeys: d.abbrevKeys, abbrevEntry: d.abbrevEntry,
    ints: Object.fromEntries(Object.entries(ints).map(([k, v]) => [k, v.length])),
    strings: Object.keys(strings),
  };
  const parts: Buffer[] = [];
  const head = Buffer.from(JSON.stringify(header));
  const pad = (len: number) => Buffer.alloc((4 - (len % 4)) % 4, 32);
  const lenOf = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
  parts.push(Buffer.from(MAGIC), lenOf(head.length + pad(head.length).length), head, pad(head.length));
  for (const [name, v] of Object.entries(ints)) {
    const a = Int32Array.from(v as ArrayLike<number>);
    for (let i = 0; i < v.length; i++) if (a[i] !== v[i]) throw new Error(`gazetteer: ${name}[${i}] = ${v[i]} does not fit in 32 bits`);
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }
  for (const list of Object.values(strings)) {
    const b = Buffer.from(list.join('\n'));
    parts.push(lenOf(b.length), b, pad(b.length));
  }
  return Buffer.concat(parts);
}

/** Reads encodeGazetteer's output; throws when it is not a gazetteer of this version. */
export function decodeGazetteer(bytes: Buffer): GazetteerData {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a sitrep gazetteer file');
  // Int32Array views need 4-byte alignment in the underlying buffer.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const headLen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + headLen)) as {
    version: number; ints: Record<string, number>; strings: string[];
  } & Pick<GazetteerData, 'sources' | 'warnings' | 'countries' | 'admin1Names' | 'admin2Names' | 'demonymKeys' | 'demonymEntry' | 'abbrevKeys' | 'abbrevEntry'>;
  if (header.version !== GAZETTEER_VERSION) throw new Error(`gazetteer version ${header.version}, expected ${GAZETTEER_VERSION}`);
  let at = 12 + headLen;
  const ints: Record<string, Int32Array> = {};
  for (const [name, length] of Object.entries(header.ints)) {
    ints[name] = new Int32Array(buf.buffer, buf.byteOffset + at, length);
    at += length * 4;
  }
  const strings: Record<string, string[]> = {};
  for (const name of header.strings) {
    const len = buf.readUInt32LE(at);
    const s = buf.toString('utf8', at + 4, at + 4 + len);
    strings[name] = s === '' ? [] : s.split('\n');
    at += 4 + len + ((4 - (len % 4)) % 4);
  }
  const keys = strings.keys!;
  const keyValue = ints.keyValue!;
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i]!, keyValue[i]!);
  const firstWords = strings.firstWords!;
  const words = ints.maxWords!;
  const maxWords = new Map<string, number>();
  for (let i = 0; i < firstWords.length; i++) maxWords.set(firstWords[i]!, words[i]!);
  return {
    sources: header.sources, warnings: header.warnings, countries: header.countries,
    admin1Names: header.admin1Names, admin2Names: header.admin2Names,
    n: strings.n!,
    la: ints.la!, lo: ints.lo!, cc: ints.cc!, a1: ints.a1!, a2: ints.a2!, f: ints.f!, p: ints.p!, g: ints.g!, r: ints.r!,
    index, listStart: ints.listStart!, listEntries: ints.listEntries!, maxWords,
    demonymKeys: header.demonymKeys, demonymEntry: header.demonymEntry, abbrevKeys: header.abbrevKeys, abbrevEntry: header.abbrevEntry,
    commonWords: strings.commonWords!, firstNames: strings.firstNames!,
  };
}
