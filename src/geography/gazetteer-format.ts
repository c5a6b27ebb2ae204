// The gazetteer as built (GazetteerFile: columns of numbers and strings, and an index from folded
// names to entries) and as stored (generated/gazetteer.bin) and loaded (GazetteerData).

export const GAZETTEER_VERSION = 10;

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

/** Strings stored end to end: string i is blob[offsets[i] .. offsets[i + 1]). Nothing to split on load. */
export interface StringColumn {
  blob: string;
  offsets: ArrayLike<number>;
  /**
   * As loaded from the binary file: the strings with a character above U+00FF (their indexes, in
   * order, and the strings), which the blob holds as as many NUL characters, so that it stays a
   * one-byte string (half the bytes to read and decode; about 10% of place names need two bytes).
   */
  wide?: { at: ArrayLike<number>; strings: StringColumn };
}

export function stringColumn(strings: readonly string[]): StringColumn {
  const offsets = new Int32Array(strings.length + 1);
  for (let i = 0; i < strings.length; i++) offsets[i + 1] = offsets[i]! + strings[i]!.length;
  return { blob: strings.join(''), offsets };
}

export function stringAt(c: StringColumn, i: number): string {
  const s = c.blob.slice(c.offsets[i]!, c.offsets[i + 1]!);
  // (No string starts with a NUL: one that does stands for a wide string.)
  return c.wide !== undefined && s.charCodeAt(0) === 0 ? wideAt(c.wide, i) : s;
}

/** String i of a column's wide strings (a binary search of their indexes). */
function wideAt(wide: NonNullable<StringColumn['wide']>, i: number): string {
  const { at } = wide;
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  if (at[lo] !== i) throw new Error(`gazetteer: string ${i} is no wide string`);
  return stringAt(wide.strings, lo);
}

export function columnLength(c: StringColumn): number {
  return c.offsets.length - 1;
}

/** In a NameTable's `value`: the word starts longer names but names no place itself. */
export const NO_ENTRY = -0x7fffffff;

/**
 * Folded names and first words, in an open-addressing hash table over a StringColumn, so that the
 * loader reads it as it is instead of building a Map of 170,000 keys.
 */
export interface NameTable {
  names: StringColumn;
  /** Per name: its entry (>= 0), -(list + 1) when several entries bear it, or NO_ENTRY. */
  value: ArrayLike<number>;
  /** Per name: the most words a name starting with this word has (0: none starts with it). */
  maxWords: ArrayLike<number>;
  /** Power-of-two array of name index + 1 (0 empty), probed linearly from the name's hash. */
  buckets: ArrayLike<number>;
}

/** FNV-1a over UTF-16 code units. */
function hashName(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Index of a name in the table, or -1. */
export function findName(t: NameTable, key: string): number {
  const mask = t.buckets.length - 1;
  const { blob, offsets } = t.names;
  const len = key.length;
  for (let b = hashName(key) & mask; ; b = (b + 1) & mask) {
    const slot = t.buckets[b]! - 1;
    if (slot < 0) return -1;
    const off = offsets[slot]!;
    if (offsets[slot + 1]! - off !== len) continue;
    if (t.names.wide === undefined || blob.charCodeAt(off) !== 0) {
      if (blob.startsWith(key, off)) return slot;
    } else if (wideAt(t.names.wide, slot) === key) return slot;
  }
}

/**
 * A column as the binary file stores it: the strings with a character above U+00FF apart (see
 * StringColumn.wide), NULs in their place; as it is when it has none.
 */
function narrowColumn(name: string, c: StringColumn): StringColumn {
  const WIDE = /[^\x00-\xff]/;
  if (!WIDE.test(c.blob)) return c;
  const at: number[] = [];
  const wide: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < columnLength(c); i++) {
    const s = stringAt(c, i);
    if (s.charCodeAt(0) === 0) throw new Error(`gazetteer: ${name}[${i}] starts with a NUL`);
    if (WIDE.test(s)) {
      at.push(i);
      wide.push(s);
      parts.push('\0'.repeat(s.length));
    } else parts.push(s);
  }
  return { blob: parts.join(''), offsets: c.offsets, wide: { at, strings: stringColumn(wide) } };
}

function nameTable(values: Map<string, number>, maxWords: Map<string, number>): NameTable {
  const names = [...new Set([...values.keys(), ...maxWords.keys()])];
  let size = 1;
  while (size < names.length * 2) size *= 2;
  const buckets = new Int32Array(size);
  names.forEach((name, i) => {
    let b = hashName(name) & (size - 1);
    while (buckets[b] !== 0) b = (b + 1) & (size - 1);
    buckets[b] = i + 1;
  });
  return {
    names: stringColumn(names),
    value: Int32Array.from(names, (k) => values.get(k) ?? NO_ENTRY),
    maxWords: Int32Array.from(names, (k) => maxWords.get(k) ?? 0),
    buckets,
  };
}

/** The rank of a country's capital (GeoNames PPLC). */
export const CAPITAL_RANK = 4;

/** The rank of a local unit placed at its district's point (data/communes.tsv): below every GeoNames town's. */
export const LOCAL_UNIT_RANK = -3;

/**
 * The rank of a settlement placed at its region's point (data/settlements.tsv): places news names
 * often, above a namesake village of a few thousand people.
 */
export const SETTLEMENT_RANK = -2;

const COLUMNS = ['la', 'lo', 'cc', 'a1', 'a2', 'f', 'p', 'g', 'r'] as const;
type NumericColumn = (typeof COLUMNS)[number];

/**
 * The gazetteer as the loader holds it: the built file's tables, its numeric columns as typed
 * arrays when read from the binary file, names as string columns, and the name table for look-ups.
 */
export interface GazetteerData
  extends Omit<GazetteerFile, 'version' | 'warnings' | 'admin2Names' | 'n' | 'keys' | 'post' | NumericColumn>,
    Record<NumericColumn, ArrayLike<number>> {
  warnings: string[];
  admin2Names: StringColumn;
  n: StringColumn;
  names: NameTable;
  /** Entries of list m: listEntries[listStart[m] .. listStart[m + 1]). */
  listStart: ArrayLike<number>;
  listEntries: ArrayLike<number>;
  /** Per admin1 index + 1 (slot 0: index -1): its region's first admin1 entry, -1 none (see admin1Indexes). */
  admin1EntryOf: ArrayLike<number>;
  /** Per admin1 index + 1: its seat (Gazetteer.admin1Seat), -1 none. */
  admin1SeatOf: ArrayLike<number>;
  /**
   * Transliteration keys of a country whose script has folds (its index's JSON, see
   * transliteration.ts), by country code, made when the file is built; absent for a gazetteer
   * extended by user places, whose keys are made on first look-up.
   */
  transliterationKeys?: (code: string) => string | undefined;
}

/**
 * Every name (folded key: a place's name, alternate name or variant) some entry of one country
 * bears, with those entries. One pass over the name table (for indexes built once per country).
 */
export function namesOfCountry(d: GazetteerData, country: number, visit: (key: string, entries: readonly number[]) => void): void {
  const { names, listStart, listEntries, cc } = d;
  const slots = columnLength(names.names);
  // (Most slots hold no place of the country: nothing is allocated, nor an array's length set, for them.)
  const value = names.value;
  for (let slot = 0; slot < slots; slot++) {
    const v = value[slot]!;
    if (v === NO_ENTRY) continue;
    if (v >= 0) {
      if (cc[v] === country) visit(stringAt(names.names, slot), [v]);
      continue;
    }
    const m = -v - 1;
    let mine: number[] | undefined;
    for (let i = listStart[m]!; i < listStart[m + 1]!; i++) if (cc[listEntries[i]!] === country) (mine ??= []).push(listEntries[i]!);
    if (mine !== undefined) visit(stringAt(names.names, slot), mine);
  }
}

/**
 * Each admin1 region's entry (its first admin1 entry) and seat (its town GeoNames marks as the
 * region's or the country's capital, rank 3 and up, else its most populous town; the first one on a
 * tie), by admin1 index + 1: one pass over the entries when the file is built, none on load.
 */
export function admin1Indexes(d: Pick<GazetteerData, 'f' | 'a1' | 'p' | 'r' | 'admin1Names'>): { admin1EntryOf: Int32Array; admin1SeatOf: Int32Array } {
  const { f, a1, p, r } = d;
  let slots = d.admin1Names.length + 1;
  for (let i = 0; i < a1.length; i++) if (a1[i]! + 1 > slots - 1) slots = a1[i]! + 2;
  const admin1EntryOf = new Int32Array(slots).fill(-1);
  const admin1SeatOf = new Int32Array(slots).fill(-1);
  const best = new Float64Array(slots);
  for (let i = 0; i < a1.length; i++) {
    const a = a1[i]!;
    if (f[i] === FEATURE_CODES.admin1 && admin1EntryOf[a + 1] === -1) admin1EntryOf[a + 1] = i;
    if (f[i] !== FEATURE_CODES.city || a < 0) continue;
    const score = (r[i]! >= 3 ? 1e12 : 0) + p[i]!;
    if (admin1SeatOf[a + 1] === -1 || score > best[a + 1]!) {
      admin1SeatOf[a + 1] = i;
      best[a + 1] = score;
    }
  }
  return { admin1EntryOf, admin1SeatOf };
}

/** The name table and lists the loader needs, computed from a built (or user-extended) file. */
export function gazetteerData(file: GazetteerFile): GazetteerData {
  const index = new Map<string, number>();
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
  for (const k of file.demonymKeys) noteWords(k);
  const listStart = [0];
  const listEntries: number[] = [];
  for (const l of lists) {
    listEntries.push(...l);
    listStart.push(listEntries.length);
  }
  const { keys: _k, post: _p, version: _v, n, admin2Names, ...rest } = file;
  return {
    ...rest,
    ...admin1Indexes(file),
    warnings: file.warnings ?? [],
    n: stringColumn(n),
    admin2Names: stringColumn(admin2Names),
    names: nameTable(index, maxWords),
    listStart,
    listEntries,
  };
}

// The binary file (generated/gazetteer.bin): "SITREPGZ", a uint32 header length, a JSON header
// (small tables and section sizes), then int32 sections and string sections (uint32 length, one byte
// a character; a column's strings with a character above U+00FF in a section of their own, two bytes
// a character, and NULs in their place),
// then the countries' transliteration keys (uint32 length, each country's JSON in UTF-8 at the byte
// range the header gives: read only for a country asked for, most runs asking for none or one).
// It loads in a few tens of milliseconds: nothing is parsed, split or hashed on load.
const MAGIC = 'SITREPGZ';

type StringSections = Record<'n' | 'admin2Names' | 'names', StringColumn>;
type StringSection = keyof StringSections;
/** The small tables the header carries as JSON. */
type HeaderTable = 'sources' | 'warnings' | 'countries' | 'admin1Names' | 'demonymKeys' | 'demonymEntry' | 'abbrevKeys' | 'abbrevEntry' | 'commonWords' | 'firstNames';

/** The file's bytes; `transliterationKeys`: each country's keys (builtTransliterationKeys in transliteration.ts). */
export function encodeGazetteer(d: GazetteerData, transliterationKeys: Readonly<Record<string, string>> = {}): Buffer {
  const narrow: StringSections = { n: narrowColumn('n', d.n), admin2Names: narrowColumn('admin2Names', d.admin2Names), names: narrowColumn('names', d.names.names) };
  // Each column's one-byte blob, then each one's wide strings (two bytes a character), with their indexes.
  const strings: Record<string, StringColumn> = { ...narrow };
  const wideAts: Record<string, ArrayLike<number>> = {};
  for (const [name, c] of Object.entries(narrow)) {
    if (!c.wide) continue;
    strings[`${name}Wide`] = c.wide.strings;
    wideAts[`${name}WideAt`] = c.wide.at;
  }
  const ints: Record<string, ArrayLike<number>> = {
    ...Object.fromEntries(COLUMNS.map((c) => [c, d[c]])),
    listStart: d.listStart,
    listEntries: d.listEntries,
    admin1EntryOf: d.admin1EntryOf,
    admin1SeatOf: d.admin1SeatOf,
    nameValue: d.names.value,
    nameMaxWords: d.names.maxWords,
    nameBuckets: d.names.buckets,
    ...Object.fromEntries(Object.entries(strings).map(([k, c]) => [`${k}Offsets`, c.offsets])),
    ...wideAts,
  };
  const wide = (s: string) => /[^\x00-\xff]/.test(s);
  // Each country's keys: [byte offset, byte length] in the last section.
  const keyBytes: Buffer[] = [];
  const keyRanges: Record<string, [number, number]> = {};
  let keyLength = 0;
  for (const [code, json] of Object.entries(transliterationKeys)) {
    const b = Buffer.from(json, 'utf8');
    keyRanges[code] = [keyLength, b.length];
    keyBytes.push(b);
    keyLength += b.length;
  }
  const header = {
    version: GAZETTEER_VERSION,
    sources: d.sources, warnings: d.warnings, countries: d.countries, admin1Names: d.admin1Names,
    demonymKeys: d.demonymKeys, demonymEntry: d.demonymEntry, abbrevKeys: d.abbrevKeys, abbrevEntry: d.abbrevEntry,
    commonWords: d.commonWords, firstNames: d.firstNames, transliterationKeys: keyRanges,
    ints: Object.fromEntries(Object.entries(ints).map(([k, v]) => [k, v.length])),
    strings: Object.fromEntries(Object.entries(strings).map(([k, c]) => [k, wide(c.blob) ? 'utf16le' : 'latin1'])),
  };
  const parts: Buffer[] = [];
  const pad = (len: number) => Buffer.alloc((4 - (len % 4)) % 4, 32);
  const lenOf = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
  // (Characters above U+00FF written as JSON escapes: the header is read as a one-byte string.)
  const head = Buffer.from(JSON.stringify(header).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  parts.push(Buffer.from(MAGIC), lenOf(head.length + pad(head.length).length), head, pad(head.length));
  for (const [name, v] of Object.entries(ints)) {
    const a = Int32Array.from(v);
    for (let i = 0; i < v.length; i++) if (a[i] !== v[i]) throw new Error(`gazetteer: ${name}[${i}] = ${v[i]} does not fit in 32 bits`);
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }
  for (const [name, c] of Object.entries(strings)) {
    const b = Buffer.from(c.blob, header.strings[name] as BufferEncoding);
    parts.push(lenOf(b.length), b, pad(b.length));
  }
  parts.push(lenOf(keyLength), ...keyBytes);
  return Buffer.concat(parts);
}

/** Reads encodeGazetteer's output; throws when it is not a gazetteer of this version. */
export function decodeGazetteer(bytes: Buffer): GazetteerData {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a sitrep gazetteer file');
  // Int32Array views need 4-byte alignment in the underlying buffer.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const headLen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + headLen)) as {
    version: number; ints: Record<string, number>; strings: Record<string, BufferEncoding>;
    transliterationKeys: Record<string, [number, number]>;
  } & Pick<GazetteerData, HeaderTable>;
  if (header.version !== GAZETTEER_VERSION) throw new Error(`gazetteer version ${header.version}, expected ${GAZETTEER_VERSION}`);
  let at = 12 + headLen;
  const ints: Record<string, Int32Array> = {};
  for (const [name, length] of Object.entries(header.ints)) {
    ints[name] = new Int32Array(buf.buffer, buf.byteOffset + at, length);
    at += length * 4;
  }
  const sections: Record<string, StringColumn> = {};
  for (const [name, encoding] of Object.entries(header.strings)) {
    const len = buf.readUInt32LE(at);
    sections[name] = { blob: buf.toString(encoding, at + 4, at + 4 + len), offsets: ints[`${name}Offsets`]! };
    at += 4 + len + ((4 - (len % 4)) % 4);
  }
  const column = (name: StringSection): StringColumn => {
    const c = sections[name]!;
    const wide = sections[`${name}Wide`];
    return wide ? { ...c, wide: { at: ints[`${name}WideAt`]!, strings: wide } } : c;
  };
  const strings: StringSections = { n: column('n'), admin2Names: column('admin2Names'), names: column('names') };
  const keysAt = at + 4;
  const keyRanges = header.transliterationKeys;
  const transliterationKeys = (code: string): string | undefined => {
    const range = Object.hasOwn(keyRanges, code) ? keyRanges[code] : undefined;
    return range === undefined ? undefined : buf.toString('utf8', keysAt + range[0], keysAt + range[0] + range[1]);
  };
  const { version: _version, ints: _ints, strings: _strings, transliterationKeys: _keys, ...tables } = header;
  return {
    ...tables,
    transliterationKeys,
    ...(Object.fromEntries(COLUMNS.map((c) => [c, ints[c]!])) as Record<NumericColumn, Int32Array>),
    admin2Names: strings.admin2Names,
    n: strings.n,
    names: { names: strings.names, value: ints.nameValue!, maxWords: ints.nameMaxWords!, buckets: ints.nameBuckets! },
    listStart: ints.listStart!,
    listEntries: ints.listEntries!,
    admin1EntryOf: ints.admin1EntryOf!,
    admin1SeatOf: ints.admin1SeatOf!,
  };
}
