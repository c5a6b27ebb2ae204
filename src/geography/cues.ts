// Country cues: names that point to one country without being places ("FACA", "the anti-Balaka",
// "Oromo protesters", "woreda", "MINUSCA"), from data/country-cues.tsv. A cue votes for its country
// when the text's places are resolved, hides a place name inside it ("anti-Balaka" is no mention of
// Balaka, Malawi), and names the country of a text that names no place.
import { readFileSync } from 'node:fs';
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
}

interface CuePhrase {
  words: string[];
  /** Written in capitals in the list ("OLA", "SAF"): matches only in capitals. */
  caps: boolean;
  countryCode: string;
  admin1?: string;
  group: boolean;
}

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'data', 'country-cues.tsv');

/** A word: letters, digits, and the "&" and apostrophe inside names ("J&K", "People's"). */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’]*[\p{L}\p{N}])?/gu;
interface CueTable {
  /** One pattern for every cue, longest first (one pass over the text, run by the regex engine). */
  pattern: RegExp;
  /** Cues by their words folded and joined by one space. */
  byKey: Map<string, CuePhrase>;
}

let table: CueTable | undefined;

function cueTable(): CueTable {
  if (table) return table;
  const byKey = new Map<string, CuePhrase>();
  const sources: string[] = [];
  for (const line of readFileSync(DATA, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [phrase, cc, admin1, kind] = line.split('\t').map((s) => s.trim());
    if (!phrase || !cc) continue;
    const words = (phrase.match(WORD) ?? []).map((w) => foldName(w));
    if (words.length === 0) continue;
    const caps = phrase === phrase.toUpperCase() && phrase !== phrase.toLowerCase();
    byKey.set(words.join(' '), { words, caps, countryCode: cc === '-' ? '' : cc, admin1: admin1 || undefined, group: kind === 'group' });
    sources.push((phrase.match(WORD) ?? []).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('[ \\t\\u00a0-]+'));
  }
  sources.sort((a, b) => b.length - a.length);
  // (Cue words are ASCII: \b is a word boundary for them.)
  table = { pattern: new RegExp(`\\b(?:${sources.join('|')})\\b`, 'gi'), byKey };
  return table;
}

/** The country cues of a text (or of its ranges), in text order, longest match first at each word. */
export function findCountryCues(text: string, from = 0, ranges?: readonly TextRange[]): CountryCue[] {
  const { pattern, byKey } = cueTable();
  const out: CountryCue[] = [];
  const spans: readonly TextRange[] = ranges ?? [[from, text.length]];
  for (const [rs, re] of spans) {
    const s = Math.max(rs, from);
    if (s >= re) continue;
    // The range alone is searched: searched in the whole text, each range's last search would run
    // on to the next match, past the range (over the rest of the text, once per range).
    const part = s === 0 && re === text.length ? text : text.slice(s, re);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(part); m !== null; m = pattern.exec(part)) {
      const p = byKey.get((m[0].match(WORD) ?? []).map((w) => foldName(w)).join(' '));
      // (A cue written in capitals, an acronym, is one only in capitals: "OLA", not "Ola".)
      if (!p || (p.caps && m[0] !== m[0].toUpperCase())) continue;
      out.push({ start: s + m.index, end: s + m.index + m[0].length, countryCode: p.countryCode, admin1: p.admin1, group: p.group });
    }
  }
  return out;
}

/** The gazetteer entry a cue stands for: its admin1 region when it names one, else its country. */
export function cueEntry(gaz: Gazetteer, cue: CountryCue): number | undefined {
  if (!cue.countryCode) return undefined;
  const country = gaz.findCountry(cue.countryCode);
  if (!country) return undefined;
  const cc = gaz.countries.indexOf(country);
  const pick = (name: string, feature: number) => (gaz.lookup(foldName(name)) ?? []).find((e) => gaz.countryIndex(e) === cc && gaz.feature(e) === feature);
  return (cue.admin1 ? pick(cue.admin1, FEATURE_CODES.admin1) : undefined) ?? pick(country.name, FEATURE_CODES.country) ?? country.names.map((n) => pick(n, FEATURE_CODES.country)).find((e) => e !== undefined);
}
