// Country cues: names that point to one country without being places ("FACA", "the anti-Balaka",
// "Oromo protesters", "woreda", "MINUSCA"), from data/country-cues.tsv. A cue votes for its country
// when the text's places are resolved, hides a place name inside it ("anti-Balaka" is no mention of
// Balaka, Malawi), and names the country of a text that names no place.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_CODES } from './gazetteer-format.js';
import type { Gazetteer } from './gazetteer.js';
import { foldName } from './fold.js';
import type { TextRange } from './recognise.js';

export interface CountryCue {
  start: number;
  end: number;
  /** ISO2 code; empty for names that point to no country ("Wagner Group") and only hide a place. */
  countryCode: string;
  /** Admin1 name the cue points to, when it points to one region of the country. */
  admin1?: string;
  /** An armed group or force: it may act abroad, so its country says where it comes from. */
  group: boolean;
  /** The countries of a group active in several ("JNIM": Mali, Burkina Faso, Niger); countryCode is then empty. */
  countries?: string[];
  /** A person (a head of state, a leader): spoken of abroad too, so a town named elsewhere outvotes the cue. */
  person: boolean;
}

interface CuePhrase {
  words: string[];
  /** Written in capitals in the list ("OLA", "SAF"): matches only in capitals. */
  caps: boolean;
  /**
   * An acronym of five letters or more, read as a word ("MINUSCA", "MONUSCO", "AMISOM"): English news
   * write it with one capital too ("Minusca", "elements of Misca"), which matches as well.
   */
  titled: boolean;
  /** Written with a capital inside a word ("NaMA"): matches only as written ("Nama" is a village). */
  cased: string | undefined;
  countryCode: string;
  countries?: string[];
  admin1?: string;
  group: boolean;
  person: boolean;
}

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'data', 'country-cues.tsv');

/** A word: letters, digits, and the "&" and apostrophe inside names ("J&K", "People's"). */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’]*[\p{L}\p{N}])?/gu;

/**
 * The cues are matched as one case-insensitive alternation, longest first, between word boundaries
 * (`\b`: ASCII letters, digits and "_" are word characters; cue words are ASCII). Running that
 * alternation over the whole text tried every cue at every position. Instead, the text's words are
 * read once, and only where a word's leading run of word characters opens some cue are the cues
 * that begin with that run tried, as one sticky alternation in the same order: the same matches as
 * the whole alternation, each tried where it can match.
 */
interface CueTable {
  /**
   * Per hash of a leading run of word characters (see runHash): the cues opening with it, longest
   * first, as the source of one sticky alternation, compiled at its first try (most runs never come).
   */
  byRun: Map<number, RegExp | string>;
  /** One bit per byRun key (its low bits): most words are told apart here, without the Map. */
  runs: Uint8Array;
  /** Cues by their words folded and joined by one space. */
  byKey: Map<string, CuePhrase>;
}

/**
 * The table as data (cueTableData): the list read and sorted, which `npm run build` writes beside the
 * compiled module (BUILT) with the list's text, so that a process reads it instead of reading the
 * list anew (about 10 ms of cold code at start-up).
 */
interface CueTableData {
  /** The text of country-cues.tsv the table was made from: a table of another text is not used. */
  tsv: string;
  /** [key, words, caps, titled, cased or null, countryCode, countries or null, admin1 or null, group, person]. */
  phrases: [string, string[], boolean, boolean, string | null, string, string[] | null, string | null, boolean, boolean][];
  /** [run hash, alternation source]. */
  runs: [number, string][];
}

let table: CueTable | undefined;

/** `\b` word characters (ASCII letters, digits and "_"), by code unit below 128. */
const WORD_CHAR = new Uint8Array(128);
/** Code units below 128, ASCII capitals in lower case. */
const LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  WORD_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
  LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
}
/** The run filter's size in bytes, less one (a power of two). */
const RUN_FILTER_MASK = (1 << 12) - 1;
/** Mixes a run's length into its hash. */
const RUN_LENGTH = 0x9e3779b1;

/** A hash of a run of word characters, case aside (a collision only costs a failed try). */
function runHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + LOWER[text.charCodeAt(k)]!) | 0;
  return (h + Math.imul(end - start, RUN_LENGTH)) | 0;
}

const BUILT = join(dirname(fileURLToPath(import.meta.url)), 'data', 'country-cues.table.json');

/** The table's data, read from country-cues.tsv (see CueTableData). */
export function cueTableData(tsv = readFileSync(DATA, 'utf8')): CueTableData {
  const phrases: CueTableData['phrases'] = [];
  const sources: { source: string; run: number }[] = [];
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [phrase, cc, admin1, kind] = line.split('\t').map((s) => s.trim());
    if (!phrase || !cc) continue;
    const raw = phrase.match(WORD) ?? [];
    const words = raw.map((w) => foldName(w));
    if (words.length === 0) continue;
    const caps = phrase === phrase.toUpperCase() && phrase !== phrase.toLowerCase();
    const cased = raw.some((w) => /\p{Ll}\p{Lu}/u.test(w)) ? raw.join(' ') : null;
    // ("ML|BF|NE": a group active in several countries, which it votes for alike.)
    const countries = cc.includes('|') ? cc.split('|') : null;
    const titled = caps && /^[A-Z]{5,}$/.test(phrase);
    phrases.push([words.join(' '), words, caps, titled, cased, cc === '-' || countries ? '' : cc, countries, admin1 || null, kind === 'group', kind === 'person']);
    let runEnd = 0;
    while (runEnd < raw[0]!.length && raw[0]!.charCodeAt(runEnd) < 128 && WORD_CHAR[raw[0]!.charCodeAt(runEnd)] === 1) runEnd++;
    if (runEnd === 0) throw new Error(`country-cues.tsv: "${phrase}" must begin with an ASCII letter or digit`);
    sources.push({
      source: raw.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('[ \\t\\u00a0-]+'),
      run: runHash(raw[0]!, 0, runEnd),
    });
  }
  // Longest first (a stable sort: the order of the one alternation this stands for).
  sources.sort((a, b) => b.source.length - a.source.length);
  const grouped = new Map<number, string[]>();
  for (const { source, run } of sources) {
    const list = grouped.get(run);
    if (list) list.push(source);
    else grouped.set(run, [source]);
  }
  // (A trailing "s" is the plural, or the possessive written without its apostrophe, as notes
  // often do: "the Guellehs regime", "FACAs".)
  const runs = [...grouped].map(([run, list]): [number, string] => [run, `(?:${list.join('|')})(s)?\\b`]);
  return { tsv, phrases, runs };
}

/** Writes the table's data beside the compiled module (`npm run build`). */
export function writeCueTable(): void {
  writeFileSync(BUILT, JSON.stringify(cueTableData()));
}

function cueTable(): CueTable {
  if (table) return table;
  const tsv = readFileSync(DATA, 'utf8');
  let data: CueTableData | undefined;
  if (existsSync(BUILT)) {
    const built = JSON.parse(readFileSync(BUILT, 'utf8')) as CueTableData;
    if (built.tsv === tsv) data = built;
  }
  data ??= cueTableData(tsv);
  const byKey = new Map<string, CuePhrase>();
  for (const [key, words, caps, titled, cased, countryCode, countries, admin1, group, person] of data.phrases) {
    byKey.set(key, { words, caps, titled, cased: cased ?? undefined, countryCode, countries: countries ?? undefined, admin1: admin1 ?? undefined, group, person });
  }
  const byRun = new Map<number, RegExp | string>();
  const runs = new Uint8Array(RUN_FILTER_MASK + 1);
  for (const [run, source] of data.runs) {
    byRun.set(run, source);
    runs[(run >>> 3) & RUN_FILTER_MASK]! |= 1 << (run & 7);
  }
  table = { byRun, runs, byKey };
  return table;
}

/** The country cues of a text (or of its ranges), in text order, longest match first at each word. */
export function findCountryCues(text: string, from = 0, ranges?: readonly TextRange[]): CountryCue[] {
  const { byRun, runs, byKey } = cueTable();
  const out: CountryCue[] = [];
  const spans: readonly TextRange[] = ranges ?? [[from, text.length]];
  for (const [rs, re] of spans) {
    const s = Math.max(rs, from);
    if (s >= re) continue;
    // The range alone is searched (its edges are word boundaries, and no cue runs past its end).
    const part = s === 0 && re === text.length ? text : text.slice(s, re);
    const n = part.length;
    let i = 0;
    while (i < n) {
      let c = part.charCodeAt(i);
      if (c >= 128 || WORD_CHAR[c] === 0) {
        i++;
        continue;
      }
      // A word boundary opens a run of word characters here: its hash as it is read.
      let h = 0;
      let before = 0;
      let j = i;
      do {
        before = h;
        h = (Math.imul(h, 31) + LOWER[c]!) | 0;
        if (++j >= n) break;
        c = part.charCodeAt(j);
      } while (c < 128 && WORD_CHAR[c] === 1);
      h = (h + Math.imul(j - i, RUN_LENGTH)) | 0;
      // (The run filter tested here: most words open no cue, and a call per word costs more than the test.)
      let m = (runs[(h >>> 3) & RUN_FILTER_MASK]! & (1 << (h & 7))) === 0 ? null : matchAt(byRun, h, part, i);
      // A run ending in a lower-case "s" may be a one-word cue's plural or possessive ("FACAs").
      if (m === null && j - i > 1 && part.charCodeAt(j - 1) === 115) {
        const hs = (before + Math.imul(j - 1 - i, RUN_LENGTH)) | 0;
        if ((runs[(hs >>> 3) & RUN_FILTER_MASK]! & (1 << (hs & 7))) !== 0) m = matchAt(byRun, hs, part, i);
      }
      if (m === null) {
        i = j;
        continue;
      }
      i = m.index + m[0].length;
      // (The "s" is a lower-case one: "MINUSCAS" is no cue.)
      if (m[1] === 'S') continue;
      const name = m[1] === undefined ? m[0] : m[0].slice(0, -1);
      const p = byKey.get((name.match(WORD) ?? []).map((w) => foldName(w)).join(' '));
      // (A cue written in capitals, an acronym, is one only in capitals: "OLA", not "Ola".)
      if (!p || (p.caps && name !== name.toUpperCase() && !(p.titled && name === name[0] + name.slice(1).toLowerCase())) || (p.cased !== undefined && (name.match(WORD) ?? []).join(' ') !== p.cased)) continue;
      out.push({ start: s + m.index, end: s + m.index + m[0].length, countryCode: p.countryCode, admin1: p.admin1, group: p.group, person: p.person, ...(p.countries ? { countries: p.countries } : {}) });
    }
  }
  return out;
}

/** The cues opening with the run of hash h (which the run filter lets through), tried at i (longest first), or null. */
function matchAt(byRun: Map<number, RegExp | string>, h: number, part: string, i: number): RegExpExecArray | null {
  let pattern = byRun.get(h);
  if (pattern === undefined) return null;
  if (typeof pattern === 'string') byRun.set(h, (pattern = new RegExp(pattern, 'iy')));
  pattern.lastIndex = i;
  return pattern.exec(part);
}

/** cueEntry's answers, per gazetteer, by country code and admin1 name. */
const entriesOf = new WeakMap<Gazetteer, Map<string, number | undefined>>();

/** The gazetteer entry a cue stands for: its admin1 region when it names one, else its country. */
export function cueEntry(gaz: Gazetteer, cue: CountryCue): number | undefined {
  if (!cue.countryCode) return undefined;
  let known = entriesOf.get(gaz);
  if (!known) entriesOf.set(gaz, (known = new Map()));
  const where = `${cue.countryCode}\t${cue.admin1 ?? ''}`;
  if (known.has(where)) return known.get(where);
  const e = lookUpCueEntry(gaz, cue);
  known.set(where, e);
  return e;
}

function lookUpCueEntry(gaz: Gazetteer, cue: CountryCue): number | undefined {
  const country = gaz.findCountry(cue.countryCode);
  if (!country) return undefined;
  const cc = gaz.countries.indexOf(country);
  const pick = (name: string, feature: number) => (gaz.lookup(foldName(name)) ?? []).find((e) => gaz.countryIndex(e) === cc && gaz.feature(e) === feature);
  return (cue.admin1 ? pick(cue.admin1, FEATURE_CODES.admin1) : undefined) ?? pick(country.name, FEATURE_CODES.country) ?? country.names.map((n) => pick(n, FEATURE_CODES.country)).find((e) => e !== undefined);
}
