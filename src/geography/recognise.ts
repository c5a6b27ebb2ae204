// Toponym recognition without a statistical tagger: one pass of a light word scanner over the text,
// longest gazetteer match over capitalised word n-grams (indexed by folded first word), then
// filters for people and organisations and for common words that only cues make places.
import { createRequire } from 'node:module';
import { foldToken } from './fold.js';
import { FEATURE_CODES } from './gazetteer-format.js';
import type { Gazetteer } from './gazetteer.js';

const require = createRequire(import.meta.url);
const WORDS = require('./data/context-words.json') as Record<string, string[] | string>;
const set = (k: string) => new Set(WORDS[k] as string[]);
const CUES = set('cuesBefore');
const CUE_NOUNS = set('cueNounsBeforeOf');
const DIRECTIONS = set('directions');
const SUFFIX_ADMIN2 = set('placeSuffixAdmin2');
const SUFFIX_ADMIN1 = set('placeSuffixAdmin1');
const SUFFIX_CITY = set('placeSuffixCity');
const CONNECTORS = set('connectors');
const ORG_TAILS = set('orgTails');
const ORG_HEADS = set('orgHeads');
const TITLES = set('personTitles');
const SPEECH = set('speechVerbs');
const CALENDAR = set('calendarWords');
const NAME_PREFIXES = set('namePrefixes');

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** First letter upper-case. */
  cap: boolean;
  /** Every letter upper-case (two letters or more). */
  allCaps: boolean;
  /** First word of a sentence (or of the text, a line, a quotation). */
  initial: boolean;
}

// Word characters: ASCII letters and digits from a table, other characters by Unicode class.
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
const LETTER_RE = /[\p{L}\p{M}\p{N}]/u;
function isWordChar(c: number, ch: string): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : LETTER_RE.test(ch);
}
function isUpper(c: number, ch: string): boolean {
  return c < 128 ? c >= 65 && c <= 90 : ch !== ch.toLowerCase();
}

/**
 * Words of the text from `from`: runs of letters and digits, with inner apostrophes ("Dar'a",
 * but not a possessive 's), initialisms ("U.S.", "D.C.") and "W.Va." kept whole.
 */
export function scanWords(text: string, from = 0): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c, text[i]!)) { i++; continue; }
    const start = i;
    let j = i + 1;
    for (;;) {
      while (j < n && isWordChar(text.charCodeAt(j), text[j]!)) j++;
      // Inner apostrophe followed by letters, except the possessive "'s".
      const a = text.charCodeAt(j);
      if ((a === 39 || a === 0x2019) && j + 1 < n && isWordChar(text.charCodeAt(j + 1), text[j + 1]!)) {
        const s1 = text.charCodeAt(j + 1);
        if ((s1 === 115 || s1 === 83) && (j + 2 >= n || !isWordChar(text.charCodeAt(j + 2), text[j + 2]!))) break;
        j += 1;
        continue;
      }
      break;
    }
    // "U.S.", "D.C.", "U.S.A." and "W.Va.": capital letters with dots.
    if (text.charCodeAt(j) === 46 && isUpper(c, text[start]!) && j + 1 < n && isUpper(text.charCodeAt(j + 1), text[j + 1]!)) {
      const m = /^(?:(?:\p{Lu}\.){2,}|\p{Lu}\.\p{Lu}\p{Ll}+\.)/u.exec(text.slice(start, start + 12));
      if (m) j = start + m[0].length;
    }
    const w = text.slice(start, j);
    const cap = isUpper(c, w[0]!);
    let allCaps = false;
    if (cap && w.length >= 2) allCaps = w === w.toUpperCase() && w !== w.toLowerCase();
    words.push({ start, end: j, text: w, lower: w.toLowerCase(), cap, allCaps, initial: cap ? isSentenceStart(text, start, from, words) : false });
    i = j;
  }
  return words;
}

/** Only spaces, quotes or brackets back to a sentence end, a line break or the start. */
function isSentenceStart(text: string, start: number, from: number, words: Word[]): boolean {
  let k = start - 1;
  while (k >= from) {
    const ch = text.charCodeAt(k);
    if (ch === 32 || ch === 9 || ch === 34 || ch === 39 || ch === 40 || ch === 91 || ch === 0x201c || ch === 0x2018 || ch === 0xa0) k--;
    else break;
  }
  if (k < from) return true;
  const ch = text[k]!;
  let initial = ch === '.' || ch === '!' || ch === '?' || ch === ':' || ch === '\n' || ch === '\r' || ch === ';' || ch === '—' || ch === '•';
  // "St. Louis", "U.S. forces": a dot after an abbreviation does not end a sentence.
  if (ch === '.' && words.length > 0) {
    const prev = words[words.length - 1]!;
    if (prev.end >= k && (prev.text.length <= 2 || prev.text.includes('.'))) initial = false;
  }
  return initial;
}

export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** Folded name the gazetteer matched. */
  key: string;
  /** Gazetteer entries with this name. */
  entries: readonly number[];
  /** Entry (country or region) when the mention is a demonym ("Syrian", "Texan"). */
  demonym?: number;
  /** Index of the first and one past the last word. */
  w0: number;
  w1: number;
  /** "in X", "near X", "the city of X". */
  cue: boolean;
  /** Near-type cue ("near", "outside", "north of") for geo_precision. */
  near: boolean;
  /** The feature a suffix asks for ("X County" -> admin2, "X province" -> admin1, "X city" -> city). */
  want?: number;
  /** Index (in the candidate list) of the place named right after ", " ("Baragoi, Samburu"). */
  container?: number;
  /** Index of the place this one contains ("Samburu" in "Baragoi, Samburu"). */
  containerOf?: number;
  /** Single word that is also a common English word ("Reading", "Mobile"). */
  common: boolean;
  /** First name, not in a person context seen so far. */
  firstName: boolean;
  /** Abbreviation of a state after a comma ("La."). */
  abbreviation?: boolean;
  /** In a list of places ("Harwinton, Bantam and Winsted"). */
  listed?: boolean;
}

const LIST_GAP = /^(?:,\s|,?\s(?:and|or)\s|\s?\/\s?)$/;

/** Last words of the phrases NEAR_BEFORE matches: the regular expression runs only after them. */
const NEAR_LAST_WORDS = new Set(['near', 'outside', 'around', 'to', 'of', 'from', 'the', 'town', 'city', 'village']);

const NEAR_BEFORE = /(?:\bnear|\boutside|\baround|\bclose to|\bvicinity of|\boutskirts of|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of|\bkm from|\bkilometres from|\bkilometers from|\bmiles from)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?$/i;

function joinable(text: string, a: Word, b: Word): boolean {
  const gap = b.start - a.end;
  if (gap === 1) {
    const c = text.charCodeAt(a.end);
    return c === 32 || c === 45 || c === 0xa0 || c === 0x2010 || c === 0x2011;
  }
  // "St. Louis", "Ft. Worth", "Mt. Kenya"
  if (gap === 2 && text[a.end] === '.' && text[a.end + 1] === ' ') return a.lower === 'st' || a.lower === 'ft' || a.lower === 'mt';
  return false;
}

function followsComma(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ', ' || gap === ',' || gap === '., ';
}

/**
 * Candidate toponyms in `text` (from offset `from`), sorted by start, with the cues and
 * filters the resolver needs. People ("John Kirby", "Jordan Peterson") and organisations
 * ("Washington Post") are dropped here.
 */
export function recognise(gaz: Gazetteer, text: string, from = 0): Candidate[] {
  const words = scanWords(text, from);
  const n = words.length;
  const folds: (string | undefined)[] = new Array(n);
  const fold = (i: number) => folds[i] ?? (folds[i] = foldToken(words[i]!.text));

  // People: words right after a first name or a title ("John Kirby", "Gov. Perdue"), so that a
  // later "Kirby said" is not a place either.
  const personWords = new Set<string>();
  for (let i = 0; i + 1 < n; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!a.cap || !b.cap || a.allCaps || b.allCaps) continue;
    const gap = text.slice(a.end, b.start);
    const isTitle = TITLES.has(a.lower) && (gap === ' ' || gap === '. ');
    if ((gap === ' ' && gaz.firstNames.has(a.lower) && !gaz.has(a.lower + ' ' + fold(i + 1))) || isTitle) {
      const f = fold(i + 1);
      if (!gaz.demonyms.has(f) && !isCountryish(gaz, f)) personWords.add(f);
      // "John Henry Smith": after a middle name (itself a first name) comes the surname.
      const j = i + 2;
      if (j < n && gaz.firstNames.has(b.lower) && words[j]!.cap && text.slice(b.end, words[j]!.start) === ' ') {
        const fj = fold(j);
        if (!isCountryish(gaz, fj)) personWords.add(fj);
      }
    }
  }

  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    if (!w.cap) continue;
    const f0 = fold(i);
    const maxWords = gaz.maxWords.get(f0);
    if (maxWords === undefined) {
      // "D.C.", "S.C.", "W.Va.": dotted state abbreviations name their state anywhere.
      if (w.text.length > 3 && w.text.indexOf('.') < w.text.length - 1 && w.text.includes('.')) {
        const e = gaz.abbreviations.get(f0);
        if (e !== undefined) out.push({ start: w.start, end: w.end, text: w.text, key: f0, entries: [e], w0: i, w1: i + 1, cue: true, near: false, common: false, firstName: false, abbreviation: true });
      }
      continue;
    }
    let key = f0;
    let bestEnd = gaz.has(f0) || gaz.demonyms.has(f0) ? i : -1;
    let bestKey = f0;
    for (let j = i + 1; j < n && j - i < maxWords; j++) {
      const wj = words[j]!;
      if (!joinable(text, words[j - 1]!, wj)) break;
      if (!wj.cap && !CONNECTORS.has(wj.lower)) break;
      key += ' ' + fold(j);
      if (wj.cap && (gaz.has(key) || gaz.demonyms.has(key))) {
        bestEnd = j;
        bestKey = key;
      }
    }
    if (bestEnd < 0) continue;
    const c = makeCandidate(gaz, text, words, i, bestEnd, bestKey, personWords, fold);
    i = bestEnd;
    if (c === NOT_A_PLACE) {
      // The rest of a person's or organisation's name is not a place either ("Washington Post").
      while (i + 1 < n && words[i + 1]!.cap && joinable(text, words[i]!, words[i + 1]!)) i++;
      continue;
    }
    if (!c) continue;
    // A place suffix after the name: "Nangarhar Province", "Rapides parish".
    const next = words[c.w1];
    if (next && joinable(text, words[c.w1 - 1]!, next)) {
      const want = SUFFIX_ADMIN2.has(next.lower) ? FEATURE_CODES.admin2 : SUFFIX_ADMIN1.has(next.lower) ? FEATURE_CODES.admin1 : SUFFIX_CITY.has(next.lower) ? FEATURE_CODES.city : undefined;
      if (want !== undefined && c.demonym === undefined) {
        c.want = want;
        if (next.cap) {
          c.end = next.end;
          c.text = text.slice(c.start, c.end);
          c.w1++;
          i = c.w1 - 1;
        }
      }
    }
    // "Alexandria, La.": a state abbreviation after a comma.
    const after = words[c.w1];
    if (after && c.demonym === undefined && followsComma(text, words[c.w1 - 1]!, after)) {
      const ab = abbreviationAt(gaz, text, words, c.w1);
      if (ab) {
        out.push(c);
        c.container = out.length;
        out.push({ start: after.start, end: ab.end, text: text.slice(after.start, ab.end), key: ab.key, entries: [ab.entry], w0: c.w1, w1: ab.w1, cue: true, near: false, containerOf: out.length - 1, common: false, firstName: false, abbreviation: true });
        i = ab.w1 - 1;
        continue;
      }
    }
    out.push(c);
  }

  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (b.demonym !== undefined || a.demonym !== undefined) continue;
    // "Harwinton, Bantam, Litchfield and Winsted": names in a list of places support each other.
    const gap = text.slice(a.end, b.start);
    if (b.w0 === a.w1 && LIST_GAP.test(gap)) a.listed = b.listed = true;
    // "Baragoi, Samburu": the second names the region the first lies in.
    if (a.container !== undefined) continue;
    if (b.w0 === a.w1 && followsComma(text, words[a.w1 - 1]!, words[b.w0]!) && (b.abbreviation || b.entries.some((e) => gaz.feature(e) !== FEATURE_CODES.city))) {
      a.container = k + 1;
      b.containerOf = k;
    }
  }
  return out;
}

/** After a dateline's place: ", ST." or " --", " —", " -", " (AP)". */
function isDateline(text: string, end: number): boolean {
  const after = text.slice(end, end + 6);
  return /^(,|\s+(--|—|–|-)\s|\s*\((AP|Reuters|AFP)\))/.test(after);
}

function isCountryish(gaz: Gazetteer, key: string): boolean {
  const e = gaz.lookup(key);
  if (!e) return false;
  for (const i of e) {
    const f = gaz.feature(i);
    if (f === FEATURE_CODES.country || f === FEATURE_CODES.admin1 || f === FEATURE_CODES.region) return true;
  }
  return false;
}

function abbreviationAt(gaz: Gazetteer, text: string, words: Word[], j: number): { key: string; entry: number; end: number; w1: number } | undefined {
  const w = words[j]!;
  if (!w.cap) return undefined;
  // "La.", "Calif.", "W.Va.", "W. Va.", "N.Y.", "NSW"
  const tries: [string, number, number][] = [];
  const dotAfter = text[w.end] === '.';
  tries.push([foldToken(w.text), dotAfter ? w.end + 1 : w.end, j + 1]);
  const w2 = words[j + 1];
  if (w2 && dotAfter && text[w.end + 1] === ' ' && w2.start === w.end + 2) tries.push([foldToken(w.text) + foldToken(w2.text), text[w2.end] === '.' ? w2.end + 1 : w2.end, j + 2]);
  for (const [key, end, w1] of tries.reverse()) {
    const e = gaz.abbreviations.get(key);
    // Postal codes without a dot ("GA") would catch acronyms; AP abbreviations carry the dot.
    if (e !== undefined && (text[end - 1] === '.' || key.length > 2)) return { key, entry: e, end, w1 };
  }
  return undefined;
}

/** A name that is part of a person's or an organisation's name. */
const NOT_A_PLACE = 'not-a-place' as const;

function makeCandidate(
  gaz: Gazetteer,
  text: string,
  words: Word[],
  i: number,
  j: number,
  key: string,
  personWords: Set<string>,
  fold: (i: number) => string,
): Candidate | typeof NOT_A_PLACE | undefined {
  const first = words[i]!;
  const last = words[j]!;
  const single = i === j;
  const entries = gaz.lookup(key) ?? [];
  const demonym = gaz.demonyms.get(key);
  let strong = false; // a country, first-level region or continent: never a person's name here
  for (const e of entries) {
    const f = gaz.feature(e);
    if (f === FEATURE_CODES.country || f === FEATURE_CODES.admin1 || f === FEATURE_CODES.region) strong = true;
  }
  if (demonym !== undefined) strong = true;

  // A dateline: "CHARLESTON, W.Va. --", "COLUMBUS --", "NEWARK — The council".
  const dateline = first.allCaps && first.initial && isDateline(text, last.end);
  // Acronyms ("ISIS", "CNN", "AP") are places only when they name a country or region ("UK", "DRC", "NSW").
  if (!dateline) {
    if (single && first.allCaps && !strong) return undefined;
    if (first.allCaps && first.text.length <= 3 && !strong) return undefined;
  }
  // "South", "Central": a direction alone names no place here.
  if (single && DIRECTIONS.has(first.lower)) return undefined;
  const nextWord = words[j + 1];
  // "Abu Shok", "Al-Fashir", "San Something": the start of a longer name we do not know.
  if (single && NAME_PREFIXES.has(first.lower) && nextWord && nextWord.cap && joinable(text, last, nextWord)) return NOT_A_PLACE;
  // "Kasai-Oriental"-like compounds: a name hyphenated to another capitalised word is part of it.
  if (!strong && nextWord && nextWord.cap && nextWord.start === last.end + 1 && text[last.end] === '-') return NOT_A_PLACE;

  const prev = i > 0 ? words[i - 1] : undefined;
  const prevJoined = prev !== undefined && text.slice(prev.end, first.start) === ' ';
  const next = words[j + 1];
  const nextJoined = next !== undefined && text.slice(last.end, next.start) === ' ';

  // Part of a longer capitalised name: "John Kirby", "Farhad Shami", "Head of Media Center X".
  // "Eastern Creek": a direction word before a minor name makes a longer name.
  if (prev && prevJoined && prev.cap && !prev.initial && DIRECTIONS.has(prev.lower) && !strong && entries.every((e) => gaz.population(e) < 100_000)) return undefined;
  if (prev && prevJoined && prev.cap && !prev.initial && !DIRECTIONS.has(prev.lower) && !prev.allCaps) {
    const pf = fold(i - 1);
    if (!gaz.demonyms.has(pf) && !gaz.has(pf) && !strong) return undefined;
    if (gaz.firstNames.has(prev.lower) || TITLES.has(prev.lower)) return undefined;
  }
  // "Dr. Paris", "Mr. Jordan"
  if (prev && prev.cap && TITLES.has(prev.lower) && text.slice(prev.end, first.start).startsWith('.')) return undefined;
  // Initials: "J. Smith"
  if (prev && prev.text.length === 1 && prev.cap && text[prev.end] === '.' && !strong) return undefined;

  // "March", "May", "Sunday": a place only as "X, Country".
  if (single && CALENDAR.has(first.lower) && !followsComma(text, last, next ?? last)) return undefined;
  const firstName = single && gaz.firstNames.has(first.lower);
  if (single && personWords.has(key)) return undefined;

  if (next && nextJoined && next.cap && !next.allCaps) {
    // Newspapers, teams, streets, buildings: "Washington Post", "Texas Rangers", "Jordan Street".
    if (ORG_TAILS.has(next.lower) && !ORG_HEADS.has(next.lower)) return NOT_A_PLACE;
    // "Jordan Peterson", "Paris Hilton": a first name followed by a surname.
    // A country or state that is also a first name ("Georgia", "Jordan") needs a surname-like word:
    // neither a common word ("Georgia Arrests") nor a place.
    if (firstName && (!strong || (!gaz.commonWords.has(next.lower) && !gaz.has(fold(j + 1)))) && !ORG_HEADS.has(next.lower) && !SUFFIX_ADMIN1.has(next.lower) && !SUFFIX_ADMIN2.has(next.lower) && !SUFFIX_CITY.has(next.lower)) return NOT_A_PLACE;
  } else if (next && nextJoined && firstName && SPEECH.has(next.lower) && !strong) {
    return undefined; // "Kirby said"
  }

  const before = prev !== undefined && NEAR_LAST_WORDS.has(prev.lower) ? text.slice(Math.max(0, first.start - 40), first.start) : '';
  let cue = false;
  if (prev && prevJoined) {
    if (CUES.has(prev.lower) || DIRECTIONS.has(prev.lower)) cue = true;
    else if (prev.lower === 'of' && i >= 2 && CUE_NOUNS.has(words[i - 2]!.lower)) cue = true;
    else if (prev.lower === 'the' && i >= 2 && CUES.has(words[i - 2]!.lower)) cue = true;
  }
  const near = prev !== undefined && NEAR_LAST_WORDS.has(prev.lower) && NEAR_BEFORE.test(before);
  // "the city of X", "X province" (the suffix is handled by the caller).
  let want: number | undefined;
  if (prev?.lower === 'of' && i >= 2) {
    const noun = words[i - 2]!.lower;
    want = SUFFIX_CITY.has(noun) ? FEATURE_CODES.city : SUFFIX_ADMIN1.has(noun) ? FEATURE_CODES.admin1 : SUFFIX_ADMIN2.has(noun) ? FEATURE_CODES.admin2 : undefined;
  } else if (prev && prevJoined && SUFFIX_CITY.has(prev.lower) && !prev.cap) want = FEATURE_CODES.city;
  // "Reading", "Mobile", "Hope" (but not "US" or "U.S.", which are no pronoun).
  const common = single && !first.allCaps && !first.text.includes('.') && gaz.commonWords.has(key);

  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    key,
    entries,
    demonym,
    w0: i,
    w1: j + 1,
    cue: cue || near || dateline,
    near,
    want,
    common,
    firstName,
  };
}
