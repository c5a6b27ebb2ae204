// Transliteration-insensitive keys of place names: English and French news write a name from
// another script in many Latin spellings ("Menbej" / "Manbij", "al-Tabaqa" / "Tabqa", "Qameshly" /
// "Qamishli"), more than the gazetteer's alternate names list. Each script's letter folds are data
// (data/transliteration-keys.json); what they leave of a folded name is its key, the consonants a
// reader hears in every spelling. Keys collide far more than names do, so an index of keys is built
// for one country at a time (the document's focus country) and consulted only for a capitalised name
// the gazetteer does not know (see recognise.ts).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DATA_DIR, readTsv } from './build-gazetteer.js';
import type { Gazetteer } from './gazetteer.js';
import { namesOfCountry, type GazetteerData } from './gazetteer-format.js';

const require = createRequire(import.meta.url);

interface SchemeData {
  articles: string[];
  folds: [string, string][];
  skeleton: [string, string][];
  closeBelow: number;
  maxEdits: number;
}

/** A script's folds, compiled. */
export interface TransliterationScheme {
  readonly articles: ReadonlySet<string>;
  /** Folds that make one spelling of a name's spellings ("qameshly" -> "kameshly"). */
  readonly folds: readonly (readonly [RegExp, string])[];
  /** What leaves the skeleton (the key) of a folded spelling. */
  readonly skeleton: readonly (readonly [RegExp, string])[];
  /** Keys of fewer letters match only spellings at most maxEdits edits apart. */
  readonly closeBelow: number;
  readonly maxEdits: number;
}

/** Keys shorter than this say too little to tell one name from another. */
export const MIN_KEY_LENGTH = 3;

const compileRules = (rules: [string, string][]) => rules.map(([from, to]) => [new RegExp(from, 'g'), to] as const);

export function compileScheme(data: SchemeData): TransliterationScheme {
  return { articles: new Set(data.articles), folds: compileRules(data.folds), skeleton: compileRules(data.skeleton), closeBelow: data.closeBelow, maxEdits: data.maxEdits };
}

let schemes: Map<string, TransliterationScheme> | undefined;

/** Country (ISO2) -> its script's scheme, for the countries transliterated.tsv lists with a script that has folds. */
function schemesByCountry(): Map<string, TransliterationScheme> {
  if (schemes) return schemes;
  const data = require('./data/transliteration-keys.json') as { scripts: Record<string, SchemeData> };
  const byScript = new Map<string, TransliterationScheme>();
  for (const [script, s] of Object.entries(data.scripts)) byScript.set(script, compileScheme(s));
  schemes = new Map();
  for (const [code, script] of readTsv(join(DATA_DIR, 'transliterated.tsv'))) {
    const scheme = byScript.get(script ?? '');
    if (code && scheme) schemes.set(code, scheme);
  }
  return schemes;
}

/** The scheme for a country's place names (ISO2), if its script has folds. */
export function schemeForCountry(code: string): TransliterationScheme | undefined {
  return schemesByCountry().get(code);
}

/**
 * The folded spelling of a folded name (see fold.ts: lower case, words apart by single spaces):
 * articles ("al", "el", "ash") that stand before another word dropped, then the scheme's folds.
 */
export function transliterationSpelling(folded: string, scheme: TransliterationScheme): string {
  const words = folded.split(' ');
  let s = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '' || (i + 1 < words.length && scheme.articles.has(w))) continue;
    s = s === '' ? w : `${s} ${w}`;
  }
  for (const [re, to] of scheme.folds) s = s.replace(re, to);
  return s;
}

/**
 * The scheme's skeleton of a spelling. Data, not common/skeleton.ts consonantSkeleton: a script
 * says what its skeleton keeps (Arabic's marks a name that begins with a vowel, "Ithriyah" /
 * "Ethria" but not "Thawrah"), after its own letter folds.
 */
function skeletonOf(spelling: string, scheme: TransliterationScheme): string {
  let s = spelling;
  for (const [re, to] of scheme.skeleton) s = s.replace(re, to);
  return s;
}

/** The key of a folded name: the skeleton of its spelling. */
export function transliterationKey(folded: string, scheme: TransliterationScheme): string {
  return skeletonOf(transliterationSpelling(folded, scheme), scheme);
}

/** The names of one key: each spelling and the entries bearing it. */
interface KeyNames {
  spellings: string[];
  entries: number[][];
  /** Every entry of the key, distinct, ascending (made on first look-up when read from the built file: see allEntries). */
  all: number[] | undefined;
}

/** Keys and their names: looked up by key, or read all in order. */
export interface KeyTable extends Iterable<[string, KeyNames]> {
  get(key: string): KeyNames | undefined;
}

/** The keys of one country's place names (see transliterationIndex). */
export interface TransliterationIndex {
  readonly country: number;
  readonly scheme: TransliterationScheme;
  readonly keys: KeyTable;
}

const indexes = new WeakMap<Gazetteer, Map<number, TransliterationIndex | undefined>>();

/**
 * The index of keys of every name the gazetteer gives a place of one country (by country index);
 * undefined when the country's script has no folds. Its keys come with the built gazetteer file
 * (builtTransliterationKeys); a gazetteer extended by user places makes them on first look-up (one
 * pass over the name table): most texts name no place the gazetteer lacks.
 */
export function transliterationIndex(gaz: Gazetteer, country: number): TransliterationIndex | undefined {
  let byCountry = indexes.get(gaz);
  if (!byCountry) indexes.set(gaz, (byCountry = new Map()));
  if (byCountry.has(country)) return byCountry.get(country);
  const code = gaz.countries[country]?.code;
  const scheme = code ? schemeForCountry(code) : undefined;
  const built = code && scheme ? gaz.builtTransliterationKeys(code) : undefined;
  const index = !scheme ? undefined : built !== undefined ? { country, scheme, keys: new BuiltKeys(built) } : new LazyIndex(gaz, country, scheme);
  byCountry.set(country, index);
  return index;
}

class LazyIndex implements TransliterationIndex {
  private made: Map<string, KeyNames> | undefined;
  constructor(
    private readonly gaz: Gazetteer,
    readonly country: number,
    readonly scheme: TransliterationScheme,
  ) {}
  get keys(): ReadonlyMap<string, KeyNames> {
    return (this.made ??= keysOfNames((visit) => this.gaz.namesOfCountry(this.country, visit), this.scheme));
  }
}

/**
 * The keys of every country whose script has folds (country code -> JSON of its keys), made when the
 * gazetteer file is built so that a run does not fold a country's thousands of names first.
 */
export function builtTransliterationKeys(data: GazetteerData): Record<string, string> {
  const out: Record<string, string> = {};
  data.countries.forEach((c, i) => {
    const scheme = schemeForCountry(c.code);
    if (!scheme) return;
    const keys = keysOfNames((visit) => namesOfCountry(data, i, visit), scheme);
    out[c.code] = JSON.stringify([...keys].map(([key, k]) => [key, k.spellings, k.entries]));
  });
  return out;
}

/** Every entry of a key's spellings, distinct, ascending. */
function allEntries(entries: number[][]): number[] {
  return [...new Set(entries.flat())].sort((a, b) => a - b);
}

/** The end (one past) of the JSON string opening at json[q] ('"'). */
function stringEnd(json: string, q: number): number {
  let k = q + 1;
  for (;;) {
    const c = json.charCodeAt(k);
    if (c === 92) k += 2;
    else if (c === 34) return k + 1;
    else if (Number.isNaN(c)) return json.length;
    else k++;
  }
}

/** The end (one past) of the JSON array opening at json[p] ('['): brackets counted, strings skipped. */
function arrayEnd(json: string, p: number): number {
  let depth = 0;
  let k = p;
  while (k < json.length) {
    const c = json.charCodeAt(k);
    if (c === 34) {
      k = stringEnd(json, k);
      continue;
    }
    if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return k + 1;
    k++;
  }
  return k;
}

/**
 * builtTransliterationKeys' JSON of one country, read back as asked: one scan finds where each key's
 * record starts, and a record is parsed at its key's first look-up (a text looks up a few keys of a
 * country's thousands: parsing them all, Russia's 11,000, took longer than a text's whole reading).
 * A key's `all` is made when first asked.
 */
class BuiltKeys implements KeyTable {
  private readonly at = new Map<string, number>();
  private readonly starts: number[] = [];
  private readonly records: (KeyNames | undefined)[] = [];
  constructor(private readonly json: string) {
    // (Records one after another in the outer array, read by character codes: a regular expression's
    // global scan of Russia's 540 KB took about 30 ms.)
    let p = 1;
    while (p < json.length && json.charCodeAt(p) === 91 && json.charCodeAt(p + 1) === 34) {
      const keyEnd = stringEnd(json, p + 1);
      const quoted = json.slice(p + 1, keyEnd);
      this.at.set(quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1), this.starts.length);
      this.starts.push(p);
      p = arrayEnd(json, p);
      if (json.charCodeAt(p) !== 44) break;
      p++;
    }
  }
  get(key: string): KeyNames | undefined {
    const i = this.at.get(key);
    return i === undefined ? undefined : this.record(i);
  }
  *[Symbol.iterator](): Iterator<[string, KeyNames]> {
    for (const [key, i] of this.at) yield [key, this.record(i)];
  }
  /** Record i: from its opening to the comma before the next one (the array's closing bracket after the last). */
  private record(i: number): KeyNames {
    let k = this.records[i];
    if (k === undefined) {
      const end = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.json.length - 1;
      const [, spellings, entries] = JSON.parse(this.json.slice(this.starts[i], end)) as [string, string[], number[][]];
      this.records[i] = k = { spellings, entries, all: undefined };
    }
    return k;
  }
}

function keysOfNames(eachName: (visit: (name: string, entries: readonly number[]) => void) => void, scheme: TransliterationScheme): Map<string, KeyNames> {
  const keys = new Map<string, KeyNames>();
  eachName((name, entries) => {
    const spelling = transliterationSpelling(name, scheme);
    const key = skeletonOf(spelling, scheme);
    if (keyLength(key) < MIN_KEY_LENGTH) return;
    let k = keys.get(key);
    if (!k) keys.set(key, (k = { spellings: [], entries: [], all: [] }));
    const at = k.spellings.indexOf(spelling);
    if (at < 0) {
      k.spellings.push(spelling);
      k.entries.push([...entries]);
    } else for (const e of entries) if (!k.entries[at]!.includes(e)) k.entries[at]!.push(e);
    for (const e of entries) if (!k.all!.includes(e)) k.all!.push(e);
  });
  for (const k of keys.values()) k.all!.sort((a, b) => a - b);
  return keys;
}

/** Names whose spelling and key a scheme keeps (names recur from text to text: "Putin", "Kremlin"); past this many it starts afresh. */
const MAX_SPELT_NAMES = 20_000;
const speltNames = new WeakMap<TransliterationScheme, Map<string, { spelling: string; key: string }>>();

/** A folded name's spelling and key in a scheme, made once per name (each takes a score of regular-expression replacements). */
function spellingAndKey(folded: string, scheme: TransliterationScheme): { spelling: string; key: string } {
  let names = speltNames.get(scheme);
  if (names === undefined) speltNames.set(scheme, (names = new Map()));
  let made = names.get(folded);
  if (made === undefined) {
    if (names.size >= MAX_SPELT_NAMES) names.clear();
    const spelling = transliterationSpelling(folded, scheme);
    names.set(folded, (made = { spelling, key: skeletonOf(spelling, scheme) }));
  }
  return made;
}

/**
 * The entries of the index's country whose names have the key of this folded name; for a short
 * key, only those whose spelling is close to the name's. Undefined when there are none.
 */
export function lookupTransliterated(index: TransliterationIndex, folded: string): readonly number[] | undefined {
  const { scheme } = index;
  const { spelling, key } = spellingAndKey(folded, scheme);
  const length = keyLength(key);
  if (length < MIN_KEY_LENGTH) return undefined;
  const k = index.keys.get(key);
  if (!k) return undefined;
  if (length >= scheme.closeBelow) return (k.all ??= allEntries(k.entries));
  const out: number[] = [];
  for (let i = 0; i < k.spellings.length; i++) {
    if (editDistance(spelling, k.spellings[i]!, scheme.maxEdits) > scheme.maxEdits) continue;
    for (const e of k.entries[i]!) if (!out.includes(e)) out.push(e);
  }
  return out.length > 0 ? out.sort((a, b) => a - b) : undefined;
}

/** Levenshtein distance of two short strings, or more than `limit` once it must exceed it. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Letters of a key, the mark of an initial vowel not counted. */
export function keyLength(key: string): number {
  return key.startsWith("'") ? key.length - 1 : key.length;
}
